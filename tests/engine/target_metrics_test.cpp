// Metrics of targets (the denominators of achievement boards) and of the clients with a target
// (client target achievement's numerator): their figures follow the targets in effect, whatever
// order targets and trades arrive in.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <variant>

#include "engine/metric_fold.hpp"

namespace laurel::engine {
namespace {

using core::Period;
using core::PeriodKind;

core::Timestamp utc(const char* day, int hour) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      date::sys_days(*core::parse_date(day)) + std::chrono::hours(hour));
}

Period period(const char* text) {
  return *core::parse_period(text);
}

// Departments 1 ⊃ 2; staff 7 in department 2, staff 8 in department 1.
Reference company() {
  Reference r;
  r.products = {{1, {"bond"}}};
  r.department_parent = {{1, 0}, {2, 1}};
  return r;
}

TradeFact trade(std::int64_t id, std::int64_t seq, const char* day, std::int64_t client,
                std::int64_t fen, std::vector<Credit> credits = {{7, 2, 0}}) {
  for (auto& c : credits) {
    if (c.amount_fen == 0) c.amount_fen = fen / static_cast<std::int64_t>(credits.size());
  }
  return TradeFact{id, seq, utc(day, 2), client, 1, TradeKind::purchase, fen, true, credits, {}};
}

TargetFact client_target(std::int64_t id, std::int64_t seq, std::int64_t staff, std::int64_t client,
                         const char* when, std::int64_t fen) {
  TargetFact t;
  t.id = id;
  t.seq = seq;
  t.subject_id = staff;
  t.scope = TargetScope::client;
  t.client_id = client;
  t.period = period(when);
  t.value = fen;
  return t;
}

MetricDefinition targets(std::int64_t id, SubjectKind subject, PeriodKind kind,
                         TargetScope scope = TargetScope::client) {
  MetricDefinition m;
  m.id = id;
  m.kind = MetricKind::sum;
  m.source = MetricSource::targets;
  m.filter.target_scope = scope;
  m.subject = subject;
  m.period = kind;
  return m;
}

MetricDefinition targeted_subscriptions(std::int64_t id, SubjectKind subject, PeriodKind kind) {
  MetricDefinition m;
  m.id = id;
  m.kind = MetricKind::sum;
  m.source = MetricSource::transactions;
  m.filter.trade_kinds = MetricFilter::kinds({TradeKind::subscribe, TradeKind::purchase});
  m.filter.clients_with_target = TargetMeasure::subscription;
  m.subject = subject;
  m.period = kind;
  return m;
}

MetricFold make_fold() {
  MetricFold fold({targets(1, SubjectKind::staff, PeriodKind::quarter),
                   targeted_subscriptions(2, SubjectKind::staff, PeriodKind::quarter),
                   targets(3, SubjectKind::staff, PeriodKind::all_time),
                   targeted_subscriptions(4, SubjectKind::department, PeriodKind::quarter),
                   targets(5, SubjectKind::department, PeriodKind::quarter)},
                  *core::CompanyZone::locate("Asia/Shanghai"));
  fold.set_reference(company());
  return fold;
}

