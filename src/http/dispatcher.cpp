#include "http/dispatcher.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "http/problem.hpp"

namespace laurel::http {
namespace {

bool is_safe_method(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

std::string_view cookie_value(std::string_view cookies, std::string_view name) {
  std::size_t start = 0;
  while (start < cookies.size()) {
    auto end = cookies.find(';', start);
    if (end == std::string_view::npos) end = cookies.size();
    auto pair = cookies.substr(start, end - start);
    while (!pair.empty() && pair.front() == ' ')
      pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
    start = end + 1;
  }
  return {};
}

// Whether the Content-Type (parameters such as charset aside) is one the route accepts.
bool accepted_content_type(std::string_view type, const std::vector<std::string>& accepted) {
  const auto semicolon = type.find(';');
  auto media = type.substr(0, semicolon);
  while (!media.empty() && media.back() == ' ')
    media.remove_suffix(1);
  for (const auto& a : accepted) {
    if (iequals(media, a)) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& t : types)
    out += (out.empty() ? "" : " or ") + t;
  return out;
}

// Whether the Origin header names the host the request was sent to ("https://laurel.example"
// against "Host: laurel.example"), whatever the scheme a proxy in front terminated.
bool same_origin(const Request& request) {
  auto origin = request.header("Origin");
  const auto scheme = origin.find("://");
  if (scheme == std::string_view::npos) return false;
  origin.remove_prefix(scheme + 3);
  return !origin.empty() && iequals(origin, request.header("Host"));
}

}  // namespace

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find('?'));
}

Dispatcher::Dispatcher(const Router& router, Authenticator authenticator, Metrics& metrics,
                       std::shared_ptr<StaticFiles> static_files, RequestLogger logger,
                       DispatcherOptions options)
    : router_(router),
      authenticator_(std::move(authenticator)),
      metrics_(metrics),
      static_files_(std::move(static_files)),
      logger_(std::move(logger)),
      options_(options) {
  // Request ids: a random per-process prefix and a counter; unique across restarts and nodes
  // without a random draw per request.
  unsigned char bytes[4];
  randombytes_buf(bytes, sizeof bytes);
  char hex[9];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  id_prefix_ = std::string(hex) + "-";
}

std::string Dispatcher::next_request_id() {
  return id_prefix_ + std::to_string(counter_.fetch_add(1, std::memory_order_relaxed));
}

std::size_t Dispatcher::body_limit(std::string_view method, std::string_view target) const {
  auto match = router_.match(method, path_of(target));
  if (match.outcome == RouteMatch::Outcome::matched && match.route->spec.body_limit) {
    return *match.route->spec.body_limit;
  }
  return options_.default_body_limit;
}

Response Dispatcher::problem(const Request& request, const RequestContext& context, unsigned status,
                             std::string slug, std::string title, std::string detail,
                             std::string field) {
  return problem_response(
      {status, std::move(slug), std::move(title), std::move(detail), std::move(field), 0},
      request.path, context.request_id);
}

std::optional<Response> Dispatcher::authorise(const Request& request, const Route& route,
                                              RequestContext& context) {
  if (route.spec.access == Access::open) return std::nullopt;

  std::string_view token;
  bool from_cookie = false;
  const auto authorization = request.header("Authorization");
  if (!authorization.empty()) {
    if (authorization.size() <= 7 || !iequals(authorization.substr(0, 7), "Bearer ")) {
      Response r = problem(request, context, 401, "unauthenticated", "Authentication required",
                           "the Authorization header must be \"Bearer <token>\"", "Authorization");
      r.set_header("WWW-Authenticate", "Bearer");
      return r;
    }
    token = authorization.substr(7);
  } else {
    token = cookie_value(request.header("Cookie"), kSessionCookie);
    from_cookie = !token.empty();
  }
  if (token.empty()) {
    Response r = problem(request, context, 401, "unauthenticated", "Authentication required",
                         "log in first: POST /api/v1/auth/login", "Authorization");
    r.set_header("WWW-Authenticate", "Bearer");
    return r;
  }
  auto principal = authenticator_(token);
  if (!principal) {
    Response r = problem_response(problem_of(principal.error()), request.path, context.request_id);
    if (r.status == 401) r.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return r;
  }
  if (from_cookie && is_websocket_upgrade(request) && !same_origin(request)) {
    // Browsers send cookies with a WebSocket handshake from any site and the same-origin policy
    // does not cover WebSocket: without this, another site could read a user's live stream.
    return problem(request, context, 403, "cross-origin", "Cross-origin WebSocket refused",
                   "a cookie-authenticated WebSocket must come from a page of this Laurel",
                   "Origin");
  }
  if (from_cookie && !is_safe_method(request.method)) {
    const auto sent = request.header("X-CSRF-Token");
    if (sent.empty() || principal->csrf_token.empty() || sent != principal->csrf_token) {
      return problem(request, context, 403, "csrf", "CSRF token missing or wrong",
                     "cookie-authenticated writes need the session's X-CSRF-Token header",
                     "X-CSRF-Token");
    }
  }
  if (!route.spec.roles.empty() && std::find(route.spec.roles.begin(), route.spec.roles.end(),
                                             principal->role) == route.spec.roles.end()) {
    context.principal = std::move(*principal);
    return problem(
        request, context, 403, "forbidden", "Not allowed",
        "the " + std::string(auth::to_string(context.principal->role)) + " role may not do this");
  }
  context.principal = std::move(*principal);
  return std::nullopt;
}

