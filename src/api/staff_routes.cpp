// Staff of the sales organisation: everyone signed in reads them; admins add, change and
// transfer them.

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
  store::StaffFilter filter;
  auto department = query->optional_integer("department_id", 1, INT64_MAX);
  if (!department) return department.error();
  filter.department_id = *department;
  auto as_of = query->optional_date("as_of");
  if (!as_of) return as_of.error();
  if (*as_of) filter.as_of = core::format_date(**as_of);
  auto active = query->optional_bool("active");
  if (!active) return active.error();
  filter.active = *active;
  auto search = query->optional_string("q", 100);
  if (!search) return search.error();
  filter.search = *search;
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.staff.list(filter);
  if (!page) return page.error();
  return page_of(page->staff, page->next_after_id,
                 [](const auto& record) { return crm::staff_to_json(record); });
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::NewStaff input;
  auto name = in->required_string("name", {1, 100});
  if (!name) return name.error();
  input.name = std::move(*name);
  auto title = in->nullable_string("title", {0, 100});
  if (!title) return title.error();
  if (*title) input.title = **title;
  auto user = in->nullable_integer("user_id", 1, INT64_MAX);
  if (!user) return user.error();
  if (*user) input.user_id = **user;
  auto department = in->required_integer("department_id", 1, INT64_MAX);
  if (!department) return department.error();
  input.department_id = *department;
  auto from = in->optional_date("effective_from");
  if (!from) return from.error();
  input.effective_from = *from;
  if (auto s = in->finish(); !s) return s.error();
  auto created = services.staff.create(input, context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::staff_to_json(*created));
  response.set_header("Location", "/api/v1/staff/" + std::to_string(created->staff.id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::StaffChanges changes;
  auto name = in->optional_string("name", {1, 100});
  if (!name) return name.error();
  changes.name = std::move(*name);
  auto title = in->nullable_string("title", {0, 100});
  if (!title) return title.error();
  changes.title = std::move(*title);
  auto user = in->nullable_integer("user_id", 1, INT64_MAX);
  if (!user) return user.error();
  changes.user_id = *user;
  auto active = in->optional_bool("active");
  if (!active) return active.error();
  changes.active = *active;
  if (auto s = in->finish(); !s) return s.error();
  auto updated = services.staff.update(*id, changes, context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::staff_to_json(*updated));
}

core::Result<Response> transfer(Services& services, const Request& request,
                                RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auto department = in->required_integer("department_id", 1, INT64_MAX);
  if (!department) return department.error();
  auto from = in->required_date("effective_from");
  if (!from) return from.error();
  if (auto s = in->finish(); !s) return s.error();
  auto moved = services.staff.transfer(*id, *department, *from, context.actor(request.client_ip));
  if (!moved) return moved.error();
  return json_response(200, crm::staff_to_json(*moved));
}

}  // namespace

void add_staff_routes(http::Router& router, Services& services) {
  router.add(
      {"GET", "/api/v1/staff", Access::authenticated, kCompanyStaff, std::nullopt,
       [&services](const Request& request, RequestContext&) { return list(services, request); }});
  router.add({"POST", "/api/v1/staff", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, create)});
  router.add({"GET", "/api/v1/staff/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.staff.get(id); },
                        [](const auto& record) { return crm::staff_to_json(record); })});
  router.add({"PATCH", "/api/v1/staff/{id}", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, update)});
  router.add({"POST", "/api/v1/staff/{id}/transfers", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, transfer)});
}

}  // namespace laurel::api