TEST(TargetMetrics, SumTheTargetsOfTheirScopeKindAndPeriod) {
  auto fold = make_fold();
  fold.apply(client_target(1, 1, 7, 100, "2026-Q4", 500'00));
  fold.apply(client_target(2, 2, 7, 101, "2026-Q4", 300'00));
  fold.apply(client_target(3, 3, 7, 100, "2026-Q3", 200'00));
  fold.apply(client_target(4, 4, 7, 100, "2026-11", 999'00));  // a month's: not a quarter's
  auto overall = client_target(5, 5, 7, 0, "2026-Q4", 10'000'00);
  overall.scope = TargetScope::overall;  // not a client target
  fold.apply(overall);
  EXPECT_EQ(fold.value(1, 7, period("2026-Q4")), 800'00);
  EXPECT_EQ(fold.value(1, 7, period("2026-Q3")), 200'00);
  EXPECT_EQ(fold.value(3, 7, period("all")), 1999'00);  // every client target, any period

  // A change replaces the value; an older version arriving late changes nothing; a deletion
  // takes the target back.
  auto changed = client_target(2, 6, 7, 101, "2026-Q4", 100'00);
  fold.apply(changed);
  fold.apply(client_target(2, 2, 7, 101, "2026-Q4", 300'00));
  EXPECT_EQ(fold.value(1, 7, period("2026-Q4")), 600'00);
  changed.seq = 7;
  changed.in_effect = false;
  fold.apply(changed);
  EXPECT_EQ(fold.value(1, 7, period("2026-Q4")), 500'00);
}

TEST(TargetMetrics, APersonsTargetIsNotADepartmentsNorTheOtherWayRound) {
  auto fold = make_fold();
  auto department = client_target(1, 1, 2, 100, "2026-Q4", 700'00);
  department.of_department = true;
  fold.apply(department);
  fold.apply(client_target(2, 2, 7, 100, "2026-Q4", 100'00));
  EXPECT_EQ(fold.value(5, 2, period("2026-Q4")), 700'00);
  EXPECT_EQ(fold.value(5, 1, period("2026-Q4")), 0);  // no roll-up of targets
  EXPECT_EQ(fold.value(1, 7, period("2026-Q4")), 100'00);
  EXPECT_EQ(fold.value(1, 2, period("2026-Q4")), 0);
}

TEST(TargetMetrics, OnlyTradesOfClientsWithATargetInThePeriodCount) {
  auto fold = make_fold();
  fold.apply(trade(1, 1, "2026-10-10", 100, 40'00));
  fold.apply(trade(2, 2, "2026-10-11", 101, 60'00));  // no target for client 101
  fold.apply(trade(3, 3, "2026-09-30", 100, 25'00));  // the quarter before
  EXPECT_EQ(fold.value(2, 7, period("2026-Q4")), 0);  // no targets yet
  // The target set after the trades brings them in; one in another quarter does not.
  fold.apply(client_target(1, 4, 7, 100, "2026-Q4", 500'00));
  EXPECT_EQ(fold.value(2, 7, period("2026-Q4")), 40'00);
  EXPECT_EQ(fold.value(2, 7, period("2026-Q3")), 0);
  fold.apply(trade(4, 5, "2026-11-01", 100, 10'00));
  EXPECT_EQ(fold.value(2, 7, period("2026-Q4")), 50'00);
  // A corrected trade moved to another client leaves; moved back, it counts again.
  auto moved = trade(4, 6, "2026-11-01", 101, 10'00);
  fold.apply(moved);
  EXPECT_EQ(fold.value(2, 7, period("2026-Q4")), 40'00);
  moved = trade(4, 7, "2026-11-01", 100, 10'00);
  fold.apply(moved);
  EXPECT_EQ(fold.value(2, 7, period("2026-Q4")), 50'00);
  // The target deleted: its client's trades no longer count.
  auto gone = client_target(1, 8, 7, 100, "2026-Q4", 500'00);
  gone.in_effect = false;
  fold.apply(gone);
  EXPECT_EQ(fold.value(2, 7, period("2026-Q4")), 0);
}

TEST(TargetMetrics, OnlyTheCreditedPersonsOwnTargetsCount) {
  auto fold = make_fold();
  // Split 60/40 between staff 7 (department 2) and staff 8 (department 1); only 7 has a target.
  fold.apply(trade(1, 1, "2026-10-10", 100, 100'00, {{7, 2, 60'00}, {8, 1, 40'00}}));
  fold.apply(client_target(1, 2, 7, 100, "2026-Q4", 500'00));
  EXPECT_EQ(fold.value(2, 7, period("2026-Q4")), 60'00);
  EXPECT_EQ(fold.value(2, 8, period("2026-Q4")), 0);
  // Department 1's target on the client counts both credits (its subtree); department 2's only
  // its own person's.
  auto top = client_target(2, 3, 1, 100, "2026-Q4", 900'00);
  top.of_department = true;
  fold.apply(top);
  EXPECT_EQ(fold.value(4, 1, period("2026-Q4")), 100'00);
  EXPECT_EQ(fold.value(4, 2, period("2026-Q4")), 0);
}

TEST(TargetMetrics, TheSameTargetsAndTradesInAnyOrderGiveTheSameFigures) {
  // Versions of trades and targets, each record's newest by seq in effect: any arrival order
  // gives the figures of the newest versions (ARCHITECTURE.md, time rules).
  std::vector<std::variant<TradeFact, TargetFact>> records;
  std::mt19937 random(20261202);
  std::int64_t seq = 0;
  const char* days[] = {"2026-09-29", "2026-10-05", "2026-11-20", "2026-12-31"};
  const char* quarters[] = {"2026-Q3", "2026-Q4"};
  for (std::int64_t id = 1; id <= 40; ++id) {
    for (int version = 0; version < 3; ++version) {
      const std::int64_t client = 100 + static_cast<std::int64_t>(random() % 4);
      const std::int64_t staff = random() % 2 ? 7 : 8;
      records.emplace_back(trade(id, ++seq, days[random() % 4], client,
                                 static_cast<std::int64_t>(random() % 90 + 10) * 100,
                                 {{staff, staff == 7 ? 2 : 1, 0}}));
      auto t = client_target(id, ++seq, random() % 2 ? 7 : 8, client, quarters[random() % 2],
                             static_cast<std::int64_t>(random() % 50 + 1) * 10'000);
      t.in_effect = random() % 4 != 0;
      records.push_back(t);
    }
  }
  const auto figures = [&](const std::vector<std::variant<TradeFact, TargetFact>>& order) {
    auto fold = make_fold();
    for (const auto& r : order)
      std::visit([&](const auto& fact) { fold.apply(fact); }, r);
    std::vector<std::int64_t> out;
    for (const std::int64_t metric : {1, 2, 3, 4, 5}) {
      for (const std::int64_t subject : {1, 2, 7, 8}) {
        for (const char* p : {"2026-Q3", "2026-Q4", "all"})
          out.push_back(fold.value(metric, subject, period(p)));
      }
    }
    return out;
  };
  const auto expected = figures(records);
  EXPECT_NE(std::count(expected.begin(), expected.end(), 0), std::ssize(expected));
  for (int round = 0; round < 20; ++round) {
    std::shuffle(records.begin(), records.end(), random);
    ASSERT_EQ(figures(records), expected) << "round " << round;
  }
}

TEST(TargetMetrics, DefinitionsThatCannotBeFoldedSaySo) {
  auto counted = targets(1, SubjectKind::staff, PeriodKind::quarter);
  counted.kind = MetricKind::count;
  EXPECT_EQ(definition_problem(counted)->field, "kind");
  auto weekly = targets(1, SubjectKind::staff, PeriodKind::week);
  EXPECT_EQ(definition_problem(weekly)->field, "period");
  auto of_clients = targets(1, SubjectKind::client, PeriodKind::month);
  EXPECT_EQ(definition_problem(of_clients)->field, "subject");
  auto by_product = targets(1, SubjectKind::staff, PeriodKind::month);
  by_product.filter.product_ids = {1};
  EXPECT_EQ(definition_problem(by_product)->field, "filter");
  auto company_wide = targeted_subscriptions(2, SubjectKind::company, PeriodKind::month);
  EXPECT_EQ(definition_problem(company_wide)->field, "subject");
  auto daily = targeted_subscriptions(2, SubjectKind::staff, PeriodKind::day);
  EXPECT_EQ(definition_problem(daily)->field, "period");
  EXPECT_FALSE(definition_problem(targets(1, SubjectKind::department, PeriodKind::all_time)));
  EXPECT_FALSE(definition_problem(targeted_subscriptions(2, SubjectKind::staff, PeriodKind::year)));
}

}  // namespace
}  // namespace laurel::engine
