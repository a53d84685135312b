#include "engine/metric_fold.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

namespace laurel::engine {
namespace {

using core::Period;
using core::PeriodKind;

core::CompanyZone zone(const char* name = "Asia/Shanghai") {
  return *core::CompanyZone::locate(name);
}

core::Timestamp utc(const char* day, int hour, int minute = 0) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      date::sys_days(*core::parse_date(day)) + std::chrono::hours(hour) +
      std::chrono::minutes(minute));
}

Period period(const char* text) {
  return *core::parse_period(text);
}

TradeFact trade(std::int64_t id, std::int64_t seq, core::Timestamp at, std::int64_t fen,
                TradeKind kind = TradeKind::purchase, std::int64_t product = 1,
                std::vector<Credit> credits = {{7, 3, 0}}) {
  for (auto& c : credits) {
    if (c.amount_fen == 0) c.amount_fen = fen / static_cast<std::int64_t>(credits.size());
  }
  return TradeFact{id, seq, at, /*client*/ 100 + id % 3, product, kind, fen, true, credits, {}};
}

// Two products (1 a bond fund, 2 a money-market fund); departments 1 ⊃ 2 ⊃ 3, and 4 apart.
Reference company() {
  Reference r;
  r.products = {{1, {"bond"}}, {2, {"money_market"}}};
  r.department_parent = {{1, 0}, {2, 1}, {3, 2}, {4, 0}};
  return r;
}

MetricDefinition subscriptions(std::int64_t id, SubjectKind subject, PeriodKind kind) {
  MetricDefinition m;
  m.id = id;
  m.kind = MetricKind::sum;
  m.source = MetricSource::transactions;
  m.filter.trade_kinds = MetricFilter::kinds({TradeKind::subscribe, TradeKind::purchase});
  m.subject = subject;
  m.period = kind;
  return m;
}

