#pragma once
// Tables people take out of Laurel — a leaderboard for the weekly meeting, a compliance report —
// written as CSV or XLSX. Cells are typed so that each format keeps figures exact and usable:
// a count is an integer; a decimal (an amount in yuan, a percent) is kept as its exact text, and
// XLSX stores it as a number only when Excel can show every digit of it (15 significant digits
// round-trip through a double), else as text — never a figure off by a fen.
//
// CSV: UTF-8 with a byte-order mark (so Excel and WPS open Chinese names correctly), CRLF, RFC 4180
// quoting. Text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
// apostrophe: an exported name must not become a formula in the manager's Excel.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace laurel::core {

struct DecimalText {
  std::string text;  // "-1234.50", "87.5"
  bool operator==(const DecimalText&) const = default;
};

using TableCell = std::variant<std::monostate, std::string, std::int64_t, DecimalText>;

struct ExportTable {
  std::string title;  // XLSX: the sheet's name (cut to Excel's 31 characters)
  std::vector<std::string> header;
  std::vector<std::vector<TableCell>> rows;
};

std::string to_csv(const ExportTable& table);
// Errors (the temporary file could not be written) name field "file".
Result<std::string> to_xlsx(const ExportTable& table);

}  // namespace laurel::core
