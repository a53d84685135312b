#include "engine/holdings_milestone_watch.hpp"

#include <gtest/gtest.h>

#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using testing::at;
using testing::day;

using std::chrono::hours;

// The company's funds: 2 a bond fund, 3 a money-market fund. A milestone every 100 (fen, to keep
// the figures readable). Times are UTC; Shanghai's close of a day is 15:59:59.999999 UTC.
struct Fixture {
  Fixture() : watch(book, reference, *core::CompanyZone::locate("Asia/Shanghai")) {
    reference.products = {{2, {"bond"}}, {3, {"money_market"}}};
    book.add_listener(watch);
  }
  void rule(core::Timestamp effective_from = at("2026-01-01", 0)) {
    watch.begin({seq, at("2026-03-01", 0)});
    HoldingsMilestoneRule r;
    r.id = 10;
    r.every_fen = 100;
    r.effective_from = effective_from;
    ASSERT_TRUE(watch.add_rule(r));
    watch.settle();
  }
  void balance(std::int64_t client, std::int64_t product, const char* on, std::int64_t fen,
               core::Timestamp recorded) {
    watch.begin({++seq, recorded});
    book.set_balance(client, product, day(on), fen);
    watch.settle();
  }
  const ThresholdFact* fact(std::int64_t milestone) const {
    const auto it = watch.facts().find(FactKey{10, 0, {core::PeriodKind::all_time, 0}, milestone});
    return it == watch.facts().end() ? nullptr : &it->second;
  }
  core::Timestamp close(const char* on) const { return at(on, 16) - std::chrono::microseconds(1); }

  std::int64_t seq = 1;
  HoldingsBook book;
  Reference reference;
  HoldingsMilestoneWatch watch;
};

TEST(HoldingsMilestoneWatch, EachMilestoneOnceOnTheFirstCloseReachingIt) {
  Fixture f;
  f.rule();
  f.balance(1, 2, "2026-03-02", 90, at("2026-03-03", 1));
  f.balance(1, 3, "2026-03-02", 500, at("2026-03-03", 1));  // money market: not counted
  EXPECT_TRUE(f.watch.facts().empty());
  f.balance(4, 2, "2026-03-03", 120, at("2026-03-04", 1));  // 90 + 120 = 210 at the 3 March close
  ASSERT_NE(f.fact(100), nullptr);
  ASSERT_NE(f.fact(200), nullptr);
  EXPECT_EQ(f.fact(300), nullptr);
  EXPECT_EQ(f.fact(200)->became_true.at, f.close("2026-03-03"));
  EXPECT_FALSE(f.fact(200)->late);
  EXPECT_EQ(f.watch.take_changes().size(), 2u);
  // Falling back below and rising again: nothing new, nothing taken back.
  f.balance(4, 2, "2026-03-04", 10, at("2026-03-05", 1));
  f.balance(4, 2, "2026-03-05", 130, at("2026-03-06", 1));
  EXPECT_TRUE(f.fact(200)->holds);
  EXPECT_EQ(f.fact(200)->became_true.at, f.close("2026-03-03"));
  EXPECT_TRUE(f.watch.take_changes().empty());
}

TEST(HoldingsMilestoneWatch, HistoryRewrittenMovesOrTakesBackAMilestone) {
  Fixture f;
  f.rule();
  f.balance(1, 2, "2026-03-05", 250, at("2026-03-06", 1));
  EXPECT_EQ(f.fact(200)->became_true.at, f.close("2026-03-05"));
  // A late close of 2 March shows 200 was reached three days earlier.
  f.balance(1, 2, "2026-03-02", 200, at("2026-03-09", 1));
  EXPECT_EQ(f.fact(200)->became_true.at, f.close("2026-03-02"));
  EXPECT_EQ(f.fact(200)->detected_at, at("2026-03-06", 1));  // detected when it first held
  // The warehouse corrects both closes: 200 was never reached.
  f.balance(1, 2, "2026-03-02", 150, at("2026-03-10", 1));
  f.balance(1, 2, "2026-03-05", 180, at("2026-03-10", 2));
  EXPECT_FALSE(f.fact(200)->holds);
  EXPECT_EQ(f.fact(200)->no_longer_holds_at, at("2026-03-10", 2));
  EXPECT_TRUE(f.fact(100)->holds);
}

TEST(HoldingsMilestoneWatch, ARuleGoingLiveRecordsMilestonesAlreadyPassedSilently) {
  Fixture f;
  f.balance(1, 2, "2026-02-10", 320, at("2026-02-11", 1));
  f.rule(at("2026-03-01", 0));
  ASSERT_NE(f.fact(300), nullptr);
  EXPECT_TRUE(f.fact(100)->silent);
  EXPECT_TRUE(f.fact(300)->silent);
  f.balance(1, 2, "2026-03-02", 410, at("2026-03-03", 1));
  EXPECT_FALSE(f.fact(400)->silent);
}

TEST(HoldingsMilestoneWatch, AFundBecomingMoneyMarketLeavesTheFigure) {
  Fixture f;
  f.rule();
  f.balance(1, 2, "2026-03-02", 150, at("2026-03-03", 1));
  EXPECT_TRUE(f.fact(100)->holds);
  f.watch.begin({++f.seq, at("2026-03-04", 1)});
  f.reference.products[2].type = "money_market";
  f.watch.rejudge();
  f.watch.settle();
  EXPECT_FALSE(f.fact(100)->holds);
}

}  // namespace
}  // namespace laurel::engine
