#pragma once
// Days of the working-day calendar from a CSV or XLSX file (POST /api/v1/calendar/import): the
// header row names the columns, in English as in the API or in Chinese:
//
// | column | 中文 | notes                                                              |
// |--------|------|--------------------------------------------------------------------|
// | date   | 日期 | required: YYYY-MM-DD, or a date cell of an XLSX sheet               |
// | kind   | 类型 | required: holiday or working_day, or 节假日 (休) or 工作日 (班)     |
// | name   | 名称 | required: 1 to 50 characters, e.g. 春节, 国庆节调休                   |
//
// Only the reading happens here; crm::CalendarService checks each row as a PUT of the day.

#include "core/csv.hpp"
#include "core/csv_columns.hpp"
#include "crm/calendar_service.hpp"

namespace laurel::crm {

class CalendarCsv {
 public:
  static core::Result<CalendarCsv> from_header(const core::CsvRecord& header);
  core::Result<CalendarDayInput> read(const core::CsvRecord& record) const;

 private:
  explicit CalendarCsv(core::CsvColumns columns) : columns_(std::move(columns)) {}
  core::CsvColumns columns_;
};

}  // namespace laurel::crm
