#include "engine/holdings_book.hpp"

#include <gtest/gtest.h>

#include <map>

#include "engine/day_max_tree.hpp"
#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using testing::at;
using testing::day;

TradeFact trade(std::int64_t id, std::int64_t seq, TradeKind kind, std::int64_t fen,
                std::optional<const char*> confirmed, bool in_effect = true) {
  TradeFact t;
  t.id = id;
  t.seq = seq;
  t.client_id = 1;
  t.product_id = 2;
  t.kind = kind;
  t.amount_fen = fen;
  t.in_effect = in_effect;
  if (confirmed) t.confirmed_on = day(*confirmed);
  return t;
}

// Adds up what the listeners hear, day by day, to compare with the book's own amounts.
struct Sum final : HoldingsListener {
  std::map<date::sys_days, std::int64_t> steps;
  void changed(const HoldingsChange& c) override {
    steps[c.from] += c.delta;
    if (c.to != kForever) steps[c.to] -= c.delta;
  }
  std::int64_t on(date::sys_days d) const {
    std::int64_t total = 0;
    for (const auto& [at, delta] : steps) {
      if (at > d) break;
      total += delta;
    }
    return total;
  }
};

TEST(HoldingsBook, ALatestBalancePlusTheFlowsConfirmedAfterIt) {
  HoldingsBook book;
  Sum heard;
  book.add_listener(heard);
  book.apply(trade(1, 1, TradeKind::purchase, 100, "2026-03-02"));
  book.apply(trade(2, 2, TradeKind::redeem, 30, "2026-03-04"));
  book.apply(trade(3, 3, TradeKind::purchase, 999, std::nullopt));  // not confirmed: nothing yet
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-01")), 0);
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-03")), 100);
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-04")), 70);
  // The warehouse's close of 3 March (market value) replaces what the flows said up to then;
  // the redemption after it still counts.
  book.set_balance(1, 2, day("2026-03-03"), 120);
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-02")), 100);
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-03")), 120);
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-09")), 90);
  // A balance of the redemption's own day already includes it.
  book.set_balance(1, 2, day("2026-03-04"), 95);
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-05")), 95);
  // A late redemption confirmed before the 3 March close changes nothing from then on.
  book.apply(trade(4, 4, TradeKind::redeem, 50, "2026-03-02"));
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-02")), 50);
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-03")), 120);
  for (const auto* d : {"2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-12-31"}) {
    EXPECT_EQ(heard.on(day(d)), book.amount_on(1, 2, day(d))) << d;
  }
}

TEST(HoldingsBook, ACancelledOrCorrectedTradeTakesItsFlowBack) {
  HoldingsBook book;
  Sum heard;
  book.add_listener(heard);
  book.apply(trade(1, 1, TradeKind::purchase, 100, "2026-03-02"));
  book.apply(trade(1, 2, TradeKind::purchase, 80, "2026-03-05"));  // corrected amount and day
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-03")), 0);
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-05")), 80);
  book.apply(trade(1, 1, TradeKind::purchase, 500, "2026-03-01"));  // an older version: ignored
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-05")), 80);
  book.apply(trade(1, 3, TradeKind::purchase, 80, "2026-03-05", false));  // cancelled
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-05")), 0);
  EXPECT_EQ(heard.on(day("2026-03-05")), 0);
  EXPECT_EQ(heard.on(day("2030-01-01")), 0);
}

TEST(HoldingsBook, SwitchesAndReinvestmentMoveHoldingsLikeOtherFlows) {
  HoldingsBook book;
  book.apply(trade(1, 1, TradeKind::switch_in, 100, "2026-03-02"));
  book.apply(trade(2, 2, TradeKind::reinvest, 5, "2026-03-03"));
  book.apply(trade(3, 3, TradeKind::switch_out, 40, "2026-03-04"));
  EXPECT_EQ(book.amount_on(1, 2, day("2026-03-04")), 65);
}

TEST(HoldingsBook, ALateListenerLearnsEveryStretch) {
  HoldingsBook book;
  book.apply(trade(1, 1, TradeKind::purchase, 100, "2026-03-02"));
  book.set_balance(1, 2, day("2026-03-10"), 130);
  book.set_balance(3, 4, day("2026-03-05"), 7);
  Sum late;
  book.for_each_stretch([&](const HoldingsChange& c) { late.changed(c); });
  EXPECT_EQ(late.on(day("2026-03-01")), 0);
  EXPECT_EQ(late.on(day("2026-03-02")), 100);
  EXPECT_EQ(late.on(day("2026-03-05")), 107);
  EXPECT_EQ(late.on(day("2026-03-10")), 137);
}

TEST(DayMaxTree, RangeAdditionsTheHighestCloseAndTheFirstToReachIt) {
  DayMaxTree tree;
  EXPECT_EQ(tree.max(), 0);
  EXPECT_FALSE(tree.first_at_least(1));
  tree.add(day("2026-03-02"), kForever, 100);
  tree.add(day("2026-03-05"), day("2026-03-07"), 50);
  tree.add(day("2026-03-20"), kForever, 40);
  EXPECT_EQ(tree.max(), 150);
  EXPECT_EQ(tree.on(day("2026-03-06")), 150);
  EXPECT_EQ(tree.on(day("2026-03-07")), 100);
  EXPECT_EQ(tree.on(day("2026-03-21")), 140);
  EXPECT_EQ(*tree.first_at_least(100), day("2026-03-02"));
  EXPECT_EQ(*tree.first_at_least(141), day("2026-03-05"));
  EXPECT_EQ(*tree.first_at_least(140), day("2026-03-05"));
  tree.add(day("2026-03-05"), day("2026-03-07"), -50);
  EXPECT_EQ(*tree.first_at_least(140), day("2026-03-20"));
  EXPECT_FALSE(tree.first_at_least(141));
  // Before 1990 counts from its first day.
  tree.add(day("1980-01-01"), day("1990-01-02"), 1000);
  EXPECT_EQ(*tree.first_at_least(1000), day("1990-01-01"));
}

}  // namespace
}  // namespace laurel::engine
