// Logging in and out, the current session, and the signed-in user's own account.

#include <boost/json/object.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "auth/user_json.hpp"
#include "core/timestamp.hpp"
#include "http/dispatcher.hpp"
#include "http/json_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::JsonInput;
using http::Request;
using http::RequestContext;
using http::Response;

boost::json::object principal_json(const auth::Principal& p) {
  return {{"id", p.user_id},
          {"username", p.username},
          {"display_name", p.display_name},
          {"role", auth::to_string(p.role)}};
}

auth::ClientInfo client_of(const Request& request, const RequestContext& context) {
  auth::ClientInfo client;
  client.ip = request.client_ip;
  const auto agent = request.header("User-Agent");
  if (!agent.empty()) client.user_agent = std::string(agent.substr(0, 256));
  client.request_id = context.request_id;
  return client;
}

std::string session_cookie(const std::string& value, long long max_age_seconds, bool secure) {
  return std::string(http::kSessionCookie) + "=" + value +
         "; Path=/; Max-Age=" + std::to_string(max_age_seconds) + "; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "");
}

}  // namespace

void add_auth_routes(http::Router& router, Services& services) {
  router.add(
      {"POST",
       "/api/v1/auth/login",
       Access::open,
       {},
       kSmallBody,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto in = JsonInput::parse(request.body);
         if (!in) return in.error();
         auto username = in->required_string("username", {1, 64});
         if (!username) return username.error();
         auto password = in->required_string("password", {1, 1024});
         if (!password) return password.error();
         if (auto s = in->finish(); !s) return s.error();

         auto login = services.auth.login(*username, *password, client_of(request, context));
         if (!login) return login.error();
         context.principal = login->principal;
         boost::json::object body{{"token", login->token},
                                  {"token_type", "Bearer"},
                                  {"expires_at", core::format_rfc3339(login->expires_at)},
                                  {"csrf_token", login->principal.csrf_token},
                                  {"user", principal_json(login->principal)},
                                  {"time_zone", services.config.company.timezone}};
         Response response = json_response(200, body);
         const auto max_age = std::chrono::duration_cast<std::chrono::seconds>(login->expires_at -
                                                                               services.clock.now())
                                  .count();
         response.set_header("Set-Cookie", session_cookie(login->token, max_age,
                                                          services.config.auth.cookie_secure));
         return response;
       }});

  router.add(
      {"POST",
       "/api/v1/auth/logout",
       Access::authenticated,
       {},
       kSmallBody,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         if (auto s = services.auth.logout(context.user(), client_of(request, context)); !s) {
           return s.error();
         }
         Response response = Response::no_content();
         response.set_header("Set-Cookie",
                             session_cookie("", 0, services.config.auth.cookie_secure));
         return response;
       }});

  // What a reloaded web page asks to learn who is signed in and its CSRF token.
  router.add({"GET",
              "/api/v1/auth/session",
              Access::authenticated,
              {},
              std::nullopt,
              [&services](const Request&, RequestContext& context) -> core::Result<Response> {
                const auto& p = context.user();
                boost::json::object body{
                    {"user", principal_json(p)},
                    {"via", p.via == auth::Principal::Via::session ? "session" : "api_token"},
                    {"csrf_token", p.csrf_token.empty() ? boost::json::value(nullptr)
                                                        : boost::json::value(p.csrf_token)},
                    {"time_zone", services.config.company.timezone}};
                return json_response(200, body);
              }});

  // Answered from the authenticated principal alone: no database query.
  router.add({"GET",
              "/api/v1/me",
              Access::authenticated,
              {},
              std::nullopt,
              [](const Request&, RequestContext& context) -> core::Result<Response> {
                return json_response(200, principal_json(context.user()));
              }});

  router.add(
      {"POST",
       "/api/v1/me/password",
       Access::authenticated,
       {},
       kSmallBody,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto in = JsonInput::parse(request.body);
         if (!in) return in.error();
         auto current = in->required_string("current_password", {1, 1024});
         if (!current) return current.error();
         auto replacement = in->required_string("new_password", {1, 1024});
         if (!replacement) return replacement.error();
         if (auto s = in->finish(); !s) return s.error();
         if (auto s = services.users.change_own_password(context.user(), *current, *replacement,
                                                         context.actor(request.client_ip));
             !s) {
           return s.error();
         }
         return Response::no_content();
       }});
}

}  // namespace laurel::api
