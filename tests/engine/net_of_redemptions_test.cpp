// Sums net of redemptions within N days: a redemption takes back from the latest inflows of the
// same client and fund inside the window, never more than they were; worked out from the
// records in effect, so any arrival order, late trades and corrections net the same.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/metric_fold.hpp"

namespace laurel::engine {
namespace {

using core::Period;
using core::PeriodKind;

core::Timestamp at(const char* day, int hour = 2) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      date::sys_days(*core::parse_date(day)) + std::chrono::hours(hour));
}

Period period(const char* text) {
  return *core::parse_period(text);
}

TradeFact trade(std::int64_t id, std::int64_t seq, const char* day, TradeKind kind,
                std::int64_t fen, std::int64_t client = 100, std::int64_t product = 1,
                std::vector<Credit> credits = {{7, 2, 0}}) {
  for (auto& c : credits) {
    if (c.amount_fen == 0) c.amount_fen = fen / static_cast<std::int64_t>(credits.size());
  }
  return TradeFact{id, seq, at(day), client, product, kind, fen, true, credits, {}};
}

MetricDefinition netted(std::int64_t id, SubjectKind subject, PeriodKind kind, int days) {
  MetricDefinition m;
  m.id = id;
  m.kind = MetricKind::sum;
  m.source = MetricSource::transactions;
  m.filter.trade_kinds = MetricFilter::kinds({TradeKind::subscribe, TradeKind::purchase});
  m.filter.net_of_redemptions_within_days = days;
  m.subject = subject;
  m.period = kind;
  return m;
}

MetricFold make_fold() {
  Reference r;
  r.products = {{1, {"bond"}}, {2, {"equity"}}};
  r.department_parent = {{1, 0}, {2, 1}};
  MetricFold fold({netted(1, SubjectKind::staff, PeriodKind::month, 30),
                   netted(2, SubjectKind::department, PeriodKind::all_time, 30),
                   netted(3, SubjectKind::company, PeriodKind::month, 7)},
                  *core::CompanyZone::locate("Asia/Shanghai"));
  fold.set_reference(r);
  return fold;
}

