// Users: admins list, create and change them, reset passwords and sign people out.

#include <boost/json/array.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "auth/user_json.hpp"
#include "http/json_input.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::JsonInput;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

core::Result<auth::Role> role_field(const std::string& text) {
  auto role = auth::parse_role(text);
  if (!role) {
    return core::Error::invalid("role",
                                "must be one of admin, manager, sales, service, integration");
  }
  return *role;
}

core::Result<Response> list_users(Services& services, const Request& request) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::UserFilter filter;
  auto role = query->optional_string("role", 20);
  if (!role) return role.error();
  if (*role) {
    if (auto r = role_field(**role); !r) return r.error();
    filter.role = *role;
  }
  auto active = query->optional_bool("active");
  if (!active) return active.error();
  filter.active = *active;
  auto search = query->optional_string("q", 100);
  if (!search) return search.error();
  filter.search = *search;
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();

  auto page = services.users.list(filter);
  if (!page) return page.error();
  return page_of(page->users, page->next_after_id,
                 [](const auto& record) { return auth::user_to_json(record); });
}

core::Result<Response> create_user(Services& services, const Request& request,
                                   RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auth::NewUser user;
  auto username = in->required_string("username", {1, 64});
  if (!username) return username.error();
  user.username = std::move(*username);
  auto display_name = in->required_string("display_name", {1, 100});
  if (!display_name) return display_name.error();
  user.display_name = std::move(*display_name);
  auto email = in->nullable_string("email", {1, 254});
  if (!email) return email.error();
  if (*email) user.email = **email;
  auto role_text = in->required_string("role", {1, 20});
  if (!role_text) return role_text.error();
  auto role = role_field(*role_text);
  if (!role) return role.error();
  user.role = *role;
  auto password = in->optional_string("password", {1, 1024});
  if (!password) return password.error();
  user.password = std::move(*password);
  if (auto s = in->finish(); !s) return s.error();

  auto created = services.users.create(user, context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, auth::user_to_json(*created));
  response.set_header("Location", "/api/v1/users/" + std::to_string(created->id));
  return response;
}

core::Result<Response> update_user(Services& services, const Request& request,
                                   RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auth::UserChanges changes;
  auto display_name = in->optional_string("display_name", {1, 100});
  if (!display_name) return display_name.error();
  changes.display_name = std::move(*display_name);
  auto email = in->nullable_string("email", {1, 254});
  if (!email) return email.error();
  changes.email = std::move(*email);
  auto role_text = in->optional_string("role", {1, 20});
  if (!role_text) return role_text.error();
  if (*role_text) {
    auto role = role_field(**role_text);
    if (!role) return role.error();
    changes.role = *role;
  }
  auto active = in->optional_bool("active");
  if (!active) return active.error();
  changes.active = *active;
  if (auto s = in->finish(); !s) return s.error();

  auto updated = services.users.update(*id, changes, context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, auth::user_to_json(*updated));
}

}  // namespace

void add_user_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/users", Access::authenticated, kAdminOnly, std::nullopt,
              [&services](const Request& request, RequestContext&) {
                return list_users(services, request);
              }});
  router.add({"POST", "/api/v1/users", Access::authenticated, kAdminOnly, kUserBody,
              with(services, create_user)});
  router.add({"GET", "/api/v1/users/{id}", Access::authenticated, kAdminOnly, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.users.get(id); },
                        [](const auto& record) { return auth::user_to_json(record); })});
  router.add({"PATCH", "/api/v1/users/{id}", Access::authenticated, kAdminOnly, kUserBody,
              with(services, update_user)});
  router.add(
      {"POST", "/api/v1/users/{id}/password", Access::authenticated, kAdminOnly, kUserBody,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         auto in = JsonInput::parse(request.body);
         if (!in) return in.error();
         auto password = in->required_string("password", {1, 1024});
         if (!password) return password.error();
         if (auto s = in->finish(); !s) return s.error();
         auto user = services.users.set_password(*id, *password, context.actor(request.client_ip));
         if (!user) return user.error();
         return json_response(200, auth::user_to_json(*user));
       }});
  router.add(
      {"DELETE", "/api/v1/users/{id}/sessions", Access::authenticated, kAdminOnly, std::nullopt,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         auto revoked = services.users.revoke_sessions(*id, context.actor(request.client_ip));
         if (!revoked) return revoked.error();
         return json_response(200, boost::json::object{{"revoked", *revoked}});
       }});
}

}  // namespace laurel::api
