// Challenges over the API (crm/challenge_service.hpp): managers and admins set them and call them
// off; everyone reads them — all of them, the open or closed ones, or only their own — with where
// each participant stands.

#include <algorithm>

#include "api/access.hpp"
#include "api/event_json.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/timestamp.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;
using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

json::object challenge_view_to_json(const crm::ChallengeView& v) {
  const auto& c = v.challenge;
  auto out = crm::challenge_to_json(c);
  out["metric_name"] = v.metric_name;
  out["state"] = crm::to_string(v.state);
  out["cancelled_at"] =
      v.cancelled_at ? json::value(core::format_rfc3339(*v.cancelled_at)) : json::value(nullptr);
  out["cancelled_by"] = v.cancelled_by ? json::value(*v.cancelled_by) : json::value(nullptr);
  json::array standings;
  for (std::size_t i = 0; i < v.standing.participants.size(); ++i) {
    const auto& p = v.standing.participants[i];
    json::object s{{"subject_id", p.subject_id},
                   {"name", i < v.names.size() ? json::value(v.names[i]) : json::value(nullptr)},
                   {"figure", crm::figure_to_json(p.figure, v.amounts)},
                   {"percent", nullptr},
                   {"outcome", engine::to_string(p.outcome)},
                   {"leading", p.leading},
                   {"reached_at", p.reached ? json::value(core::format_rfc3339(p.reached->at))
                                            : json::value(nullptr)},
                   {"reached_by_record_id",
                    p.reached ? json::value(p.reached->record_id) : json::value(nullptr)}};
    if (c.goal) {
      // How far along, whole percent, at most 100 (a bar; the figure says how far past).
      const auto done = std::clamp<std::int64_t>(p.figure, 0, *c.goal);
      s["percent"] = *c.goal > INT64_MAX / 100 ? done / (*c.goal / 100) : done * 100 / *c.goal;
    }
    standings.push_back(std::move(s));
  }
  out["standings"] = std::move(standings);
  return out;
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto input = crm::read_challenge_input(request.body);
  if (!input) return input.error();
  auto created = services.challenges.create(std::move(*input), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, challenge_view_to_json(*created));
  response.set_header("Location", "/api/v1/challenges/" + std::to_string(created->challenge.id));
  return response;
}

core::Result<Response> list(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  crm::ChallengeQuery q;
  auto status = query->optional_string("status", 20);
  if (!status) return status.error();
  if (*status) {
    if (**status == "open") {
      q.filter = store::ChallengeFilter::open;
    } else if (**status == "closed") {
      q.filter = store::ChallengeFilter::closed;
    } else {
      return core::Error::invalid("status", "must be open or closed");
    }
  }
  auto mine = query->optional_bool("mine");
  if (!mine) return mine.error();
  if (mine->value_or(false)) {
    auto staff = services.points.subject_of(context.user(), std::nullopt);
    if (!staff && staff.error().code == core::Errc::invalid_input) {
      return core::Error::invalid("mine", "you have no staff record: no challenge is yours");
    }
    if (!staff) return staff.error();
    q.staff_id = *staff;
  }
  if (auto s = read_newest_first_page(*query, q); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto found = services.challenges.list(q);
  if (!found) return found.error();
  return page_of(found->challenges, found->next_before_id, challenge_view_to_json);
}

core::Result<Response> why(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto subject = query->optional_integer("subject_id", 0, INT64_MAX);
  if (!subject) return subject.error();
  if (!*subject) return core::Error::invalid("subject_id", "is required: whose standing");
  if (auto s = query->finish(); !s) return s.error();
  auto found = services.challenges.why(*id, **subject);
  if (!found) return found.error();
  auto challenge = challenge_view_to_json(found->view);
  auto standing = challenge.at("standings").as_array().at(found->participant);
  json::array own, source;
  for (const auto& e : found->challenge_events)
    own.push_back(source_event_to_json(e));
  for (const auto& e : found->source_events)
    source.push_back(source_event_to_json(e));
  return json_response(200, json::object{{"challenge", std::move(challenge)},
                                         {"standing", std::move(standing)},
                                         {"challenge_events", std::move(own)},
                                         {"source_events", std::move(source)}});
}

core::Result<Response> cancel(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto cancelled = services.challenges.cancel(*id, context.actor(request.client_ip));
  if (!cancelled) return cancelled.error();
  return json_response(200, challenge_view_to_json(*cancelled));
}

}  // namespace

void add_challenge_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/challenges", Access::authenticated, kManagers, kSmallBody,
              with(services, create)});
  router.add({"GET", "/api/v1/challenges", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, list)});
  router.add({"GET", "/api/v1/challenges/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.challenges.get(id); },
                        challenge_view_to_json)});
  router.add({"GET", "/api/v1/challenges/{id}/why", Access::authenticated, kCompanyStaff,
              std::nullopt, with(services, why)});
  router.add({"POST", "/api/v1/challenges/{id}/cancel", Access::authenticated, kManagers,
              kSmallBody, with(services, cancel)});
}

}  // namespace laurel::api
