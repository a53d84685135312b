#pragma once
// Reading the first worksheet of an XLSX workbook (as Excel and WPS save it) into rows of text,
// for imports: the file is a zip (libzip) of XML parts (pugixml) — the sheet's cells, the shared
// strings most text cells point to, and inline strings. Numbers come back as Excel wrote them
// ("13812345678", "1250000.5"); dates as Excel's serial day numbers, which import columns
// taking dates must convert. Formulas give their cached value.

#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/error.hpp"

namespace laurel::core {

// Whether the bytes look like a zip file (XLSX) rather than text (CSV).
bool looks_like_xlsx(std::string_view bytes);

// Rows of the first worksheet as CsvRecords (line = the row number in the sheet); empty rows are
// skipped; cells between filled ones are empty strings. Errors name field "file".
Result<std::vector<CsvRecord>> read_xlsx(std::string_view bytes);

// A CSV (UTF-8 or GB18030) or XLSX upload, told apart by its first bytes.
Result<std::vector<CsvRecord>> read_table(std::string_view bytes);

}  // namespace laurel::core
