// Holdings as metrics: a subject's close at the end of a period and its average daily balance,
// from the holdings book; a period still running read up to the day asked; late records and
// balances imported later; metrics defined after the records; the same figures in any order.

#include "engine/holdings_metrics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using core::PeriodKind;
using testing::day;

constexpr std::int64_t kBond = 2, kCash = 3;  // funds: a bond fund, a money-market fund

TradeFact trade(std::int64_t id, std::int64_t client, std::int64_t product, std::int64_t fen,
                const char* confirmed, TradeKind kind = TradeKind::purchase) {
  TradeFact t;
  t.id = id;
  t.seq = id;
  t.client_id = client;
  t.product_id = product;
  t.kind = kind;
  t.amount_fen = fen;
  t.confirmed_on = day(confirmed);
  return t;
}

MetricDefinition balance_metric(std::int64_t id, MetricKind kind, SubjectKind subject,
                                PeriodKind period) {
  MetricDefinition m;
  m.id = id;
  m.kind = kind;
  m.source = MetricSource::holdings;
  m.subject = subject;
  m.period = period;
  return m;
}

core::Period month(const char* first_day) {
  return core::period_of(day(first_day), PeriodKind::month);
}

struct Fixture {
  Reference reference;
  HoldingsBook book;
  CoverageBook coverage;
  HoldingsMetrics metrics{book, reference, coverage};
  Fixture() {
    reference.products[kBond].type = "bond";
    reference.products[kCash].type = "money_market";
    reference.department_parent = {{1, 0}, {2, 1}, {3, 1}};  // 1 ⊃ 2, 3
    book.add_listener(metrics);
    coverage.add_listener(metrics);
  }
};

