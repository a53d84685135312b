#include "crm/target_period.hpp"

#include <gtest/gtest.h>

#include "crm/percent.hpp"

namespace laurel::crm {
namespace {

std::string span(std::string_view text) {
  auto period = parse_target_period(text);
  if (!period) return "(refused)";
  return core::format_date(period->first) + ".." + core::format_date(period->last);
}

TEST(TargetPeriod, MonthsQuartersAndYearsCoverWholeDays) {
  EXPECT_EQ(span("2026-11"), "2026-11-01..2026-11-30");
  EXPECT_EQ(span("2028-02"), "2028-02-01..2028-02-29") << "a leap February";
  EXPECT_EQ(span("2026-Q1"), "2026-01-01..2026-03-31");
  EXPECT_EQ(span("2026-Q4"), "2026-10-01..2026-12-31");
  EXPECT_EQ(span("2026"), "2026-01-01..2026-12-31");
}

TEST(TargetPeriod, AnythingElseIsRefused) {
  for (const char* bad :
       {"", "26", "2026-13", "2026-00", "2026-Q0", "2026-Q5", "2026-1", "2026-11-01", "2026-q4",
        "1999", "2100", "２０２６", "2026-H1", "20261"}) {
    EXPECT_EQ(span(bad), "(refused)") << bad;
  }
}

TEST(TargetPeriod, ADayLiesInItsMonthQuarterAndYear) {
  const auto periods = periods_containing(core::parse_date("2026-08-31").value());
  ASSERT_EQ(periods.size(), 3u);
  EXPECT_EQ(periods[0].key, "2026-08");
  EXPECT_EQ(core::format_date(periods[0].last), "2026-08-31");
  EXPECT_EQ(periods[1].key, "2026-Q3");
  EXPECT_EQ(core::format_date(periods[1].first), "2026-07-01");
  EXPECT_EQ(periods[2].key, "2026");
}

}  // namespace
}  // namespace laurel::crm

namespace laurel::crm {
namespace {

TEST(Percent, RoundsToOneDecimal) {
  EXPECT_EQ(percent(1, 3), 33.3);
  EXPECT_EQ(percent(2, 3), 66.7);
  EXPECT_EQ(percent(1260, 1000), 126.0);
  EXPECT_EQ(percent(-540, 1000), -54.0) << "net outflows";
  EXPECT_EQ(percent(0, 7), 0.0);
}

}  // namespace
}  // namespace laurel::crm
