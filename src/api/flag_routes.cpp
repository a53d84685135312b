// The "system sergeant" flags over the API (crm/flag_set.hpp): the company's flag set (read by
// everyone, set by managers and admins), a person's flags with why each was earned, and a week's
// parade of new flags.

#include "api/access.hpp"
#include "api/event_json.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "api/week_param.hpp"
#include "api/whose_points.hpp"
#include "core/timestamp.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;
using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

json::object flag_set_json(const std::vector<crm::Flag>& flags) {
  auto out = crm::flag_set_to_json(flags);
  json::array functions;
  for (const auto& f : crm::crm_functions())
    functions.push_back(json::object{{"function", f.code}, {"what", f.what}});
  out["functions"] = std::move(functions);
  return out;
}

json::object earned_to_json(const crm::EarnedFlag& f) {
  json::object out{{"function", f.flag.function}, {"name", f.flag.name},  {"colour", f.flag.colour},
                   {"earned", f.use.has_value()}, {"earned_at", nullptr}, {"source", nullptr}};
  if (f.use) {
    out["earned_at"] = core::format_rfc3339(core::from_micros(f.use->used_at));
    out["source"] = json::object{
        {"kind", f.use->entity_type}, {"id", f.use->entity_id}, {"event_seq", f.use->event_seq}};
  }
  return out;
}

core::Result<Response> get_flag_set(Services& services, const Request&, RequestContext&) {
  auto flags = services.flag_set.get();
  if (!flags) return flags.error();
  return json_response(200, flag_set_json(*flags));
}

core::Result<Response> set_flag_set(Services& services, const Request& request,
                                    RequestContext& context) {
  auto input = crm::read_flag_set_input(request.body);
  if (!input) return input.error();
  auto set = services.flag_set.set(std::move(*input), context.actor(request.client_ip));
  if (!set) return set.error();
  return json_response(200, flag_set_json(*set));
}

core::Result<Response> flags_of(Services& services, const Request& request,
                                RequestContext& context) {
  auto staff = whose(services, request, context);
  if (!staff) return staff.error();
  auto flags = services.flags.of(*staff);
  if (!flags) return flags.error();
  json::array items;
  std::int64_t earned = 0;
  for (const auto& f : *flags) {
    earned += f.use ? 1 : 0;
    items.push_back(earned_to_json(f));
  }
  return json_response(200, json::object{{"staff_id", *staff},
                                         {"earned", earned},
                                         {"of", static_cast<std::int64_t>(flags->size())},
                                         {"flags", std::move(items)}});
}

core::Result<Response> why(Services& services, const Request& request, RequestContext& context) {
  auto staff = whose(services, request, context);
  if (!staff) return staff.error();
  auto found = services.flags.why(*staff, std::string(context.param("function")));
  if (!found) return found.error();
  return json_response(
      200, json::object{{"staff_id", *staff},
                        {"flag", earned_to_json(found->flag)},
                        {"event", found->event ? json::value(source_event_to_json(*found->event))
                                               : json::value(nullptr)}});
}

core::Result<Response> parade(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto week = read_week(services, *query);
  if (!week) return week.error();
  if (auto s = query->finish(); !s) return s.error();
  auto found = services.flags.parade(*week, context.user());
  if (!found) return found.error();
  json::array people;
  for (const auto& p : found->people) {
    json::array flags;
    for (const auto& f : p.flags)
      flags.push_back(earned_to_json(f));
    people.push_back(json::object{{"staff_id", p.staff_id},
                                  {"name", p.name},
                                  {"celebrate_publicly", p.celebrate_publicly},
                                  {"flags", std::move(flags)}});
  }
  return json_response(200, json::object{{"week", core::format_period(*week)},
                                         {"from", core::format_date(core::first_day(*week))},
                                         {"to", core::format_date(core::last_day(*week))},
                                         {"people", std::move(people)}});
}

}  // namespace

void add_flag_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/flag-set", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, get_flag_set)});
  router.add({"PUT", "/api/v1/flag-set", Access::authenticated, kManagers, kSmallBody,
              with(services, set_flag_set)});
  router.add({"GET", "/api/v1/flags", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, flags_of)});
  // Before /flags/{function}/why: the first route that matches answers.
  router.add({"GET", "/api/v1/flags/parade", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, parade)});
  router.add({"GET", "/api/v1/flags/{function}/why", Access::authenticated, kCompanyStaff,
              std::nullopt, with(services, why)});
}

}  // namespace laurel::api
