#pragma once
// What the leaderboard routes read the same way (board_routes.cpp, board_export_routes.cpp,
// board_rows_routes.cpp): a JSON object body, ?period= of the board's kind, ?audience=, the
// caller's own row, a standings request — the board from the engine's memory (404 for one the
// caller may not see), its period and the route's own parameters — and files to download.

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>

#include "api/services.hpp"
#include "core/table_export.hpp"
#include "crm/engine_service.hpp"
#include "crm/good_news_text.hpp"
#include "http/message.hpp"
#include "http/query_input.hpp"
#include "http/request_context.hpp"

namespace laurel::api {

core::Result<boost::json::object> object_body(const http::Request& request);

struct PeriodQuery {
  core::Period period;
  date::sys_days today;
};

// ?period= of the board's kind; the period running today (company time) by default.
core::Result<PeriodQuery> read_period(Services& services, http::QueryInput& query,
                                      const crm::Board& board);

// The caller's own subject on a board of people: their staff record.
core::Result<std::optional<std::int64_t>> me_on(Services& services, const crm::Board& board,
                                                http::RequestContext& context);

// ?audience=public: a manager sees the board as the sales floor does (TV mode, a preview).
core::Result<bool> read_public_view(http::QueryInput& query);

struct BoardRequest {
  crm::Board board;
  crm::EngineService::StandingsQuery query;
};

// The route's own query parameters, read into the standings query before ?period= and finish().
using ReadMore =
    std::function<core::Status(http::QueryInput&, crm::EngineService::StandingsQuery&)>;

core::Result<BoardRequest> board_request(Services& services, const http::Request& request,
                                         http::RequestContext& context, const ReadMore& read_more);

// Files taken out (exports, the manual rows' template): ?format=csv|xlsx (default xlsx, what
// managers open), ?lang=zh-CN|en for the headers (default: the request's Accept-Language, else
// Chinese).
struct ExportQuery {
  bool xlsx = true;
  crm::Language language = crm::Language::zh_cn;
};
core::Result<ExportQuery> read_export_query(http::QueryInput& query, const http::Request& request);

// A download: the table written as XLSX or CSV, saved under `file_name` (ASCII), never cached.
core::Result<http::Response> file_download(const core::ExportTable& table, bool xlsx,
                                           const std::string& file_name);

}  // namespace laurel::api
