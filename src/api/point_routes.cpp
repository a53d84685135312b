// Points over the API: the points rules (public to the whole company, defined and changed by
// managers and admins, each change a new version), a draft rule's preview over past days, the
// budgets' use, a person's balances and ledger journals, and why any journal was posted.

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/access.hpp"
#include "api/board_request.hpp"
#include "api/event_json.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "api/whose_points.hpp"
#include "core/timestamp.hpp"
#include "crm/flag_set.hpp"
#include "engine/points_book.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;
using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

json::value optional_number(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object journal_to_json(const store::PointJournal& j) {
  json::array entries;
  for (const auto& leg : j.legs) {
    entries.push_back(
        json::object{{"account", leg.account.owner_kind + "/" +
                                     std::to_string(leg.account.owner_id) + "/" + leg.account.kind},
                     {"amount", leg.amount}});
  }
  boost::system::error_code ec;
  auto detail = json::parse(j.detail, ec);
  if (ec) detail = json::object();
  json::value source = nullptr;
  if (j.source_kind == "first_use" && j.source_id) {
    // Stored as the use's event and the function (engine::first_use_source): shown apart.
    const auto function = static_cast<std::size_t>(*j.source_id % engine::kFirstUseSlots);
    const auto& functions = crm::crm_functions();
    source = json::object{
        {"kind", *j.source_kind},
        {"id", engine::first_use_seq(*j.source_id)},
        {"function", function < functions.size() ? json::value(functions[function].code)
                                                 : json::value(nullptr)}};
  } else if (j.source_kind && j.source_id) {
    source = json::object{{"kind", *j.source_kind}, {"id", *j.source_id}};
  }
  return {{"id", j.id},
          {"kind", j.kind},
          {"staff_id", optional_number(j.staff_id)},
          {"rule_id", optional_number(j.rule_id)},
          {"rule_version", optional_number(j.rule_version)},
          {"source", std::move(source)},
          {"event_seq", optional_number(j.event_seq)},
          {"occurred_at", j.occurred_at
                              ? json::value(core::format_rfc3339(core::from_micros(*j.occurred_at)))
                              : json::value(nullptr)},
          {"posted_at", core::format_rfc3339(core::from_micros(j.posted_at))},
          {"points", j.points},
          {"detail", std::move(detail)},
          {"entries", std::move(entries)}};
}

core::Result<Response> create_rule(Services& services, const Request& request,
                                   RequestContext& context) {
  auto input = crm::read_point_rule_input(request.body);
  if (!input) return input.error();
  auto created = services.point_rules.create(std::move(*input), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::point_rule_to_json(*created));
  response.set_header("Location", "/api/v1/point-rules/" + std::to_string(created->engine.id));
  return response;
}

core::Result<Response> change_rule(Services& services, const Request& request,
                                   RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto input = crm::read_point_rule_input(request.body);
  if (!input) return input.error();
  auto changed =
      services.point_rules.change(*id, std::move(*input), context.actor(request.client_ip));
  if (!changed) return changed.error();
  return json_response(200, crm::point_rule_to_json(*changed));
}

core::Result<Response> versions(Services& services, const Request&, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto found = services.point_rules.versions(*id);
  if (!found) return found.error();
  json::array items;
  for (const auto& v : *found)
    items.push_back(crm::point_rule_to_json(v));
  return json_response(200, json::object{{"items", std::move(items)}});
}

core::Result<core::LocalDate> day_member(const json::object& body, std::string_view key) {
  const auto* v = body.if_contains(key);
  if (!v || !v->is_string()) {
    return core::Error::invalid(std::string(key), "is required: a day, such as \"2026-01-01\"");
  }
  const auto day = core::parse_date(v->as_string());
  if (!day) return core::Error::invalid(std::string(key), "must be a day (YYYY-MM-DD)");
  return *day;
}

core::Result<Response> preview(Services& services, const Request& request, RequestContext&) {
  auto body = object_body(request);
  if (!body) return body.error();
  for (const auto& [key, value] : *body) {
    if (key != "rule" && key != "rule_id" && key != "from" && key != "to") {
      return core::Error::invalid(key, "is not a member of a preview");
    }
  }
  const auto* rule = body->if_contains("rule");
  if (!rule || !rule->is_object()) {
    return core::Error::invalid("rule",
                                "is required: the draft rule, as POST /point-rules takes it");
  }
  auto draft = crm::read_point_rule_input(json::serialize(*rule));
  if (!draft) {
    auto error = draft.error();
    error.field = "rule." + error.field;
    return error;
  }
  std::optional<std::int64_t> rule_id;
  if (const auto* id = body->if_contains("rule_id"); id && !id->is_null()) {
    if (!id->is_int64() || id->as_int64() < 1) {
      return core::Error::invalid("rule_id", "must be an id (a positive integer)");
    }
    rule_id = id->as_int64();
  }
  auto from = day_member(*body, "from");
  if (!from) return from.error();
  auto to = day_member(*body, "to");
  if (!to) return to.error();
  auto result = services.points.preview(std::move(*draft), rule_id, *from, *to);
  if (!result) {
    if (result.error().code == core::Errc::not_found) {
      return core::Error::invalid("rule_id", result.error().message);
    }
    return result.error();
  }
  auto names = services.engine.names_of(engine::SubjectKind::staff);
  if (!names) return names.error();
  json::array people;
  for (const auto& row : result->people) {
    const auto name = names->find(row.staff_id);
    people.push_back(
        json::object{{"staff_id", row.staff_id},
                     {"name", name == names->end() ? std::to_string(row.staff_id) : name->second},
                     {"awards", row.awards},
                     {"points", row.points},
                     {"current", row.current},
                     {"change", row.points - row.current}});
  }
  return json_response(200, json::object{{"from", core::format_date(result->from)},
                                         {"to", core::format_date(result->to)},
                                         {"awards", result->awards},
                                         {"points", result->points},
                                         {"current", result->current},
                                         {"recipients", result->people.size()},
                                         {"people", std::move(people)}});
}

core::Result<Response> budgets(Services& services, const Request& request, RequestContext&) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto on = query->optional_date("date");
  if (!on) return on.error();
  if (auto s = query->finish(); !s) return s.error();
  const auto today = on->value_or(services.zone.date_of(services.clock.now()));
  auto uses = services.points.budgets(today);
  if (!uses) return uses.error();
  json::array items;
  for (const auto& u : *uses) {
    items.push_back(
        json::object{{"rule_id", u.rule.engine.id},
                     {"name", u.rule.name},
                     {"period", core::format_period(u.period)},
                     {"budget", u.rule.budget->points},
                     {"used", u.used},
                     {"percent", u.rule.budget->points ? u.used * 100 / u.rule.budget->points : 0},
                     {"alert", u.alert},
                     {"over", u.over}});
  }
  return json_response(200, json::object{{"items", std::move(items)}});
}

