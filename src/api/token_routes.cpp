// API tokens for integrations: admins create (the secret is shown once), list and revoke them.

#include <boost/json/array.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "auth/user_json.hpp"
#include "core/timestamp.hpp"
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

core::Result<Response> create_token(Services& services, const Request& request,
                                    RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auth::NewApiToken token;
  auto name = in->required_string("name", {1, 100});
  if (!name) return name.error();
  token.name = std::move(*name);
  auto user_id = in->required_integer("user_id", 1, INT64_MAX);
  if (!user_id) return user_id.error();
  token.user_id = *user_id;
  auto expires = in->optional_string("expires_at", {1, 40});
  if (!expires) return expires.error();
  if (*expires) {
    auto at = core::parse_rfc3339(**expires);
    if (!at) {
      return core::Error::invalid("expires_at",
                                  "must be an RFC 3339 time such as 2027-01-01T00:00:00+08:00");
    }
    token.expires_at = *at;
  }
  if (auto s = in->finish(); !s) return s.error();

  auto created = services.tokens.create(token, context.actor(request.client_ip));
  if (!created) return created.error();
  auto body = auth::token_to_json(created->record);
  body["token"] = created->token;
  Response response = json_response(201, body);
  response.set_header("Location", "/api/v1/tokens/" + std::to_string(created->record.id));
  return response;
}

}  // namespace

void add_token_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/tokens", Access::authenticated, kAdminOnly, std::nullopt,
              [&services](const Request& request, RequestContext&) -> core::Result<Response> {
                auto query = QueryInput::parse(request.query);
                if (!query) return query.error();
                auto user_id = query->optional_integer("user_id", 1, INT64_MAX);
                if (!user_id) return user_id.error();
                auto cursor = query->cursor();
                if (!cursor) return cursor.error();
                auto limit = query->limit();
                if (!limit) return limit.error();
                if (auto s = query->finish(); !s) return s.error();
                auto page = services.tokens.list(*user_id, *cursor, *limit);
                if (!page) return page.error();
                return page_of(page->tokens, page->next_after_id,
                               [](const auto& record) { return auth::token_to_json(record); });
              }});
  router.add({"POST", "/api/v1/tokens", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, create_token)});
  router.add(
      {"DELETE", "/api/v1/tokens/{id}", Access::authenticated, kAdminOnly, std::nullopt,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         auto revoked = services.tokens.revoke(*id, context.actor(request.client_ip));
         if (!revoked) return revoked.error();
         return json_response(200, auth::token_to_json(*revoked));
       }});
}

}  // namespace laurel::api
