#include "store/holding_repository.hpp"

#include "store/sql_conditions.hpp"

namespace laurel::store {

core::Result<std::optional<std::int64_t>> HoldingRepository::balance(std::int64_t client_id,
                                                                     std::int64_t product_id,
                                                                     std::string_view date) {
  auto rows = db_.query(
      "SELECT amount_fen FROM holding_balances"
      " WHERE client_id = $1 AND product_id = $2 AND balance_date = $3",
      {client_id, product_id, text(date)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front().integer(0));
}

core::Status HoldingRepository::put_balance(const BalanceRecord& b, std::int64_t now) {
  auto rows = db_.query(
      "INSERT INTO holding_balances (client_id, product_id, balance_date, amount_fen, recorded_at)"
      " VALUES ($1, $2, $3, $4, $5)"
      " ON CONFLICT (client_id, product_id, balance_date)"
      " DO UPDATE SET amount_fen = excluded.amount_fen, recorded_at = excluded.recorded_at",
      {b.client_id, b.product_id, b.date, b.amount_fen, now});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::vector<BalanceRecord>> HoldingRepository::balances_for(std::string_view from,
                                                                         std::string_view to,
                                                                         const PositionFilter& f) {
  std::vector<Value> params{text(from), text(to)};
  SqlConditions where(params);
  where.add_if(f.client_id, "b.client_id = ?")
      .add_if(f.product_id, "b.product_id = ?")
      .add_if(f.clients_json, "b.client_id IN (SELECT value FROM json_each(?))");
  auto rows = db_.query(
      "SELECT b.client_id, b.product_id, b.balance_date, b.amount_fen FROM holding_balances b"
      " WHERE b.balance_date <= $2"
      " AND b.balance_date >= COALESCE((SELECT max(p.balance_date) FROM holding_balances p"
      "     WHERE p.client_id = b.client_id AND p.product_id = b.product_id"
      "     AND p.balance_date <= $1), '')" +
          where.sql() + " ORDER BY b.client_id, b.product_id, b.balance_date",
      params);
  if (!rows) return rows.error();
  std::vector<BalanceRecord> balances;
  balances.reserve(rows->size());
  for (const auto& r : *rows)
    balances.push_back({r.integer(0), r.integer(1), r.text(2), r.integer(3)});
  return balances;
}

core::Result<std::vector<FlowRecord>> HoldingRepository::confirmed_flows(std::string_view to,
                                                                         const PositionFilter& f) {
  std::vector<Value> params{text(to)};
  SqlConditions where(params);
  where.add_if(f.client_id, "client_id = ?")
      .add_if(f.product_id, "product_id = ?")
      .add_if(f.clients_json, "client_id IN (SELECT value FROM json_each(?))");
  auto rows = db_.query(
      "SELECT client_id, product_id, confirm_date, kind, amount_fen FROM transactions"
      " WHERE status = 'confirmed' AND confirm_date <= $1" +
          where.sql() + " ORDER BY client_id, product_id, confirm_date",
      params);
  if (!rows) return rows.error();
  std::vector<FlowRecord> flows;
  flows.reserve(rows->size());
  for (const auto& r : *rows)
    flows.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.integer(4)});
  return flows;
}

}  // namespace laurel::store
