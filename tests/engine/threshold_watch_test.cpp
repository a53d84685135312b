#include "engine/threshold_watch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace laurel::engine {
namespace {

using core::Period;
using core::PeriodKind;
using std::chrono::hours;

core::Timestamp utc(const char* day, int hour, int minute = 0) {
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      date::sys_days(*core::parse_date(day)) + hours(hour) + std::chrono::minutes(minute));
}

Period period(const char* text) {
  return *core::parse_period(text);
}

MetricDefinition daily_subscriptions(std::int64_t id, SubjectKind subject = SubjectKind::company,
                                     PeriodKind kind = PeriodKind::day) {
  MetricDefinition m;
  m.id = id;
  m.kind = MetricKind::sum;
  m.filter.trade_kinds = MetricFilter::kinds({TradeKind::subscribe, TradeKind::purchase});
  m.subject = subject;
  m.period = kind;
  return m;
}

TradeFact trade(std::int64_t id, std::int64_t seq, core::Timestamp at, std::int64_t fen,
                TradeKind kind = TradeKind::purchase, std::int64_t staff = 7) {
  return TradeFact{id, seq, at, 100 + id % 5, 1, kind, fen, true, {{staff, 3, fen}}, {}};
}

// The fold and the watch, fed the way crm::EngineFeed feeds them: each event bracketed by
// begin/settle, stamped with its seq and recorded_at.
struct Engine {
  explicit Engine(std::vector<MetricDefinition> metrics)
      : fold(std::move(metrics), *core::CompanyZone::locate("Asia/Shanghai")), watch(fold) {}

  void post(TradeFact t, core::Timestamp recorded_at) {
    watch.begin({t.seq, recorded_at});
    fold.apply(t);
    watch.settle();
  }
  bool rule(ThresholdRule r, std::int64_t seq, core::Timestamp recorded_at) {
    watch.begin({seq, recorded_at});
    const bool added = watch.add_rule(std::move(r));
    watch.settle();
    return added;
  }
  const ThresholdFact* fact(std::int64_t rule, std::int64_t subject, const char* p,
                            std::int64_t threshold) const {
    const auto it = watch.facts().find(FactKey{rule, subject, period(p), threshold});
    return it == watch.facts().end() ? nullptr : &it->second;
  }

  MetricFold fold;
  ThresholdWatch watch;
};

ThresholdRule reaches(std::int64_t id, std::int64_t metric, std::vector<std::int64_t> thresholds,
                      core::Timestamp effective_from = {}) {
  return ThresholdRule{id, metric, std::move(thresholds), {}, effective_from, hours(72), {}};
}

