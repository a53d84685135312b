// Products (funds): everyone signed in reads them; admins add and change them.

#include <boost/json/array.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
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

core::Result<Response> list(Services& services, const Request& request) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::ProductFilter filter;
  auto type = query->optional_string("type", 20);
  if (!type) return type.error();
  if (*type) {
    if (auto s = crm::check_one_of("type", **type, crm::product_types()); !s) return s.error();
  }
  filter.type = *type;
  auto status = query->optional_string("status", 20);
  if (!status) return status.error();
  if (*status) {
    if (auto s = crm::check_one_of("status", **status, crm::product_statuses()); !s) {
      return s.error();
    }
  }
  filter.status = *status;
  auto search = query->optional_string("q", 100);
  if (!search) return search.error();
  filter.search = *search;
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.products.list(filter);
  if (!page) return page.error();
  return page_of(page->products, page->next_after_id,
                 [](const auto& record) { return crm::product_to_json(record); });
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::NewProduct input;
  auto code = in->required_string("code", {1, 20});
  if (!code) return code.error();
  input.code = std::move(*code);
  auto name = in->required_string("name", {1, 100});
  if (!name) return name.error();
  input.name = std::move(*name);
  auto type = in->required_string("type", {1, 20});
  if (!type) return type.error();
  input.type = std::move(*type);
  auto status = in->optional_string("status", {1, 20});
  if (!status) return status.error();
  if (*status) input.status = std::move(**status);
  if (auto s = in->finish(); !s) return s.error();
  auto created = services.products.create(input, context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::product_to_json(*created));
  response.set_header("Location", "/api/v1/products/" + std::to_string(created->id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::ProductChanges changes;
  auto code = in->optional_string("code", {1, 20});
  if (!code) return code.error();
  changes.code = std::move(*code);
  auto name = in->optional_string("name", {1, 100});
  if (!name) return name.error();
  changes.name = std::move(*name);
  auto type = in->optional_string("type", {1, 20});
  if (!type) return type.error();
  changes.type = std::move(*type);
  auto status = in->optional_string("status", {1, 20});
  if (!status) return status.error();
  changes.status = std::move(*status);
  if (auto s = in->finish(); !s) return s.error();
  auto updated = services.products.update(*id, changes, context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::product_to_json(*updated));
}

}  // namespace

void add_product_routes(http::Router& router, Services& services) {
  router.add(
      {"GET", "/api/v1/products", Access::authenticated, kCompanyStaff, std::nullopt,
       [&services](const Request& request, RequestContext&) { return list(services, request); }});
  router.add({"POST", "/api/v1/products", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, create)});
  router.add({"GET", "/api/v1/products/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.products.get(id); },
                        [](const auto& record) { return crm::product_to_json(record); })});
  router.add({"PATCH", "/api/v1/products/{id}", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, update)});
}

}  // namespace laurel::api
