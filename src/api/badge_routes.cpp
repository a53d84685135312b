// Badges over the API: the badge rules (public to the whole company, defined and changed by
// managers and admins), a person's badges with their progress, and why one was earned.

#include "api/access.hpp"
#include "api/event_json.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "api/whose_points.hpp"
#include "core/timestamp.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;
using http::Access;
using http::Request;
using http::RequestContext;
using http::Response;

json::object person_badge_to_json(const crm::PersonBadge& b) {
  const auto& a = b.award;
  const auto time = [](std::int64_t micros) {
    return json::value(core::format_rfc3339(core::from_micros(micros)));
  };
  return {{"rule", crm::badge_rule_to_json(b.rule)},
          {"earned", a && a->holds},
          {"earned_at", a ? time(a->earned_at) : json::value(nullptr)},
          {"first_earned_at", a ? time(a->first_earned_at) : json::value(nullptr)},
          {"visit_id", a ? json::value(a->visit_id) : json::value(nullptr)},
          {"taken_back_at", a && a->taken_back_at ? time(*a->taken_back_at) : json::value(nullptr)},
          {"progress", b.progress}};
}

core::Result<Response> create_rule(Services& services, const Request& request,
                                   RequestContext& context) {
  auto input = crm::read_badge_rule_input(request.body);
  if (!input) return input.error();
  auto created = services.badges.create(std::move(*input), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::badge_rule_to_json(*created));
  response.set_header("Location", "/api/v1/badge-rules/" + std::to_string(created->engine.id));
  return response;
}

core::Result<Response> change_rule(Services& services, const Request& request,
                                   RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto input = crm::read_badge_rule_input(request.body);
  if (!input) return input.error();
  auto changed = services.badges.change(*id, std::move(*input), context.actor(request.client_ip));
  if (!changed) return changed.error();
  return json_response(200, crm::badge_rule_to_json(*changed));
}

core::Result<Response> badges_of(Services& services, const Request& request,
                                 RequestContext& context) {
  auto staff = whose(services, request, context);
  if (!staff) return staff.error();
  auto badges = services.badges.of(*staff);
  if (!badges) return badges.error();
  json::array items;
  std::int64_t earned = 0;
  for (const auto& b : *badges) {
    earned += b.award && b.award->holds ? 1 : 0;
    items.push_back(person_badge_to_json(b));
  }
  return json_response(
      200, json::object{{"staff_id", *staff}, {"earned", earned}, {"badges", std::move(items)}});
}

core::Result<Response> why(Services& services, const Request& request, RequestContext& context) {
  auto rule = context.id_param("id");
  if (!rule) return rule.error();
  auto staff = whose(services, request, context);
  if (!staff) return staff.error();
  auto found = services.badges.why(*staff, *rule);
  if (!found) return found.error();
  json::array events;
  for (const auto& e : found->source_events)
    events.push_back(source_event_to_json(e));
  return json_response(200, json::object{{"staff_id", *staff},
                                         {"badge", person_badge_to_json(found->badge)},
                                         {"source_events", std::move(events)}});
}

}  // namespace

void add_badge_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/badge-rules", Access::authenticated, kManagers, kSmallBody,
              with(services, create_rule)});
  router.add({"GET", "/api/v1/badge-rules", Access::authenticated, kCompanyStaff, std::nullopt,
              paged_by_id([&services](std::int64_t after_id,
                                      int limit) { return services.badges.list(after_id, limit); },
                          &crm::BadgeRulePage::rules,
                          [](const auto& r) { return crm::badge_rule_to_json(r); })});
  router.add({"GET", "/api/v1/badge-rules/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.badges.get(id); },
                        [](const auto& r) { return crm::badge_rule_to_json(r); })});
  router.add({"PUT", "/api/v1/badge-rules/{id}", Access::authenticated, kManagers, kSmallBody,
              with(services, change_rule)});
  router.add({"GET", "/api/v1/badges", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, badges_of)});
  router.add({"GET", "/api/v1/badges/{id}/why", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, why)});
}

}  // namespace laurel::api
