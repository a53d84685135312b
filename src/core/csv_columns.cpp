#include "core/csv_columns.hpp"

#include <charconv>

namespace laurel::core {

std::string_view csv_trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

Result<CsvColumns> CsvColumns::from_header(const CsvRecord& header,
                                           std::span<const CsvColumn> known) {
  std::map<std::string, std::size_t, std::less<>> columns;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto name = csv_trim(header.fields[i]);
    const CsvColumn* column = nullptr;
    for (const auto& k : known) {
      if (k.name == name || k.chinese == name) column = &k;
    }
    if (!column) return Error::invalid(std::string(name), "is not a column of this import");
    if (!columns.emplace(std::string(column->name), i).second) {
      return Error::invalid(std::string(column->name), "appears twice in the header");
    }
  }
  for (const auto& k : known) {
    if (k.required && !columns.contains(k.name)) {
      return Error::invalid(std::string(k.name), "column is missing from the header");
    }
  }
  return CsvColumns(std::move(columns));
}

std::optional<std::string_view> CsvColumns::cell(const CsvRecord& record,
                                                 std::string_view name) const {
  const auto it = columns_.find(name);
  if (it == columns_.end() || it->second >= record.fields.size()) return std::nullopt;
  const auto value = csv_trim(record.fields[it->second]);
  if (value.empty()) return std::nullopt;
  return value;
}

Status CsvColumns::check_width(const CsvRecord& record) const {
  if (record.fields.size() > columns_.size()) {
    return Error::invalid("row", "has more cells than the header has columns");
  }
  return {};
}

Result<std::int64_t> csv_whole_number(std::string_view text, std::string_view column,
                                      std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return Error::invalid(
        std::string(column),
        "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return value;
}

}  // namespace laurel::core
