#include "store/record_scope.hpp"

namespace laurel::store {

std::string json_ids(const std::vector<std::int64_t>& ids) {
  std::string json = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) json += ',';
    json += std::to_string(ids[i]);
  }
  return json + ']';
}

std::string covered_today_sql(std::string_view client_column, int staff_param, int today_param) {
  const auto staff = "$" + std::to_string(staff_param);
  const auto today = "$" + std::to_string(today_param);
  return std::string(client_column) +
         " IN (SELECT cp.client_id FROM coverage_members cm"
         " JOIN coverage_plans cp ON cp.id = cm.plan_id WHERE cm.staff_id = " +
         staff +
         " AND cp.effective_from = (SELECT max(q.effective_from) FROM coverage_plans q"
         " WHERE q.client_id = cp.client_id AND q.effective_from <= " +
         today + "))";
}

std::string department_today_sql(std::string_view staff_column, int today_param) {
  return "(SELECT sa.department_id FROM staff_assignments sa WHERE sa.staff_id = " +
         std::string(staff_column) + " AND sa.effective_from <= $" + std::to_string(today_param) +
         " ORDER BY sa.effective_from DESC LIMIT 1)";
}

}  // namespace laurel::store
