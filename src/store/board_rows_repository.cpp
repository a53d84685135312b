#include "store/board_rows_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "id, board_id, period, version, status, rows, submitted_by, submitted_at, decided_by, "
    "decided_at, reason";

BoardRowVersion version_of(const Row& r) {
  return BoardRowVersion{r.integer(0),          r.integer(1),       r.text(2),
                         r.integer(3),          r.text(4),          r.text(5),
                         r.optional_integer(6), r.integer(7),       r.optional_integer(8),
                         r.optional_integer(9), r.optional_text(10)};
}

}  // namespace

core::Result<BoardRowVersion> BoardRowsRepository::insert(BoardRowVersion v) {
  // In the caller's write transaction: one writer at a time numbers the versions.
  auto rows = db_.query(
      "INSERT INTO board_row_versions (board_id, period, version, status, rows, submitted_by,"
      " submitted_at) SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6"
      " FROM board_row_versions WHERE board_id = $1 AND period = $2 RETURNING id, version",
      {v.board_id, v.period, v.status, v.rows, nullable(v.submitted_by), v.submitted_at});
  if (!rows) return rows.error();
  v.id = rows->front().integer(0);
  v.version = rows->front().integer(1);
  return v;
}

core::Result<std::optional<BoardRowVersion>> BoardRowsRepository::find(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kColumns) + " FROM board_row_versions WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<BoardRowVersion>();
  return std::optional(version_of(rows->front()));
}

core::Result<std::vector<BoardRowVersion>> BoardRowsRepository::list(std::int64_t board_id,
                                                                     const std::string& period) {
  auto rows = db_.query("SELECT " + std::string(kColumns) +
                            " FROM board_row_versions WHERE board_id = $1 AND period = $2"
                            " ORDER BY version DESC",
                        {board_id, period});
  if (!rows) return rows.error();
  std::vector<BoardRowVersion> out;
  for (const auto& r : *rows)
    out.push_back(version_of(r));
  return out;
}

core::Result<bool> BoardRowsRepository::decide(std::int64_t id, const std::string& status,
                                               std::int64_t by, std::int64_t at,
                                               const std::optional<std::string>& reason) {
  auto rows = db_.query(
      "UPDATE board_row_versions SET status = $2, decided_by = $3, decided_at = $4, reason = $5"
      " WHERE id = $1 AND status = 'pending'",
      {id, status, by, at, nullable(reason)});
  if (!rows) return rows.error();
  return rows->changes == 1;
}

}  // namespace laurel::store
