// Service records: operations, trading, research and back-office staff note what they did for a
// client; the salespeople covering it and managers read them within their scope.

#include <boost/json/object.hpp>

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

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::ServiceRecordInput input;
  auto client = in->required_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  input.client_id = *client;
  auto department = in->optional_integer("department_id", 1, INT64_MAX);
  if (!department) return department.error();
  input.department_id = *department;
  auto kind = in->required_string("kind", {1, 30});
  if (!kind) return kind.error();
  input.kind = std::move(*kind);
  auto text = in->required_string("text", {1, 10'000});
  if (!text) return text.error();
  input.text = std::move(*text);
  auto occurred_at = in->required_time("occurred_at");
  if (!occurred_at) return occurred_at.error();
  input.occurred_at = *occurred_at;
  if (auto s = in->finish(); !s) return s.error();
  auto created =
      services.service_records.create(input, context.user(), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::service_record_to_json(*created));
  response.set_header("Location", "/api/v1/service-records/" + std::to_string(created->id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::ServiceRecordChanges changes;
  auto kind = in->optional_string("kind", {1, 30});
  if (!kind) return kind.error();
  changes.kind = std::move(*kind);
  auto text = in->optional_string("text", {1, 10'000});
  if (!text) return text.error();
  changes.text = std::move(*text);
  auto occurred_at = in->optional_time("occurred_at");
  if (!occurred_at) return occurred_at.error();
  changes.occurred_at = *occurred_at;
  if (auto s = in->finish(); !s) return s.error();
  auto updated = services.service_records.update(*id, changes, context.user(),
                                                 context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::service_record_to_json(*updated));
}

core::Result<Response> list(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::ServiceRecordFilter filter;
  auto client = query->optional_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  filter.client_id = *client;
  auto department = query->optional_integer("department_id", 1, INT64_MAX);
  if (!department) return department.error();
  filter.department_id = *department;
  auto kind = query->optional_string("kind", 30);
  if (!kind) return kind.error();
  if (*kind) {
    if (auto s = crm::check_one_of("kind", **kind, crm::service_kinds()); !s) return s.error();
  }
  filter.kind = *kind;
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.service_records.list(filter, context.user());
  if (!page) return page.error();
  return page_of(page->records, page->next_after_id,
                 [](const auto& record) { return crm::service_record_to_json(record); });
}

}  // namespace

void add_service_record_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/service-records", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, list)});
  router.add({"POST", "/api/v1/service-records", Access::authenticated, kCompanyStaff, kMediumBody,
              with(services, create)});
  router.add({"GET", "/api/v1/service-records/{id}", Access::authenticated, kCompanyStaff,
              std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id, const auth::Principal& caller) {
                    return services.service_records.get(id, caller);
                  },
                  [](const auto& r) { return crm::service_record_to_json(r); })});
  router.add({"PATCH", "/api/v1/service-records/{id}", Access::authenticated, kCompanyStaff,
              kMediumBody, with(services, update)});
  router.add(
      {"DELETE", "/api/v1/service-records/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         if (auto s = services.service_records.remove(*id, context.user(),
                                                      context.actor(request.client_ip));
             !s) {
           return s.error();
         }
         return Response::no_content();
       }});
}

}  // namespace laurel::api
