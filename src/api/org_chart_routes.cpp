// A client's org chart: its units (a tree) and its key people in one read, units added, renamed,
// moved (with their subtree) and deleted when empty. Everyone in the company reads org charts
// (contact details masked outside their scope); sales, managers and admins change them.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "http/json_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::JsonInput;
using http::Request;
using http::RequestContext;
using http::Response;

core::Result<Response> org_chart(Services& services, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto units = services.org_charts.units_of(*id);
  if (!units) return units.error();
  auto people = services.key_people.of_client(*id, context.user());
  if (!people) return people.error();
  boost::json::array unit_items;
  for (const auto& unit : *units)
    unit_items.push_back(crm::org_unit_to_json(unit));
  boost::json::array people_items;
  for (const auto& person : *people)
    people_items.push_back(crm::key_person_to_json(person));
  return json_response(200, boost::json::object{{"client_id", *id},
                                                {"units", std::move(unit_items)},
                                                {"key_people", std::move(people_items)}});
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto client = context.id_param("id");
  if (!client) return client.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::NewOrgUnit input;
  input.client_id = *client;
  auto name = in->required_string("name", {1, 100});
  if (!name) return name.error();
  input.name = std::move(*name);
  auto parent = in->optional_integer("parent_id", 1, INT64_MAX);
  if (!parent) return parent.error();
  input.parent_id = *parent;
  if (auto s = in->finish(); !s) return s.error();
  auto created = services.org_charts.create(input, context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::org_unit_to_json(*created));
  response.set_header("Location", "/api/v1/org-units/" + std::to_string(created->id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::OrgUnitChanges changes;
  auto name = in->optional_string("name", {1, 100});
  if (!name) return name.error();
  changes.name = std::move(*name);
  auto parent = in->nullable_integer("parent_id", 1, INT64_MAX);
  if (!parent) return parent.error();
  changes.parent_id = *parent;
  if (auto s = in->finish(); !s) return s.error();
  auto updated = services.org_charts.update(*id, changes, context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::org_unit_to_json(*updated));
}

}  // namespace

void add_org_chart_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/clients/{id}/org-chart", Access::authenticated, kCompanyStaff,
              std::nullopt, [&services](const Request&, RequestContext& context) {
                return org_chart(services, context);
              }});
  router.add({"POST", "/api/v1/clients/{id}/org-units", Access::authenticated, kClientEditors,
              kSmallBody, with(services, create)});
  router.add({"GET", "/api/v1/org-units/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.org_charts.get(id); },
                        [](const auto& unit) { return crm::org_unit_to_json(unit); })});
  router.add({"PATCH", "/api/v1/org-units/{id}", Access::authenticated, kClientEditors, kSmallBody,
              with(services, update)});
  router.add(
      {"DELETE", "/api/v1/org-units/{id}", Access::authenticated, kClientEditors, std::nullopt,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         if (auto s = services.org_charts.remove(*id, context.actor(request.client_ip)); !s) {
           return s.error();
         }
         return Response::no_content();
       }});
}

}  // namespace laurel::api
