#include "core/money.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace laurel::core {
namespace {

TEST(Money, ParsesWholeAndDecimalYuanIntoFen) {
  EXPECT_EQ(parse_amount("1250000.00", "amount").value(), 125000000);
  EXPECT_EQ(parse_amount("12", "amount").value(), 1200);
  EXPECT_EQ(parse_amount("12.5", "amount").value(), 1250);
  EXPECT_EQ(parse_amount("0.01", "amount").value(), 1);
  EXPECT_EQ(parse_amount("0", "amount").value(), 0);
}

TEST(Money, RefusesInexactOrDisguisedAmountsNamingTheField) {
  for (const char* bad : {"", "1.234", "-5.00", "+5", "1e6", "1E6", " 5", "5 ", "1,000.00", ".5",
                          "5.", "1.2.3", "0x10", "¥5", "NaN", "Infinity"}) {
    auto parsed = parse_amount(bad, "rows[3].amount");
    ASSERT_FALSE(parsed) << "accepted '" << bad << "'";
    EXPECT_EQ(parsed.error().code, Errc::invalid_input);
    EXPECT_EQ(parsed.error().field, "rows[3].amount");
  }
}

TEST(Money, RefusesAmountsBeyondTheInt64RangeOfFen) {
  // int64 max is 9223372036854775807 fen.
  EXPECT_EQ(parse_amount("92233720368547758.07", "a").value(), std::numeric_limits<Fen>::max());
  EXPECT_FALSE(parse_amount("92233720368547758.08", "a"));
  EXPECT_FALSE(parse_amount("92233720368547759", "a"));
  EXPECT_FALSE(parse_amount("99999999999999999999999999", "a"));
}

TEST(Money, FormatsWithTwoDecimalsAndRoundTrips) {
  EXPECT_EQ(format_amount(125000000), "1250000.00");
  EXPECT_EQ(format_amount(5), "0.05");
  EXPECT_EQ(format_amount(0), "0.00");
  EXPECT_EQ(format_amount(-1250), "-12.50");
  EXPECT_EQ(format_amount(std::numeric_limits<Fen>::min()), "-92233720368547758.08");
  for (Fen fen : {Fen{1}, Fen{99}, Fen{100}, Fen{123456789}, std::numeric_limits<Fen>::max()}) {
    EXPECT_EQ(parse_amount(format_amount(fen), "a").value(), fen);
  }
}

}  // namespace
}  // namespace laurel::core
