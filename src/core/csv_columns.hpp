#pragma once
// The columns of an import file, found by name in its header row: each column has an English
// name (as in the API) and a Chinese one (as exported by Chinese systems and spreadsheets).
// Cells are trimmed; an empty cell counts as absent.

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/csv.hpp"

namespace laurel::core {

struct CsvColumn {
  std::string_view name;
  std::string_view chinese;
  bool required = false;
};

class CsvColumns {
 public:
  // Unknown or repeated columns, and missing required ones, are errors naming the column.
  static Result<CsvColumns> from_header(const CsvRecord& header, std::span<const CsvColumn> known);

  // The trimmed cell of a column (by English name), or none when absent or empty.
  std::optional<std::string_view> cell(const CsvRecord& record, std::string_view name) const;
  // A record with more cells than the header has columns is an error (field "row").
  Status check_width(const CsvRecord& record) const;

 private:
  explicit CsvColumns(std::map<std::string, std::size_t, std::less<>> columns)
      : columns_(std::move(columns)) {}
  std::map<std::string, std::size_t, std::less<>> columns_;
};

// Without surrounding spaces and tabs.
std::string_view csv_trim(std::string_view text);

// A cell holding a whole number from min to max; errors name `column`.
Result<std::int64_t> csv_whole_number(std::string_view text, std::string_view column,
                                      std::int64_t min, std::int64_t max);

}  // namespace laurel::core
