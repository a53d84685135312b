#include "store/reward_repository.hpp"

#include "store/sql_conditions.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kRewardColumns =
    "id, name, description, price, stock, per_person_limit, visible_from_level, "
    "approval_required, active, created_by, created_at, updated_at";

constexpr std::string_view kOrderColumns =
    "id, reward_id, staff_id, quantity, points, status, idempotency_key, placed_by, placed_at, "
    "decided_by, decided_at, note";

RewardRecord reward_of(const Row& r) {
  RewardRecord out;
  out.id = r.integer(0);
  out.name = r.text(1);
  out.description = r.text(2);
  out.price = r.integer(3);
  out.stock = r.optional_integer(4);
  out.per_person_limit = r.optional_integer(5);
  out.visible_from_level = r.optional_text(6);
  out.approval_required = r.boolean(7);
  out.active = r.boolean(8);
  out.created_by = r.optional_integer(9);
  out.created_at = r.integer(10);
  out.updated_at = r.integer(11);
  return out;
}

RewardOrderRecord order_of(const Row& r) {
  RewardOrderRecord out;
  out.id = r.integer(0);
  out.reward_id = r.integer(1);
  out.staff_id = r.integer(2);
  out.quantity = r.integer(3);
  out.points = r.integer(4);
  out.status = r.text(5);
  out.idempotency_key = r.text(6);
  out.placed_by = r.optional_integer(7);
  out.placed_at = r.integer(8);
  out.decided_by = r.optional_integer(9);
  out.decided_at = r.optional_integer(10);
  out.note = r.text(11);
  return out;
}

std::string select_orders(std::string_view rest) {
  return "SELECT " + std::string(kOrderColumns) + " FROM reward_orders o " + std::string(rest);
}

core::Result<std::optional<RewardOrderRecord>> first_order(core::Result<Rows> rows) {
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<RewardOrderRecord>();
  return std::optional(order_of(rows->front()));
}

}  // namespace

