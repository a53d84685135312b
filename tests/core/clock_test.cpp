#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace laurel::core {
namespace {

using namespace std::chrono_literals;

TEST(ClockTest, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(Timestamp(1'700'000'000'000'000us));
  const auto start = clock.now();
  EXPECT_EQ(clock.now(), start);
  clock.advance(90s);
  EXPECT_EQ(clock.now() - start, 90s);
  clock.set(Timestamp(0us));
  EXPECT_EQ(clock.now().time_since_epoch().count(), 0);
}

TEST(ClockTest, SystemClockIsCloseToTheWallClock) {
  const auto ours = SystemClock::instance().now();
  const auto theirs = std::chrono::system_clock::now();
  EXPECT_LT(std::chrono::abs(theirs - ours), 5s);
}

}  // namespace
}  // namespace laurel::core