core::Result<Response> balances(Services& services, const Request& request,
                                RequestContext& context) {
  auto staff = whose(services, request, context);
  if (!staff) return staff.error();
  auto found = services.points.balances(*staff);
  if (!found) return found.error();
  const auto* points = &found->points;
  auto levels = services.point_levels.get();
  if (!levels) return levels.error();
  const auto standing = crm::level_of(*levels, points->status);
  json::value next = nullptr;
  if (standing.next) {
    next = json::object{{"name", standing.next->name},
                        {"from", standing.next->from},
                        {"to_go", standing.next->from - points->status}};
  }
  json::value expiry = nullptr;
  if (found->next_expiry) {
    expiry = json::object{{"points", found->next_expiry->points},
                          {"last_day", core::format_date(found->next_expiry->last_day)}};
  }
  return json_response(
      200, json::object{{"staff_id", *staff},
                        {"status", points->status},
                        {"spendable", points->spendable},
                        {"held", points->held},
                        {"owed", points->owed},
                        {"next_expiry", std::move(expiry)},
                        {"level", json::object{{"name", standing.level ? standing.level->name : ""},
                                               {"from", standing.level ? standing.level->from : 0},
                                               {"next", std::move(next)}}}});
}

core::Result<Response> journals(Services& services, const Request& request,
                                RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto staff = whose(services, *query, context);
  if (!staff) return staff.error();
  struct {
    std::int64_t before_id = 0;
    int limit = 50;
  } page;
  if (auto s = read_newest_first_page(*query, page); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto found = services.points.journals(*staff, page.before_id, page.limit);
  if (!found) return found.error();
  return page_of(found->journals, found->next_before_id, journal_to_json);
}

core::Result<Response> why(Services& services, const Request&, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto found = services.points.why(context.user(), *id);
  if (!found) return found.error();
  json::value award = nullptr;
  if (found->award) {
    const auto& a = *found->award;
    award =
        json::object{{"version", a.version},     {"day", core::format_date(core::LocalDate(a.day))},
                     {"client_id", a.client_id}, {"base", a.base},
                     {"paid", a.paid},           {"cut", engine::to_string(a.cut)}};
  }
  json::array history;
  for (const auto& j : found->history)
    history.push_back(
        json::object{{"id", j.id},
                     {"kind", j.kind},
                     {"points", j.points},
                     {"event_seq", optional_number(j.event_seq)},
                     {"posted_at", core::format_rfc3339(core::from_micros(j.posted_at))}});
  json::array events;
  for (const auto& e : found->source_events)
    events.push_back(source_event_to_json(e));
  return json_response(
      200, json::object{{"journal", journal_to_json(found->journal)},
                        {"rule", found->rule ? json::value(crm::point_rule_to_json(*found->rule))
                                             : json::value(nullptr)},
                        {"award", std::move(award)},
                        {"history", std::move(history)},
                        {"source_events", std::move(events)},
                        {"order", found->order ? json::value(crm::order_to_json(*found->order,
                                                                                found->reward_name))
                                               : json::value(nullptr)}});
}

core::Result<Response> get_levels(Services& services, const Request&, RequestContext&) {
  auto levels = services.point_levels.get();
  if (!levels) return levels.error();
  return json_response(200, crm::point_levels_to_json(*levels));
}

core::Result<Response> set_levels(Services& services, const Request& request,
                                  RequestContext& context) {
  auto input = crm::read_point_levels_input(request.body);
  if (!input) return input.error();
  auto set = services.point_levels.set(std::move(*input), context.actor(request.client_ip));
  if (!set) return set.error();
  return json_response(200, crm::point_levels_to_json(*set));
}

}  // namespace

