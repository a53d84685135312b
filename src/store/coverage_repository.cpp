#include "store/coverage_repository.hpp"

namespace laurel::store {
namespace {

core::Result<std::vector<CoverageMember>> members_of(Connection& db, std::int64_t plan_id) {
  auto rows = db.query(
      "SELECT staff_id, role, share_percent FROM coverage_members WHERE plan_id = $1"
      " ORDER BY role = 'primary' DESC, staff_id",
      {plan_id});
  if (!rows) return rows.error();
  std::vector<CoverageMember> members;
  for (const auto& r : *rows)
    members.push_back({r.integer(0), r.text(1), static_cast<int>(r.integer(2))});
  return members;
}

core::Result<std::vector<CoveragePlan>> plans_of(Connection& db, core::Result<Rows> rows) {
  if (!rows) return rows.error();
  std::vector<CoveragePlan> plans;
  for (const auto& r : *rows) {
    auto members = members_of(db, r.integer(0));
    if (!members) return members.error();
    plans.push_back({r.integer(1), r.text(2), std::move(*members)});
  }
  return plans;
}

}  // namespace

core::Status CoverageRepository::put(const CoveragePlan& plan, std::int64_t now) {
  auto deleted =
      db_.query("DELETE FROM coverage_plans WHERE client_id = $1 AND effective_from = $2",
                {plan.client_id, plan.effective_from});
  if (!deleted) return deleted.error();
  auto id = db_.query(
      "INSERT INTO coverage_plans (client_id, effective_from, created_at) VALUES ($1, $2, $3)"
      " RETURNING id",
      {plan.client_id, plan.effective_from, now});
  if (!id) return id.error();
  const auto plan_id = id->front().integer(0);
  for (const auto& m : plan.members) {
    auto inserted = db_.query(
        "INSERT INTO coverage_members (plan_id, staff_id, role, share_percent)"
        " VALUES ($1, $2, $3, $4)",
        {plan_id, m.staff_id, m.role, std::int64_t{m.share_percent}});
    if (!inserted) return inserted.error();
  }
  return {};
}

core::Result<std::vector<CoveragePlan>> CoverageRepository::plans(std::int64_t client_id) {
  return plans_of(db_, db_.query("SELECT id, client_id, effective_from FROM coverage_plans"
                                 " WHERE client_id = $1 ORDER BY effective_from",
                                 {client_id}));
}

core::Result<std::optional<CoveragePlan>> CoverageRepository::plan_on(std::int64_t client_id,
                                                                      std::string_view day) {
  auto plans = plans_of(db_, db_.query("SELECT id, client_id, effective_from FROM coverage_plans"
                                       " WHERE client_id = $1 AND effective_from <= $2"
                                       " ORDER BY effective_from DESC LIMIT 1",
                                       {client_id, text(day)}));
  if (!plans) return plans.error();
  if (plans->empty()) return std::optional<CoveragePlan>();
  return std::optional<CoveragePlan>(std::move(plans->front()));
}

core::Result<std::vector<CoveredClient>> CoverageRepository::clients_of(std::int64_t staff_id,
                                                                        std::string_view day) {
  auto rows = db_.query(
      "SELECT p.client_id, c.name, p.effective_from, m.role, m.share_percent"
      " FROM coverage_members m"
      " JOIN coverage_plans p ON p.id = m.plan_id"
      " JOIN clients c ON c.id = p.client_id"
      " WHERE m.staff_id = $1 AND p.effective_from = (SELECT max(q.effective_from)"
      "   FROM coverage_plans q WHERE q.client_id = p.client_id AND q.effective_from <= $2)"
      " ORDER BY p.client_id",
      {staff_id, text(day)});
  if (!rows) return rows.error();
  std::vector<CoveredClient> clients;
  for (const auto& r : *rows) {
    clients.push_back({r.integer(0),
                       r.text(1),
                       r.text(2),
                       {staff_id, r.text(3), static_cast<int>(r.integer(4))}});
  }
  return clients;
}

core::Result<std::vector<std::int64_t>> CoverageRepository::clients_with_later_plans(
    std::int64_t staff_id, std::string_view day) {
  auto rows = db_.query(
      "SELECT DISTINCT p.client_id FROM coverage_members m"
      " JOIN coverage_plans p ON p.id = m.plan_id"
      " WHERE m.staff_id = $1 AND p.effective_from > $2 ORDER BY p.client_id",
      {staff_id, text(day)});
  if (!rows) return rows.error();
  std::vector<std::int64_t> ids;
  for (const auto& r : *rows)
    ids.push_back(r.integer(0));
  return ids;
}

core::Result<std::vector<std::int64_t>> CoverageRepository::clients_covered_by(
    std::optional<std::int64_t> staff_id, std::string_view department_ids_json,
    std::string_view day) {
  auto rows = db_.query(
      "SELECT DISTINCT p.client_id FROM coverage_members m"
      " JOIN coverage_plans p ON p.id = m.plan_id"
      " WHERE p.effective_from = (SELECT max(q.effective_from) FROM coverage_plans q"
      "   WHERE q.client_id = p.client_id AND q.effective_from <= $3)"
      " AND (m.staff_id = $1 OR (SELECT a.department_id FROM staff_assignments a"
      "   WHERE a.staff_id = m.staff_id AND a.effective_from <= $3"
      "   ORDER BY a.effective_from DESC LIMIT 1) IN (SELECT value FROM json_each($2)))"
      " ORDER BY p.client_id",
      {nullable(staff_id), text(department_ids_json), text(day)});
  if (!rows) return rows.error();
  std::vector<std::int64_t> ids;
  for (const auto& r : *rows)
    ids.push_back(r.integer(0));
  return ids;
}

}  // namespace laurel::store
