#include "crm/holdings_timeline.hpp"

#include <gtest/gtest.h>

namespace laurel::crm {
namespace {

std::int64_t amount(const HoldingsTimeline& timeline, const char* day, std::int64_t client = 1) {
  for (const auto& p : timeline.on(day)) {
    if (p.client_id == client) return p.amount_fen;
  }
  return -999;
}

TEST(HoldingsTimeline, TheLatestBalancePlusConfirmedFlowsSinceIt) {
  // Balance 1000 at the close of 1 March; a purchase of 300 confirmed 3 March, a redemption of
  // 100 confirmed 5 March; the warehouse's balance of 5 March (1250: market moves) replaces all.
  const HoldingsTimeline timeline({{1, 7, "2026-03-05", 1250}, {1, 7, "2026-03-01", 1000}},
                                  {{1, 7, "2026-03-05", "redeem", 100},
                                   {1, 7, "2026-03-03", "purchase", 300},
                                   {1, 7, "2026-02-27", "purchase", 50}});
  EXPECT_EQ(amount(timeline, "2026-02-26"), 0) << "nothing yet";
  EXPECT_EQ(amount(timeline, "2026-02-27"), 50) << "no balance yet: flows from zero";
  EXPECT_EQ(amount(timeline, "2026-03-01"), 1000) << "the balance includes earlier flows";
  EXPECT_EQ(amount(timeline, "2026-03-02"), 1000);
  EXPECT_EQ(amount(timeline, "2026-03-03"), 1300);
  EXPECT_EQ(amount(timeline, "2026-03-04"), 1300);
  EXPECT_EQ(amount(timeline, "2026-03-05"), 1250) << "that day's balance already has its flows";
  EXPECT_EQ(amount(timeline, "2026-12-31"), 1250);
}

TEST(HoldingsTimeline, SwitchesAndReinvestmentMoveHoldingsAndPositionsStaySeparate) {
  const HoldingsTimeline timeline({{2, 8, "2026-01-01", 500}},
                                  {{1, 7, "2026-01-02", "switch_in", 40},
                                   {1, 7, "2026-01-03", "dividend_reinvest", 2},
                                   {1, 7, "2026-01-04", "switch_out", 50},
                                   {2, 8, "2026-01-02", "subscribe", 10}});
  EXPECT_EQ(amount(timeline, "2026-01-03", 1), 42);
  EXPECT_EQ(amount(timeline, "2026-01-04", 1), -8) << "negative is reported, not clipped";
  EXPECT_EQ(amount(timeline, "2026-01-04", 2), 510);
  EXPECT_EQ(timeline.on("2026-01-04").size(), 2u);
}

}  // namespace
}  // namespace laurel::crm
