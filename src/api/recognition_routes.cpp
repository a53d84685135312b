// The weekly recognition digest (crm/recognition_digest.hpp) and the anti-gaming flags for
// managers (crm/gaming_flags.hpp) over the API.

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "api/week_param.hpp"
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

std::string time_text(std::int64_t micros) {
  return core::format_rfc3339(core::from_micros(micros));
}

json::object result_to_json(const crm::ChallengeResult& r) {
  return {{"challenge_id", r.challenge_id},
          {"name", r.challenge_name},
          {"outcome", engine::to_string(r.outcome)},
          {"at", core::format_rfc3339(r.at)}};
}

core::Result<Response> digest(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto week = read_week(services, *query);
  if (!week) return week.error();
  if (auto s = query->finish(); !s) return s.error();
  auto found = services.digest.of(*week, context.user());
  if (!found) return found.error();
  json::array people;
  std::int64_t flags = 0, badges = 0, level_ups = 0, challenges = 0;
  for (const auto& p : found->people) {
    json::array their_flags;
    for (const auto& f : p.flags) {
      their_flags.push_back(json::object{
          {"function", f.flag.function},
          {"name", f.flag.name},
          {"colour", f.flag.colour},
          {"earned_at", f.use ? json::value(time_text(f.use->used_at)) : json::value(nullptr)}});
    }
    json::array their_badges;
    for (const auto& b : p.badges) {
      their_badges.push_back(json::object{{"rule_id", b.rule_id},
                                          {"name", b.name},
                                          {"visit_id", b.visit_id},
                                          {"first_earned_at", time_text(b.first_earned_at)}});
    }
    json::value level = nullptr;
    if (p.level_up) {
      level = json::object{
          {"from", p.level_up->from}, {"to", p.level_up->to}, {"status", p.level_up->status}};
    }
    flags += static_cast<std::int64_t>(p.flags.size());
    badges += static_cast<std::int64_t>(p.badges.size());
    level_ups += p.level_up ? 1 : 0;
    json::array their_challenges;
    for (const auto& r : p.challenges)
      their_challenges.push_back(result_to_json(r));
    challenges += static_cast<std::int64_t>(p.challenges.size());
    people.push_back(json::object{{"staff_id", p.staff_id},
                                  {"name", p.name},
                                  {"celebrate_publicly", p.celebrate_publicly},
                                  {"flags", std::move(their_flags)},
                                  {"badges", std::move(their_badges)},
                                  {"level_up", std::move(level)},
                                  {"challenges", std::move(their_challenges)}});
  }
  // Departments' and the whole company's successes.
  json::array teams;
  for (const auto& r : found->team_challenges) {
    auto t = result_to_json(r);
    t["subject"] = r.group                                     ? "group"
                   : r.subject == engine::SubjectKind::company ? "company"
                                                               : "department";
    t["subject_id"] = r.subject_id;
    t["subject_name"] = r.subject == engine::SubjectKind::company ? json::value(nullptr)
                                                                  : json::value(r.subject_name);
    teams.push_back(std::move(t));
  }
  challenges += static_cast<std::int64_t>(found->team_challenges.size());
  return json_response(
      200,
      json::object{{"week", core::format_period(*week)},
                   {"from", core::format_date(core::first_day(*week))},
                   {"to", core::format_date(core::last_day(*week))},
                   {"company", json::object{{"people", static_cast<std::int64_t>(people.size())},
                                            {"flags", flags},
                                            {"badges", badges},
                                            {"level_ups", level_ups},
                                            {"challenges", challenges}}},
                   {"people", std::move(people)},
                   {"team_challenges", std::move(teams)}});
}

// ?from= and ?to= (company days, inclusive); by default the four weeks up to today.
core::Result<Response> gaming_flags(Services& services, const Request& request,
                                    RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto from = query->optional_date("from");
  if (!from) return from.error();
  auto to = query->optional_date("to");
  if (!to) return to.error();
  if (auto s = query->finish(); !s) return s.error();
  const auto last = to->value_or(services.zone.date_of(services.clock.now()));
  const auto first = from->value_or(core::LocalDate(date::sys_days(last) - date::days(27)));
  auto flags = services.gaming_flags.of(first, last, context.user());
  if (!flags) return flags.error();
  json::array items;
  for (const auto& f : *flags) {
    json::array visits;
    for (const auto id : f.visit_ids)
      visits.push_back(id);
    items.push_back(
        json::object{{"pattern", crm::to_string(f.pattern)},
                     {"staff_id", f.staff_id},
                     {"name", f.name},
                     {"day", core::format_date(f.day)},
                     {"client_id", f.client_id ? json::value(*f.client_id) : json::value(nullptr)},
                     {"visit_ids", std::move(visits)}});
  }
  return json_response(200, json::object{{"from", core::format_date(first)},
                                         {"to", core::format_date(last)},
                                         {"items", std::move(items)}});
}

}  // namespace

void add_recognition_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/recognition/digest", Access::authenticated, kCompanyStaff,
              std::nullopt, with(services, digest)});
  router.add({"GET", "/api/v1/recognition/gaming-flags", Access::authenticated, kManagers,
              std::nullopt, with(services, gaming_flags)});
}

}  // namespace laurel::api
