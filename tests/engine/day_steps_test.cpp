// The closes kept as steps: what a stretch of days moving does to each day, merged neighbours,
// sums over a range of days, and whether anything was held in one.

#include "engine/day_steps.hpp"

#include <gtest/gtest.h>

#include "engine/holdings_book.hpp"
#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using testing::day;

TEST(DaySteps, AStretchMovesItsDaysOnly) {
  DaySteps s;
  EXPECT_TRUE(s.empty());
  s.add(day("2026-03-02"), kForever, 100);
  s.add(day("2026-03-04"), day("2026-03-06"), -30);
  EXPECT_EQ(s.on(day("2026-03-01")), 0);
  EXPECT_EQ(s.on(day("2026-03-02")), 100);
  EXPECT_EQ(s.on(day("2026-03-04")), 70);
  EXPECT_EQ(s.on(day("2026-03-05")), 70);
  EXPECT_EQ(s.on(day("2026-03-06")), 100);
  EXPECT_EQ(s.on(day("2030-01-01")), 100);
}

TEST(DaySteps, MovesThatCancelLeaveNothing) {
  DaySteps s;
  s.add(day("2026-03-02"), kForever, 100);
  s.add(day("2026-03-04"), day("2026-03-06"), 5);
  s.add(day("2026-03-04"), day("2026-03-06"), -5);
  s.add(day("2026-03-02"), kForever, -100);
  EXPECT_TRUE(s.empty()) << "neighbours of one amount are merged, zero before the first key";
}

TEST(DaySteps, SumsTheClosesOfEveryDayInARange) {
  DaySteps s;
  s.add(day("2026-03-03"), kForever, 100);  // 3 March on: 100
  s.add(day("2026-03-05"), kForever, 50);   // 5 March on: 150
  // 1–2 March 0, 3–4 March 100 each, 5–10 March 150 each.
  EXPECT_EQ(s.sum(day("2026-03-01"), day("2026-03-10")), 2 * 100 + 6 * 150);
  EXPECT_EQ(s.sum(day("2026-03-04"), day("2026-03-04")), 100);
  EXPECT_EQ(s.sum(day("2026-03-06"), day("2026-03-05")), 0) << "an empty range";
}

TEST(DaySteps, TellsWhetherAnythingWasHeldInARange) {
  DaySteps s;
  s.add(day("2026-03-03"), day("2026-03-05"), 100);
  s.add(day("2026-03-10"), kForever, -20);  // outrun by redemptions: nothing, not something
  EXPECT_FALSE(s.positive_between(day("2026-03-01"), day("2026-03-02")));
  EXPECT_TRUE(s.positive_between(day("2026-03-01"), day("2026-03-03")));
  EXPECT_TRUE(s.positive_between(day("2026-03-04"), day("2026-03-20")));
  EXPECT_FALSE(s.positive_between(day("2026-03-05"), day("2026-03-20")));
}

}  // namespace
}  // namespace laurel::engine
