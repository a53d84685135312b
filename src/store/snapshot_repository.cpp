#include "store/snapshot_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kHead =
    "id, board_id, period, kind, natural_key, scheduled_for, taken_at, taken_by, folded_up_to, "
    "tie_policy, total";

SnapshotRecord snapshot_of(const Row& r, bool with_rows) {
  SnapshotRecord s;
  s.id = r.integer(0);
  s.board_id = r.integer(1);
  s.period = r.text(2);
  s.kind = r.text(3);
  s.natural_key = r.optional_text(4);
  s.scheduled_for = r.optional_integer(5);
  s.taken_at = r.integer(6);
  s.taken_by = r.optional_integer(7);
  s.folded_up_to = r.integer(8);
  s.tie_policy = r.text(9);
  s.total = r.integer(10);
  if (with_rows) s.rows = r.text(11);
  return s;
}

}  // namespace

core::Result<std::optional<std::int64_t>> SnapshotRepository::insert(const SnapshotRecord& s) {
  auto rows = db_.query(
      "INSERT INTO board_snapshots (board_id, period, kind, natural_key, scheduled_for, taken_at,"
      " taken_by, folded_up_to, tie_policy, total, rows)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
      " ON CONFLICT (natural_key) DO NOTHING RETURNING id",
      {s.board_id, s.period, s.kind, nullable(s.natural_key), nullable(s.scheduled_for), s.taken_at,
       nullable(s.taken_by), s.folded_up_to, s.tie_policy, s.total, s.rows});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional(rows->front().integer(0));
}

core::Result<std::optional<SnapshotRecord>> SnapshotRepository::find(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kHead) + ", rows FROM board_snapshots WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<SnapshotRecord>();
  return std::optional(snapshot_of(rows->front(), true));
}

core::Result<std::vector<SnapshotRecord>> SnapshotRepository::list(std::int64_t board_id,
                                                                   std::int64_t before_id,
                                                                   int limit) {
  auto rows = db_.query("SELECT " + std::string(kHead) +
                            " FROM board_snapshots WHERE board_id = $1 AND ($2 = 0 OR id < $2)"
                            " ORDER BY id DESC LIMIT $3",
                        {board_id, before_id, std::int64_t{limit + 1}});
  if (!rows) return rows.error();
  std::vector<SnapshotRecord> out;
  for (const auto& r : *rows)
    out.push_back(snapshot_of(r, false));
  return out;
}

core::Result<std::optional<SnapshotRecord>> SnapshotRepository::to_compare(
    std::int64_t board_id, const std::string& period) {
  auto rows = db_.query("SELECT " + std::string(kHead) +
                            ", rows FROM board_snapshots WHERE board_id = $1 AND"
                            " (period = $2 OR (kind = 'period_close' AND period < $2))"
                            " ORDER BY (period = $2) DESC, period DESC, id DESC LIMIT 1",
                        {board_id, period});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<SnapshotRecord>();
  return std::optional(snapshot_of(rows->front(), true));
}

}  // namespace laurel::store
