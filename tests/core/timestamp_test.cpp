#include "core/timestamp.hpp"

#include <gtest/gtest.h>

namespace laurel::core {
namespace {

using namespace std::chrono_literals;

TEST(TimestampTest, FormatsUtcWithMicroseconds) {
  // 2023-11-14T22:13:20Z is 1'700'000'000 s after the epoch.
  EXPECT_EQ(format_rfc3339(from_micros(1'700'000'000'000'000)), "2023-11-14T22:13:20.000000Z");
  EXPECT_EQ(format_rfc3339(from_micros(1'700'000'000'123'456)), "2023-11-14T22:13:20.123456Z");
  EXPECT_EQ(format_rfc3339(from_micros(946'684'799'999'999)), "1999-12-31T23:59:59.999999Z");
  EXPECT_EQ(format_rfc3339(from_micros(-1)), "1969-12-31T23:59:59.999999Z");
}

TEST(TimestampTest, ParsesZuluAndOffsetsToTheSameInstant) {
  const auto z = parse_rfc3339("2026-11-23T08:00:00Z");
  const auto shanghai = parse_rfc3339("2026-11-23T16:00:00+08:00");
  ASSERT_TRUE(z && shanghai);
  EXPECT_EQ(*z, *shanghai);
  const auto fractional = parse_rfc3339("2026-11-23T08:00:00.25Z");
  ASSERT_TRUE(fractional);
  EXPECT_EQ(*fractional - *z, 250ms);
}

TEST(TimestampTest, RoundTripsThroughText) {
  const auto t = from_micros(1'790'000'000'654'321);
  EXPECT_EQ(parse_rfc3339(format_rfc3339(t)), t);
}

TEST(TimestampTest, RejectsWhatIsNotATimestamp) {
  EXPECT_FALSE(parse_rfc3339(""));
  EXPECT_FALSE(parse_rfc3339("2026-11-23"));
  EXPECT_FALSE(parse_rfc3339("2026-13-40T00:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2026-11-23T08:00:00Z trailing"));
  EXPECT_FALSE(parse_rfc3339("2026-02-29T08:00:00Z")) << "not a leap year";
  EXPECT_FALSE(parse_rfc3339("2026-11-23T24:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2026-11-23T08:60:00Z"));
  EXPECT_FALSE(parse_rfc3339("2026-11-23T08:00:00"));
  EXPECT_FALSE(parse_rfc3339("2026-11-23T08:00:00.Z"));
  EXPECT_FALSE(parse_rfc3339("2026-11-23T08:00:00+0800"));
  EXPECT_FALSE(parse_rfc3339("2026-11-23T08:00:00+24:00"));
  EXPECT_FALSE(parse_rfc3339("2026-11-23 08:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2026-1-23T08:00:00Z"));
  EXPECT_FALSE(parse_rfc3339("2026-11-23T08:00:00.1234567890Z"));
}

TEST(TimestampTest, ReadsEveryPartExactly) {
  // 2024-02-29 (a leap day) 23:59:59.999999 at UTC-05:30 is 2024-03-01T05:29:59.999999Z.
  EXPECT_EQ(format_rfc3339(parse_rfc3339("2024-02-29T23:59:59.999999-05:30").value()),
            "2024-03-01T05:29:59.999999Z");
  EXPECT_EQ(format_rfc3339(parse_rfc3339("1969-12-31T23:59:59.5Z").value()),
            "1969-12-31T23:59:59.500000Z");
  EXPECT_EQ(format_rfc3339(parse_rfc3339("2026-11-23T08:00:00.123456789Z").value()),
            "2026-11-23T08:00:00.123456Z")
      << "nanoseconds are cut to microseconds";
  EXPECT_EQ(parse_rfc3339("2026-11-23T00:30:00+08:00"), parse_rfc3339("2026-11-22T16:30:00Z"));
}

}  // namespace
}  // namespace laurel::core
