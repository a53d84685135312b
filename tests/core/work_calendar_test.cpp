#include "core/work_calendar.hpp"

#include <gtest/gtest.h>

namespace laurel::core {
namespace {

LocalDate day(const char* text) {
  return parse_date(text).value();
}

// Part of mainland China's 2026 calendar: New Year 01-01..01-03 with 01-04 (a Sunday) worked.
WorkCalendar new_year_2026() {
  return WorkCalendar({{day("2026-01-01"), DayKind::holiday, "元旦"},
                       {day("2026-01-02"), DayKind::holiday, "元旦"},
                       {day("2026-01-03"), DayKind::holiday, "元旦"},
                       {day("2026-01-04"), DayKind::working_day, "元旦调休"}});
}

TEST(WorkCalendarTest, TheDefaultWeekIsMondayToFriday) {
  const WorkCalendar week;
  EXPECT_TRUE(week.is_working_day(day("2026-11-23"))) << "a Monday";
  EXPECT_TRUE(week.is_working_day(day("2026-11-27"))) << "a Friday";
  EXPECT_FALSE(week.is_working_day(day("2026-11-28"))) << "a Saturday";
  EXPECT_FALSE(week.is_working_day(day("2026-11-29"))) << "a Sunday";
  EXPECT_EQ(iso_weekday(day("2026-11-23")), 1);
  EXPECT_EQ(iso_weekday(day("2026-11-29")), 7);
}

TEST(WorkCalendarTest, AWeekdayHolidayIsADayOff) {
  const auto calendar = new_year_2026();
  EXPECT_FALSE(calendar.is_working_day(day("2026-01-01"))) << "a Thursday";
  EXPECT_FALSE(calendar.is_working_day(day("2026-01-02"))) << "a Friday";
}

TEST(WorkCalendarTest, ASwappedWeekendDayIsWorked) {
  EXPECT_TRUE(new_year_2026().is_working_day(day("2026-01-04"))) << "a Sunday";
}

TEST(WorkCalendarTest, AHolidayOnAWeekendStaysADayOff) {
  const auto calendar = new_year_2026();
  EXPECT_FALSE(calendar.is_working_day(day("2026-01-03"))) << "a Saturday";
  EXPECT_EQ(calendar.working_days(day("2026-01-03"), day("2026-01-03")), 0);
}

TEST(WorkCalendarTest, CountsWorkingDaysInclusively) {
  const WorkCalendar week;
  EXPECT_EQ(week.working_days(day("2026-11-23"), day("2026-11-23")), 1);
  EXPECT_EQ(week.working_days(day("2026-11-23"), day("2026-11-29")), 5);
  EXPECT_EQ(week.working_days(day("2026-11-24"), day("2026-11-23")), 0) << "an empty range";
  EXPECT_EQ(week.working_days(day("2026-11-01"), day("2026-11-30")), 21);
  EXPECT_EQ(week.working_days(day("2024-02-01"), day("2024-02-29")), 21) << "a leap February";
  EXPECT_EQ(week.working_days(day("2026-01-01"), day("2026-12-31")), 261);
}

TEST(WorkCalendarTest, CountsAcrossAMonthWithHolidaysAndASwappedDay) {
  const auto calendar = new_year_2026();
  // January 2026 has 22 weekdays; the 1st and 2nd are off, Sunday the 4th is worked.
  EXPECT_EQ(calendar.working_days(day("2026-01-01"), day("2026-01-31")), 21);
  EXPECT_EQ(calendar.working_days(day("2026-01-02"), day("2026-01-04")), 1);
  EXPECT_EQ(calendar.working_days(day("2025-12-29"), day("2026-01-09")), 9);
  int by_day = 0;
  for (auto d = date::sys_days(day("2025-12-01")); d <= date::sys_days(day("2026-02-28"));
       d += date::days(1)) {
    by_day += calendar.is_working_day(LocalDate(d)) ? 1 : 0;
  }
  EXPECT_EQ(calendar.working_days(day("2025-12-01"), day("2026-02-28")), by_day);
}

TEST(WorkCalendarTest, ALaterExceptionReplacesAndClearRestoresTheWeek) {
  auto calendar = new_year_2026();
  calendar.set({day("2026-01-02"), DayKind::holiday, "元旦假期"});
  EXPECT_EQ(calendar.exceptions().at(day("2026-01-02")).name, "元旦假期");
  EXPECT_EQ(calendar.exceptions().size(), 4u);
  calendar.clear(day("2026-01-02"));
  calendar.clear(day("2026-01-04"));
  EXPECT_TRUE(calendar.is_working_day(day("2026-01-02")));
  EXPECT_FALSE(calendar.is_working_day(day("2026-01-04")));
  calendar.clear(day("2026-06-01"));  // no exception there: nothing happens
  EXPECT_EQ(calendar.exceptions().size(), 2u);
}

TEST(WorkCalendarTest, KindsReadAndWriteAsTheApiNamesThem) {
  EXPECT_EQ(parse_day_kind("holiday"), DayKind::holiday);
  EXPECT_EQ(parse_day_kind("working_day"), DayKind::working_day);
  EXPECT_FALSE(parse_day_kind("Holiday"));
  EXPECT_FALSE(parse_day_kind(""));
  EXPECT_EQ(to_string(DayKind::working_day), "working_day");
}

}  // namespace
}  // namespace laurel::core
