// Imports of master data from a file, as a sales assistant keeps it in Excel: clients and key
// people, uploaded as the request body — CSV (UTF-8 or GB18030) or XLSX — with ?partial=true to
// land the good rows and list the bad ones. Errors name the file's line and the column.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/access.hpp"
#include "api/batch_input.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/xlsx.hpp"
#include "crm/client_csv.hpp"
#include "crm/key_person_csv.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

constexpr std::size_t kMaxRows = 10'000;
const std::vector<std::string> kFileTypes = {
    "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};

// An error about one line of the file: field "rows[LINE].column".
core::Error on_line(core::Error error, std::size_t line) {
  error.field =
      "rows[" + std::to_string(line) + "]" + (error.field.empty() ? "" : "." + error.field);
  error.message = "line " + std::to_string(line) + ": " + error.message;
  return error;
}

struct FileRows {
  std::vector<std::size_t> lines;
  bool partial = false;
};

// Reads the upload with `Reader` (crm::ClientCsv, crm::KeyPersonCsv): the header row, then a
// row per line, a bad line becoming that row's error. `Row` is core::Result<the input>.
template <class Reader, class Row>
core::Result<FileRows> read_file(const Request& request, std::vector<Row>& rows) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto partial = query->optional_bool("partial");
  if (!partial) return partial.error();
  if (auto s = query->finish(); !s) return s.error();
  auto records = core::read_table(request.body);
  if (!records) {
    auto error = records.error();
    if (error.field.empty()) error.field = "file";
    return error;
  }
  if (records->empty()) return core::Error::invalid("file", "has no header row");
  if (records->size() - 1 > kMaxRows) {
    return core::Error::invalid("file",
                                "has more than " + std::to_string(kMaxRows) + " rows; split it");
  }
  auto reader = Reader::from_header(records->front());
  if (!reader) return on_line(reader.error(), records->front().line);
  FileRows file;
  file.partial = partial->value_or(false);
  for (std::size_t i = 1; i < records->size(); ++i) {
    rows.push_back(reader->read((*records)[i]));
    file.lines.push_back((*records)[i].line);
  }
  return file;
}

core::Result<Response> report_response(const crm::ImportReport& report, const FileRows& file) {
  if (!file.partial && report.failed > 0) {
    const auto& failed = report.rows.front();
    return on_line(*failed.error, file.lines.at(failed.row));
  }
  boost::json::array results;
  for (const auto& row : report.rows) {
    boost::json::object item{{"line", file.lines.at(row.row)}};
    if (row.outcome) {
      item["outcome"] = crm::import_outcome_name(*row.outcome);
      item["id"] = row.id ? boost::json::value(*row.id) : boost::json::value(nullptr);
    } else {
      const auto error = on_line(*row.error, file.lines.at(row.row));
      item["outcome"] = "failed";
      item["error"] = row_error_json(error);
    }
    results.push_back(std::move(item));
  }
  return json_response(200, {{"created", report.count(crm::ImportOutcome::created)},
                             {"updated", report.count(crm::ImportOutcome::updated)},
                             {"unchanged", report.count(crm::ImportOutcome::unchanged)},
                             {"failed", report.failed},
                             {"results", std::move(results)}});
}

core::Result<Response> import_clients(Services& services, const Request& request,
                                      RequestContext& context) {
  std::vector<core::Result<crm::NewClient>> rows;
  auto file = read_file<crm::ClientCsv>(request, rows);
  if (!file) return file.error();
  auto report = services.clients.import(rows, file->partial, context.actor(request.client_ip));
  if (!report) return report.error();
  return report_response(*report, *file);
}

core::Result<Response> import_key_people(Services& services, const Request& request,
                                         RequestContext& context) {
  std::vector<core::Result<crm::KeyPersonImportRow>> rows;
  auto file = read_file<crm::KeyPersonCsv>(request, rows);
  if (!file) return file.error();
  auto report = services.key_people.import(rows, file->partial, context.actor(request.client_ip));
  if (!report) return report.error();
  return report_response(*report, *file);
}

}  // namespace

void add_import_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/clients/import", Access::authenticated, kManagers, kBatchBody,
              with(services, import_clients), kFileTypes});
  router.add({"POST", "/api/v1/key-people/import", Access::authenticated, kManagers, kBatchBody,
              with(services, import_key_people), kFileTypes});
}

}  // namespace laurel::api
