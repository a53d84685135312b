#include "engine/activation_watch.hpp"

#include <gtest/gtest.h>

#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using testing::at;
using testing::day;

using std::chrono::hours;

// Client 1; person 40 of department 2 and person 41 of department 3. Dormant after 30 days.
// Times are UTC, in the middle of Shanghai's day.
struct Fixture {
  Fixture() : watch(book, *core::CompanyZone::locate("Asia/Shanghai")) { book.add_listener(watch); }
  void rule(ActivationScope scope = ActivationScope::staff, std::int64_t min_amount = 0) {
    watch.begin({++seq, at("2025-01-01", 0)});
    ASSERT_TRUE(watch.add_rule({10, scope, 30, min_amount, at("2025-01-01", 0), hours(72)}));
    watch.settle();
  }
  // A trade, recorded as it happens (confirmed the next day when `confirmed`).
  void trade(std::int64_t id, const char* on, TradeKind kind, std::int64_t fen,
             std::vector<Credit> credits = {{40, 2, 0}}, bool confirmed = true,
             std::optional<core::Timestamp> recorded = std::nullopt, bool in_effect = true) {
    TradeFact t{id, ++seq, at(on, 2), 1, 5, kind, fen, in_effect, credits, {}};
    if (confirmed) t.confirmed_on = day(on) + date::days(1);
    watch.begin({seq, recorded.value_or(at(on, 3))});
    watch.apply(t);
    book.apply(t);
    watch.settle();
  }
  void balance(const char* on, std::int64_t fen) {
    watch.begin({++seq, at(on, 20)});
    book.set_balance(1, 5, day(on), fen);
    watch.settle();
  }
  const ThresholdFact* fact(std::int64_t subject, std::int64_t trade) const {
    const auto it =
        watch.facts().find(FactKey{10, subject, {core::PeriodKind::all_time, 0}, trade});
    return it == watch.facts().end() ? nullptr : &it->second;
  }

  std::int64_t seq = 0;
  HoldingsBook book;
  ActivationWatch watch;
};

TEST(ActivationWatch, AFirstSubscriptionAndTheFirstAfterADormancyActivate) {
  Fixture f;
  f.rule();
  f.trade(1, "2026-01-05", TradeKind::purchase, 100);               // first ever: activates
  f.trade(2, "2026-01-20", TradeKind::purchase, 50);                // holds: no
  f.trade(3, "2026-02-01", TradeKind::redeem, 150);                 // nothing held from 2 February
  f.trade(4, "2026-02-20", TradeKind::purchase, 70);                // 18 days dormant: not yet 30
  f.trade(5, "2026-03-01", TradeKind::redeem, 70);                  // nothing held from 2 March
  f.trade(6, "2026-04-15", TradeKind::purchase, 90, {{41, 3, 0}});  // 44 days: activates
  EXPECT_EQ(f.watch.activations(1, 30), (std::vector<std::int64_t>{1, 6}));
  ASSERT_NE(f.fact(40, 1), nullptr);
  ASSERT_NE(f.fact(41, 6), nullptr);
  EXPECT_EQ(f.fact(41, 6)->became_true.at, at("2026-04-15", 2));
  EXPECT_EQ(f.watch.facts().size(), 2u);
  // With a shorter dormancy the 20 February purchase would have counted too.
  EXPECT_EQ(f.watch.activations(1, 10), (std::vector<std::int64_t>{1, 4, 6}));
}

TEST(ActivationWatch, SwitchesAndReinvestmentNeverActivate) {
  Fixture f;
  f.rule();
  f.trade(1, "2026-01-05", TradeKind::switch_in, 100);
  f.trade(2, "2026-01-06", TradeKind::reinvest, 3);
  EXPECT_TRUE(f.watch.facts().empty());
  // And the client holds from them, so its first subscription is not an activation either.
  f.trade(3, "2026-01-10", TradeKind::subscribe, 100);
  EXPECT_TRUE(f.watch.facts().empty());
}

TEST(ActivationWatch, ALateTradeThatWasInFactFirstTakesTheActivationOver) {
  Fixture f;
  f.rule(ActivationScope::department);
  f.trade(2, "2026-01-20", TradeKind::purchase, 50, {{41, 3, 0}});
  ASSERT_NE(f.fact(3, 2), nullptr);
  f.trade(1, "2026-01-05", TradeKind::purchase, 100, {{40, 2, 0}}, true, at("2026-01-25", 3));
  EXPECT_FALSE(f.fact(3, 2)->holds);
  EXPECT_EQ(f.fact(3, 2)->no_longer_holds_at, at("2026-01-25", 3));
  ASSERT_NE(f.fact(2, 1), nullptr);
  EXPECT_TRUE(f.fact(2, 1)->late);
  // Cancelled after all: the later one is the activation again.
  f.trade(1, "2026-01-05", TradeKind::purchase, 100, {{40, 2, 0}}, true, at("2026-01-26", 3),
          false);
  EXPECT_FALSE(f.fact(2, 1)->holds);
  EXPECT_TRUE(f.fact(3, 2)->holds);
}

TEST(ActivationWatch, AnImportedBalanceShowsTheClientWasNotDormant) {
  Fixture f;
  f.rule();
  f.trade(1, "2026-01-05", TradeKind::purchase, 100);
  f.trade(2, "2026-01-10", TradeKind::redeem, 100);
  f.trade(3, "2026-03-01", TradeKind::purchase, 80);  // 49 days without holdings
  ASSERT_NE(f.fact(40, 3), nullptr);
  // The warehouse's close of 1 February says the client still held 20 (market gains).
  f.balance("2026-02-01", 20);
  EXPECT_FALSE(f.fact(40, 3)->holds);
}

TEST(ActivationWatch, BelowTheMinimumIsNoNewsButStillTheActivation) {
  Fixture f;
  f.rule(ActivationScope::staff, 60);
  f.trade(1, "2026-01-05", TradeKind::purchase, 50);
  f.trade(2, "2026-01-05", TradeKind::purchase, 500);  // same day, after it: not an activation
  EXPECT_TRUE(f.watch.facts().empty());
}

}  // namespace
}  // namespace laurel::engine
