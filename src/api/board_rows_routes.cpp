// Manual rows of manual and hybrid leaderboards (crm/board_rows_service.hpp), for managers and
// admins: entered as JSON or uploaded as CSV/XLSX — columns subject_id (编号) or name (姓名),
// value (成绩), note (备注) — each submission a version of the period's rows; the ones that wait
// for approval are approved or rejected by another manager. Bad rows are answered all at once,
// 422 with every row's problem, and nothing is stored. A template of the file, every subject
// in scope listed, is downloaded from .../rows/template.

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <functional>

#include "api/access.hpp"
#include "api/board_request.hpp"
#include "api/file_import.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/csv_columns.hpp"
#include "core/table_export.hpp"
#include "crm/board_export.hpp"
#include "http/json_input.hpp"
#include "http/problem.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;
using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

constexpr core::CsvColumn kRowColumns[] = {{"subject_id", "编号", false},
                                           {"name", "姓名", false},
                                           {"value", "成绩", true},
                                           {"note", "备注", false}};

core::Result<std::vector<crm::EnteredRow>> rows_of_json(const Request& request) {
  auto body = object_body(request);
  if (!body) return body.error();
  for (const auto& [key, value] : *body) {
    if (key != "rows") return core::Error::invalid(key, "is not a member of a version of rows");
  }
  const auto* rows = body->if_contains("rows");
  if (!rows || !rows->is_array()) return core::Error::invalid("rows", "is required, a list");
  std::vector<crm::EnteredRow> out;
  for (const auto& item : rows->as_array()) {
    const auto field = "rows[" + std::to_string(out.size()) + "]";
    if (!item.is_object()) return core::Error::invalid(field, "must be an object");
    crm::EnteredRow row;
    row.line = out.size() + 1;
    for (const auto& [key, value] : item.as_object()) {
      if (key == "subject_id" && value.is_int64() && value.as_int64() > 0) {
        row.subject_id = value.as_int64();
      } else if (key == "name" && value.is_string()) {
        row.name = std::string(value.as_string());
      } else if (key == "value" && value.is_string()) {
        row.value = std::string(value.as_string());
      } else if (key == "value" && value.is_int64()) {
        row.value = std::to_string(value.as_int64());
      } else if (key == "note" && (value.is_string() || value.is_null())) {
        if (value.is_string()) row.note = std::string(value.as_string());
      } else if (key == "subject_id" || key == "name" || key == "value" || key == "note") {
        // Left for the per-row check: a value that is not a number is that row's problem.
        if (key == "value") row.value = json::serialize(value);
        if (key == "subject_id") row.subject_id = -1;
      } else {
        return core::Error::invalid(field + "." + std::string(key), "is not a member of a row");
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

core::Result<std::vector<crm::EnteredRow>> rows_of_file(const Request& request) {
  auto records = read_upload(request.body, crm::BoardRowsService::kMaxRows);
  if (!records) return records.error();
  auto columns = core::CsvColumns::from_header(records->front(), kRowColumns);
  if (!columns) return on_line(columns.error(), records->front().line);
  std::vector<crm::EnteredRow> out;
  for (std::size_t i = 1; i < records->size(); ++i) {
    const auto& record = (*records)[i];
    if (auto s = columns->check_width(record); !s) return on_line(s.error(), record.line);
    crm::EnteredRow row;
    row.line = record.line;
    if (const auto id = columns->cell(record, "subject_id")) {
      std::int64_t value = 0;
      const auto parsed = std::from_chars(id->data(), id->data() + id->size(), value);
      row.subject_id =
          parsed.ec == std::errc() && parsed.ptr == id->data() + id->size() && value > 0
              ? value
              : -1;  // the row's problem: no such subject
    }
    if (const auto name = columns->cell(record, "name")) row.name = std::string(*name);
    if (const auto value = columns->cell(record, "value")) row.value = std::string(*value);
    if (const auto note = columns->cell(record, "note")) row.note = std::string(*note);
    out.push_back(std::move(row));
  }
  return out;
}

// The board (as the caller may see it) and ?period= of its kind, with the route's own query
// parameters read by `more` (none by default).
struct RowsRequest {
  std::int64_t id = 0;
  crm::Board board;
  core::Period period;
};

core::Result<RowsRequest> rows_request(
    Services& services, const Request& request, RequestContext& context,
    const std::function<core::Status(QueryInput&)>& more = nullptr) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto board = services.boards.get(*id, context.user());
  if (!board) return board.error();
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto period = read_period(services, *query, *board);
  if (!period) return period.error();
  if (more) {
    if (auto s = more(*query); !s) return s.error();
  }
  if (auto s = query->finish(); !s) return s.error();
  return RowsRequest{*id, std::move(*board), period->period};
}

// 422: every row's problem, as problem details with an "errors" list.
Response refused(const std::vector<crm::RowProblem>& problems, const Request& request,
                 const RequestContext& context) {
  http::Problem problem{
      422, "rows-refused", "Rows refused",
      std::to_string(problems.size()) +
          (problems.size() == 1 ? " row has a problem" : " problems in the rows") +
          "; nothing was saved",
      "rows"};
  auto response = http::problem_response(problem, request.path, context.request_id);
  boost::system::error_code ec;
  auto body = json::parse(response.body, ec);
  json::array errors;
  for (const auto& p : problems)
    errors.push_back({{"line", p.line}, {"field", p.field}, {"message", p.message}});
  body.as_object()["errors"] = std::move(errors);
  response.body = json::serialize(body);
  return response;
}

core::Result<Response> submit_rows(Services& services, const Request& request,
                                   RequestContext& context) {
  auto in = rows_request(services, request, context);
  if (!in) return in.error();
  const auto& [id, board, period] = *in;
  const bool json_body = request.header("Content-Type").starts_with("application/json");
  auto rows = json_body ? rows_of_json(request) : rows_of_file(request);
  if (!rows) return rows.error();
  auto submitted = services.board_rows.submit(id, period, *rows, context.user(),
                                              context.actor(request.client_ip));
  if (!submitted) return submitted.error();
  if (auto* problems = std::get_if<std::vector<crm::RowProblem>>(&*submitted)) {
    return refused(*problems, request, context);
  }
  const auto& version = std::get<store::BoardRowVersion>(*submitted);
  return json_response(201, crm::row_version_to_json(version, board, services.engine));
}

core::Result<Response> list_rows(Services& services, const Request& request,
                                 RequestContext& context) {
  auto in = rows_request(services, request, context);
  if (!in) return in.error();
  const auto& [id, board, period] = *in;
  auto versions = services.board_rows.list(id, period, context.user());
  if (!versions) return versions.error();
  json::array items;
  for (const auto& v : *versions)
    items.push_back(crm::row_version_to_json(v, board, services.engine));
  return json_response(200, {{"items", std::move(items)}});
}

// A file to fill in for a period: every subject the board may rank then (编号, 姓名), with 成绩
// and 备注 left empty — downloaded, completed in Excel and uploaded back as it is.
core::Result<Response> rows_template(Services& services, const Request& request,
                                     RequestContext& context) {
  ExportQuery format;
  auto in = rows_request(services, request, context, [&](QueryInput& query) {
    auto read = read_export_query(query, request);
    if (!read) return core::Status(read.error());
    format = *read;
    return core::Status();
  });
  if (!in) return in.error();
  const auto& [id, board, period] = *in;
  if (auto manual = services.board_rows.manual_board(id, context.user()); !manual) {
    return manual.error();
  }
  auto names = services.engine.names_of(board.subject);
  if (!names) return names.error();
  const bool zh = format.language == crm::Language::zh_cn;
  core::ExportTable table;
  table.title = board.input.name + " " + core::format_period(period);
  for (const auto& column : kRowColumns)
    table.header.emplace_back(zh ? column.chinese : column.name);
  for (const auto& [subject, name] : *names) {
    auto inside = services.engine.in_scope(id, subject, period);
    if (!inside) return inside.error();
    if (!*inside) continue;
    table.rows.push_back({subject, name, std::monostate{}, std::monostate{}});
  }
  return file_download(
      table, format.xlsx,
      crm::export_file_name("board-rows", id, period, format.xlsx ? "xlsx" : "csv"));
}

template <bool Approve>
core::Result<Response> decide_rows(Services& services, const Request& request,
                                   RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto version = context.id_param("version");
  if (!version) return version.error();
  std::string reason;
  if (!Approve) {
    auto in = http::JsonInput::parse(request.body);
    if (!in) return in.error();
    auto text = in->required_string("reason", {1, 500});
    if (!text) return text.error();
    if (auto s = in->finish(); !s) return s.error();
    reason = std::move(*text);
  }
  auto board = services.boards.get(*id, context.user());
  if (!board) return board.error();
  const auto actor = context.actor(request.client_ip);
  auto decided = Approve ? services.board_rows.approve(*id, *version, context.user(), actor)
                         : services.board_rows.reject(*id, *version, reason, context.user(), actor);
  if (!decided) return decided.error();
  return json_response(200, crm::row_version_to_json(*decided, *board, services.engine));
}

}  // namespace

void add_board_rows_routes(http::Router& router, Services& services) {
  std::vector<std::string> bodies = kImportFileTypes;
  bodies.push_back("application/json");
  router.add({"POST", "/api/v1/boards/{id}/rows", Access::authenticated, kManagers, kBatchBody,
              with(services, submit_rows), bodies});
  router.add({"GET", "/api/v1/boards/{id}/rows", Access::authenticated, kManagers, std::nullopt,
              with(services, list_rows)});
  router.add({"GET", "/api/v1/boards/{id}/rows/template", Access::authenticated, kManagers,
              std::nullopt, with(services, rows_template)});
  router.add({"POST", "/api/v1/boards/{id}/rows/{version}/approve", Access::authenticated,
              kManagers, std::nullopt, with(services, decide_rows<true>)});
  router.add({"POST", "/api/v1/boards/{id}/rows/{version}/reject", Access::authenticated, kManagers,
              kSmallBody, with(services, decide_rows<false>)});
}

}  // namespace laurel::api
