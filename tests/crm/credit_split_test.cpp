#include "crm/credit_split.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <numeric>

namespace laurel::crm {
namespace {

core::Fen sum(const std::vector<core::Fen>& parts) {
  return std::accumulate(parts.begin(), parts.end(), core::Fen{0});
}

TEST(CreditSplit, SixtyFortySplitsExactly) {
  const std::vector<CreditShare> shares = {{1, 60, true}, {2, 40, false}};
  EXPECT_EQ(split_credit(100000, shares), (std::vector<core::Fen>{60000, 40000}));
}

TEST(CreditSplit, LeftoverFenGoToTheLargestRemainders) {
  // 1.01 yuan = 101 fen at 60/40: 60.6 and 40.4 -> 60 + 40, one fen left, 0.6 > 0.4.
  const std::vector<CreditShare> shares = {{1, 40, true}, {2, 60, false}};
  EXPECT_EQ(split_credit(101, shares), (std::vector<core::Fen>{40, 61}));
}

TEST(CreditSplit, EqualRemaindersFavourThePrimary) {
  // 1 fen at 50/50: both remainders are 0.5; the primary gets it wherever it is listed.
  const std::vector<CreditShare> shares = {{1, 50, false}, {2, 50, true}};
  EXPECT_EQ(split_credit(1, shares), (std::vector<core::Fen>{0, 1}));
  // Three ways: 34/33/33 of 100 fen is exact; of 2 fen, 0.68 / 0.66 / 0.66.
  const std::vector<CreditShare> thirds = {{1, 33, false}, {2, 34, true}, {3, 33, false}};
  EXPECT_EQ(split_credit(100, thirds), (std::vector<core::Fen>{33, 34, 33}));
  EXPECT_EQ(split_credit(2, thirds), (std::vector<core::Fen>{1, 1, 0})) << "ties: listed first";
}

TEST(CreditSplit, PartsAlwaysSumToTheAmount) {
  const std::vector<CreditShare> shares = {
      {1, 17, true}, {2, 29, false}, {3, 54, false}, {4, 0, false}};
  for (core::Fen amount : {core::Fen{0}, core::Fen{1}, core::Fen{3}, core::Fen{99},
                           core::Fen{12345678901}, std::numeric_limits<core::Fen>::max()}) {
    const auto parts = split_credit(amount, shares);
    EXPECT_EQ(sum(parts), amount) << amount;
    EXPECT_EQ(parts[3], 0) << "a 0% member gets nothing";
  }
}

TEST(CreditSplit, ASoleCoverGetsEverything) {
  const std::vector<CreditShare> shares = {{9, 100, true}};
  EXPECT_EQ(split_credit(123457, shares), (std::vector<core::Fen>{123457}));
}

}  // namespace
}  // namespace laurel::crm
