#include "core/work_calendar.hpp"

namespace laurel::core {

std::string_view to_string(DayKind kind) {
  return kind == DayKind::holiday ? "holiday" : "working_day";
}

std::optional<DayKind> parse_day_kind(std::string_view text) {
  if (text == "holiday") return DayKind::holiday;
  if (text == "working_day") return DayKind::working_day;
  return std::nullopt;
}

int iso_weekday(LocalDate day) {
  return static_cast<int>(date::weekday(date::sys_days(day)).iso_encoding());
}

bool is_weekend(LocalDate day) {
  return iso_weekday(day) >= 6;
}

WorkCalendar::WorkCalendar(const std::vector<CalendarException>& exceptions) {
  for (const auto& exception : exceptions)
    set(exception);
}

void WorkCalendar::set(CalendarException exception) {
  const auto day = exception.date;
  exceptions_.insert_or_assign(day, std::move(exception));
}

void WorkCalendar::clear(LocalDate day) {
  exceptions_.erase(day);
}

bool WorkCalendar::is_working_day(LocalDate day) const {
  if (auto it = exceptions_.find(day); it != exceptions_.end()) {
    return it->second.kind == DayKind::working_day;
  }
  return !is_weekend(day);
}

int WorkCalendar::working_days(LocalDate from, LocalDate to) const {
  if (to < from) return 0;
  // Weekdays by arithmetic (the engine asks this for long periods), then each exception in the
  // range corrects the count by the one day whose status it changes.
  const auto first = date::sys_days(from);
  const int days = (date::sys_days(to) - first).count() + 1;
  int weekdays = days / 7 * 5;
  for (int i = 0; i < days % 7; ++i) {
    weekdays += is_weekend(LocalDate(first + date::days(days / 7 * 7 + i))) ? 0 : 1;
  }
  for (auto it = exceptions_.lower_bound(from); it != exceptions_.end() && it->first <= to; ++it) {
    const bool working = it->second.kind == DayKind::working_day;
    if (working == is_weekend(it->first)) weekdays += working ? 1 : -1;
  }
  return weekdays;
}

}  // namespace laurel::core
