#include "crm/calendar_csv.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace laurel::crm {
namespace {

constexpr std::array<core::CsvColumn, 3> kColumns = {
    {{"date", "日期", true}, {"kind", "类型", true}, {"name", "名称", true}}};

// As Chinese calendars mark the days: 休 off, 班 worked.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kChineseKinds = {{
    {"节假日", "holiday"},
    {"休", "holiday"},
    {"工作日", "working_day"},
    {"班", "working_day"},
}};

// An XLSX date cell arrives as Excel's serial day number (1900 date system: day 1 is 1900-01-01,
// counted from 1899-12-30 because Excel treats 1900 as a leap year); text passes as it is.
std::string date_text(std::string_view cell) {
  const bool serial =
      !cell.empty() && cell.size() <= 6 &&
      std::all_of(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!serial) return std::string(cell);
  const auto days = std::stoi(std::string(cell));
  const auto epoch = date::sys_days(date::year(1899) / 12 / 30);
  return core::format_date(core::LocalDate(epoch + date::days(days)));
}

}  // namespace

core::Result<CalendarCsv> CalendarCsv::from_header(const core::CsvRecord& header) {
  auto columns = core::CsvColumns::from_header(header, kColumns);
  if (!columns) return columns.error();
  return CalendarCsv(std::move(*columns));
}

core::Result<CalendarDayInput> CalendarCsv::read(const core::CsvRecord& record) const {
  if (auto s = columns_.check_width(record); !s) return s.error();
  CalendarDayInput day;
  for (const auto& column : kColumns) {
    if (!columns_.cell(record, column.name)) {
      return core::Error::invalid(std::string(column.name), "is required");
    }
  }
  day.date = date_text(*columns_.cell(record, "date"));
  day.kind = std::string(*columns_.cell(record, "kind"));
  for (const auto& [chinese, kind] : kChineseKinds) {
    if (day.kind == chinese) day.kind = std::string(kind);
  }
  day.name = std::string(*columns_.cell(record, "name"));
  return day;
}

}  // namespace laurel::crm
