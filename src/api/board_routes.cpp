// Leaderboards: managers and admins define them (crm/board_json.hpp); the sales team reads the
// boards it may see and their standings, answered from the engine's memory after it has caught
// up with the event log — a page (top N is the first), and the caller's own row with the people
// around them and how much more it takes to pass the one above.

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <map>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/board_export.hpp"
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

core::Result<json::object> object_body(const Request& request) {
  boost::system::error_code ec;
  auto doc = json::parse(request.body, ec);
  if (ec) return core::Error::invalid("body", "is not JSON");
  if (!doc.is_object()) return core::Error::invalid("body", "must be a JSON object");
  return std::move(doc.as_object());
}

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

struct PeriodQuery {
  core::Period period;
  date::sys_days today;
};

// ?period= of the board's kind; the period running today (company time) by default.
core::Result<PeriodQuery> read_period(Services& services, QueryInput& query,
                                      const crm::Board& board) {
  auto text = query.optional_string("period", 10);
  if (!text) return text.error();
  const auto today = date::sys_days(services.zone.date_of(services.clock.now()));
  if (!*text) return PeriodQuery{core::period_of(today, board.period), today};
  const auto period = core::parse_period(**text);
  if (!period || period->kind != board.period) {
    return core::Error::invalid(
        "period", "must be a " + std::string(core::to_string(board.period)) +
                      ", the period this board ranks by (e.g. 2026-12-01, 2026-W49, 2026-12, "
                      "2026-Q4, 2026 or all)");
  }
  return PeriodQuery{*period, today};
}

// The caller's own subject on a board of people: their staff record.
core::Result<std::optional<std::int64_t>> me_on(Services& services, const crm::Board& board,
                                                RequestContext& context) {
  if (board.subject != engine::SubjectKind::staff) return std::optional<std::int64_t>();
  return services.engine.staff_of_user(context.user().user_id);
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

// A standings request: the board (404 for one the caller may not see), ?period= and the route's
// own parameters (`read_more`), and the caller's subject on it.
struct BoardRequest {
  crm::Board board;
  crm::EngineService::StandingsQuery query;
};

template <class ReadMore>
core::Result<BoardRequest> board_request(Services& services, const Request& request,
                                         RequestContext& context, ReadMore read_more) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  crm::EngineService::StandingsQuery q;
  if (auto s = read_more(*query, q); !s) return s.error();
  // From the engine's memory: the board as the log defines it, the caller's staff record.
  auto found = services.engine.board(*id, context.user());
  if (!found) return found.error();
  if (!*found) return core::Error::not_found("no board " + std::to_string(*id));
  auto& board = **found;
  auto period = read_period(services, *query, board);
  if (!period) return period.error();
  if (auto s = query->finish(); !s) return s.error();
  auto me = me_on(services, board, context);
  if (!me) return me.error();
  q.board_id = *id;
  q.subject = board.subject;
  q.period = period->period;
  q.as_of = period->today;
  q.me = *me;
  return BoardRequest{std::move(board), q};
}

