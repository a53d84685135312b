#pragma once
// Imports from an uploaded file, the same way for every kind of record (clients, key people,
// calendar days): the body is CSV (UTF-8 or GB18030) or XLSX, told apart by its first bytes;
// ?partial=true lands the good rows and lists the bad ones. Errors name the file's line and the
// column, as field "rows[LINE].COLUMN" with a detail starting "line LINE: ".

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/xlsx.hpp"
#include "crm/import_report.hpp"
#include "http/message.hpp"
#include "http/query_input.hpp"

namespace laurel::api {

inline constexpr std::size_t kMaxImportRows = 10'000;
// The Content-Types an upload route accepts.
inline const std::vector<std::string> kImportFileTypes = {
    "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};

// Where each row came from in the file, and whether the caller asked for a partial import.
struct FileRows {
  std::vector<std::size_t> lines;
  bool partial = false;
};

// An error about one line of the file: field "rows[LINE].column".
core::Error on_line(core::Error error, std::size_t line);

// The rows of an uploaded file (CSV or XLSX); one that is not readable, has no header row or
// more than `max_rows` rows is a whole-request error (field "file").
core::Result<std::vector<core::CsvRecord>> read_upload(std::string_view body, std::size_t max_rows);

// As read_upload, with ?partial= read from the query (the import routes' only parameter).
core::Result<std::vector<core::CsvRecord>> read_import_table(const http::Request& request,
                                                             bool& partial);

// Reads the upload with `Reader` (crm::ClientCsv, crm::CalendarCsv...): the header row, then a
// row per line, a bad line becoming that row's error. `Row` is core::Result<the input>.
template <class Reader, class Row>
core::Result<FileRows> read_import_file(const http::Request& request, std::vector<Row>& rows) {
  FileRows file;
  auto records = read_import_table(request, file.partial);
  if (!records) return records.error();
  auto reader = Reader::from_header(records->front());
  if (!reader) return on_line(reader.error(), records->front().line);
  for (std::size_t i = 1; i < records->size(); ++i) {
    rows.push_back(reader->read((*records)[i]));
    file.lines.push_back((*records)[i].line);
  }
  return file;
}

// 200 with the ImportReport; without partial, the first failed row's problem instead.
core::Result<http::Response> import_report_response(const crm::ImportReport& report,
                                                    const FileRows& file);

}  // namespace laurel::api
