#pragma once
// What a manager manages: the departments of their subtree and the staff who are in one of
// them today. Admins (a DataScope of everything) manage all. Used by campaigns and targets,
// whose managers set numbers for their own people only.

#include <cstdint>
#include <string>

#include "crm/data_scope.hpp"
#include "store/connection.hpp"

namespace laurel::crm {

bool manages_department(const DataScope& scope, std::int64_t department_id);
core::Result<bool> manages_staff(store::Connection& db, const DataScope& scope,
                                 std::int64_t staff_id);

// A 403 naming what is outside the manager's departments.
core::Error outside_management(const std::string& what);

}  // namespace laurel::crm
