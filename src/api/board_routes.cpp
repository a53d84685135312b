// Leaderboards: managers and admins define them (crm/board_json.hpp); the sales team reads the
// boards it may see and their standings, answered from the engine's memory after it has caught
// up with the event log — a page (top N is the first), and the caller's own row with the people
// around them and how much more it takes to pass the one above.

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <map>

#include "api/access.hpp"
#include "api/board_request.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/board_privacy.hpp"
#include "crm/snapshot_service.hpp"
#include "crm/standing_json.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;
using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

__extension__ typedef __int128 Wide;

// How much more of the board's figure `me` needs to rank strictly above `above` (lower_first:
// how much less); nullopt when it cannot be said (no target of one's own).
std::optional<std::int64_t> more_needed(const engine::Standing& me, const engine::Standing& above,
                                        engine::RankOrder order) {
  if (!me.score.scored() || !above.score.scored()) return std::nullopt;
  // The figure that ties `above`: above.value / above.of × me.of (exact for plain boards).
  const Wide tie = Wide(above.score.value) * me.score.of;
  const Wide of = above.score.of;
  if (order == engine::RankOrder::higher_first) {
    const Wide floor = tie >= 0 ? tie / of : -((-tie + of - 1) / of);
    return static_cast<std::int64_t>(floor + 1 - me.score.value);
  }
  const Wide ceil = tie >= 0 ? (tie + of - 1) / of : -((-tie) / of);
  return static_cast<std::int64_t>(me.score.value - (ceil - 1));
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto body = object_body(request);
  if (!body) return body.error();
  auto created = services.boards.create(*body, context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::board_to_json(*created));
  response.set_header("Location", "/api/v1/boards/" + std::to_string(created->record.id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = object_body(request);
  if (!body) return body.error();
  auto updated = services.boards.update(*id, *body, context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::board_to_json(*updated));
}

core::Result<Response> archive(Services& services, const Request& request,
                               RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  if (auto s = services.boards.archive(*id, context.actor(request.client_ip)); !s) return s.error();
  return Response::no_content();
}

core::Result<Response> standings(Services& services, const Request& request,
                                 RequestContext& context) {
  bool public_view = false;
  auto in =
      board_request(services, request, context,
                    [&](QueryInput& query, crm::EngineService::StandingsQuery& q) -> core::Status {
                      auto audience = read_public_view(query);
                      if (!audience) return audience.error();
                      public_view = *audience;
                      auto offset = query.optional_integer("offset", 0, 1'000'000);
                      if (!offset) return offset.error();
                      auto limit = query.optional_integer("limit", 1, 200);
                      if (!limit) return limit.error();
                      q.offset = static_cast<std::size_t>(offset->value_or(0));
                      q.limit = static_cast<std::size_t>(limit->value_or(50));
                      return {};
                    });
  if (!in) return in.error();
  const auto& [board, q] = *in;
  const auto me = q.me;
  auto found = services.engine.standings(q);
  if (!found) return found.error();
  // Movement: against the board's newest snapshot of this period, or the last period's close.
  auto compared = services.snapshots.to_compare(q.board_id, q.period);
  if (!compared) return compared.error();
  std::map<std::int64_t, std::int64_t> before;  // subject → rank then
  if (*compared) {
    const auto frozen = crm::snapshot_to_json(**compared, true);
    for (const auto& r : frozen.at("items").as_array())
      before[r.at("subject_id").as_int64()] = r.at("rank").as_int64();
  }
  const auto with_movement = [&](json::object row) {
    const auto then = before.find(row.at("subject_id").as_int64());
    const bool known = *compared && then != before.end();
    row["previous_rank"] = known ? json::value(then->second) : json::value(nullptr);
    row["movement"] =
        known ? json::value(then->second - row.at("rank").as_int64()) : json::value(nullptr);
    return row;
  };
  json::array items;
  for (const auto& named : found->items)
    items.push_back(with_movement(crm::standing_to_json(board, named, me)));
  // Privacy (crm/board_privacy.hpp): hidden people masked, a top-N board clipped.
  const auto viewer = crm::viewer_of(context.user(), me, public_view);
  const std::unordered_set<std::int64_t> none;  // live rows carry their own "hidden"
  const auto my_position =
      found->me ? std::optional(found->me->standing.position) : std::optional<std::int64_t>();
  items = crm::visible_rows(board, std::move(items), viewer, none, my_position);
  return json_response(
      200, {{"board", crm::board_to_json(board)},
            {"period", core::format_period(q.period)},
            {"tie_policy", crm::to_string(board.input.definition.policy)},
            {"total", found->total},
            {"offset", q.offset},
            {"folded_up_to", found->folded_up_to},
            {"restricted", crm::restricted(board, viewer)},
            {"items", std::move(items)},
            {"me", found->me ? json::value(crm::visible_row(
                                   with_movement(crm::standing_to_json(board, *found->me, me)),
                                   viewer, none))
                             : json::value(nullptr)},
            {"compared_with", *compared ? json::value(crm::snapshot_to_json(**compared, false))
                                        : json::value(nullptr)}});
}

core::Result<Response> my_standing(Services& services, const Request& request,
                                   RequestContext& context) {
  bool public_view = false;
  auto in =
      board_request(services, request, context,
                    [&](QueryInput& query, crm::EngineService::StandingsQuery& q) -> core::Status {
                      auto audience = read_public_view(query);
                      if (!audience) return audience.error();
                      public_view = *audience;
                      auto around = query.optional_integer("around", 0, 10);
                      if (!around) return around.error();
                      q.limit = 0;
                      q.around = static_cast<std::size_t>(around->value_or(2));
                      return {};
                    });
  if (!in) return in.error();
  const auto& [board, q] = *in;
  const auto me = q.me;
  auto found = services.engine.standings(q);
  if (!found) return found.error();
  // Neighbours are always shown (a top-N board still shows people theirs); hidden ones masked.
  const auto viewer = crm::viewer_of(context.user(), me, public_view);
  const std::unordered_set<std::int64_t> none;
  json::array neighbours;
  for (const auto& named : found->around)
    neighbours.push_back(crm::visible_row(crm::standing_to_json(board, named, me), viewer, none));
  json::value to_pass = nullptr;
  if (found->me && found->to_pass) {
    auto needed =
        more_needed(found->me->standing, found->to_pass->standing, board.input.definition.order);
    // Pro-rated scores are figure × days in the period: each fen more adds that many.
    if (needed && crm::pro_rates(board)) {
      const auto days = core::days_in(q.period);
      *needed = *needed > 0 ? (*needed + days - 1) / days : *needed / days;
    }
    to_pass = {
        {"subject",
         crm::visible_row(crm::standing_to_json(board, *found->to_pass, me), viewer, none)},
        {"more_needed", needed ? crm::figure_json(*needed, board.amounts) : json::value(nullptr)}};
  }
  return json_response(200,
                       {{"board_id", q.board_id},
                        {"period", core::format_period(q.period)},
                        {"total", found->total},
                        {"me", found->me ? json::value(crm::standing_to_json(board, *found->me, me))
                                         : json::value(nullptr)},
                        {"around", std::move(neighbours)},
                        {"to_pass", std::move(to_pass)}});
}

// A subject's rank and figure over the last ?periods= periods (default 6, at most 36) up to
// ?period= (default: the one running today), oldest first — the caller's own by default. People
// other than managers may read someone else's only where they may see that row anyway: not a
// person hidden from public boards, not on a board that shows them only their neighbours.
core::Result<Response> subject_history(Services& services, const Request& request,
                                       RequestContext& context) {
  std::optional<std::int64_t> asked;
  int periods = 6;
  auto in =
      board_request(services, request, context,
                    [&](QueryInput& query, crm::EngineService::StandingsQuery& q) -> core::Status {
                      auto subject = query.optional_integer("subject_id", 1, INT64_MAX);
                      if (!subject) return subject.error();
                      asked = *subject;
                      auto count = query.optional_integer("periods", 1, 36);
                      if (!count) return count.error();
                      periods = static_cast<int>(count->value_or(6));
                      q.limit = 0;
                      return {};
                    });
  if (!in) return in.error();
  const auto& [board, q] = *in;
  const auto subject = asked ? asked : q.me;
  if (!subject)
    return core::Error::invalid("subject_id", "is required: you have no row on this board");
  const auto viewer = crm::viewer_of(context.user(), q.me, false);
  if (!viewer.sees_everything && subject != q.me) {
    if (crm::restricted(board, viewer)) {
      return core::Error::forbidden("this board shows you only the top and your own neighbours");
    }
    auto hidden = services.engine.hidden_staff();
    if (!hidden) return hidden.error();
    if (board.subject == engine::SubjectKind::staff && hidden->contains(*subject)) {
      return core::Error::forbidden("this person hides from public boards");
    }
  }
  // All time is one period: there is nothing before it.
  if (board.period == core::PeriodKind::all_time) periods = 1;
  json::array items;
  std::optional<std::string> name;
  for (int back = periods - 1; back >= 0; --back) {
    auto one = q;
    one.period = core::Period{q.period.kind, q.period.index - back};
    one.me = subject;
    // Holdings boards read balances as they were when the period ended.
    one.as_of = std::min(q.as_of, date::sys_days(core::last_day(one.period)));
    auto found = services.engine.standings(one);
    if (!found) return found.error();
    if (found->me) name = found->me->name;
    items.push_back(
        {{"period", core::format_period(one.period)},
         {"total", found->total},
         {"standing", found->me ? json::value(crm::standing_to_json(board, *found->me, q.me))
                                : json::value(nullptr)}});
  }
  return json_response(200, {{"board_id", q.board_id},
                             {"subject_id", *subject},
                             {"name", name ? json::value(*name) : json::value(nullptr)},
                             {"items", std::move(items)}});
}

core::Result<Response> take_snapshot(Services& services, const Request& request,
                                     RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  std::optional<core::Period> period;
  if (!request.body.empty()) {
    auto body = object_body(request);
    if (!body) return body.error();
    for (const auto& [key, value] : *body) {
      if (key != "period") return core::Error::invalid(key, "is not a member of a snapshot");
      const auto parsed = value.is_string() ? core::parse_period(value.as_string()) : std::nullopt;
      if (!parsed) {
        return core::Error::invalid("period",
                                    "must be a period: 2026-12-01, 2026-W49, 2026-12, "
                                    "2026-Q4, 2026 or all");
      }
      period = parsed;
    }
  }
  auto taken =
      services.snapshots.take(*id, period, context.user(), context.actor(request.client_ip));
  if (!taken) return taken.error();
  auto out = crm::snapshot_to_json(*taken, true);
  out["changed_since"] = false;
  out["restricted"] = false;  // taken by a manager or admin, who sees everything
  Response response = json_response(201, out);
  response.set_header("Location", "/api/v1/snapshots/" + std::to_string(taken->id));
  return response;
}

core::Result<Response> list_snapshots(Services& services, const Request& request,
                                      RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto cursor = query->cursor();
  if (!cursor) return cursor.error();
  auto limit = query->limit();
  if (!limit) return limit.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.snapshots.list(*id, *cursor, *limit, context.user());
  if (!page) return page.error();
  return page_of(page->snapshots, page->next_before_id,
                 [](const auto& s) { return crm::snapshot_to_json(s, false); });
}

core::Result<Response> get_snapshot(Services& services, const Request& request,
                                    RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto public_view = read_public_view(*query);
  if (!public_view) return public_view.error();
  if (auto s = query->finish(); !s) return s.error();
  auto snapshot = services.snapshots.get(*id, context.user());
  if (!snapshot) return snapshot.error();
  auto changed = services.snapshots.changed_since(*snapshot);
  if (!changed) return changed.error();
  auto out = crm::snapshot_to_json(*snapshot, true);
  out["changed_since"] = *changed;
  // The privacy of today applies to rows frozen before: someone who hides now is hidden there.
  auto board = services.engine.board(snapshot->board_id, context.user());
  if (!board) return board.error();
  if (!*board) return core::Error::not_found("no snapshot " + std::to_string(*id));
  auto me = me_on(services, **board, context);
  if (!me) return me.error();
  auto hidden = services.engine.hidden_staff();
  if (!hidden) return hidden.error();
  const auto viewer = crm::viewer_of(context.user(), *me, *public_view);
  std::optional<std::int64_t> my_position;
  for (auto& row : out.at("items").as_array()) {
    if (!row.is_object()) continue;
    auto& r = row.as_object();
    const auto* subject = r.if_contains("subject_id");
    const bool mine = *me && subject && *subject == **me;
    r["me"] = mine;       // the reader's row, not the one who took the snapshot
    r["hidden"] = false;  // today's choice decides (`hidden`), not the one frozen with the row
    const auto* position = r.if_contains("position");
    if (mine && position && position->is_int64()) my_position = position->as_int64();
  }
  if ((*board)->subject != engine::SubjectKind::staff) hidden->clear();
  out["restricted"] = crm::restricted(**board, viewer);
  out["items"] = crm::visible_rows(**board, std::move(out.at("items").as_array()), viewer, *hidden,
                                   my_position);
  return json_response(200, out);
}

}  // namespace

void add_board_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/boards", Access::authenticated, kManagers, kSmallBody,
              with(services, create)});
  router.add({"GET", "/api/v1/boards", Access::authenticated, kSalesTeam, std::nullopt,
              paged_by_id_for_caller(
                  [&services](std::int64_t after_id, int limit, const auth::Principal& caller) {
                    return services.boards.list(after_id, limit, caller);
                  },
                  &crm::BoardPage::boards, [](const auto& b) { return crm::board_to_json(b); })});
  router.add({"GET", "/api/v1/boards/{id}", Access::authenticated, kSalesTeam, std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id, const auth::Principal& caller) {
                    return services.boards.get(id, caller);
                  },
                  [](const auto& b) { return crm::board_to_json(b); })});
  router.add({"PATCH", "/api/v1/boards/{id}", Access::authenticated, kManagers, kSmallBody,
              with(services, update)});
  router.add({"DELETE", "/api/v1/boards/{id}", Access::authenticated, kManagers, std::nullopt,
              with(services, archive)});
  router.add({"GET", "/api/v1/boards/{id}/standings", Access::authenticated, kSalesTeam,
              std::nullopt, with(services, standings)});
  router.add({"GET", "/api/v1/boards/{id}/standings/me", Access::authenticated, kSalesTeam,
              std::nullopt, with(services, my_standing)});
  router.add({"GET", "/api/v1/boards/{id}/history", Access::authenticated, kSalesTeam, std::nullopt,
              with(services, subject_history)});
  router.add({"POST", "/api/v1/boards/{id}/snapshots", Access::authenticated, kManagers, kSmallBody,
              with(services, take_snapshot)});
  router.add({"GET", "/api/v1/boards/{id}/snapshots", Access::authenticated, kSalesTeam,
              std::nullopt, with(services, list_snapshots)});
  router.add({"GET", "/api/v1/snapshots/{id}", Access::authenticated, kSalesTeam, std::nullopt,
              with(services, get_snapshot)});
}

}  // namespace laurel::api
