#include "store/client_merge.hpp"

#include <string>

namespace laurel::store {
namespace {

core::Result<std::int64_t> run(Connection& db, const std::string& sql,
                               std::initializer_list<Value> params) {
  auto rows = db.query(sql, params);
  if (!rows) return rows.error();
  return rows->changes;
}

// Moves a plain client_id column; returns the rows moved.
core::Result<std::int64_t> move(Connection& db, const char* table, std::int64_t from,
                                std::int64_t to) {
  return run(db, "UPDATE " + std::string(table) + " SET client_id = $2 WHERE client_id = $1",
             {from, to});
}

core::Result<std::int64_t> move_balances(Connection& db, std::int64_t from, std::int64_t to) {
  // The same product on the same day in both: one balance, the sum of the two accounts.
  auto added = run(db,
                   "UPDATE holding_balances SET amount_fen = amount_fen + (SELECT d.amount_fen"
                   " FROM holding_balances d WHERE d.client_id = $1"
                   " AND d.product_id = holding_balances.product_id"
                   " AND d.balance_date = holding_balances.balance_date)"
                   " WHERE client_id = $2 AND EXISTS (SELECT 1 FROM holding_balances d"
                   " WHERE d.client_id = $1 AND d.product_id = holding_balances.product_id"
                   " AND d.balance_date = holding_balances.balance_date)",
                   {from, to});
  if (!added) return added.error();
  auto folded = run(db,
                    "DELETE FROM holding_balances WHERE client_id = $1 AND EXISTS (SELECT 1"
                    " FROM holding_balances s WHERE s.client_id = $2"
                    " AND s.product_id = holding_balances.product_id"
                    " AND s.balance_date = holding_balances.balance_date)",
                    {from, to});
  if (!folded) return folded.error();
  auto moved = move(db, "holding_balances", from, to);
  if (!moved) return moved.error();
  return *added + *moved;
}

core::Result<std::int64_t> move_targets(Connection& db, std::int64_t from, std::int64_t to) {
  auto moved = run(db,
                   "UPDATE targets SET client_id = $2 WHERE client_id = $1 AND NOT EXISTS ("
                   "SELECT 1 FROM targets s WHERE s.client_id = $2"
                   " AND s.subject_kind = targets.subject_kind"
                   " AND s.subject_id = targets.subject_id AND s.metric = targets.metric"
                   " AND s.period = targets.period)",
                   {from, to});
  if (!moved) return moved.error();
  auto dropped = run(db, "DELETE FROM targets WHERE client_id = $1", {from});
  if (!dropped) return dropped.error();
  return *moved;
}

core::Result<std::int64_t> move_coverage(Connection& db, std::int64_t from, std::int64_t to) {
  auto survivor_has = db.query("SELECT 1 FROM coverage_plans WHERE client_id = $1 LIMIT 1", {to});
  if (!survivor_has) return survivor_has.error();
  if (survivor_has->empty()) return move(db, "coverage_plans", from, to);
  auto members = run(db,
                     "DELETE FROM coverage_members WHERE plan_id IN (SELECT id FROM"
                     " coverage_plans WHERE client_id = $1)",
                     {from});
  if (!members) return members.error();
  auto plans = run(db, "DELETE FROM coverage_plans WHERE client_id = $1", {from});
  if (!plans) return plans.error();
  return std::int64_t{0};
}

}  // namespace

core::Result<MovedRecords> move_client_records(Connection& db, std::int64_t from, std::int64_t to) {
  MovedRecords moved;
  const std::pair<const char*, std::int64_t*> plain[] = {
      {"transactions", &moved.transactions},       {"visits", &moved.visits},
      {"service_records", &moved.service_records}, {"org_units", &moved.org_units},
      {"key_people", &moved.key_people},           {"opportunities", &moved.opportunities}};
  for (const auto& [table, count] : plain) {
    auto n = move(db, table, from, to);
    if (!n) return n.error();
    *count = *n;
  }
  auto balances = move_balances(db, from, to);
  if (!balances) return balances.error();
  moved.balances = *balances;
  auto targets = move_targets(db, from, to);
  if (!targets) return targets.error();
  moved.targets = *targets;
  auto coverage = move_coverage(db, from, to);
  if (!coverage) return coverage.error();
  moved.coverage_plans = *coverage;
  return moved;
}

}  // namespace laurel::store