Response Dispatcher::route(Request& request, RequestContext& context, std::size_t& slot) {
  const bool api = request.path.starts_with("/api/") || request.path == "/metrics";
  auto match = router_.match(request.method, request.path);
  switch (match.outcome) {
    case RouteMatch::Outcome::bad_path:
      return problem(request, context, 400, "invalid-input", "Invalid input",
                     "the request path is malformed", "path");
    case RouteMatch::Outcome::method_not_allowed: {
      Response r = problem(request, context, 405, "method-not-allowed", "Method not allowed",
                           request.method + " is not allowed here; allowed: " + match.allowed);
      r.set_header("Allow", match.allowed);
      return r;
    }
    case RouteMatch::Outcome::not_found:
      if (!api && (request.method == "GET" || request.method == "HEAD")) {
        slot = metrics_.static_slot();
        if (static_files_) {
          if (auto file = static_files_->serve(request)) return std::move(*file);
        }
      } else if (!api) {
        Response r = problem(request, context, 405, "method-not-allowed", "Method not allowed",
                             "only GET and HEAD are served outside /api/");
        r.set_header("Allow", "GET, HEAD");
        return r;
      }
      return problem(request, context, 404, "not-found", "Not found",
                     "no such resource: " + request.path);
    case RouteMatch::Outcome::matched:
      break;
  }

  const Route& route = *match.route;
  slot = route.index;
  context.path_params = std::move(match.params);
  if (auto refused = authorise(request, route, context)) return std::move(*refused);
  if (!request.body.empty() &&
      !accepted_content_type(request.header("Content-Type"), route.spec.body_types)) {
    return problem(request, context, 415, "unsupported-media-type", "Unsupported media type",
                   "send the body as " + joined(route.spec.body_types), "Content-Type");
  }
  try {
    auto answered = route.spec.handler(request, context);
    if (answered) return std::move(*answered);
    if (answered.error().code == core::Errc::internal) {
      spdlog::error("request {} {} {}: {}", context.request_id, request.method, request.path,
                    answered.error().message);
    }
    return problem_response(problem_of(answered.error()), request.path, context.request_id);
  } catch (const core::ErrorException& e) {
    if (e.error().code == core::Errc::internal) {
      spdlog::error("request {} {} {}: {}", context.request_id, request.method, request.path,
                    e.error().message);
    }
    return problem_response(problem_of(e.error()), request.path, context.request_id);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", context.request_id, request.method, request.path,
                  e.what());
    return problem_response(problem_of(core::Error::internal(e.what())), request.path,
                            context.request_id);
  }
}

Response Dispatcher::handle(Request& request) {
  const auto start = std::chrono::steady_clock::now();
  RequestContext context;
  context.request_id = next_request_id();
  std::size_t slot = metrics_.unmatched_slot();

  Response response = route(request, context, slot);

  response.set_header("X-Request-Id", context.request_id);
  if (response.header("Cache-Control").empty()) response.set_header("Cache-Control", "no-store");
  response.set_header("X-Content-Type-Options", "nosniff");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  metrics_.record_request(slot, response.status, elapsed);
  if (logger_) {
    logger_(request, response, elapsed, context.principal ? context.principal->username : "-",
            context.request_id);
  }
  return response;
}

}  // namespace laurel::http
