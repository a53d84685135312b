#pragma once
// Maps (method, path) to a route. Patterns are literal segments and {name} parameters:
// "/api/v1/users/{id}/sessions". Each route carries its access rule (public, or which roles),
// its body limit and its handler, so that authentication and authorisation happen in one place
// (the Dispatcher) rather than in each handler.
//
// Boost 1.81 has no Boost.URL router; this one matches segment by segment over a few dozen
// routes, which costs well under a microsecond per request.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/role.hpp"
#include "http/message.hpp"
#include "http/request_context.hpp"

namespace laurel::http {

// A handler answers with a Response, or with an Error that the dispatcher turns into a problem
// response (status from the error code; internal errors are logged, not shown).
using Handler = std::function<core::Result<Response>(const Request&, RequestContext&)>;

enum class Access {
  open,           // no credentials needed (login, health, the API document)
  authenticated,  // any signed-in user, or only the listed roles
};

struct RouteSpec {
  std::string method;
  std::string pattern;
  Access access = Access::authenticated;
  std::vector<auth::Role> roles;          // empty: any authenticated principal
  std::optional<std::size_t> body_limit;  // default: server.body_limit_bytes
  Handler handler;
  // Media types a request body may have (an upload route adds text/csv, XLSX).
  std::vector<std::string> body_types = {"application/json"};
};

struct Route {
  RouteSpec spec;
  std::vector<std::string> segments;  // "{id}" kept as is; parameters start with '{'
  std::size_t index = 0;              // position in routes(): the metrics slot
};

struct RouteMatch {
  enum class Outcome { matched, not_found, method_not_allowed, bad_path };
  Outcome outcome = Outcome::not_found;
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  std::string allowed;  // for 405: "GET, POST"
};

class Router {
 public:
  // Throws std::invalid_argument on a malformed pattern or a duplicate (method, pattern):
  // routes are wired at start-up, and a wiring mistake must stop Laurel there.
  void add(RouteSpec spec);
  RouteMatch match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace laurel::http
