#include "api/file_import.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/batch_input.hpp"
#include "api/json_response.hpp"

namespace laurel::api {

core::Error on_line(core::Error error, std::size_t line) {
  error.field =
      "rows[" + std::to_string(line) + "]" + (error.field.empty() ? "" : "." + error.field);
  error.message = "line " + std::to_string(line) + ": " + error.message;
  return error;
}

core::Result<std::vector<core::CsvRecord>> read_import_table(const http::Request& request,
                                                             bool& partial) {
  auto query = http::QueryInput::parse(request.query);
  if (!query) return query.error();
  auto partial_param = query->optional_bool("partial");
  if (!partial_param) return partial_param.error();
  if (auto s = query->finish(); !s) return s.error();
  partial = partial_param->value_or(false);
  return read_upload(request.body, kMaxImportRows);
}

core::Result<std::vector<core::CsvRecord>> read_upload(std::string_view body,
                                                       std::size_t max_rows) {
  auto records = core::read_table(body);
  if (!records) {
    auto error = records.error();
    if (error.field.empty()) error.field = "file";
    return error;
  }
  if (records->empty()) return core::Error::invalid("file", "has no header row");
  if (records->size() - 1 > max_rows) {
    return core::Error::invalid("file",
                                "has more than " + std::to_string(max_rows) + " rows; split it");
  }
  return records;
}

core::Result<http::Response> import_report_response(const crm::ImportReport& report,
                                                    const FileRows& file) {
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

}  // namespace laurel::api
