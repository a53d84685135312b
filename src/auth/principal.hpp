#pragma once
// Who is making a request, as established from a session or an API token, and who did an
// action, for the audit log.

#include <cstdint>
#include <optional>
#include <string>

#include "auth/role.hpp"

namespace laurel::auth {

struct Principal {
  enum class Via { session, api_token };

  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::sales;
  Via via = Via::session;
  std::int64_t credential_id = 0;  // session id or API token id
  std::string csrf_token;          // sessions only: required on cookie-authenticated writes
};

// The author of an audited action: a signed-in user, or an operator at the command line.
struct Actor {
  std::optional<std::int64_t> user_id;
  std::string name;
  std::optional<std::string> client_ip;
  std::optional<std::string> request_id;

  static Actor of(const Principal& principal, std::optional<std::string> client_ip = {},
                  std::optional<std::string> request_id = {}) {
    return {principal.user_id, principal.username, std::move(client_ip), std::move(request_id)};
  }
  static Actor command_line(std::string os_user) {
    return {std::nullopt, "cli:" + os_user, {}, {}};
  }
};

}  // namespace laurel::auth