TEST(NetOfRedemptions, ARedemptionInsideTheWindowTakesBackFromTheSubscription) {
  auto fold = make_fold();
  fold.apply(trade(1, 1, "2026-03-02", TradeKind::purchase, 1000'00));
  fold.apply(trade(2, 2, "2026-03-12", TradeKind::redeem, 400'00));
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 600'00);
  EXPECT_EQ(fold.value(2, 1, period("all")), 600'00) << "department 2 rolls up to 1";
  // Ten days after: outside the company's 7-day window, inside the person's 30.
  EXPECT_EQ(fold.value(3, 0, period("2026-03")), 1000'00);
  // More redeemed than was bought leaves the subscription at nothing, never below.
  fold.apply(trade(3, 3, "2026-03-20", TradeKind::switch_out, 5000'00));
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 0);
}

TEST(NetOfRedemptions, TheLatestInflowsInsideTheWindowGoFirst) {
  auto fold = make_fold();
  fold.apply(trade(1, 1, "2026-03-01", TradeKind::purchase, 500'00));
  fold.apply(trade(2, 2, "2026-03-20", TradeKind::subscribe, 300'00));
  // 5 April: 16 days after the 300 (all of it taken back), 35 after the 500 (out of the window).
  fold.apply(trade(3, 3, "2026-04-05", TradeKind::redeem, 400'00));
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 500'00);
  // A redemption before a subscription takes nothing from it.
  fold.apply(trade(4, 4, "2026-04-10", TradeKind::redeem, 100'00));
  fold.apply(trade(5, 5, "2026-04-11", TradeKind::purchase, 200'00));
  EXPECT_EQ(fold.value(1, 7, period("2026-04")), 200'00);
}

TEST(NetOfRedemptions, OnlyTheSameClientAndFundNet) {
  auto fold = make_fold();
  fold.apply(trade(1, 1, "2026-03-02", TradeKind::purchase, 1000'00));
  fold.apply(trade(2, 2, "2026-03-03", TradeKind::redeem, 400'00, 101));     // another client
  fold.apply(trade(3, 3, "2026-03-04", TradeKind::redeem, 300'00, 100, 2));  // another fund
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 1000'00);
}

TEST(NetOfRedemptions, WhatStaysIsSplitLikeTheCredits) {
  auto fold = make_fold();
  fold.apply(trade(1, 1, "2026-03-02", TradeKind::purchase, 1000'01, 100, 1,
                   {{7, 2, 600'00}, {8, 1, 400'01}}));
  fold.apply(trade(2, 2, "2026-03-05", TradeKind::redeem, 500'00));
  // 500.01 stays: 300.00 and 200.00 by the 60/40 split, the fen left over to the first credit.
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 300'01);
  EXPECT_EQ(fold.value(1, 8, period("2026-03")), 200'00);
  EXPECT_EQ(fold.value(2, 1, period("all")), 500'01);
}

TEST(NetOfRedemptions, LateCorrectedAndCancelledRedemptionsNetAgain) {
  auto fold = make_fold();
  fold.apply(trade(1, 1, "2026-03-02", TradeKind::purchase, 1000'00));
  fold.apply(trade(2, 2, "2026-03-10", TradeKind::redeem, 400'00));
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 600'00);
  fold.apply(trade(2, 3, "2026-03-10", TradeKind::redeem, 100'00));  // corrected amount
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 900'00);
  auto cancelled = trade(2, 4, "2026-03-10", TradeKind::redeem, 100'00);
  cancelled.in_effect = false;
  fold.apply(cancelled);
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 1000'00);
  // Moved to another fund by a correction, the subscription no longer nets with fund 1's.
  fold.apply(trade(3, 5, "2026-03-11", TradeKind::redeem, 250'00));
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 750'00);
  fold.apply(trade(1, 6, "2026-03-02", TradeKind::purchase, 1000'00, 100, 2));
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 1000'00);
}

TEST(NetOfRedemptions, AnyArrivalOrderNetsTheSame) {
  std::mt19937 random(20261203);
  std::vector<TradeFact> versions;
  std::int64_t seq = 0;
  const char* days[] = {"2026-03-01", "2026-03-05", "2026-03-20", "2026-04-02", "2026-04-30"};
  const TradeKind kinds[] = {TradeKind::purchase, TradeKind::subscribe, TradeKind::redeem,
                             TradeKind::switch_out, TradeKind::switch_in};
  for (std::int64_t id = 1; id <= 30; ++id) {
    for (int version = 0; version < 2; ++version) {
      auto t = trade(id, ++seq, days[random() % 5], kinds[random() % 5],
                     static_cast<std::int64_t>(random() % 90 + 10) * 100,
                     100 + static_cast<std::int64_t>(random() % 2),
                     1 + static_cast<std::int64_t>(random() % 2),
                     {{random() % 2 ? 7 : 8, random() % 2 ? 2 : 1, 0}});
      t.in_effect = random() % 5 != 0;
      versions.push_back(t);
    }
  }
  const auto figures = [](const std::vector<TradeFact>& order) {
    auto fold = make_fold();
    for (const auto& t : order)
      fold.apply(t);
    std::vector<std::int64_t> out;
    for (const std::int64_t subject : {0, 1, 2, 7, 8}) {
      for (const char* p : {"2026-03", "2026-04", "all"}) {
        for (const std::int64_t metric : {1, 2, 3})
          out.push_back(fold.value(metric, subject, period(p)));
      }
    }
    return out;
  };
  const auto expected = figures(versions);
  EXPECT_NE(std::count(expected.begin(), expected.end(), 0), std::ssize(expected));
  for (int round = 0; round < 20; ++round) {
    std::shuffle(versions.begin(), versions.end(), random);
    ASSERT_EQ(figures(versions), expected) << "round " << round;
  }
}

TEST(NetOfRedemptions, AMetricDefinedLaterNetsWhatCameBefore) {
  MetricFold fold({}, *core::CompanyZone::locate("Asia/Shanghai"));
  fold.apply(trade(1, 1, "2026-03-02", TradeKind::purchase, 1000'00));
  fold.apply(trade(2, 2, "2026-03-12", TradeKind::redeem, 400'00));
  fold.add_metric(netted(1, SubjectKind::staff, PeriodKind::month, 30));
  EXPECT_EQ(fold.value(1, 7, period("2026-03")), 600'00);
}

TEST(NetOfRedemptions, DefinitionsThatCannotNetSaySo) {
  auto m = netted(1, SubjectKind::staff, PeriodKind::month, 30);
  m.filter.trade_kinds = 0;  // every kind: redemptions too
  EXPECT_EQ(definition_problem(m)->field, "filter.transaction_kinds");
  m.filter.trade_kinds = MetricFilter::kinds({TradeKind::purchase, TradeKind::redeem});
  EXPECT_EQ(definition_problem(m)->field, "filter.transaction_kinds");
  auto counted = netted(1, SubjectKind::staff, PeriodKind::month, 30);
  counted.kind = MetricKind::count;
  EXPECT_EQ(definition_problem(counted)->field, "filter.net_of_redemptions_within_days");
  auto long_window = netted(1, SubjectKind::staff, PeriodKind::month, 400);
  EXPECT_EQ(definition_problem(long_window)->field, "filter.net_of_redemptions_within_days");
  EXPECT_FALSE(definition_problem(netted(1, SubjectKind::client, PeriodKind::week, 7)));
}

}  // namespace
}  // namespace laurel::engine
