#pragma once
// Who may see which records (PRODUCT.md, "Who may see what"), decided in one place.
//
// Client master data is company-wide. Visits, amounts and holdings are scoped:
// - admin: everything;
// - integration: everything it pushes (transactions and holdings; its tokens carry no narrower
//   scope yet), and never contact details;
// - manager: records credited to their department and its sub-departments (their staff
//   record's department today), and the clients covered by the people in it;
// - sales: records credited to them, and everything about the clients they cover today;
// - service: no amounts at all.
// A manager or salesperson without a staff record sees no scoped records.
//
// Key people's contact details (personal information) follow the same shape: admins see all,
// salespeople those of the clients they cover, managers those of the clients covered by their
// department subtree, service staff those of the clients they have served (a service record of
// their own), integrations none.

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/principal.hpp"
#include "core/local_date.hpp"
#include "store/record_scope.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct DataScope {
  bool everything = false;
  bool amounts = true;                       // false: amounts and holdings are refused
  std::optional<std::int64_t> staff_id;      // the caller's own staff record
  std::vector<std::int64_t> department_ids;  // a manager's department subtree
  std::string today;                         // company-local "YYYY-MM-DD"

  store::RecordScope records() const;
};

struct ContactAccess {
  bool everything = false;
  std::vector<std::int64_t> client_ids;  // sorted

  bool sees(std::int64_t client_id) const;
};

class DataScopes {
 public:
  DataScopes(store::Store& store, const core::Clock& clock, core::CompanyZone zone)
      : store_(store), clock_(clock), zone_(zone) {}

  core::Result<DataScope> of(const auth::Principal& principal);
  core::Result<ContactAccess> contacts(const auth::Principal& principal);

 private:
  core::Result<ContactAccess> served_clients(std::int64_t user_id);

  store::Store& store_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
};

// The ids of a department and all departments under it.
std::vector<std::int64_t> department_subtree(store::Connection& db, std::int64_t root);

}  // namespace laurel::crm