TEST(ThresholdWatch, OneTradeCrossingTwoThresholdsMakesTwoFacts) {
  Engine e({daily_subscriptions(1)});
  ASSERT_TRUE(e.rule(reaches(10, 1, {1000'00, 500'00, 3000'00}), 1, utc("2026-11-01", 0)));
  e.post(trade(1, 2, utc("2026-12-01", 2), 400'00), utc("2026-12-01", 2));
  EXPECT_TRUE(e.watch.facts().empty());
  e.post(trade(2, 3, utc("2026-12-01", 3), 700'00), utc("2026-12-01", 3));
  ASSERT_EQ(e.watch.facts().size(), 2u);
  for (const auto threshold : {500'00, 1000'00}) {
    const auto* f = e.fact(10, 0, "2026-12-01", threshold);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(f->holds);
    EXPECT_EQ(f->became_true, (Moment{utc("2026-12-01", 3), 2}));
    EXPECT_EQ(f->detected_seq, 3);
    EXPECT_FALSE(f->late);
    EXPECT_FALSE(f->silent);
  }
  EXPECT_EQ(e.fact(10, 0, "2026-12-01", 3000'00), nullptr);
  EXPECT_EQ(e.watch.take_changes().size(), 2u);
  EXPECT_TRUE(e.watch.take_changes().empty());
}

TEST(ThresholdWatch, TheSameTradePostedTwiceIsGoodNewsOnce) {
  Engine e({daily_subscriptions(1)});
  e.rule(reaches(10, 1, {500'00}), 1, utc("2026-11-01", 0));
  const auto t = trade(1, 2, utc("2026-12-01", 2), 600'00);
  e.post(t, utc("2026-12-01", 2));
  e.post(t, utc("2026-12-01", 4));  // the same version again: ignored
  ASSERT_EQ(e.watch.facts().size(), 1u);
  EXPECT_EQ(e.fact(10, 0, "2026-12-01", 500'00)->detected_seq, 2);
}

TEST(ThresholdWatch, AVersionThatContributesTheSameChangesNothing) {
  Engine e({daily_subscriptions(1)});
  e.rule(reaches(10, 1, {500'00}), 1, utc("2026-11-01", 0));
  e.post(trade(1, 2, utc("2026-12-01", 1), 300'00), utc("2026-12-01", 1));
  auto t = trade(2, 3, utc("2026-12-01", 2), 300'00);
  e.post(t, utc("2026-12-01", 2));
  e.watch.take_changes();
  t.seq = 4;  // confirmed: the same time, amount and client
  e.post(t, utc("2026-12-02", 9));
  EXPECT_TRUE(e.watch.take_changes().empty());
  EXPECT_EQ(e.fact(10, 0, "2026-12-01", 500'00)->changed_seq, 3);
  // A later trade of the same day still finds the cell as it was.
  e.post(trade(3, 5, utc("2026-12-01", 3), 1'00), utc("2026-12-01", 3));
  EXPECT_EQ(e.fact(10, 0, "2026-12-01", 500'00)->became_true.record_id, 2);
}

TEST(ThresholdWatch, LateWhenDetectedMoreThanTheGraceWindowAfterItBecameTrue) {
  Engine e({daily_subscriptions(1)});
  e.rule(reaches(10, 1, {500'00}), 1, utc("2026-11-01", 0));
  e.post(trade(1, 2, utc("2026-11-20", 2), 600'00), utc("2026-11-23", 2));  // exactly 3 days
  e.post(trade(2, 3, utc("2026-11-21", 2), 600'00), utc("2026-11-24", 3));  // 3 days and an hour
  EXPECT_FALSE(e.fact(10, 0, "2026-11-20", 500'00)->late);
  EXPECT_TRUE(e.fact(10, 0, "2026-11-21", 500'00)->late);
  auto patient = reaches(11, 1, {500'00});
  patient.grace = hours(24 * 7);  // a rule's own window
  e.rule(patient, 4, utc("2026-11-24", 4));
  EXPECT_FALSE(e.fact(11, 0, "2026-11-21", 500'00)->late);
}

TEST(ThresholdWatch, ACancellationMakesItNoLongerHoldAndANewRecordMakesItHoldAgain) {
  Engine e({daily_subscriptions(1)});
  e.rule(reaches(10, 1, {500'00}), 1, utc("2026-11-01", 0));
  auto t = trade(1, 2, utc("2026-12-01", 2), 600'00);
  e.post(t, utc("2026-12-01", 2));
  e.watch.take_changes();
  t.seq = 3;
  t.in_effect = false;  // cancelled
  e.post(t, utc("2026-12-01", 5));
  const auto* f = e.fact(10, 0, "2026-12-01", 500'00);
  EXPECT_FALSE(f->holds);
  EXPECT_EQ(f->no_longer_holds_at, utc("2026-12-01", 5));
  EXPECT_EQ(f->changed_seq, 3);
  EXPECT_EQ(f->detected_seq, 2);  // detection stays what it was
  ASSERT_EQ(e.watch.take_changes().size(), 1u);

  e.post(trade(2, 4, utc("2026-12-01", 7), 800'00), utc("2026-12-01", 7));
  EXPECT_TRUE(f->holds);
  EXPECT_EQ(f->became_true, (Moment{utc("2026-12-01", 7), 2}));
  EXPECT_FALSE(f->no_longer_holds_at);
}

TEST(ThresholdWatch, ALateRecordEarlierInTheDayMovesTheCrossingToIt) {
  Engine e({daily_subscriptions(1)});
  e.rule(reaches(10, 1, {1000'00}), 1, utc("2026-11-01", 0));
  e.post(trade(1, 2, utc("2026-12-01", 1), 600'00), utc("2026-12-01", 1));
  e.post(trade(2, 3, utc("2026-12-01", 6), 600'00), utc("2026-12-01", 6));
  EXPECT_EQ(e.fact(10, 0, "2026-12-01", 1000'00)->became_true.record_id, 2);
  // A trade at 03:00, recorded after the 06:00 one: 600 + 500 passes 1000 at 03:00 now.
  e.post(trade(3, 4, utc("2026-12-01", 3), 500'00), utc("2026-12-01", 8));
  const auto* f = e.fact(10, 0, "2026-12-01", 1000'00);
  EXPECT_EQ(f->became_true, (Moment{utc("2026-12-01", 3), 3}));
  EXPECT_EQ(f->detected_seq, 3);
  EXPECT_EQ(f->changed_seq, 4);
}

TEST(ThresholdWatch, ANetFlowThatReachedTheThresholdStaysGoodNewsWhenItFallsBackLater) {
  auto flow = daily_subscriptions(1, SubjectKind::department, PeriodKind::week);
  flow.filter.trade_kinds = 0;
  flow.sum_of = SumOf::net_flow;
  Engine e({flow});
  e.fold.set_reference(Reference{{}, {{3, 0}}, {}});
  e.rule(reaches(10, 1, {5000'00}), 1, utc("2026-11-01", 0));
  e.post(trade(1, 2, utc("2026-12-02", 2), 6000'00), utc("2026-12-02", 2));  // Wednesday
  e.post(trade(2, 3, utc("2026-12-04", 2), 3000'00, TradeKind::redeem), utc("2026-12-04", 2));
  EXPECT_TRUE(e.fact(10, 3, "2026-W49", 5000'00)->holds);
  // A redemption on Monday, logged late: the running figure never got to 5000 that week.
  e.post(trade(3, 4, utc("2026-11-30", 2), 2000'00, TradeKind::redeem), utc("2026-12-04", 3));
  const auto* f = e.fact(10, 3, "2026-W49", 5000'00);
  EXPECT_FALSE(f->holds);
  EXPECT_EQ(f->no_longer_holds_at, utc("2026-12-04", 3));
}

TEST(ThresholdWatch, HistoryBeforeEffectiveFromIsRecordedAsPassedSilently) {
  Engine e({daily_subscriptions(1)});
  e.post(trade(1, 1, utc("2026-11-02", 2), 900'00), utc("2026-11-02", 2));
  e.post(trade(2, 2, utc("2026-12-01", 1), 900'00), utc("2026-12-01", 1));
  // The rule goes live on 1 December at 08:00 (Shanghai midnight is 16:00 UTC the day before).
  ASSERT_TRUE(e.rule(reaches(10, 1, {500'00}, utc("2026-11-30", 16)), 3, utc("2026-12-01", 8)));
  const auto* november = e.fact(10, 0, "2026-11-02", 500'00);
  ASSERT_NE(november, nullptr);
  EXPECT_TRUE(november->silent);
  EXPECT_EQ(november->detected_seq, 3);
  const auto* today = e.fact(10, 0, "2026-12-01", 500'00);
  EXPECT_FALSE(today->silent);
  EXPECT_FALSE(today->late);
  EXPECT_EQ(today->detected_at, utc("2026-12-01", 8));
}

TEST(ThresholdWatch, ARuleOnOneSubjectWatchesOnlyIt) {
  Engine e({daily_subscriptions(1, SubjectKind::staff)});
  auto rule = reaches(10, 1, {500'00});
  rule.subject_ids = {8};
  e.rule(rule, 1, utc("2026-11-01", 0));
  e.post(trade(1, 2, utc("2026-12-01", 2), 600'00, TradeKind::purchase, 7), utc("2026-12-01", 2));
  e.post(trade(2, 3, utc("2026-12-01", 2), 600'00, TradeKind::purchase, 8), utc("2026-12-01", 2));
  ASSERT_EQ(e.watch.facts().size(), 1u);
  EXPECT_NE(e.fact(10, 8, "2026-12-01", 500'00), nullptr);
}

TEST(ThresholdWatch, DistinctClientsReachAThresholdOnTheirNthClient) {
  MetricDefinition visited;
  visited.id = 1;
  visited.kind = MetricKind::distinct_clients;
  visited.source = MetricSource::visits;
  visited.subject = SubjectKind::staff;
  visited.period = PeriodKind::month;
  Engine e({visited});
  e.rule(reaches(10, 1, {3}), 1, utc("2026-11-01", 0));
  auto visit = [&](std::int64_t id, std::int64_t client, int day) {
    const auto at = utc("2026-12-01", 2) + hours(24 * day);
    e.watch.begin({id + 1, at});
    e.fold.apply(VisitFact{id, id + 1, at, client, false, true, {{7, 3}}});
    e.watch.settle();
  };
  visit(1, 100, 0);
  visit(2, 100, 1);
  visit(3, 101, 2);
  EXPECT_TRUE(e.watch.facts().empty());
  visit(4, 102, 3);
  EXPECT_EQ(e.fact(10, 7, "2026-12", 3)->became_true.record_id, 4);
}

TEST(ThresholdWatch, UnknownMetricsAndRepeatedRulesAreRefused) {
  Engine e({daily_subscriptions(1)});
  EXPECT_FALSE(e.rule(reaches(10, 2, {1}), 1, utc("2026-11-01", 0)));
  EXPECT_TRUE(e.rule(reaches(10, 1, {1}), 2, utc("2026-11-01", 0)));
  EXPECT_FALSE(e.rule(reaches(10, 1, {5}), 3, utc("2026-11-01", 0)));
}

// The time rules' promise: the same records in any arrival order give the same set of good news
// that holds, crossing at the same records — whatever the order, corrections and cancellations
// included. Every fifth trade is later cancelled, every seventh corrected to another amount/day.
TEST(ThresholdWatch, ShuffledArrivalGivesTheSameGoodNewsThatHolds) {
  auto flow = daily_subscriptions(2, SubjectKind::staff, PeriodKind::week);
  flow.filter.trade_kinds = 0;
  flow.sum_of = SumOf::net_flow;
  const std::vector<MetricDefinition> metrics{daily_subscriptions(1), flow};

  std::mt19937 random(20261201);
  std::vector<TradeFact> versions;
  for (std::int64_t id = 1; id <= 120; ++id) {
    const auto at = utc("2026-11-23", 0) + std::chrono::minutes(random() % (14 * 24 * 60));
    const auto kind = random() % 4 == 0 ? TradeKind::redeem : TradeKind::purchase;
    auto t = trade(id, 0, at, (1 + random() % 50) * 100'00, kind, 7 + id % 3);
    versions.push_back(t);
    if (id % 5 == 0) {
      t.in_effect = false;
      versions.push_back(t);
    } else if (id % 7 == 0) {
      t.amount_fen = (1 + random() % 50) * 100'00;
      t.credits[0].amount_fen = t.amount_fen;
      t.trade_time += hours(30);
      versions.push_back(t);
    }
  }
  std::map<std::int64_t, std::vector<TradeFact>> by_id;
  std::vector<std::int64_t> slots;  // a record's id once per version
  for (const auto& v : versions) {
    by_id[v.id].push_back(v);
    slots.push_back(v.id);
  }
  auto holding = [&](std::vector<std::int64_t> order) {
    // Records arrive in any order; each record's own versions still in theirs (a correction
    // is logged after what it corrects).
    std::map<std::int64_t, std::size_t> next;
    std::vector<TradeFact> arrival;
    for (const auto id : order)
      arrival.push_back(by_id[id][next[id]++]);
    Engine e(metrics);
    e.rule(reaches(10, 1, {1000'00, 3000'00, 8000'00}), 1, utc("2026-11-01", 0));
    e.rule(reaches(11, 2, {2000'00, 6000'00}), 2, utc("2026-11-01", 0));
    std::int64_t seq = 3;
    for (auto t : arrival) {
      t.seq = seq++;
      e.post(t, utc("2026-12-10", 0));
    }
    std::map<FactKey, Moment> out;
    for (const auto& [key, fact] : e.watch.facts()) {
      if (fact.holds) out[key] = fact.became_true;
    }
    return out;
  };
  const auto expected = holding(slots);
  EXPECT_GT(expected.size(), 10u);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(slots.begin(), slots.end(), random);
    EXPECT_EQ(holding(slots), expected) << "round " << round;
  }

  // And the same as a rule defined after every record arrived (judged in one pass).
  Engine late(metrics);
  std::int64_t seq = 1;
  for (auto t : versions) {
    t.seq = seq++;
    late.post(t, utc("2026-12-10", 0));
  }
  late.rule(reaches(10, 1, {1000'00, 3000'00, 8000'00}), seq++, utc("2026-12-10", 0));
  late.rule(reaches(11, 2, {2000'00, 6000'00}), seq++, utc("2026-12-10", 0));
  std::map<FactKey, Moment> at_once;
  for (const auto& [key, fact] : late.watch.facts()) {
    if (fact.holds) at_once[key] = fact.became_true;
  }
  EXPECT_EQ(at_once, expected);
}

}  // namespace
}  // namespace laurel::engine
