// Threshold rules on balances: the first day a client's month-end close or running average
// reaches T, found by the event that brings that day, the close of that day as when it became
// true; a cancellation that means no day reached it makes it no longer hold; history before the
// rule went live is silent.

#include "engine/balance_threshold_watch.hpp"

#include <gtest/gtest.h>

#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using core::PeriodKind;
using testing::at;
using testing::day;

core::CompanyZone utc_zone() {
  return *core::CompanyZone::locate("UTC");
}

TradeFact purchase(std::int64_t id, std::int64_t seq, std::int64_t fen, const char* confirmed,
                   bool in_effect = true) {
  TradeFact t;
  t.id = id;
  t.seq = seq;
  t.client_id = 7;
  t.product_id = 2;
  t.kind = TradeKind::purchase;
  t.amount_fen = fen;
  t.in_effect = in_effect;
  t.confirmed_on = day(confirmed);
  return t;
}

struct Engine {
  Reference reference;
  HoldingsBook book;
  CoverageBook coverage;
  HoldingsMetrics metrics{book, reference, coverage};
  BalanceThresholdWatch watch{metrics, utc_zone()};
  std::int64_t seq = 0;

  explicit Engine(MetricKind kind) {
    book.add_listener(metrics);
    MetricDefinition m;
    m.id = 1;
    m.kind = kind;
    m.source = MetricSource::holdings;
    m.subject = SubjectKind::client;
    m.period = PeriodKind::month;
    metrics.add_metric(m);
  }
  // One event recorded at `when`: the trade (if any), then the watch judges.
  void post(core::Timestamp when, std::optional<TradeFact> trade = std::nullopt) {
    watch.begin({++seq, when});
    if (trade) {
      trade->seq = seq;
      book.apply(*trade);
    }
    watch.settle();
  }
  bool add_rule(std::vector<std::int64_t> thresholds, core::Timestamp effective_from,
                core::Timestamp when, std::int64_t id = 5) {
    watch.begin({++seq, when});
    const bool added = watch.add_rule(
        {id, 1, std::move(thresholds), {}, effective_from, std::chrono::hours(72), {}});
    watch.settle();
    return added;
  }
  const ThresholdFact* fact(const char* month, std::int64_t threshold,
                            std::int64_t rule = 5) const {
    const auto it =
        watch.facts().find({rule, 7, core::period_of(day(month), PeriodKind::month), threshold});
    return it == watch.facts().end() ? nullptr : &it->second;
  }
};

const auto kLongAgo = at("2020-01-01", 0);

TEST(BalanceThresholdWatch, ARunningAverageIsFoundByTheEventThatBringsItsDay) {
  Engine e(MetricKind::average_daily_balance);
  ASSERT_TRUE(e.add_rule({1000}, kLongAgo, at("2026-03-01", 0)));
  e.post(at("2026-03-01", 9), purchase(1, 0, 900, "2026-03-01"));
  e.post(at("2026-03-11", 9), purchase(2, 0, 600, "2026-03-11"));
  // 11 March: (10 × 900 + 1500) / 11 = 954.5…, not yet. 12 March: 10,500 + 1500 = 12,000 / 12.
  EXPECT_EQ(e.fact("2026-03-01", 1000), nullptr);
  e.post(at("2026-03-13", 8));  // any event on 13 March: 12 and 13 March are judged
  const auto* fact = e.fact("2026-03-01", 1000);
  ASSERT_NE(fact, nullptr);
  EXPECT_TRUE(fact->holds);
  EXPECT_EQ(fact->became_true.at, at("2026-03-13", 0) - std::chrono::microseconds(1));
  EXPECT_EQ(fact->detected_seq, 4);
  EXPECT_FALSE(fact->late);
  EXPECT_FALSE(fact->silent);
  // April starts where March ended, at 1,500 a day: reached on its first day.
  e.post(at("2026-04-02", 8));
  ASSERT_NE(e.fact("2026-04-01", 1000), nullptr);
  EXPECT_EQ(e.fact("2026-04-01", 1000)->became_true.at,
            at("2026-04-02", 0) - std::chrono::microseconds(1));
}

TEST(BalanceThresholdWatch, ACancellationThatMeansNoDayReachedItMakesItNoLongerHold) {
  Engine e(MetricKind::end_of_period_balance);
  ASSERT_TRUE(e.add_rule({1000, 2000}, kLongAgo, at("2026-03-01", 0)));
  e.post(at("2026-03-05", 9), purchase(1, 0, 1200, "2026-03-05"));
  e.post(at("2026-03-06", 9), purchase(2, 0, 1000, "2026-03-06"));
  ASSERT_NE(e.fact("2026-03-01", 2000), nullptr);
  EXPECT_TRUE(e.fact("2026-03-01", 2000)->holds) << "2,200 at the close of 6 March";
  // A later redemption takes the close back down: reached is reached.
  auto redemption = purchase(3, 0, 1500, "2026-03-07");
  redemption.kind = TradeKind::redeem;
  e.post(at("2026-03-07", 9), redemption);
  EXPECT_TRUE(e.fact("2026-03-01", 2000)->holds);
  // The purchase of 6 March is cancelled: no close ever reached 2,000 after all.
  e.post(at("2026-03-08", 9), purchase(2, 0, 1000, "2026-03-06", /*in_effect=*/false));
  EXPECT_FALSE(e.fact("2026-03-01", 2000)->holds);
  EXPECT_TRUE(e.fact("2026-03-01", 1000)->holds) << "1,200 on 5 March";
  EXPECT_EQ(e.fact("2026-03-01", 1000)->became_true.at,
            at("2026-03-06", 0) - std::chrono::microseconds(1));
}

TEST(BalanceThresholdWatch, HistoryBeforeTheRuleIsSilentAndTheFutureIsNotJudged) {
  Engine e(MetricKind::end_of_period_balance);
  e.post(at("2026-01-10", 9), purchase(1, 0, 5000, "2026-01-10"));
  // A trade confirming next month, recorded now: next month's close is not judged before then.
  e.post(at("2026-03-20", 9), purchase(2, 0, 5000, "2026-04-03"));
  ASSERT_TRUE(e.add_rule({4000}, at("2026-03-01", 0), at("2026-03-20", 10)));
  ASSERT_NE(e.fact("2026-01-01", 4000), nullptr);
  EXPECT_TRUE(e.fact("2026-01-01", 4000)->silent) << "January, before the rule went live";
  EXPECT_FALSE(e.fact("2026-03-01", 4000)->silent) << "March counts: 5,000 at its first close";
  EXPECT_FALSE(e.add_rule({8000}, kLongAgo, at("2026-03-20", 10))) << "the id is taken";
  ASSERT_TRUE(e.add_rule({8000}, at("2026-03-01", 0), at("2026-03-20", 10), 6));
  EXPECT_EQ(e.fact("2026-04-01", 8000, 6), nullptr) << "10,000 only from 3 April, days to come";
  e.post(at("2026-04-02", 1));
  EXPECT_EQ(e.fact("2026-04-01", 8000, 6), nullptr);
  e.post(at("2026-04-03", 1));
  ASSERT_NE(e.fact("2026-04-01", 8000, 6), nullptr);
  EXPECT_FALSE(e.fact("2026-04-01", 8000, 6)->silent);
}

}  // namespace
}  // namespace laurel::engine
