#include "core/period.hpp"

#include <gtest/gtest.h>

namespace laurel::core {
namespace {

LocalDate day(const char* text) {
  return *parse_date(text);
}

TEST(Period, IsoWeeksFollowTheFirstThursday) {
  // 2026-01-01 is a Thursday: its week (Monday 2025-12-29) is 2026-W01.
  EXPECT_EQ(format_period(period_of(day("2025-12-29"), PeriodKind::week)), "2026-W01");
  EXPECT_EQ(format_period(period_of(day("2026-01-04"), PeriodKind::week)), "2026-W01");
  EXPECT_EQ(format_period(period_of(day("2026-01-05"), PeriodKind::week)), "2026-W02");
  // 2027-01-01 is a Friday: it belongs to the last week of 2026, which has 53 weeks.
  EXPECT_EQ(format_period(period_of(day("2027-01-01"), PeriodKind::week)), "2026-W53");
  EXPECT_EQ(format_period(period_of(day("2026-12-01"), PeriodKind::week)), "2026-W49");
  EXPECT_EQ(first_day(period_of(day("2026-12-03"), PeriodKind::week)), day("2026-11-30"));
  EXPECT_EQ(last_day(period_of(day("2026-12-03"), PeriodKind::week)), day("2026-12-06"));
}

TEST(Period, WeeksBeforeTheEpochStillStartOnMonday) {
  const auto p = period_of(day("1969-12-31"), PeriodKind::week);  // a Wednesday
  EXPECT_EQ(first_day(p), day("1969-12-29"));
  EXPECT_EQ(p, period_of(day("1970-01-04"), PeriodKind::week));  // the same week's Sunday
}

TEST(Period, MonthsQuartersAndYearsHaveTheirEnds) {
  const auto feb = period_of(day("2028-02-10"), PeriodKind::month);
  EXPECT_EQ(format_period(feb), "2028-02");
  EXPECT_EQ(last_day(feb), day("2028-02-29"));
  const auto q4 = period_of(day("2026-11-15"), PeriodKind::quarter);
  EXPECT_EQ(format_period(q4), "2026-Q4");
  EXPECT_EQ(first_day(q4), day("2026-10-01"));
  EXPECT_EQ(last_day(q4), day("2026-12-31"));
  EXPECT_EQ(format_period(period_of(day("2026-11-15"), PeriodKind::year)), "2026");
  EXPECT_EQ(format_period(period_of(day("2026-11-15"), PeriodKind::all_time)), "all");
  EXPECT_EQ(format_period(period_of(day("2026-11-15"), PeriodKind::day)), "2026-11-15");
}

TEST(Period, ConsecutivePeriodsHaveConsecutiveIndexes) {
  EXPECT_EQ(period_of(day("2027-01-01"), PeriodKind::month).index,
            period_of(day("2026-12-31"), PeriodKind::month).index + 1);
  EXPECT_EQ(period_of(day("2027-01-04"), PeriodKind::week).index,
            period_of(day("2027-01-03"), PeriodKind::week).index + 1);
  EXPECT_LT(period_of(day("2026-12-31"), PeriodKind::quarter),
            period_of(day("2027-01-01"), PeriodKind::quarter));
}

TEST(Period, TextRoundTripsAndNonsenseIsRefused) {
  for (const char* text :
       {"2026-11-30", "2026-W49", "2026-W53", "2020-W53", "2026-12", "2026-Q4", "2026", "all"}) {
    const auto p = parse_period(text);
    ASSERT_TRUE(p) << text;
    EXPECT_EQ(format_period(*p), text);
  }
  for (const char* text : {"2027-W53", "2026-W00", "2026-Q5", "2026-13", "2026-00", "26",
                           "2026-02-30", "2026-w49", "2026-Q", "", "All", "1899"}) {
    EXPECT_FALSE(parse_period(text)) << text;
  }
}

TEST(Period, KindsHaveNames) {
  for (const auto kind : {PeriodKind::day, PeriodKind::week, PeriodKind::month, PeriodKind::quarter,
                          PeriodKind::year, PeriodKind::all_time}) {
    EXPECT_EQ(parse_period_kind(to_string(kind)), kind);
  }
  EXPECT_FALSE(parse_period_kind("fortnight"));
}

}  // namespace
}  // namespace laurel::core