TEST(MetricFold, DaysAreCompanyDaysNotUtcDays) {
  MetricFold fold({subscriptions(1, SubjectKind::company, PeriodKind::day)}, zone());
  fold.set_reference(company());
  fold.apply(trade(1, 1, utc("2026-11-30", 15, 59), 100'00));  // 23:59 in Shanghai
  fold.apply(trade(2, 2, utc("2026-11-30", 16, 0), 200'00));   // 00:00 on 1 December
  EXPECT_EQ(fold.value(1, 0, period("2026-11-30")), 100'00);
  EXPECT_EQ(fold.value(1, 0, period("2026-12-01")), 200'00);
}

TEST(MetricFold, NewYorkDaylightSavingDaysHaveTheirOwnMidnights) {
  MetricFold fold({subscriptions(1, SubjectKind::company, PeriodKind::day)},
                  zone("America/New_York"));
  // 2026-03-08: clocks go forward at 02:00 EST; midnight before is 05:00 UTC, after is 04:00 UTC.
  fold.apply(trade(1, 1, utc("2026-03-08", 4, 59), 1'00));  // 23:59 on 7 March (EST)
  fold.apply(trade(2, 2, utc("2026-03-08", 5, 0), 2'00));   // 00:00 on 8 March (EST)
  fold.apply(trade(3, 3, utc("2026-03-09", 3, 59), 4'00));  // 23:59 on 8 March (EDT)
  fold.apply(trade(4, 4, utc("2026-03-09", 4, 0), 8'00));   // 00:00 on 9 March (EDT)
  EXPECT_EQ(fold.value(1, 0, period("2026-03-07")), 1'00);
  EXPECT_EQ(fold.value(1, 0, period("2026-03-08")), 6'00);
  EXPECT_EQ(fold.value(1, 0, period("2026-03-09")), 8'00);
}

TEST(MetricFold, FiltersByKindProductTypeAndMoneyMarket) {
  auto bonds = subscriptions(1, SubjectKind::company, PeriodKind::month);
  bonds.filter.product_types = {"bond"};
  auto no_mmf = subscriptions(2, SubjectKind::company, PeriodKind::month);
  no_mmf.filter.exclude_money_market = true;
  auto everything = subscriptions(3, SubjectKind::company, PeriodKind::month);
  everything.filter.trade_kinds = 0;
  MetricFold fold({bonds, no_mmf, everything}, zone());
  fold.set_reference(company());
  fold.apply(trade(1, 1, utc("2026-11-02", 2), 500'00, TradeKind::purchase, 1));
  fold.apply(trade(2, 2, utc("2026-11-02", 2), 300'00, TradeKind::subscribe, 2));
  fold.apply(trade(3, 3, utc("2026-11-02", 2), 70'00, TradeKind::redeem, 1));
  const auto nov = period("2026-11");
  EXPECT_EQ(fold.value(1, 0, nov), 500'00);
  EXPECT_EQ(fold.value(2, 0, nov), 500'00);
  EXPECT_EQ(fold.value(3, 0, nov), 870'00);
}

TEST(MetricFold, NetFlowSubtractsRedemptions) {
  auto flow = subscriptions(1, SubjectKind::staff, PeriodKind::week);
  flow.filter.trade_kinds = 0;
  flow.sum_of = SumOf::net_flow;
  MetricFold fold({flow}, zone());
  fold.apply(trade(1, 1, utc("2026-11-30", 2), 1000'00, TradeKind::purchase));
  fold.apply(trade(2, 2, utc("2026-12-01", 2), 300'00, TradeKind::redeem));
  fold.apply(trade(3, 3, utc("2026-12-02", 2), 50'00, TradeKind::switch_out));
  EXPECT_EQ(fold.value(1, 7, period("2026-W49")), 650'00);
}

TEST(MetricFold, CreditsSplitAmongStaffAndRollUpTheDepartmentTree) {
  MetricFold fold({subscriptions(1, SubjectKind::staff, PeriodKind::year),
                   subscriptions(2, SubjectKind::department, PeriodKind::year)},
                  zone());
  fold.set_reference(company());
  // 60/40 between a person in department 3 and one in department 4.
  fold.apply(trade(1, 1, utc("2026-05-01", 2), 1000'00, TradeKind::purchase, 1,
                   {{7, 3, 600'00}, {8, 4, 400'00}}));
  const auto y = period("2026");
  EXPECT_EQ(fold.value(1, 7, y), 600'00);
  EXPECT_EQ(fold.value(1, 8, y), 400'00);
  EXPECT_EQ(fold.value(2, 3, y), 600'00);
  EXPECT_EQ(fold.value(2, 2, y), 600'00);  // 3 is under 2
  EXPECT_EQ(fold.value(2, 1, y), 600'00);  // and 2 under 1
  EXPECT_EQ(fold.value(2, 4, y), 400'00);
}

TEST(MetricFold, ADepartmentFilterCountsOnlyItsShare) {
  auto east = subscriptions(1, SubjectKind::company, PeriodKind::all_time);
  east.filter.department_id = 2;
  MetricFold fold({east}, zone());
  fold.set_reference(company());
  fold.apply(trade(1, 1, utc("2026-05-01", 2), 1000'00, TradeKind::purchase, 1,
                   {{7, 3, 600'00}, {8, 4, 400'00}}));
  fold.apply(trade(2, 2, utc("2026-05-01", 2), 90'00, TradeKind::purchase, 1, {{8, 4, 90'00}}));
  EXPECT_EQ(fold.value(1, 0, period("all")), 600'00);
}

TEST(MetricFold, ACancellationTakesBackWhatItsTradeAdded) {
  MetricFold fold({subscriptions(1, SubjectKind::company, PeriodKind::day)}, zone());
  auto t = trade(1, 1, utc("2026-11-02", 2), 500'00);
  fold.apply(t);
  t.seq = 9;
  t.in_effect = false;
  fold.apply(t);
  EXPECT_EQ(fold.value(1, 0, period("2026-11-02")), 0);
  EXPECT_EQ(fold.cell_count(), 0u);
  // The older version arriving again changes nothing.
  t.seq = 1;
  t.in_effect = true;
  fold.apply(t);
  EXPECT_EQ(fold.value(1, 0, period("2026-11-02")), 0);
}

TEST(MetricFold, DistinctClientsCountEachClientOnce) {
  MetricDefinition visited;
  visited.id = 1;
  visited.kind = MetricKind::distinct_clients;
  visited.source = MetricSource::visits;
  visited.subject = SubjectKind::staff;
  visited.period = PeriodKind::month;
  MetricDefinition key_visits = visited;
  key_visits.id = 2;
  key_visits.kind = MetricKind::count;
  key_visits.filter.key_person_visits_only = true;
  MetricFold fold({visited, key_visits}, zone());
  const auto visit = [](std::int64_t id, std::int64_t seq, std::int64_t client, bool key) {
    return VisitFact{id, seq, utc("2026-11-10", 3), client, key, true, {{7, 3}}};
  };
  fold.apply(visit(1, 1, 100, true));
  fold.apply(visit(2, 2, 100, false));
  fold.apply(visit(3, 3, 101, true));
  const auto nov = period("2026-11");
  EXPECT_EQ(fold.value(1, 7, nov), 2);
  EXPECT_EQ(fold.value(2, 7, nov), 2);
  auto deleted = visit(3, 4, 101, true);
  deleted.in_effect = false;
  fold.apply(deleted);
  EXPECT_EQ(fold.value(1, 7, nov), 1);
  EXPECT_EQ(fold.value(2, 7, nov), 1);
}

TEST(MetricFold, AProductTypeChangeRecountsWhatDependsOnIt) {
  auto bonds = subscriptions(1, SubjectKind::company, PeriodKind::all_time);
  bonds.filter.product_types = {"bond"};
  MetricFold fold({bonds}, zone());
  fold.set_reference(company());
  fold.apply(trade(1, 1, utc("2026-11-02", 2), 500'00, TradeKind::purchase, 2));
  EXPECT_EQ(fold.value(1, 0, period("all")), 0);
  auto changed = fold.reference();
  changed.products[2].type = "bond";
  fold.set_reference(changed);
  EXPECT_EQ(fold.value(1, 0, period("all")), 500'00);
}

TEST(MetricFold, AMetricDefinedLaterCountsWhatCameBefore) {
  MetricFold fold({}, zone());
  fold.apply(trade(1, 1, utc("2026-11-02", 2), 500'00));
  fold.apply(trade(2, 2, utc("2026-11-03", 2), 100'00, TradeKind::redeem));
  EXPECT_FALSE(fold.has_metric(1));
  fold.add_metric(subscriptions(1, SubjectKind::company, PeriodKind::month));
  ASSERT_TRUE(fold.has_metric(1));
  EXPECT_EQ(fold.value(1, 0, period("2026-11")), 500'00);
  fold.apply(trade(3, 3, utc("2026-11-04", 2), 50'00));
  EXPECT_EQ(fold.value(1, 0, period("2026-11")), 550'00);
  // Redefined (same id): computed afresh under the new definition.
  auto everything = subscriptions(1, SubjectKind::company, PeriodKind::month);
  everything.filter.trade_kinds = 0;
  fold.add_metric(everything);
  EXPECT_EQ(fold.value(1, 0, period("2026-11")), 650'00);
  EXPECT_EQ(fold.metric(1)->filter.trade_kinds, 0);
}

TEST(MetricFold, DefinitionsThatCannotBeFoldedAreNamed) {
  MetricDefinition m;
  m.source = MetricSource::visits;
  m.kind = MetricKind::sum;
  EXPECT_TRUE(definition_problem(m));
  m.kind = MetricKind::count;
  EXPECT_FALSE(definition_problem(m));
  m.subject = SubjectKind::product;
  EXPECT_TRUE(definition_problem(m));
  MetricDefinition t;
  t.filter.key_person_visits_only = true;
  EXPECT_EQ(definition_problem(t)->field, "filter.key_person_visits_only");
  MetricDefinition balance;
  balance.kind = MetricKind::average_daily_balance;
  EXPECT_EQ(definition_problem(balance)->field, "kind") << "a balance of transactions";
  balance.source = MetricSource::holdings;
  balance.period = PeriodKind::month;
  EXPECT_FALSE(definition_problem(balance));
  balance.subject = SubjectKind::staff;
  EXPECT_FALSE(definition_problem(balance)) << "a person's share of their clients' holdings";
  balance.filter.department_id = 3;
  EXPECT_EQ(definition_problem(balance)->field, "filter.department_id");
  balance.filter.department_id.reset();
  balance.period = PeriodKind::all_time;
  EXPECT_EQ(definition_problem(balance)->field, "period");
  balance.period = PeriodKind::month;
  balance.filter.campaign_id = 1;
  EXPECT_EQ(definition_problem(balance)->field, "filter.campaign_id");
}

// The warehouse's own values: a period adds up its days, the latest version of a day counts, and
// a metric defined after the values learns them.
TEST(MetricFold, ImportedValuesAddUpByPeriodAndTheLatestVersionCounts) {
  MetricDefinition weekly;
  weekly.id = 1;
  weekly.kind = MetricKind::imported;
  weekly.source = MetricSource::imported;
  weekly.subject = SubjectKind::staff;
  weekly.period = PeriodKind::week;
  EXPECT_FALSE(definition_problem(weekly));
  MetricFold fold({weekly}, zone());
  const auto d = [](const char* text) { return date::sys_days(*core::parse_date(text)); };
  fold.apply(ImportedFact{10, 1, 1, 7, d("2026-03-02"), 100'00});  // Monday
  fold.apply(ImportedFact{11, 2, 1, 7, d("2026-03-08"), 50'00});   // Sunday, the same ISO week
  fold.apply(ImportedFact{12, 3, 1, 7, d("2026-03-09"), 9'00});    // the next week
  fold.apply(ImportedFact{13, 4, 2, 7, d("2026-03-02"), 1'00});    // another metric's
  EXPECT_EQ(fold.value(1, 7, period("2026-W10")), 150'00);
  EXPECT_EQ(fold.value(1, 7, period("2026-W11")), 9'00);
  fold.apply(ImportedFact{11, 5, 1, 7, d("2026-03-08"), 20'00});  // corrected
  fold.apply(ImportedFact{11, 2, 1, 7, d("2026-03-08"), 50'00});  // an older version: ignored
  EXPECT_EQ(fold.value(1, 7, period("2026-W10")), 120'00);
  auto monthly = weekly;
  monthly.id = 2;
  monthly.period = PeriodKind::month;
  fold.add_metric(monthly);
  EXPECT_EQ(fold.value(2, 7, period("2026-03")), 1'00) << "metric 2's own value only";
  weekly.filter.client_id = 3;
  EXPECT_EQ(definition_problem(weekly)->field, "filter");
}

// A campaign's figures: its funds, inside its window, the shares credited to its participants.
TEST(MetricFold, ACampaignFilterCountsItsFundsWindowAndParticipants) {
  auto m = subscriptions(1, SubjectKind::department, PeriodKind::all_time);
  m.filter.campaign_id = 9;
  auto company_wide = subscriptions(2, SubjectKind::company, PeriodKind::all_time);
  company_wide.filter.campaign_id = 9;
  MetricFold fold({m, company_wide}, zone());
  fold.set_reference(company());
  // Fund 1, 1–30 November (Shanghai days); department 2 (with 3 under it) and person 8 take part.
  fold.set_campaign(
      {9, *core::parse_date("2026-11-01"), *core::parse_date("2026-11-30"), {1}, {2}, {8}});
  fold.apply(trade(1, 1, utc("2026-11-02", 2), 100'00, TradeKind::purchase, 1, {{7, 3, 0}}));
  fold.apply(trade(2, 2, utc("2026-11-02", 2), 50'00, TradeKind::purchase, 2,
                   {{7, 3, 0}}));  // another fund
  fold.apply(trade(3, 3, utc("2026-11-30", 16), 70'00, TradeKind::purchase, 1,
                   {{7, 3, 0}}));  // 1 December in Shanghai: after the window
  // Half to a participant in department 3, half to someone in department 4 (not taking part).
  fold.apply(
      trade(4, 4, utc("2026-11-10", 2), 200'00, TradeKind::purchase, 1, {{7, 3, 0}, {5, 4, 0}}));
  fold.apply(trade(5, 5, utc("2026-11-11", 2), 30'00, TradeKind::purchase, 1,
                   {{8, 4, 0}}));  // person 8 is listed by name
  const auto all = period("all");
  EXPECT_EQ(fold.value(2, 0, all), 100'00 + 100'00 + 30'00);
  EXPECT_EQ(fold.value(1, 2, all), 200'00) << "department 2 counts department 3's shares";
  EXPECT_EQ(fold.value(1, 4, all), 30'00) << "only the listed person's share, not department 4's";
  // The campaign is extended by a day: the trade of 1 December counts now.
  fold.set_campaign(
      {9, *core::parse_date("2026-11-01"), *core::parse_date("2026-12-01"), {1}, {2}, {8}});
  EXPECT_EQ(fold.value(2, 0, all), 300'00);
}

TEST(MetricFold, ACampaignOfTheWholeCompanyCountsEveryonesShares) {
  auto m = subscriptions(1, SubjectKind::department, PeriodKind::all_time);
  m.filter.campaign_id = 9;
  auto people = subscriptions(2, SubjectKind::staff, PeriodKind::all_time);
  people.filter.campaign_id = 9;
  MetricFold fold({m, people}, zone());
  fold.set_reference(company());
  // No departments and no people named: everyone takes part (crm/campaign_service.hpp).
  fold.set_campaign(
      {9, *core::parse_date("2026-11-01"), *core::parse_date("2026-11-30"), {1}, {}, {}});
  fold.apply(
      trade(1, 1, utc("2026-11-10", 2), 200'00, TradeKind::purchase, 1, {{7, 3, 0}, {5, 4, 0}}));
  fold.apply(trade(2, 2, utc("2026-12-10", 2), 50'00, TradeKind::purchase, 1, {{7, 3, 0}}));
  const auto all = period("all");
  EXPECT_EQ(fold.value(1, 1, all), 100'00) << "department 3's share, rolled up to 1";
  EXPECT_EQ(fold.value(1, 4, all), 100'00);
  EXPECT_EQ(fold.value(2, 7, all), 100'00);
  EXPECT_EQ(fold.value(2, 5, all), 100'00);
}

// The time rules' order independence: the same records — trades, their cancellations and
// corrections, visits and their deletions — in shuffled arrival order give the same figures.
TEST(MetricFold, ShuffledArrivalGivesTheSameFigures) {
  const std::vector<MetricDefinition> metrics = [] {
    std::vector<MetricDefinition> list;
    std::int64_t id = 0;
    for (auto subject : {SubjectKind::company, SubjectKind::department, SubjectKind::staff,
                         SubjectKind::client, SubjectKind::product}) {
      for (auto kind : {PeriodKind::day, PeriodKind::week, PeriodKind::quarter}) {
        auto sum = subscriptions(++id, subject, kind);
        sum.filter.exclude_money_market = id % 2 == 0;
        list.push_back(sum);
        auto flow = sum;
        flow.id = ++id;
        flow.filter.trade_kinds = 0;
        flow.sum_of = SumOf::net_flow;
        list.push_back(flow);
        auto clients = sum;
        clients.id = ++id;
        clients.kind = MetricKind::distinct_clients;
        list.push_back(clients);
      }
    }
    return list;
  }();

  // A record is one or more versions that must arrive in their own order (a cancellation comes
  // after its trade); different records may arrive in any order.
  std::mt19937 random(20261201);
  std::vector<std::vector<TradeFact>> records;
  for (std::int64_t id = 1; id <= 400; ++id) {
    const auto at = utc("2026-09-25", 0) + std::chrono::minutes(random() % (60 * 24 * 20));
    const auto kind = static_cast<TradeKind>(random() % kTradeKinds);
    const std::int64_t product = 1 + static_cast<std::int64_t>(random() % 2);
    std::vector<Credit> credits = {{7 + id % 4, 1 + id % 4, 0}};
    if (id % 5 == 0) credits.push_back({20, 3, 0});
    auto t = trade(id, 0, at, 1000 + static_cast<std::int64_t>(random() % 100000), kind, product,
                   credits);
    std::vector<TradeFact> versions = {t};
    if (id % 7 == 0) {  // cancelled later
      t.in_effect = false;
      versions.push_back(t);
    }
    if (id % 11 == 0) {  // corrected: a new amount
      t.in_effect = true;
      t.amount_fen += 555;
      t.credits.front().amount_fen += 555;
      versions.push_back(t);
    }
    records.push_back(versions);
  }

  const auto run = [&](std::vector<std::vector<TradeFact>> order, unsigned seed) {
    std::mt19937 shuffle(seed);
    std::shuffle(order.begin(), order.end(), shuffle);
    // Interleave: repeatedly take the next version of a random record with versions left.
    MetricFold fold(metrics, zone());
    fold.set_reference(company());
    std::vector<std::size_t> next(order.size(), 0);
    std::int64_t seq = 0;
    for (std::size_t left = 0; true;) {
      std::vector<std::size_t> open;
      for (std::size_t i = 0; i < order.size(); ++i) {
        if (next[i] < order[i].size()) open.push_back(i);
      }
      if (open.empty()) break;
      const auto pick = open[shuffle() % open.size()];
      auto version = order[pick][next[pick]++];
      version.seq = ++seq;
      fold.apply(version);
      left = open.size();
      (void)left;
    }
    std::vector<std::tuple<std::int64_t, std::int64_t, int, std::int32_t, std::int64_t>> all;
    for (const auto& m : metrics) {
      for (const auto& c : fold.cells(m.id)) {
        all.emplace_back(m.id, c.subject_id, static_cast<int>(c.period.kind), c.period.index,
                         c.value);
      }
    }
    std::sort(all.begin(), all.end());
    return all;
  };

  const auto expected = run(records, 1);
  ASSERT_GT(expected.size(), 500u);  // the figures are not trivially empty

  // And they are the right figures: the company's daily subscriptions (metric 1), worked out
  // directly from each record's last version.
  std::map<std::int32_t, std::int64_t> daily;
  core::ZoneDays days(zone());
  for (const auto& versions : records) {
    const auto& last = versions.back();
    if (!last.in_effect ||
        (last.kind != TradeKind::subscribe && last.kind != TradeKind::purchase)) {
      continue;
    }
    daily[core::period_of(days.day_of(last.trade_time), PeriodKind::day).index] += last.amount_fen;
  }
  std::map<std::int32_t, std::int64_t> folded;
  for (const auto& [metric, subject, kind, index, value] : expected) {
    if (metric == 1) folded[index] = value;
  }
  EXPECT_EQ(folded, daily);
  for (unsigned seed = 2; seed <= 6; ++seed)
    EXPECT_EQ(run(records, seed), expected) << seed;
}

}  // namespace
}  // namespace laurel::engine
