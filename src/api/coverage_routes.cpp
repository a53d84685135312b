// Coverage of clients by staff: everyone in the company sees who covers a client; managers and
// admins set coverage (it decides whom trades are credited to) and hand a leaver's clients over.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/member_input.hpp"
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

core::Result<std::optional<core::LocalDate>> as_of(const Request& request) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto day = query->optional_date("as_of");
  if (!day) return day.error();
  if (auto s = query->finish(); !s) return s.error();
  return *day;
}

core::Result<Response> get(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto day = as_of(request);
  if (!day) return day.error();
  auto view = services.coverage.get(*id, *day);
  if (!view) return view.error();
  return json_response(200, crm::coverage_to_json(*view));
}

core::Result<Response> put(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::CoverageInput input;
  auto from = in->optional_date("effective_from");
  if (!from) return from.error();
  input.effective_from = *from;
  auto members = in->required_objects("members", 20);
  if (!members) return members.error();
  auto read = read_members(*members);
  if (!read) return read.error();
  input.members = std::move(*read);
  if (auto s = in->finish(); !s) return s.error();
  auto view = services.coverage.set(*id, input, context.actor(request.client_ip));
  if (!view) return view.error();
  return json_response(200, crm::coverage_to_json(*view));
}

core::Result<Response> clients_of(Services& services, const Request& request,
                                  RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto day = as_of(request);
  if (!day) return day.error();
  auto clients = services.coverage.clients_of(*id, *day);
  if (!clients) return clients.error();
  boost::json::array items;
  for (const auto& c : *clients) {
    items.push_back(boost::json::object{{"client_id", c.client_id},
                                        {"client_name", c.client_name},
                                        {"role", c.member.role},
                                        {"share_percent", c.member.share_percent},
                                        {"effective_from", c.effective_from}});
  }
  return json_response(
      200,
      boost::json::object{{"staff_id", *id},
                          {"as_of", core::format_date(day->value_or(services.coverage.today()))},
                          {"items", std::move(items)}});
}

core::Result<Response> reassign(Services& services, const Request& request,
                                RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::Reassignment reassignment;
  reassignment.from_staff_id = *id;
  auto to = in->required_integer("to_staff_id", 1, INT64_MAX);
  if (!to) return to.error();
  reassignment.to_staff_id = *to;
  auto from = in->optional_date("effective_from");
  if (!from) return from.error();
  reassignment.effective_from = *from;
  if (auto s = in->finish(); !s) return s.error();
  auto result = services.coverage.reassign(reassignment, context.actor(request.client_ip));
  if (!result) return result.error();
  boost::json::array ids;
  for (auto client : result->client_ids)
    ids.push_back(client);
  return json_response(200, boost::json::object{{"from_staff_id", reassignment.from_staff_id},
                                                {"to_staff_id", reassignment.to_staff_id},
                                                {"effective_from", result->effective_from},
                                                {"client_ids", std::move(ids)}});
}

}  // namespace

void add_coverage_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/clients/{id}/coverage", Access::authenticated, kCompanyStaff,
              std::nullopt, with(services, get)});
  router.add({"PUT", "/api/v1/clients/{id}/coverage", Access::authenticated, kManagers, kSmallBody,
              with(services, put)});
  router.add({"GET", "/api/v1/staff/{id}/clients", Access::authenticated, kCompanyStaff,
              std::nullopt, with(services, clients_of)});
  router.add({"POST", "/api/v1/staff/{id}/reassign-clients", Access::authenticated, kManagers,
              kSmallBody, with(services, reassign)});
}

}  // namespace laurel::api
