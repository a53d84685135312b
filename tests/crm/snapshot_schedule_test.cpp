#include "crm/snapshot_schedule.hpp"

#include <gtest/gtest.h>

#include "core/timestamp.hpp"

namespace laurel::crm {
namespace {

core::Timestamp at(const char* text) {
  return *core::parse_rfc3339(text);
}
const core::CompanyZone kShanghai = *core::CompanyZone::locate("Asia/Shanghai");
const core::CompanyZone kNewYork = *core::CompanyZone::locate("America/New_York");
constexpr SnapshotSchedule kMonday8{1, 8 * 60};

TEST(SnapshotSchedule, MondayAtEightIsTheLatestMondayAtEightAlreadyPast) {
  // 2026-11-30 is a Monday.
  EXPECT_EQ(last_scheduled(kMonday8, at("2026-11-30T08:00:00+08:00"), kShanghai),
            at("2026-11-30T08:00:00+08:00"));
  EXPECT_EQ(last_scheduled(kMonday8, at("2026-11-30T07:59:59+08:00"), kShanghai),
            at("2026-11-23T08:00:00+08:00"));
  EXPECT_EQ(last_scheduled(kMonday8, at("2026-12-06T23:00:00+08:00"), kShanghai),
            at("2026-11-30T08:00:00+08:00"));
  // Sunday's evening in UTC is already Monday in Shanghai.
  EXPECT_EQ(last_scheduled(kMonday8, at("2026-11-30T00:30:00Z"), kShanghai),
            at("2026-11-30T08:00:00+08:00"));
}

TEST(SnapshotSchedule, StaysAtTheCompanysWallClockAcrossDaylightSaving) {
  // New York moves to summer time on Sunday 2026-03-08: Monday 08:00 is 13:00 UTC before it and
  // 12:00 UTC after it.
  EXPECT_EQ(last_scheduled(kMonday8, at("2026-03-09T12:30:00Z"), kNewYork),
            at("2026-03-09T12:00:00Z"));
  EXPECT_EQ(last_scheduled(kMonday8, at("2026-03-09T11:30:00Z"), kNewYork),
            at("2026-03-02T13:00:00Z"));
  // A schedule inside the spring-forward gap (02:30 does not exist that Sunday) fires at 03:30.
  constexpr SnapshotSchedule kSunday230{0, 2 * 60 + 30};
  EXPECT_EQ(last_scheduled(kSunday230, at("2026-03-08T12:00:00Z"), kNewYork),
            at("2026-03-08T07:30:00Z"));
}

TEST(SnapshotSchedule, APeriodClosesAfterItsLastDayAndTheGraceWindow) {
  using core::PeriodKind;
  const auto november = *core::parse_period("2026-11");
  EXPECT_EQ(close_due(november, 1, kShanghai), at("2026-12-02T00:00:00+08:00"));
  // On 1 December November is not closed yet with a day's grace: October is the last closed.
  EXPECT_EQ(last_closed(PeriodKind::month, 1, at("2026-12-01T23:59:59+08:00"), kShanghai),
            core::parse_period("2026-10"));
  EXPECT_EQ(last_closed(PeriodKind::month, 1, at("2026-12-02T00:00:00+08:00"), kShanghai),
            core::parse_period("2026-11"));
  EXPECT_EQ(last_closed(PeriodKind::month, 0, at("2026-12-01T00:00:00+08:00"), kShanghai),
            core::parse_period("2026-11"));
  EXPECT_EQ(last_closed(PeriodKind::week, 2, at("2026-12-02T10:00:00+08:00"), kShanghai),
            core::parse_period("2026-W48"));
  EXPECT_EQ(last_closed(PeriodKind::day, 0, at("2026-12-02T10:00:00+08:00"), kShanghai),
            core::parse_period("2026-12-01"));
  EXPECT_EQ(last_closed(PeriodKind::all_time, 1, at("2026-12-02T10:00:00+08:00"), kShanghai),
            std::nullopt);
}

}  // namespace
}  // namespace laurel::crm
