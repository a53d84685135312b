#pragma once
// The five roles of Laurel (PRODUCT.md, "Who uses it"). They are fixed in code because each one
// carries a data scope that code enforces; an admin assigns one role per user.

#include <optional>
#include <span>
#include <string_view>

namespace laurel::auth {

enum class Role { admin, manager, sales, service, integration };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
std::span<const Role> all_roles();
// One line on what the role may do, shown by GET /api/v1/roles and `laurel user add --help`.
std::string_view describe(Role role);
// Whether people with this role log in with a password (integrations use API tokens only).
bool logs_in_interactively(Role role);

}  // namespace laurel::auth
