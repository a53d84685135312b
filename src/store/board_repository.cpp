#include "store/board_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "id, name, definition, created_by, created_at, updated_at, archived_at, built_in";

BoardRecord board_of(const Row& r) {
  return BoardRecord{r.integer(0),          r.text(1),         r.text(2),
                     r.optional_integer(3), r.integer(4),      r.integer(5),
                     r.optional_integer(6), r.optional_text(7)};
}

}  // namespace

core::Result<std::int64_t> BoardRepository::insert(const BoardRecord& b) {
  auto rows = db_.query(
      "INSERT INTO boards (name, definition, created_by, created_at, updated_at, built_in) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {b.name, b.definition, nullable(b.created_by), b.created_at, b.updated_at,
       nullable(b.built_in)});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::optional<BoardRecord>> BoardRepository::find(std::int64_t id) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM boards WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<BoardRecord>();
  return std::optional<BoardRecord>(board_of(rows->front()));
}

core::Result<std::optional<BoardRecord>> BoardRepository::find_built_in(std::string_view key) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM boards WHERE built_in = $1",
                        {std::string(key)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<BoardRecord>();
  return std::optional<BoardRecord>(board_of(rows->front()));
}

core::Result<std::vector<BoardRecord>> BoardRepository::list(std::int64_t after_id, int limit) {
  auto rows = db_.query("SELECT " + std::string(kColumns) +
                            " FROM boards WHERE id > $1 AND archived_at IS NULL ORDER BY id "
                            "LIMIT $2",
                        {after_id, std::int64_t{limit + 1}});
  if (!rows) return rows.error();
  std::vector<BoardRecord> out;
  for (const auto& r : *rows)
    out.push_back(board_of(r));
  return out;
}

core::Result<bool> BoardRepository::update(const BoardRecord& b) {
  auto rows =
      db_.query("UPDATE boards SET name = $1, definition = $2, updated_at = $3 WHERE id = $4",
                {b.name, b.definition, b.updated_at, b.id});
  if (!rows) return rows.error();
  return rows->changes > 0;
}

core::Result<bool> BoardRepository::archive(std::int64_t id, std::int64_t at) {
  auto rows = db_.query(
      "UPDATE boards SET archived_at = $1, updated_at = $1 WHERE id = $2 AND archived_at IS NULL",
      {at, id});
  if (!rows) return rows.error();
  return rows->changes > 0;
}

}  // namespace laurel::store