core::Result<std::int64_t> RewardRepository::insert(const RewardRecord& w) {
  auto rows = db_.query(
      "INSERT INTO rewards (name, description, price, stock, per_person_limit, "
      "visible_from_level, approval_required, active, created_by, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
      {w.name, w.description, w.price, nullable(w.stock), nullable(w.per_person_limit),
       nullable(w.visible_from_level), boolean(w.approval_required), boolean(w.active),
       nullable(w.created_by), w.created_at, w.updated_at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status RewardRepository::update(const RewardRecord& w) {
  auto rows = db_.query(
      "UPDATE rewards SET name = $2, description = $3, price = $4, stock = $5, "
      "per_person_limit = $6, visible_from_level = $7, approval_required = $8, active = $9, "
      "updated_at = $10 WHERE id = $1",
      {w.id, w.name, w.description, w.price, nullable(w.stock), nullable(w.per_person_limit),
       nullable(w.visible_from_level), boolean(w.approval_required), boolean(w.active),
       w.updated_at});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::optional<RewardRecord>> RewardRepository::find(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kRewardColumns) + " FROM rewards WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<RewardRecord>();
  return std::optional(reward_of(rows->front()));
}

core::Result<std::vector<RewardRecord>> RewardRepository::list(std::int64_t after_id, int limit,
                                                               bool inactive_too) {
  auto rows = db_.query("SELECT " + std::string(kRewardColumns) +
                            " FROM rewards WHERE id > $1 AND ($3 = 1 OR active = 1) "
                            "ORDER BY id LIMIT $2",
                        {after_id, std::int64_t{limit} + 1, boolean(inactive_too)});
  if (!rows) return rows.error();
  std::vector<RewardRecord> out;
  for (const auto& r : *rows)
    out.push_back(reward_of(r));
  return out;
}

core::Result<bool> RewardRepository::take_stock(std::int64_t reward_id, std::int64_t quantity) {
  auto rows = db_.query(
      "UPDATE rewards SET stock = stock - $2 WHERE id = $1 AND stock IS NOT NULL AND stock >= $2 "
      "RETURNING id",
      {reward_id, quantity});
  if (!rows) return rows.error();
  return !rows->empty();
}

core::Status RewardRepository::return_stock(std::int64_t reward_id, std::int64_t quantity) {
  auto rows = db_.query("UPDATE rewards SET stock = stock + $2 WHERE id = $1 AND stock IS NOT NULL",
                        {reward_id, quantity});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::int64_t> RewardRepository::insert_order(const RewardOrderRecord& o) {
  auto rows = db_.query(
      "INSERT INTO reward_orders (reward_id, staff_id, quantity, points, status, "
      "idempotency_key, placed_by, placed_at, note) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {o.reward_id, o.staff_id, o.quantity, o.points, o.status, o.idempotency_key,
       nullable(o.placed_by), o.placed_at, o.note});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::optional<RewardOrderRecord>> RewardRepository::order(std::int64_t id) {
  return first_order(db_.query(select_orders("WHERE id = $1"), {id}));
}

core::Result<std::optional<RewardOrderRecord>> RewardRepository::order_by_key(
    std::int64_t staff_id, const std::string& key) {
  return first_order(
      db_.query(select_orders("WHERE staff_id = $1 AND idempotency_key = $2"), {staff_id, key}));
}

core::Result<std::vector<RewardOrderRecord>> RewardRepository::orders(const RewardOrderFilter& f) {
  const auto& scope = f.scope;
  std::vector<Value> params{boolean(scope.everything),
                            nullable(scope.staff_id),
                            scope.department_ids_json,
                            scope.today,
                            f.before_id > 0 ? f.before_id : INT64_MAX,
                            std::int64_t{f.limit} + 1};
  SqlConditions where(params);
  where.add_if(f.staff_id, "o.staff_id = ?").add_if(f.status, "o.status = ?");
  auto rows = db_.query(
      select_orders("WHERE ($1 = 1 OR o.staff_id = $2 OR " + department_today_sql("o.staff_id", 4) +
                    " IN (SELECT value FROM json_each($3))) AND o.id < $5" + where.sql() +
                    " ORDER BY o.id DESC LIMIT $6"),
      params);
  if (!rows) return rows.error();
  std::vector<RewardOrderRecord> out;
  for (const auto& r : *rows)
    out.push_back(order_of(r));
  return out;
}

core::Result<std::int64_t> RewardRepository::ordered_quantity(std::int64_t reward_id,
                                                              std::int64_t staff_id) {
  auto rows = db_.query(
      "SELECT COALESCE(SUM(quantity), 0) FROM reward_orders WHERE reward_id = $1 AND "
      "staff_id = $2 AND status IN ('pending', 'approved')",
      {reward_id, staff_id});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<bool> RewardRepository::decide(std::int64_t order_id, const std::string& status,
                                            std::optional<std::int64_t> decided_by,
                                            std::int64_t decided_at, const std::string& note) {
  auto rows = db_.query(
      "UPDATE reward_orders SET status = $2, decided_by = $3, decided_at = $4, note = $5 "
      "WHERE id = $1 AND status = 'pending' RETURNING id",
      {order_id, status, nullable(decided_by), decided_at, note});
  if (!rows) return rows.error();
  return !rows->empty();
}

core::Result<std::vector<RewardRepository::OrderMismatch>>
RewardRepository::orders_off_the_ledger() {
  auto rows = db_.query(
      "SELECT o.id, o.status, COALESCE(SUM(j.kind = 'hold'), 0) AS holds,"
      " COALESCE(SUM(j.kind = 'settle'), 0) AS settlements,"
      " COALESCE(SUM(j.kind = 'release'), 0) AS releases "
      "FROM reward_orders o LEFT JOIN point_journals j"
      " ON j.source_kind = 'order' AND j.source_id = o.id AND j.points = o.points "
      "GROUP BY o.id HAVING holds <> 1"
      " OR settlements <> (CASE WHEN o.status = 'approved' THEN 1 ELSE 0 END)"
      " OR releases <> (CASE WHEN o.status IN ('rejected', 'cancelled') THEN 1 ELSE 0 END) "
      "ORDER BY o.id");
  if (!rows) return rows.error();
  std::vector<OrderMismatch> out;
  for (const auto& r : *rows)
    out.push_back({r.integer(0), r.text(1), r.integer(2), r.integer(3), r.integer(4)});
  return out;
}

}  // namespace laurel::store
