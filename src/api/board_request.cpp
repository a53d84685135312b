#include "api/board_request.hpp"

#include <boost/json/parse.hpp>

#include "core/table_export.hpp"

namespace laurel::api {

namespace json = boost::json;
using http::QueryInput;
using http::Request;
using http::RequestContext;

core::Result<json::object> object_body(const Request& request) {
  boost::system::error_code ec;
  auto doc = json::parse(request.body, ec);
  if (ec) return core::Error::invalid("body", "is not JSON");
  if (!doc.is_object()) return core::Error::invalid("body", "must be a JSON object");
  return std::move(doc.as_object());
}

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

// ?audience=public: a manager sees the board as the sales floor does (TV mode, a preview).
core::Result<bool> read_public_view(QueryInput& query) {
  auto audience = query.optional_string("audience", 10);
  if (!audience) return audience.error();
  if (*audience && **audience != "public" && **audience != "all") {
    return core::Error::invalid("audience", "must be public or all");
  }
  return *audience && **audience == "public";
}

core::Result<BoardRequest> board_request(Services& services, const Request& request,
                                         RequestContext& context, const ReadMore& read_more) {
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

core::Result<ExportQuery> read_export_query(http::QueryInput& query, const http::Request& request) {
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

core::Result<http::Response> file_download(const core::ExportTable& table, bool xlsx,
                                           const std::string& file_name) {
  std::string bytes;
  if (xlsx) {
    auto written = core::to_xlsx(table);
    if (!written) return written.error();
    bytes = std::move(*written);
  } else {
    bytes = core::to_csv(table);
  }
  auto response = http::Response::text(
      200, std::move(bytes),
      xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
           : "text/csv; charset=utf-8");
  response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace laurel::api