void add_point_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/point-rules", Access::authenticated, kManagers, kSmallBody,
              with(services, create_rule)});
  router.add(
      {"GET", "/api/v1/point-rules", Access::authenticated, kCompanyStaff, std::nullopt,
       paged_by_id([&services](std::int64_t after_id,
                               int limit) { return services.point_rules.list(after_id, limit); },
                   &crm::PointRulePage::rules,
                   [](const auto& r) { return crm::point_rule_to_json(r); })});
  // Before /point-rules/{id}: the first route that matches answers.
  router.add({"POST", "/api/v1/point-rules/preview", Access::authenticated, kManagers, kSmallBody,
              with(services, preview)});
  router.add({"GET", "/api/v1/point-rules/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.point_rules.get(id); },
                        [](const auto& r) { return crm::point_rule_to_json(r); })});
  router.add({"PUT", "/api/v1/point-rules/{id}", Access::authenticated, kManagers, kSmallBody,
              with(services, change_rule)});
  router.add({"GET", "/api/v1/point-rules/{id}/versions", Access::authenticated, kCompanyStaff,
              std::nullopt, with(services, versions)});
  router.add({"GET", "/api/v1/point-levels", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, get_levels)});
  router.add({"PUT", "/api/v1/point-levels", Access::authenticated, kManagers, kSmallBody,
              with(services, set_levels)});
  router.add({"GET", "/api/v1/points/budgets", Access::authenticated, kManagers, std::nullopt,
              with(services, budgets)});
  router.add({"GET", "/api/v1/points", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, balances)});
  router.add({"GET", "/api/v1/points/journal", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, journals)});
  router.add({"GET", "/api/v1/points/journal/{id}/why", Access::authenticated, kCompanyStaff,
              std::nullopt, with(services, why)});
}

}  // namespace laurel::api
