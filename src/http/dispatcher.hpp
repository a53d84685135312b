#pragma once
// Turns a Request into a Response: routing, authentication, CSRF, role checks, the handler,
// error mapping, metrics and the request log line. This is the one place where access is
// decided; handlers can rely on RequestContext::principal being set on authenticated routes.
// Thread-safe: called concurrently from every server worker.
//
// Credentials: "Authorization: Bearer <token>" (a session or an API token), or the session
// cookie set at login. A cookie-authenticated request that changes something (any method but
// GET, HEAD, OPTIONS) must also carry the session's CSRF token in X-CSRF-Token; bearer-token
// requests need none, since a browser never adds an Authorization header by itself.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "core/error.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace laurel::http {

inline constexpr std::string_view kSessionCookie = "laurel_session";

using Authenticator = std::function<core::Result<auth::Principal>(std::string_view token)>;
// Writes one request log line; may be empty (log.requests = false).
using RequestLogger =
    std::function<void(const Request&, const Response&, std::chrono::nanoseconds elapsed,
                       const std::string& user, const std::string& request_id)>;

struct DispatcherOptions {
  std::size_t default_body_limit = 1024 * 1024;
};

class Dispatcher {
 public:
  Dispatcher(const Router& router, Authenticator authenticator, Metrics& metrics,
             std::shared_ptr<StaticFiles> static_files, RequestLogger logger,
             DispatcherOptions options);

  Response handle(Request& request);

  // The body limit of the route a request is headed for (known from its header alone), so that
  // an oversized body is refused before it is read.
  std::size_t body_limit(std::string_view method, std::string_view target) const;

 private:
  Response route(Request& request, RequestContext& context, std::size_t& slot);
  std::optional<Response> authorise(const Request& request, const Route& route,
                                    RequestContext& context);
  Response problem(const Request& request, const RequestContext& context, unsigned status,
                   std::string slug, std::string title, std::string detail, std::string field = {});
  std::string next_request_id();

  const Router& router_;
  Authenticator authenticator_;
  Metrics& metrics_;
  std::shared_ptr<StaticFiles> static_files_;
  RequestLogger logger_;
  DispatcherOptions options_;
  std::string id_prefix_;
  std::atomic<std::uint64_t> counter_{0};
};

// The path part of a request target ("/a/b?x=1" -> "/a/b").
std::string_view path_of(std::string_view target);

}  // namespace laurel::http
