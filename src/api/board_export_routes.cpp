// Leaderboard exports for the weekly meeting: a board's standings or a snapshot as XLSX or CSV
// (crm/board_export.hpp), for managers and admins, every one audited.

#include <boost/json/array.hpp>

#include "api/access.hpp"
#include "api/board_request.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/table_export.hpp"
#include "core/timestamp.hpp"
#include "crm/board_export.hpp"
#include "crm/snapshot_service.hpp"
#include "crm/standing_json.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;
using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

// The file, and an audit entry saying who took which rows out of Laurel.
core::Result<Response> export_file(Services& services, const Request& request,
                                   RequestContext& context, const crm::BoardExport& what,
                                   const ExportQuery& format, std::string file_name,
                                   std::optional<std::int64_t> snapshot_id) {
  // Written first: only a file that was made is audited as taken out.
  auto file = file_download(crm::board_table(what, services.zone), format.xlsx, file_name);
  if (!file) return file.error();
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
  return file;
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

void add_board_export_routes(http::Router& router, Services& services) {
  // Exports are the managers' (for the meeting, and audited): salespeople read boards on screen.
  router.add({"GET", "/api/v1/boards/{id}/export", Access::authenticated, kManagers, std::nullopt,
              with(services, export_board)});
  router.add({"GET", "/api/v1/snapshots/{id}/export", Access::authenticated, kManagers,
              std::nullopt, with(services, export_snapshot)});
}

}  // namespace laurel::api
