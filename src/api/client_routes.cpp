// Clients (company-wide master data): everyone in the company reads them; sales, managers and
// admins add and correct them.

#include <boost/json/array.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "crm/product_service.hpp"
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

// A client as the API shows it: its master data and its derived status.
core::Result<boost::json::object> client_json(Services& services,
                                              const store::ClientRecord& client) {
  auto status = services.client_statuses.of(client.id);
  if (!status) return status.error();
  auto json = crm::client_to_json(client);
  crm::add_status_json(json, *status);
  return json;
}

core::Result<Response> client_response(Services& services, unsigned code,
                                       const store::ClientRecord& client) {
  auto json = client_json(services, client);
  if (!json) return json.error();
  return json_response(code, *json);
}

core::Result<Response> list(Services& services, const Request& request) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::ClientFilter filter;
  auto type = query->optional_string("type", 20);
  if (!type) return type.error();
  if (*type) {
    if (auto s = crm::check_one_of("type", **type, crm::client_types()); !s) return s.error();
  }
  filter.type = *type;
  auto region = query->optional_string("region", 200);
  if (!region) return region.error();
  filter.region = *region;
  auto search = query->optional_string("q", 200);
  if (!search) return search.error();
  filter.search = *search;
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.clients.list(filter);
  if (!page) return page.error();
  boost::json::array items;
  for (const auto& client : page->clients) {
    auto json = client_json(services, client);
    if (!json) return json.error();
    items.push_back(std::move(*json));
  }
  return page_response(std::move(items), page->next_after_id);
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::NewClient input;
  auto name = in->required_string("name", {1, 200});
  if (!name) return name.error();
  input.name = std::move(*name);
  auto short_name = in->nullable_string("short_name", {1, 50});
  if (!short_name) return short_name.error();
  if (*short_name) input.short_name = **short_name;
  auto code = in->required_string("registration_code", {1, 40});
  if (!code) return code.error();
  input.registration_code = std::move(*code);
  auto type = in->required_string("type", {1, 20});
  if (!type) return type.error();
  input.type = std::move(*type);
  auto region = in->nullable_string("region", {1, 50});
  if (!region) return region.error();
  if (*region) input.region = **region;
  if (auto s = in->finish(); !s) return s.error();
  auto created = services.clients.create(input, context.actor(request.client_ip));
  if (!created) return created.error();
  auto response = client_response(services, 201, *created);
  if (!response) return response.error();
  response->set_header("Location", "/api/v1/clients/" + std::to_string(created->id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::ClientChanges changes;
  auto name = in->optional_string("name", {1, 200});
  if (!name) return name.error();
  changes.name = std::move(*name);
  auto short_name = in->nullable_string("short_name", {1, 50});
  if (!short_name) return short_name.error();
  changes.short_name = std::move(*short_name);
  auto code = in->optional_string("registration_code", {1, 40});
  if (!code) return code.error();
  changes.registration_code = std::move(*code);
  auto type = in->optional_string("type", {1, 20});
  if (!type) return type.error();
  changes.type = std::move(*type);
  auto region = in->nullable_string("region", {1, 50});
  if (!region) return region.error();
  changes.region = std::move(*region);
  if (auto s = in->finish(); !s) return s.error();
  auto updated = services.clients.update(*id, changes, context.actor(request.client_ip));
  if (!updated) return updated.error();
  return client_response(services, 200, *updated);
}

core::Result<Response> merge(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auto duplicate = in->required_integer("duplicate_id", 1, INT64_MAX);
  if (!duplicate) return duplicate.error();
  if (auto s = in->finish(); !s) return s.error();
  auto merged = services.clients.merge(*id, *duplicate, context.actor(request.client_ip));
  if (!merged) return merged.error();
  auto json = crm::merge_result_to_json(*merged);
  for (const auto& [key, client_id] :
       {std::pair{"client", merged->survivor.id}, std::pair{"merged_client", merged->merged.id}}) {
    auto status = services.client_statuses.of(client_id);
    if (!status) return status.error();
    crm::add_status_json(json[key].as_object(), *status);
  }
  return json_response(200, json);
}

}  // namespace

void add_client_routes(http::Router& router, Services& services) {
  router.add(
      {"GET", "/api/v1/clients", Access::authenticated, kCompanyStaff, std::nullopt,
       [&services](const Request& request, RequestContext&) { return list(services, request); }});
  router.add({"POST", "/api/v1/clients", Access::authenticated, kClientEditors, kSmallBody,
              with(services, create)});
  router.add({"GET", "/api/v1/clients/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              [&services](const Request&, RequestContext& context) -> core::Result<Response> {
                auto id = context.id_param("id");
                if (!id) return id.error();
                auto client = services.clients.get(*id);
                if (!client) return client.error();
                return client_response(services, 200, *client);
              }});
  router.add({"PATCH", "/api/v1/clients/{id}", Access::authenticated, kClientEditors, kSmallBody,
              with(services, update)});
  router.add({"POST", "/api/v1/clients/{id}/merge", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, merge)});
}

}  // namespace laurel::api