core::Result<Response> standings(Services& services, const Request& request,
                                 RequestContext& context) {
  auto in =
      board_request(services, request, context,
                    [](QueryInput& query, crm::EngineService::StandingsQuery& q) -> core::Status {
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
  return json_response(
      200,
      {{"board", crm::board_to_json(board)},
       {"period", core::format_period(q.period)},
       {"tie_policy", crm::to_string(board.input.definition.policy)},
       {"total", found->total},
       {"offset", q.offset},
       {"folded_up_to", found->folded_up_to},
       {"items", std::move(items)},
       {"me", found->me ? json::value(with_movement(crm::standing_to_json(board, *found->me, me)))
                        : json::value(nullptr)},
       {"compared_with",
        *compared ? json::value(crm::snapshot_to_json(**compared, false)) : json::value(nullptr)}});
}

core::Result<Response> my_standing(Services& services, const Request& request,
                                   RequestContext& context) {
  auto in =
      board_request(services, request, context,
                    [](QueryInput& query, crm::EngineService::StandingsQuery& q) -> core::Status {
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
  json::array neighbours;
  for (const auto& named : found->around)
    neighbours.push_back(crm::standing_to_json(board, named, me));
  json::value to_pass = nullptr;
  if (found->me && found->to_pass) {
    const auto needed =
        more_needed(found->me->standing, found->to_pass->standing, board.input.definition.order);
    to_pass = {
        {"subject", crm::standing_to_json(board, *found->to_pass, me)},
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

core::Result<Response> get_snapshot(Services& services, const Request&, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto snapshot = services.snapshots.get(*id, context.user());
  if (!snapshot) return snapshot.error();
  auto changed = services.snapshots.changed_since(*snapshot);
  if (!changed) return changed.error();
  auto out = crm::snapshot_to_json(*snapshot, true);
  out["changed_since"] = *changed;
  return json_response(200, out);
}

// Exports: ?format=csv|xlsx (default xlsx, what managers open), ?lang=zh-CN|en for the headers
// (default: the request's Accept-Language, else Chinese).
struct ExportQuery {
  bool xlsx = true;
  crm::Language language = crm::Language::zh_cn;
};

core::Result<ExportQuery> read_export_query(QueryInput& query, const Request& request) {
  ExportQuery out;
  auto format = query.optional_string("format", 4);
  if (!format) return format.error();
  if (*format && **format != "csv" && **format != "xlsx") {
    return core::Error::invalid("format", "must be csv or xlsx");
  }
  out.xlsx = !*format || **format == "xlsx";
  auto lang = query.optional_string("lang", 5);
  if (!lang) return lang.error();
  if (*lang && **lang != "zh-CN" && **lang != "en") {
    return core::Error::invalid("lang", "must be zh-CN or en");
  }
  const auto accepted = request.header("Accept-Language");
  const bool english = *lang ? **lang == "en" : accepted.substr(0, 2) == "en";
  out.language = english ? crm::Language::en : crm::Language::zh_cn;
  return out;
}

// The file, and an audit entry saying who took which rows out of Laurel.
core::Result<Response> export_file(Services& services, const Request& request,
                                   RequestContext& context, const crm::BoardExport& what,
                                   const ExportQuery& format, std::string file_name,
                                   std::optional<std::int64_t> snapshot_id) {
  const auto table = crm::board_table(what, services.zone);
  std::string bytes;
  if (format.xlsx) {
    auto xlsx = core::to_xlsx(table);
    if (!xlsx) return xlsx.error();
    bytes = std::move(*xlsx);
  } else {
    bytes = core::to_csv(table);
  }
  json::object after{{"format", format.xlsx ? "xlsx" : "csv"},
                     {"language", crm::language_code(format.language)},
                     {"period", core::format_period(what.period)},
                     {"rows", what.rows.size()}};
  if (snapshot_id) after["snapshot_id"] = *snapshot_id;
  if (auto s = services.audit.record(
          context.actor(request.client_ip),
          {"board.export", "board", std::to_string(what.board.record.id), std::nullopt, after});
      !s) {
    return s.error();
  }
  Response response = Response::text(
      200, std::move(bytes),
      format.xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  : "text/csv; charset=utf-8");
  response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.set_header("Cache-Control", "no-store");
  return response;
}

core::Result<Response> export_board(Services& services, const Request& request,
                                    RequestContext& context) {
  ExportQuery format;
  auto in = board_request(services, request, context,
                          [&](QueryInput& query, crm::EngineService::StandingsQuery& q) {
                            auto read = read_export_query(query, request);
                            if (!read) return core::Status(read.error());
                            format = *read;
                            q.limit = crm::SnapshotService::kMaxRows;
                            return core::Status();
                          });
  if (!in) return in.error();
  const auto& [board, q] = *in;
  auto found = services.engine.standings(q);
  if (!found) return found.error();
  json::array rows;
  for (const auto& named : found->items)
    rows.push_back(crm::standing_to_json(board, named, q.me));
  const crm::BoardExport what{board, q.period, rows, format.language, std::nullopt};
  return export_file(
      services, request, context, what, format,
      crm::export_file_name("board", board.record.id, q.period, format.xlsx ? "xlsx" : "csv"),
      std::nullopt);
}

core::Result<Response> export_snapshot(Services& services, const Request& request,
                                       RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto format = read_export_query(*query, request);
  if (!format) return format.error();
  if (auto s = query->finish(); !s) return s.error();
  auto snapshot = services.snapshots.get(*id, context.user());
  if (!snapshot) return snapshot.error();
  auto board = services.boards.get(snapshot->board_id, context.user());
  if (!board) return board.error();
  const auto period = core::parse_period(snapshot->period);
  if (!period) return core::Error::not_found("no snapshot " + std::to_string(*id));
  const auto frozen = crm::snapshot_to_json(*snapshot, true);
  const auto& rows = frozen.at("items").as_array();
  const crm::BoardExport what{*board, *period, rows, format->language,
                              core::from_micros(snapshot->taken_at)};
  return export_file(
      services, request, context, what, *format,
      crm::export_file_name("snapshot", snapshot->id, *period, format->xlsx ? "xlsx" : "csv"),
      snapshot->id);
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
  router.add({"POST", "/api/v1/boards/{id}/snapshots", Access::authenticated, kManagers, kSmallBody,
              with(services, take_snapshot)});
  router.add({"GET", "/api/v1/boards/{id}/snapshots", Access::authenticated, kSalesTeam,
              std::nullopt, with(services, list_snapshots)});
  router.add({"GET", "/api/v1/snapshots/{id}", Access::authenticated, kSalesTeam, std::nullopt,
              with(services, get_snapshot)});
  // Exports are the managers' (for the meeting, and audited): salespeople read boards on screen.
  router.add({"GET", "/api/v1/boards/{id}/export", Access::authenticated, kManagers, std::nullopt,
              with(services, export_board)});
  router.add({"GET", "/api/v1/snapshots/{id}/export", Access::authenticated, kManagers,
              std::nullopt, with(services, export_snapshot)});
}

}  // namespace laurel::api
