// When a group-chat bot's quiet hours and daily cap let a message go: at once, at the end of
// the quiet hours (also of a window past midnight, and on the day the clocks change), or at the
// next company day's start — and then after that day's quiet hours if it starts in them.

#include "crm/chat_quiet_hours.hpp"

#include <gtest/gtest.h>

#include "core/timestamp.hpp"

namespace laurel::crm {
namespace {

store::ChatTargetRecord bot(std::optional<int> from, std::optional<int> to,
                            std::optional<int> per_day = {}) {
  store::ChatTargetRecord t;
  t.quiet_from = from;
  t.quiet_to = to;
  t.max_per_day = per_day;
  return t;
}

class ChatQuietHours : public ::testing::Test {
 protected:
  core::CompanyZone shanghai = core::CompanyZone::locate("Asia/Shanghai").value();
  core::Timestamp at(const char* local) const { return *shanghai.parse_local_time(local); }
  std::string local(core::Timestamp t) const { return shanghai.format_local_time(t); }
};

TEST_F(ChatQuietHours, NothingHoldsBackABotWithoutQuietHoursOrCap) {
  const auto now = at("2026-12-04 23:30");
  EXPECT_EQ(chat_free_from(bot({}, {}), now, 500, shanghai), now);
}

TEST_F(ChatQuietHours, AWindowWithinTheDayEndsThatDay) {
  const auto lunch = bot(12 * 60, 13 * 60 + 30);
  EXPECT_EQ(local(chat_free_from(lunch, at("2026-12-04 12:10"), 0, shanghai)),
            "2026-12-04 13:30:00");
  EXPECT_EQ(chat_free_from(lunch, at("2026-12-04 13:30"), 0, shanghai), at("2026-12-04 13:30"));
  EXPECT_EQ(chat_free_from(lunch, at("2026-12-04 11:59"), 0, shanghai), at("2026-12-04 11:59"));
}

TEST_F(ChatQuietHours, AWindowPastMidnightEndsNextMorningOrThisMorning) {
  const auto night = bot(22 * 60, 8 * 60);
  EXPECT_EQ(local(chat_free_from(night, at("2026-12-04 22:00"), 0, shanghai)),
            "2026-12-05 08:00:00");
  EXPECT_EQ(local(chat_free_from(night, at("2026-12-05 06:15"), 0, shanghai)),
            "2026-12-05 08:00:00");
  EXPECT_EQ(chat_free_from(night, at("2026-12-04 21:59"), 0, shanghai), at("2026-12-04 21:59"));
}

TEST_F(ChatQuietHours, PastTheDaysCapItWaitsForTheNextDayAndItsQuietHours) {
  EXPECT_EQ(local(chat_free_from(bot({}, {}, 3), at("2026-12-04 15:00"), 3, shanghai)),
            "2026-12-05 00:00:00");
  EXPECT_EQ(chat_free_from(bot({}, {}, 3), at("2026-12-04 15:00"), 2, shanghai),
            at("2026-12-04 15:00"));
  EXPECT_EQ(local(chat_free_from(bot(22 * 60, 8 * 60, 3), at("2026-12-04 15:00"), 3, shanghai)),
            "2026-12-05 08:00:00");
}

TEST_F(ChatQuietHours, TheQuietHoursEndByTheClockOnTheDayTheClocksChange) {
  const auto london = core::CompanyZone::locate("Europe/London").value();
  // 2026-03-29: 01:00 GMT becomes 02:00 BST. Quiet 00:00–07:00 ends at 07:00 BST (06:00 UTC).
  const auto t = *london.parse_local_time("2026-03-29 00:30");
  EXPECT_EQ(london.format_local_time(chat_free_from(bot(0, 7 * 60), t, 0, london)),
            "2026-03-29 07:00:00");
  EXPECT_EQ(core::format_rfc3339(chat_free_from(bot(0, 7 * 60), t, 0, london)),
            "2026-03-29T06:00:00.000000Z");
}

TEST(ChatClockMinutes, ReadsAndWritesTimesOfDay) {
  EXPECT_EQ(read_clock_minutes("22:00", "quiet_from").value(), 1320);
  EXPECT_EQ(read_clock_minutes("00:05", "quiet_from").value(), 5);
  for (const auto* bad : {"24:00", "7:00", "07:60", "0700", "ab:cd", "07:00 "}) {
    auto r = read_clock_minutes(bad, "quiet_to");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "quiet_to");
  }
  EXPECT_EQ(format_clock_minutes(1320), "22:00");
  EXPECT_EQ(format_clock_minutes(5), "00:05");
}

}  // namespace
}  // namespace laurel::crm
