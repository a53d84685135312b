#include "auth/role.hpp"

#include <array>

namespace laurel::auth {
namespace {

constexpr std::array kRoles = {Role::admin, Role::manager, Role::sales, Role::service,
                               Role::integration};

}  // namespace

std::string_view to_string(Role role) {
  switch (role) {
    case Role::admin:
      return "admin";
    case Role::manager:
      return "manager";
    case Role::sales:
      return "sales";
    case Role::service:
      return "service";
    case Role::integration:
      return "integration";
  }
  return "sales";
}

std::optional<Role> parse_role(std::string_view text) {
  for (Role role : kRoles) {
    if (to_string(role) == text) return role;
  }
  return std::nullopt;
}

std::span<const Role> all_roles() {
  return kRoles;
}

std::string_view describe(Role role) {
  switch (role) {
    case Role::admin:
      return "Users, roles, departments, products, integrations and API tokens; sees everything, "
             "every view of personal data logged";
    case Role::manager:
      return "Sales management: campaigns, targets, rules, good news, manual rankings; sees the "
             "records of their department and its sub-departments";
    case Role::sales:
      return "Salesperson: logs visits, keeps org charts current; sees the records of the "
             "clients they cover";
    case Role::service:
      return "Service staff of other departments: log the service they give to clients; no "
             "amounts";
    case Role::integration:
      return "Data warehouse or trading system: pushes batches with an API token; no "
             "interactive login";
  }
  return "";
}

bool logs_in_interactively(Role role) {
  return role != Role::integration;
}

}  // namespace laurel::auth
