#include "core/local_date.hpp"

#include <gtest/gtest.h>

#include "core/timestamp.hpp"

namespace laurel::core {
namespace {

TEST(LocalDateTest, ParsesOnlyRealDaysInIsoForm) {
  auto day = parse_date("2026-11-23");
  ASSERT_TRUE(day);
  EXPECT_EQ(format_date(*day), "2026-11-23");
  EXPECT_TRUE(parse_date("2024-02-29")) << "a leap day";
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-5", "26-11-23", "2026/11/23",
                          "2026-11-23T00:00", "", "1899-12-31", "2026-00-10", "abcd-ef-gh"}) {
    EXPECT_FALSE(parse_date(bad)) << bad;
  }
}

TEST(LocalDateTest, TodayIsTheCompanysDayNotUtcs) {
  auto shanghai = CompanyZone::locate("Asia/Shanghai");
  ASSERT_TRUE(shanghai);
  EXPECT_EQ(shanghai->name(), "Asia/Shanghai");
  // 2026-11-23T17:30Z is already 24 November, 01:30, in Shanghai.
  const auto t = parse_rfc3339("2026-11-23T17:30:00Z").value();
  EXPECT_EQ(format_date(shanghai->date_of(t)), "2026-11-24");
  EXPECT_EQ(format_date(CompanyZone::locate("UTC")->date_of(t)), "2026-11-23");
}

TEST(LocalDateTest, ADayStartsAtLocalMidnight) {
  auto shanghai = CompanyZone::locate("Asia/Shanghai").value();
  EXPECT_EQ(format_rfc3339(shanghai.start_of(*parse_date("2026-11-24"))),
            "2026-11-23T16:00:00.000000Z");
  // Santiago springs forward at midnight: 2024-09-08 begins at 01:00 local, 04:00Z.
  auto santiago = CompanyZone::locate("America/Santiago").value();
  EXPECT_EQ(format_rfc3339(santiago.start_of(*parse_date("2024-09-08"))),
            "2024-09-08T04:00:00.000000Z");
}

TEST(LocalDateTest, UnknownZonesAreRefused) {
  auto zone = CompanyZone::locate("Mars/Olympus_Mons");
  ASSERT_FALSE(zone);
  EXPECT_EQ(zone.error().field, "company.timezone");
}

}  // namespace
}  // namespace laurel::core

namespace laurel::core {
namespace {

TEST(CompanyZoneLocalTime, ReadsSpreadsheetTimesInTheCompanysZone) {
  const auto shanghai = CompanyZone::locate("Asia/Shanghai").value();
  EXPECT_EQ(shanghai.parse_local_time("2026-03-02 10:30"),
            parse_rfc3339("2026-03-02T02:30:00Z").value());
  EXPECT_EQ(shanghai.parse_local_time("2026-03-02T00:15:30"),
            parse_rfc3339("2026-03-01T16:15:30Z").value());
  for (const char* bad : {"2026-03-02", "2026-03-02 24:00", "2026-02-30 10:00",
                          "2026-03-02 10:30:60", "2026-03-02 10.30", "2026-03-02 10:30+08:00"}) {
    EXPECT_FALSE(shanghai.parse_local_time(bad)) << bad;
  }
  // New York skips 02:00-03:00 on 2026-03-08; 01:30 on 2026-11-01 happens twice.
  const auto new_york = CompanyZone::locate("America/New_York").value();
  EXPECT_FALSE(new_york.parse_local_time("2026-03-08 02:30"));
  EXPECT_EQ(new_york.parse_local_time("2026-11-01 01:30"),
            parse_rfc3339("2026-11-01T05:30:00Z").value())
      << "the earlier of the two";
}

TEST(CompanyZoneLocalTime, WritesWallClockTimesBothSidesOfAClockChange) {
  const auto shanghai = CompanyZone::locate("Asia/Shanghai").value();
  EXPECT_EQ(shanghai.format_local_time(parse_rfc3339("2026-03-01T16:15:30.9Z").value()),
            "2026-03-02 00:15:30")
      << "the company's day, seconds cut";
  const auto new_york = CompanyZone::locate("America/New_York").value();
  EXPECT_EQ(new_york.format_local_time(parse_rfc3339("2026-11-01T05:30:00Z").value()),
            "2026-11-01 01:30:00");
  EXPECT_EQ(new_york.format_local_time(parse_rfc3339("2026-11-01T06:30:00Z").value()),
            "2026-11-01 01:30:00")
      << "the second 01:30, after the clocks went back";
  EXPECT_EQ(new_york.format_local_time(parse_rfc3339("2026-03-08T07:00:00Z").value()),
            "2026-03-08 03:00:00");
}

}  // namespace
}  // namespace laurel::core

namespace laurel::core {
namespace {

// The fold's fast day lookup agrees with the zone database on every hour of two years, across
// New York's clock changes and Shanghai's midnight (16:00 UTC).
TEST(ZoneDays, AgreesWithTheZoneDatabaseAcrossClockChanges) {
  for (const char* name : {"America/New_York", "Asia/Shanghai", "UTC", "Australia/Lord_Howe"}) {
    const auto zone = CompanyZone::locate(name);
    ASSERT_TRUE(zone) << name;
    ZoneDays days(*zone);
    const Timestamp start = std::chrono::time_point_cast<std::chrono::microseconds>(
        date::sys_days(date::year(2025) / 1 / 1));
    for (int hour = 0; hour < 2 * 366 * 24; ++hour) {
      for (const auto minute : {0, 59}) {
        const Timestamp t = start + std::chrono::hours(hour) + std::chrono::minutes(minute);
        ASSERT_EQ(LocalDate(days.day_of(t)), zone->date_of(t)) << name << " " << hour;
      }
    }
  }
}

TEST(ZoneDays, ShanghaiMidnightIsFourPmUtc) {
  const auto zone = CompanyZone::locate("Asia/Shanghai");
  ZoneDays days(*zone);
  const auto utc = [](const char* text) {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        date::sys_days(*parse_date(text)));
  };
  EXPECT_EQ(
      LocalDate(days.day_of(utc("2026-11-30") + std::chrono::hours(15) + std::chrono::minutes(59))),
      *parse_date("2026-11-30"));
  EXPECT_EQ(LocalDate(days.day_of(utc("2026-11-30") + std::chrono::hours(16))),
            *parse_date("2026-12-01"));
  // Before 1970 too.
  EXPECT_EQ(LocalDate(days.day_of(utc("1969-12-31") + std::chrono::hours(17))),
            *parse_date("1970-01-01"));
}

}  // namespace
}  // namespace laurel::core
