// Departments of the sales organisation: everyone signed in reads them; admins change them.

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

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::NewDepartment input;
  auto name = in->required_string("name", {1, 100});
  if (!name) return name.error();
  input.name = std::move(*name);
  auto parent = in->nullable_integer("parent_id", 1, INT64_MAX);
  if (!parent) return parent.error();
  if (*parent) input.parent_id = **parent;
  if (auto s = in->finish(); !s) return s.error();
  auto created = services.departments.create(input, context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::department_to_json(*created));
  response.set_header("Location", "/api/v1/departments/" + std::to_string(created->department.id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::DepartmentChanges changes;
  auto name = in->optional_string("name", {1, 100});
  if (!name) return name.error();
  changes.name = std::move(*name);
  auto parent = in->nullable_integer("parent_id", 1, INT64_MAX);
  if (!parent) return parent.error();
  changes.parent_id = *parent;
  auto active = in->optional_bool("active");
  if (!active) return active.error();
  changes.active = *active;
  if (auto s = in->finish(); !s) return s.error();
  auto updated = services.departments.update(*id, changes, context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::department_to_json(*updated));
}

}  // namespace

void add_department_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/departments", Access::authenticated, kCompanyStaff, std::nullopt,
              [&services](const Request& request, RequestContext&) -> core::Result<Response> {
                auto query = QueryInput::parse(request.query);
                if (!query) return query.error();
                auto active = query->optional_bool("active");
                if (!active) return active.error();
                if (auto s = query->finish(); !s) return s.error();
                auto departments = services.departments.list(*active);
                if (!departments) return departments.error();
                boost::json::array items;
                for (const auto& d : *departments)
                  items.push_back(crm::department_to_json(d));
                // An organisation has tens to hundreds of departments: one page holds them all.
                return page_response(std::move(items), std::nullopt);
              }});
  router.add({"POST", "/api/v1/departments", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, create)});
  router.add({"GET", "/api/v1/departments/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.departments.get(id); },
                        [](const auto& record) { return crm::department_to_json(record); })});
  router.add({"PATCH", "/api/v1/departments/{id}", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, update)});
}

}  // namespace laurel::api
