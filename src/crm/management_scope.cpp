#include "crm/management_scope.hpp"

#include <algorithm>

#include "store/staff_repository.hpp"

namespace laurel::crm {

bool manages_department(const DataScope& scope, std::int64_t department_id) {
  return scope.everything || std::find(scope.department_ids.begin(), scope.department_ids.end(),
                                       department_id) != scope.department_ids.end();
}

core::Result<bool> manages_staff(store::Connection& db, const DataScope& scope,
                                 std::int64_t staff_id) {
  if (scope.everything) return true;
  auto department = store::StaffRepository(db).department_on(staff_id, scope.today);
  if (!department) return department.error();
  return *department && manages_department(scope, **department);
}

core::Error outside_management(const std::string& what) {
  return core::Error::forbidden(what + " is outside the departments you manage");
}

}  // namespace laurel::crm
