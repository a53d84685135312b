#pragma once
// The company's working-day calendar: Monday to Friday are working days, Saturday and Sunday are
// not, and dated exceptions override the week — public holidays (a day off, on any day of the
// week: admins name every day of a holiday period, weekends included) and swapped working days
// (调休: a weekend day worked to make a holiday period longer). A weekend holiday changes
// nothing but its name; a working_day exception on a weekday would change nothing at all, so
// the service that maintains the calendar refuses it.
//
// A plain value: build it from the stored exceptions and ask it questions. Const methods are
// safe to call from several threads at once; set() and clear() are not.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/local_date.hpp"

namespace laurel::core {

enum class DayKind { holiday, working_day };

std::string_view to_string(DayKind kind);
std::optional<DayKind> parse_day_kind(std::string_view text);

// ISO 8601: 1 = Monday ... 7 = Sunday.
int iso_weekday(LocalDate day);
bool is_weekend(LocalDate day);

struct CalendarException {
  LocalDate date;
  DayKind kind = DayKind::holiday;
  std::string name;  // 元旦, 春节, 春节调休...
};

class WorkCalendar {
 public:
  WorkCalendar() = default;
  // A later exception for the same date replaces an earlier one.
  explicit WorkCalendar(const std::vector<CalendarException>& exceptions);

  void set(CalendarException exception);
  void clear(LocalDate day);

  bool is_working_day(LocalDate day) const;
  // Working days from `from` to `to`, both included; 0 when `to` is before `from`.
  int working_days(LocalDate from, LocalDate to) const;

  const std::map<LocalDate, CalendarException>& exceptions() const { return exceptions_; }

 private:
  std::map<LocalDate, CalendarException> exceptions_;
};

}  // namespace laurel::core
