#pragma once
// What the dispatcher has established about a request before its handler runs: its id, the
// authenticated principal (on every route but the public ones), and the path parameters.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/principal.hpp"
#include "core/error.hpp"

namespace laurel::http {

struct RequestContext {
  std::string request_id;
  std::optional<auth::Principal> principal;
  std::vector<std::pair<std::string, std::string>> path_params;

  std::string_view param(std::string_view name) const;
  // A path parameter that must be a positive integer id; otherwise a 404 naming it, since a
  // malformed id can name no record.
  core::Result<std::int64_t> id_param(std::string_view name) const;
  // The principal on an authenticated route (the dispatcher guarantees one is there).
  const auth::Principal& user() const { return *principal; }
  // The author of an audited action taken in this request.
  auth::Actor actor(std::string_view client_ip) const;
};

}  // namespace laurel::http
