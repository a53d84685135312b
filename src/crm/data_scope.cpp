#include "crm/data_scope.hpp"

#include <algorithm>
#include <map>

#include "store/coverage_repository.hpp"
#include "store/department_repository.hpp"
#include "store/service_record_repository.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {

store::RecordScope DataScope::records() const {
  store::RecordScope scope;
  scope.everything = everything;
  scope.staff_id = staff_id;
  scope.department_ids_json = store::json_ids(department_ids);
  scope.today = today;
  return scope;
}

bool ContactAccess::sees(std::int64_t client_id) const {
  return everything || std::binary_search(client_ids.begin(), client_ids.end(), client_id);
}

std::vector<std::int64_t> department_subtree(store::Connection& db, std::int64_t root) {
  auto all = store::DepartmentRepository(db).all();
  std::vector<std::int64_t> ids{root};
  if (!all) return ids;
  std::multimap<std::int64_t, std::int64_t> children;
  for (const auto& d : *all) {
    if (d.parent_id) children.emplace(*d.parent_id, d.id);
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto [first, last] = children.equal_range(ids[i]);
    for (auto it = first; it != last; ++it)
      ids.push_back(it->second);
  }
  return ids;
}

core::Result<DataScope> DataScopes::of(const auth::Principal& principal) {
  DataScope scope;
  scope.today = core::format_date(zone_.date_of(clock_.now()));
  switch (principal.role) {
    case auth::Role::admin:
    case auth::Role::integration:
      scope.everything = true;
      return scope;
    case auth::Role::service:
      scope.amounts = false;
      return scope;
    case auth::Role::manager:
    case auth::Role::sales:
      break;
  }
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::StaffRepository staff(**connection);
  auto me = staff.find_by_user(principal.user_id);
  if (!me) return me.error();
  if (!*me) return scope;  // no staff record: nothing scoped is visible
  scope.staff_id = (*me)->id;
  if (principal.role == auth::Role::manager) {
    auto department = staff.department_on((*me)->id, scope.today);
    if (!department) return department.error();
    if (*department) scope.department_ids = department_subtree(**connection, **department);
  }
  return scope;
}

core::Result<ContactAccess> DataScopes::contacts(const auth::Principal& principal) {
  ContactAccess access;
  switch (principal.role) {
    case auth::Role::admin:
      access.everything = true;
      return access;
    case auth::Role::integration:
      return access;
    case auth::Role::service:
      return served_clients(principal.user_id);
    case auth::Role::manager:
    case auth::Role::sales:
      break;
  }
  auto scope = of(principal);
  if (!scope) return scope.error();
  if (!scope->staff_id) return access;
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto clients =
      store::CoverageRepository(**connection)
          .clients_covered_by(scope->staff_id, scope->records().department_ids_json, scope->today);
  if (!clients) return clients.error();
  access.client_ids = std::move(*clients);  // ordered by client id
  return access;
}

core::Result<ContactAccess> DataScopes::served_clients(std::int64_t user_id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto clients = store::ServiceRecordRepository(**connection).clients_served_by(user_id);
  if (!clients) return clients.error();
  ContactAccess access;
  access.client_ids = std::move(*clients);
  return access;
}

}  // namespace laurel::crm