TEST(HoldingsMetrics, EndOfPeriodBalanceIsTheLastCloseAndAverageCountsEveryDay) {
  Fixture f;
  f.metrics.add_metric(balance_metric(1, MetricKind::end_of_period_balance, SubjectKind::company,
                                      PeriodKind::month));
  f.metrics.add_metric(balance_metric(2, MetricKind::average_daily_balance, SubjectKind::company,
                                      PeriodKind::month));
  // 3,000 from 11 March, 600 more from 21 March (the 31 days of March).
  f.book.apply(trade(1, 7, kBond, 3'000, "2026-03-11"));
  f.book.apply(trade(2, 8, kBond, 600, "2026-03-21"));
  const auto march = month("2026-03-01");
  const auto after = day("2026-05-01");
  EXPECT_EQ(f.metrics.value(1, 0, march, after), 3'600);
  // (10 × 0 + 10 × 3,000 + 11 × 3,600) / 31 = 69,600 / 31 = 2,245.16…
  EXPECT_EQ(f.metrics.value(2, 0, march, after), 2'245);
  // April holds 3,600 every day.
  EXPECT_EQ(f.metrics.value(2, 0, month("2026-04-01"), after), 3'600);
}

TEST(HoldingsMetrics, ARunningPeriodIsReadUpToTheDayAskedAndOneNotBegunHasNone) {
  Fixture f;
  f.metrics.add_metric(balance_metric(1, MetricKind::average_daily_balance, SubjectKind::company,
                                      PeriodKind::month));
  f.metrics.add_metric(balance_metric(2, MetricKind::end_of_period_balance, SubjectKind::company,
                                      PeriodKind::month));
  f.book.apply(trade(1, 7, kBond, 1'000, "2026-03-01"));
  f.book.apply(trade(2, 7, kBond, 500, "2026-03-06"));
  const auto march = month("2026-03-01");
  // On 10 March: five days of 1,000 and five of 1,500, averaged over the ten days so far.
  EXPECT_EQ(f.metrics.value(1, 0, march, day("2026-03-10")), 1'250);
  EXPECT_EQ(f.metrics.value(2, 0, march, day("2026-03-03")), 1'000) << "that day's close";
  EXPECT_EQ(f.metrics.value(1, 0, month("2026-04-01"), day("2026-03-10")), 0);
  EXPECT_TRUE(f.metrics.cells(1, month("2026-04-01"), day("2026-03-10")).empty());
}

TEST(HoldingsMetrics, PerClientAndPerFundWithTheFiltersFunds) {
  Fixture f;
  auto per_client =
      balance_metric(1, MetricKind::end_of_period_balance, SubjectKind::client, PeriodKind::month);
  per_client.filter.exclude_money_market = true;
  f.metrics.add_metric(per_client);
  f.metrics.add_metric(balance_metric(2, MetricKind::end_of_period_balance, SubjectKind::product,
                                      PeriodKind::month));
  f.book.apply(trade(1, 7, kBond, 1'000, "2026-03-02"));
  f.book.apply(trade(2, 7, kCash, 5'000, "2026-03-02"));
  f.book.apply(trade(3, 8, kBond, 200, "2026-03-03"));
  f.book.apply(trade(4, 8, kBond, 200, "2026-03-04"));
  f.book.apply(trade(5, 8, kBond, 0, "2026-03-04"));
  const auto march = month("2026-03-01");
  const auto after = day("2026-04-10");
  EXPECT_EQ(f.metrics.value(1, 7, march, after), 1'000) << "the money-market fund is left out";
  EXPECT_EQ(f.metrics.value(1, 8, march, after), 400);
  EXPECT_EQ(f.metrics.value(2, kBond, march, after), 1'400);
  EXPECT_EQ(f.metrics.value(2, kCash, march, after), 5'000);
  auto cells = f.metrics.cells(1, march, after);
  EXPECT_EQ(cells.size(), 2u);
}

TEST(HoldingsMetrics, ALateTradeAndAnImportedBalanceChangeThePastDays) {
  Fixture f;
  f.metrics.add_metric(
      balance_metric(1, MetricKind::average_daily_balance, SubjectKind::client, PeriodKind::week));
  // The ISO week of Monday 2 March 2026.
  const auto week = core::period_of(day("2026-03-02"), PeriodKind::week);
  const auto after = day("2026-03-20");
  f.book.apply(trade(1, 7, kBond, 700, "2026-03-02"));
  EXPECT_EQ(f.metrics.value(1, 7, week, after), 700);
  f.book.apply(trade(2, 7, kBond, 700, "2026-03-05"));  // recorded late: Thursday on
  EXPECT_EQ(f.metrics.value(1, 7, week, after), (3 * 700 + 4 * 1'400) / 7);
  // The warehouse says the position was worth 2,100 at Tuesday's close (market moves).
  f.book.set_balance(7, kBond, day("2026-03-03"), 2'100);
  // Mon 700, Tue–Wed 2,100, Thu–Sun 2,800: 700 + 4,200 + 11,200 = 16,100 over 7 days.
  EXPECT_EQ(f.metrics.value(1, 7, week, after), 2'300);
}

TEST(HoldingsMetrics, AMetricDefinedLateLearnsTheHoldingsSoFarAndTypesChangingRejudge) {
  Fixture f;
  f.book.apply(trade(1, 7, kBond, 1'000, "2026-03-02"));
  f.book.apply(trade(2, 7, kCash, 9'000, "2026-03-02"));
  auto m =
      balance_metric(1, MetricKind::end_of_period_balance, SubjectKind::company, PeriodKind::year);
  m.filter.exclude_money_market = true;
  f.metrics.add_metric(m);
  const auto year = core::period_of(day("2026-03-02"), PeriodKind::year);
  EXPECT_EQ(f.metrics.value(1, 0, year, day("2026-12-31")), 1'000);
  f.reference.products[kCash].type = "bond";  // the fund was typed wrong
  f.metrics.rejudge();
  EXPECT_EQ(f.metrics.value(1, 0, year, day("2026-12-31")), 10'000);
}

TEST(HoldingsMetrics, APersonHoldsTheirShareOfTheirClientsAndADepartmentItsPeoples) {
  Fixture f;
  f.metrics.add_metric(
      balance_metric(1, MetricKind::end_of_period_balance, SubjectKind::staff, PeriodKind::month));
  f.metrics.add_metric(balance_metric(2, MetricKind::end_of_period_balance, SubjectKind::department,
                                      PeriodKind::month));
  // Person 20 works in department 2, person 21 in 3 until 15 March, then in 2.
  f.coverage.set_assignments(20, {{day("2025-01-01"), 2}});
  f.coverage.set_assignments(21, {{day("2025-01-01"), 3}});
  // Client 7: 60 % person 20, 40 % person 21; client 8: person 21 alone.
  f.coverage.set_plan(7, day("2026-01-01"), {{20, 60}, {21, 40}});
  f.coverage.set_plan(8, day("2026-01-01"), {{21, 100}});
  f.book.apply(trade(1, 7, kBond, 1'001, "2026-03-02"));
  f.book.apply(trade(2, 8, kBond, 500, "2026-03-02"));
  const auto march = month("2026-03-01");
  const auto after = day("2026-06-01");
  EXPECT_EQ(f.metrics.value(1, 20, march, after), 601) << "600.6 fen, rounded when read";
  EXPECT_EQ(f.metrics.value(1, 21, march, after), 900) << "400.4 + 500";
  EXPECT_EQ(f.metrics.value(2, 2, march, after), 601);
  EXPECT_EQ(f.metrics.value(2, 3, march, after), 900);
  EXPECT_EQ(f.metrics.value(2, 1, march, after), 1'501) << "the parent holds both";
  // Person 21 moves to department 2 on 15 March (recorded later): March's close is 2's.
  f.coverage.set_assignments(21, {{day("2025-01-01"), 3}, {day("2026-03-15"), 2}});
  EXPECT_EQ(f.metrics.value(2, 2, march, after), 1'501);
  EXPECT_EQ(f.metrics.value(2, 3, march, after), 0);
  EXPECT_EQ(f.metrics.value(2, 3, month("2026-02-01"), after), 0) << "nothing held in February";
  // Client 7 is handed to person 20 alone from 1 March: person 21's share of it goes.
  f.coverage.set_plan(7, day("2026-03-01"), {{20, 100}});
  EXPECT_EQ(f.metrics.value(1, 20, march, after), 1'001);
  EXPECT_EQ(f.metrics.value(1, 21, march, after), 500);
  // A metric defined now learns all of it.
  f.metrics.add_metric(
      balance_metric(3, MetricKind::average_daily_balance, SubjectKind::staff, PeriodKind::month));
  // Client 8's 500 from 2 March: 30 of March's 31 days, 15,000 / 31 = 483.9.
  EXPECT_EQ(f.metrics.value(3, 21, march, after), 484);
}

TEST(HoldingsMetrics, TheSameRecordsInAnyOrderGiveTheSameFigures) {
  std::vector<TradeFact> trades;
  for (std::int64_t i = 1; i <= 60; ++i) {
    const auto kind = i % 4 == 0 ? TradeKind::redeem : TradeKind::purchase;
    const auto confirmed =
        "2026-03-" + std::string(i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1);
    trades.push_back(trade(i, 7 + i % 3, i % 2 ? kBond : kCash, 100 * i, confirmed.c_str(), kind));
  }
  const auto figures = [&](const std::vector<TradeFact>& order) {
    Fixture f;
    f.metrics.add_metric(balance_metric(1, MetricKind::average_daily_balance, SubjectKind::client,
                                        PeriodKind::month));
    for (const auto& t : order)
      f.book.apply(t);
    std::vector<std::int64_t> out;
    for (std::int64_t client = 7; client <= 9; ++client)
      out.push_back(f.metrics.value(1, client, month("2026-03-01"), day("2026-03-31")));
    return out;
  };
  const auto expected = figures(trades);
  EXPECT_NE(expected, std::vector<std::int64_t>(3, 0));
  std::mt19937 random(2026);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(trades.begin(), trades.end(), random);
    EXPECT_EQ(figures(trades), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace laurel::engine
