#pragma once
// Who may call which routes, and how large their bodies may be: shared by the route files so
// that the rules read the same everywhere.

#include <cstddef>
#include <vector>

#include "auth/role.hpp"

namespace laurel::api {

// Users, tokens, the audit and event logs, the sales organisation's changes.
inline const std::vector<auth::Role> kAdminOnly = {auth::Role::admin};
// The people of the company; integrations read nothing beyond what they push.
inline const std::vector<auth::Role> kCompanyStaff = {auth::Role::admin, auth::Role::manager,
                                                      auth::Role::sales, auth::Role::service};
// Who keeps client master data current: salespeople add their prospects, managers and admins
// correct records. Service staff read clients but do not change them.
inline const std::vector<auth::Role> kClientEditors = {auth::Role::admin, auth::Role::manager,
                                                       auth::Role::sales};
// The sales team: campaigns, targets and opportunities are theirs (service staff see no
// amounts; integrations push records, they do not plan sales).
inline const std::vector<auth::Role> kSalesTeam = {auth::Role::admin, auth::Role::manager,
                                                   auth::Role::sales};
// Who decides who covers which client (and so whom trades are credited to).
inline const std::vector<auth::Role> kManagers = {auth::Role::admin, auth::Role::manager};
// Who sees amounts (service staff do not; integrations read what they push).
inline const std::vector<auth::Role> kAmountReaders = {auth::Role::admin, auth::Role::manager,
                                                       auth::Role::sales, auth::Role::integration};
// Who records trades and holdings: the trading/TA system, and admins correcting by hand.
inline const std::vector<auth::Role> kTradeWriters = {auth::Role::admin, auth::Role::integration};
// Bodies of single-record writes (a login, a department, a staff member).
inline constexpr std::size_t kSmallBody = 4 * 1024;
// Bodies of user writes, which carry a password and contact details.
inline constexpr std::size_t kUserBody = 8 * 1024;
// Bodies of one visit or service record, whose notes may run to 10,000 characters.
inline constexpr std::size_t kMediumBody = 64 * 1024;
// Bodies of batch imports: 10,000 transactions of about 300 bytes each, with room to spare.
inline constexpr std::size_t kBatchBody = 8 * 1024 * 1024;

}  // namespace laurel::api
