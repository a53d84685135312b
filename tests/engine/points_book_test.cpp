#include "engine/points_book.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using testing::at;

core::CompanyZone shanghai() {
  return *core::CompanyZone::locate("Asia/Shanghai");
}

PointsRule visit_rule(std::int64_t points) {
  PointsRule rule;
  rule.id = 1;
  rule.event = PointsEvent::visit_logged;
  rule.points = points;
  rule.effective_from = at("2026-01-01", 0);
  return rule;
}

VisitActivity visit(std::int64_t id, core::Timestamp occurred, std::int64_t client = 100,
                    std::int64_t staff = 7) {
  VisitActivity v;
  v.id = id;
  v.occurred_at = occurred;
  v.recorded_at = occurred + std::chrono::hours(1);
  v.client_id = client;
  v.staff_ids = {staff};
  return v;
}

// Folds one record as its own event, as the feed does.
struct Book {
  PointsBook book{shanghai()};
  std::int64_t seq = 0;
  std::vector<AwardChange> changes;

  template <class F>
  void event(F&& f) {
    book.begin({++seq, at("2026-06-01", 0)});
    f(book);
    book.settle();
    for (auto& c : book.take_changes())
      changes.push_back(std::move(c));
  }
  void rule(PointsRule r) {
    event([&](PointsBook& b) { ASSERT_TRUE(b.set_rule(std::move(r))); });
  }
  void add(const VisitActivity& v) {
    event([&](PointsBook& b) { b.apply(v); });
  }
  std::int64_t paid(std::int64_t visit_id, std::int64_t staff = 7, std::int64_t rule = 1) const {
    const auto* a = book.award({rule, staff, {SourceKind::visit, visit_id}});
    return a ? a->paid : 0;
  }
  // What the ledger would hold for an award: the sum of its changes.
  std::int64_t posted(AwardKey key) const {
    std::int64_t sum = 0;
    for (const auto& c : changes) {
      if (c.award.key == key) sum += c.delta;
    }
    return sum;
  }
};

TEST(PointsBook, AVisitEarnsAndItsDeletionReversesInFull) {
  Book b;
  b.rule(visit_rule(10));
  b.add(visit(1, at("2026-03-02", 2)));
  EXPECT_EQ(b.paid(1), 10);
  ASSERT_EQ(b.changes.size(), 1u);
  EXPECT_EQ(b.changes[0].delta, 10);
  EXPECT_EQ(b.changes[0].seq, 2);
  auto gone = visit(1, at("2026-03-02", 2));
  gone.in_effect = false;
  b.add(gone);
  EXPECT_EQ(b.paid(1), 0);
  ASSERT_EQ(b.changes.size(), 2u);
  EXPECT_EQ(b.changes[1].delta, -10);
  EXPECT_EQ(b.changes[1].award.paid, 0);
  EXPECT_EQ(b.changes[1].seq, 3);
}

TEST(PointsBook, ARecordBackfilledPastTheGraceWindowEarnsNothing) {
  Book b;
  auto rule = visit_rule(10);
  rule.grace_days = 3;
  b.rule(rule);
  auto late = visit(1, at("2026-03-02", 2));
  late.recorded_at = at("2026-03-05", 3);  // 3 days and 1 hour later
  b.add(late);
  auto in_time = visit(2, at("2026-03-02", 3));
  in_time.recorded_at = at("2026-03-05", 2);  // 3 days less 1 hour
  b.add(in_time);
  EXPECT_EQ(b.paid(1), 0);
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::visit, 1}})->cut, AwardCut::late);
  EXPECT_EQ(b.paid(2), 10);
}

TEST(PointsBook, ADailyCapPaysWhatComesFirstInTheDay) {
  Book b;
  auto rule = visit_rule(10);
  rule.daily_cap = 25;
  b.rule(rule);
  // Arriving last-first: the cap still cuts the latest visit of the day.
  b.add(visit(3, at("2026-03-02", 5), 103));
  b.add(visit(2, at("2026-03-02", 4), 102));
  b.add(visit(1, at("2026-03-02", 3), 101));
  EXPECT_EQ(b.paid(1), 10);
  EXPECT_EQ(b.paid(2), 10);
  EXPECT_EQ(b.paid(3), 5);
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::visit, 3}})->cut, AwardCut::daily_cap);
  for (std::int64_t id = 1; id <= 3; ++id) {
    EXPECT_EQ(b.posted({1, 7, {SourceKind::visit, id}}), b.paid(id)) << id;
  }
  // The next day starts again (16:30 UTC is 00:30 in Shanghai).
  b.add(visit(4, at("2026-03-02", 16, 30), 104));
  EXPECT_EQ(b.paid(4), 10);
}

TEST(PointsBook, TheSameClientOnTheSameDayCountsOnce) {
  Book b;
  auto rule = visit_rule(10);
  rule.once_per_client_per_day = true;
  b.rule(rule);
  b.add(visit(1, at("2026-03-02", 3)));
  b.add(visit(2, at("2026-03-02", 6)));
  b.add(visit(3, at("2026-03-02", 7), 200));
  EXPECT_EQ(b.paid(1), 10);
  EXPECT_EQ(b.paid(2), 0);
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::visit, 2}})->cut, AwardCut::cooldown);
  EXPECT_EQ(b.paid(3), 10);
  // The first one deleted: the second now earns.
  auto gone = visit(1, at("2026-03-02", 3));
  gone.in_effect = false;
  b.add(gone);
  EXPECT_EQ(b.paid(2), 10);
  EXPECT_EQ(b.posted({1, 7, {SourceKind::visit, 2}}), 10);
}

TEST(PointsBook, AWeeklyCapSpansTheIsoWeek) {
  Book b;
  auto rule = visit_rule(10);
  rule.weekly_cap = 30;
  b.rule(rule);
  // 2026-03-02 is a Monday; four visits that week, one the Monday after.
  for (int d = 0; d < 4; ++d) {
    const std::string day = "2026-03-0" + std::to_string(2 + d);
    b.add(visit(1 + d, at(day.c_str(), 3), 100 + d));
  }
  b.add(visit(5, at("2026-03-09", 3)));
  EXPECT_EQ(b.paid(1) + b.paid(2) + b.paid(3) + b.paid(4), 30);
  EXPECT_EQ(b.paid(4), 0);
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::visit, 4}})->cut, AwardCut::weekly_cap);
  EXPECT_EQ(b.paid(5), 10);
}

TEST(PointsBook, AVisitMovedToAnotherWeekIsOneChange) {
  Book b;
  auto rule = visit_rule(10);
  rule.weekly_cap = 10;
  b.rule(rule);
  b.add(visit(1, at("2026-03-02", 3)));
  b.add(visit(2, at("2026-03-03", 3)));  // cut by the weekly cap
  EXPECT_EQ(b.paid(2), 0);
  const auto before = b.changes.size();
  b.add(visit(2, at("2026-03-10", 3)));  // edited into the next week
  ASSERT_EQ(b.changes.size(), before + 1);
  EXPECT_EQ(b.changes.back().delta, 10);
  EXPECT_EQ(b.paid(2), 10);
}

TEST(PointsBook, AFollowUpDoneByItsDateEarnsOnTheDayItWasDone) {
  Book b;
  auto rule = visit_rule(5);
  rule.id = 2;
  rule.event = PointsEvent::follow_up_done;
  b.rule(visit_rule(10));
  b.rule(rule);
  // Visited on Monday 2 March, follow-up due Friday 6 March (Shanghai days).
  auto v = visit(1, at("2026-03-02", 3));
  v.follow_up_date = date::sys_days(date::year{2026} / 3 / 6);
  b.add(v);
  EXPECT_EQ(b.paid(1, 7, 2), 0);  // not done yet
  EXPECT_EQ(b.paid(1, 7, 1), 10);
  // Done Friday 23:30 Shanghai (15:30 UTC): on its day, in time.
  v.follow_up_done_at = at("2026-03-06", 15, 30);
  b.add(v);
  const auto* done = b.book.award({2, 7, {SourceKind::visit, 1}});
  ASSERT_NE(done, nullptr);
  EXPECT_EQ(done->paid, 5);
  EXPECT_EQ(done->occurred_at, at("2026-03-06", 15, 30));
  EXPECT_EQ(done->day, date::sys_days(date::year{2026} / 3 / 6));
  EXPECT_EQ(b.paid(1, 7, 1), 10);  // the visit's own award is untouched
  EXPECT_EQ(b.posted({2, 7, {SourceKind::visit, 1}}), 5);
  // The follow-up's date moved before the day it was done: not done by its date any more.
  v.follow_up_date = date::sys_days(date::year{2026} / 3 / 5);
  b.add(v);
  EXPECT_EQ(b.paid(1, 7, 2), 0);
  EXPECT_EQ(b.posted({2, 7, {SourceKind::visit, 1}}), 0);
  // Back on time, then the visit deleted: both awards are reversed.
  v.follow_up_date = date::sys_days(date::year{2026} / 3 / 9);
  b.add(v);
  EXPECT_EQ(b.paid(1, 7, 2), 5);
  v.in_effect = false;
  b.add(v);
  EXPECT_EQ(b.posted({2, 7, {SourceKind::visit, 1}}), 0);
  EXPECT_EQ(b.posted({1, 7, {SourceKind::visit, 1}}), 0);
}

TEST(PointsBook, AFollowUpDoneAfterMidnightOfItsDayIsLate) {
  Book b;
  auto rule = visit_rule(5);
  rule.event = PointsEvent::follow_up_done;
  b.rule(rule);
  auto v = visit(1, at("2026-03-02", 3));
  v.follow_up_date = date::sys_days(date::year{2026} / 3 / 6);
  v.follow_up_done_at = at("2026-03-06", 16, 30);  // 00:30 on Saturday in Shanghai
  b.add(v);
  EXPECT_EQ(b.paid(1), 0);
  EXPECT_TRUE(b.changes.empty());
}

TEST(PointsBook, AFollowUpInTheNextWeekIsFoundThere) {
  Book b;
  auto rule = visit_rule(5);
  rule.event = PointsEvent::follow_up_done;
  b.rule(rule);
  auto v = visit(1, at("2026-03-06", 3));  // a Friday
  v.follow_up_date = date::sys_days(date::year{2026} / 3 / 10);
  v.follow_up_done_at = at("2026-03-09", 3);  // the Monday after
  b.add(v);
  EXPECT_EQ(b.paid(1), 5);
}

TEST(PointsBook, EachFirstUseOfAFunctionEarnsOnceWithTheCapsOfItsDay) {
  Book b;
  PointsRule rule;
  rule.id = 3;
  rule.event = PointsEvent::first_use;
  rule.points = 20;
  rule.daily_cap = 50;
  rule.effective_from = at("2026-01-01", 0);
  b.rule(rule);
  b.rule(visit_rule(10));
  // Three functions first used on one day by the same event and two more: of no client, so no
  // cooldown between them, but the day's cap holds.
  b.event([](PointsBook& book) {
    book.apply_first_use(7, 40, 0, at("2026-03-02", 3));
    book.apply_first_use(7, 40, 1, at("2026-03-02", 3));
  });
  b.event([](PointsBook& book) { book.apply_first_use(7, 41, 5, at("2026-03-02", 4)); });
  const auto use = [&](std::int64_t seq, std::uint8_t function) {
    const auto* a = b.book.award({3, 7, {SourceKind::first_use, first_use_source(seq, function)}});
    return a ? a->paid : -1;
  };
  EXPECT_EQ(use(40, 0), 20);
  EXPECT_EQ(use(40, 1), 20);
  EXPECT_EQ(use(41, 5), 10);
  EXPECT_EQ(b.book.award({3, 7, {SourceKind::first_use, first_use_source(41, 5)}})->cut,
            AwardCut::daily_cap);
  EXPECT_EQ(first_use_seq(first_use_source(41, 5)), 41);
  // A visit rule pays nothing for a first use, and the first-use rule nothing for a visit.
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::first_use, first_use_source(40, 0)}}), nullptr);
  b.add(visit(9, at("2026-03-02", 5)));
  EXPECT_EQ(b.paid(9, 7, 1), 10);
  EXPECT_EQ(b.paid(9, 7, 3), 0);
}

TEST(PointsBook, ADecisionMakerNamedAfterTheVisitStillCounts) {
  Book b;
  auto rule = visit_rule(30);
  rule.event = PointsEvent::decision_maker_reached;
  b.rule(rule);
  auto v = visit(1, at("2026-03-02", 3));
  v.attendee_ids = {55};
  b.add(v);
  EXPECT_EQ(b.paid(1), 0);
  b.event([](PointsBook& book) { book.set_decision_maker(55, true); });
  EXPECT_EQ(b.paid(1), 30);
  b.event([](PointsBook& book) { book.set_decision_maker(55, false); });
  EXPECT_EQ(b.paid(1), 0);
  EXPECT_EQ(b.posted({1, 7, {SourceKind::visit, 1}}), 0);
}

TEST(PointsBook, VisitKindsFilterWhatEarns) {
  Book b;
  auto rule = visit_rule(5);
  rule.visit_kinds = 1u << 1;  // calls only
  b.rule(rule);
  auto call = visit(1, at("2026-03-02", 3));
  call.kind = 1;
  b.add(call);
  b.add(visit(2, at("2026-03-02", 4)));  // a visit (kind 0)
  EXPECT_EQ(b.paid(1), 5);
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::visit, 2}}), nullptr);
}

TEST(PointsBook, ANewVersionAppliesFromItsEffectiveFromOnly) {
  Book b;
  b.rule(visit_rule(10));
  b.add(visit(1, at("2026-03-02", 3)));
  auto next = visit_rule(20);
  next.version = 2;
  next.effective_from = at("2026-03-10", 0);
  b.rule(next);
  b.add(visit(2, at("2026-03-11", 3)));
  EXPECT_EQ(b.paid(1), 10);
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::visit, 1}})->version, 1);
  EXPECT_EQ(b.paid(2), 20);
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::visit, 2}})->version, 2);
  auto skipped = visit_rule(1);
  skipped.version = 4;
  EXPECT_FALSE(b.book.set_rule(skipped));
}

TEST(PointsBook, ADisabledVersionAndTheValidityWindowEarnNothing) {
  Book b;
  auto rule = visit_rule(10);
  rule.valid_until = at("2026-03-03", 0);
  b.rule(rule);
  b.add(visit(1, at("2026-03-02", 3)));
  b.add(visit(2, at("2026-03-03", 3)));
  b.add(visit(3, at("2025-12-31", 3)));  // before effective_from
  EXPECT_EQ(b.paid(1), 10);
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::visit, 2}}), nullptr);
  EXPECT_EQ(b.book.award({1, 7, {SourceKind::visit, 3}}), nullptr);
  auto off = rule;
  off.version = 2;
  off.enabled = false;
  off.effective_from = at("2026-03-01", 0);  // dated back on purpose: re-prices visit 1
  b.rule(off);
  EXPECT_EQ(b.paid(1), 0);
  EXPECT_EQ(b.posted({1, 7, {SourceKind::visit, 1}}), 0);
}

TEST(PointsBook, TheCurveRunsStraightBetweenItsPointsAndIsCapped) {
  PointsRule rule;
  rule.event = PointsEvent::subscription;
  rule.curve = {{100'000'000, 10}, {1'000'000'000, 40}};  // 100万 → 10, 1000万 → 40
  EXPECT_EQ(curve_points(rule, 0), 0);
  EXPECT_EQ(curve_points(rule, 50'000'000), 5);
  EXPECT_EQ(curve_points(rule, 100'000'000), 10);
  EXPECT_EQ(curve_points(rule, 550'000'000), 25);
  EXPECT_EQ(curve_points(rule, 1'900'000'000), 70);  // along the last segment
  rule.max_points = 50;
  EXPECT_EQ(curve_points(rule, 1'900'000'000), 50);
  rule.curve.clear();
  rule.points = 3;  // no curve: a flat award per subscription
  EXPECT_EQ(curve_points(rule, 1), 3);
}

TradeFact subscription(std::int64_t id, std::int64_t amount, std::vector<Credit> credits) {
  TradeFact t;
  t.id = id;
  t.seq = id;
  t.trade_time = at("2026-03-02", 2);
  t.client_id = 100;
  t.product_id = 1;
  t.kind = TradeKind::subscribe;
  t.amount_fen = amount;
  t.credits = std::move(credits);
  return t;
}

TEST(PointsBook, ASubscriptionIsSharedAsItIsCreditedAndItsCancellationClawsBack) {
  Book b;
  PointsRule rule;
  rule.id = 2;
  rule.event = PointsEvent::subscription;
  rule.curve = {{1'000'000'000, 100}};
  rule.effective_from = at("2026-01-01", 0);
  b.rule(rule);
  auto trade = subscription(9, 1'000'000'000, {{7, 1, 600'000'000}, {8, 1, 400'000'000}});
  b.event([&](PointsBook& book) { book.apply(trade, at("2026-03-02", 3)); });
  const AwardKey li{2, 7, {SourceKind::trade, 9}}, wang{2, 8, {SourceKind::trade, 9}};
  EXPECT_EQ(b.book.award(li)->paid, 60);
  EXPECT_EQ(b.book.award(wang)->paid, 40);
  trade.in_effect = false;
  b.event([&](PointsBook& book) { book.apply(trade, at("2026-03-02", 3)); });
  EXPECT_EQ(b.book.award(li), nullptr);
  EXPECT_EQ(b.posted(li), 0);
  EXPECT_EQ(b.posted(wang), 0);
  EXPECT_EQ(b.changes.back().delta, -40);
}

TEST(PointsBook, TheSameRecordsInAnyOrderGiveTheSameAwards) {
  std::vector<VisitActivity> visits;
  for (int i = 0; i < 40; ++i) {
    auto v = visit(i + 1, at("2026-03-02", 1) + std::chrono::hours(7 * i), 100 + i % 3, 7 + i % 2);
    if (i % 5 == 0) v.recorded_at = v.occurred_at + date::days(5);  // backfilled
    visits.push_back(v);
  }
  std::map<AwardKey, std::int64_t> first;
  std::mt19937 random(42);
  for (int round = 0; round < 5; ++round) {
    Book b;
    auto rule = visit_rule(10);
    rule.daily_cap = 20;
    rule.weekly_cap = 70;
    rule.once_per_client_per_day = true;
    b.rule(rule);
    std::shuffle(visits.begin(), visits.end(), random);
    for (const auto& v : visits)
      b.add(v);
    std::map<AwardKey, std::int64_t> paid;
    b.book.for_each_award([&](const Award& award) {
      paid[award.key] = award.paid;
      EXPECT_EQ(b.posted(award.key), award.paid);
    });
    if (round == 0) {
      first = paid;
    } else {
      EXPECT_EQ(paid, first) << "round " << round;
    }
  }
  EXPECT_FALSE(first.empty());
}

// Edits that move visits about in time, change their client or delete them, in a random order:
// the book worked out change by change ends as one that saw only the final versions, and the
// changes it gave add up, award by award, to what it pays.
TEST(PointsBook, EditsInAnyOrderEndAsTheFinalRecordsAlone) {
  std::mt19937 random(7);
  auto rule = visit_rule(10);
  rule.daily_cap = 25;
  rule.weekly_cap = 60;
  rule.once_per_client_per_day = true;
  for (int round = 0; round < 20; ++round) {
    Book live;
    live.rule(rule);
    std::map<std::int64_t, VisitActivity> last;
    for (int step = 0; step < 120; ++step) {
      const auto id = static_cast<std::int64_t>(random() % 25 + 1);
      auto v =
          visit(id, at("2026-03-02", 0) + std::chrono::hours(random() % (24 * 21)),
                100 + static_cast<std::int64_t>(random() % 4), 7 + static_cast<int>(random() % 2));
      if (random() % 6 == 0) v.recorded_at = v.occurred_at + date::days(4);
      if (random() % 5 == 0) v.in_effect = false;
      live.add(v);
      last[id] = v;
    }
    Book fresh;
    fresh.rule(rule);
    for (const auto& [id, v] : last)
      fresh.add(v);
    std::map<AwardKey, std::int64_t> a, b;
    live.book.for_each_award([&](const Award& award) {
      a[award.key] = award.paid;
      EXPECT_EQ(live.posted(award.key), award.paid);
    });
    fresh.book.for_each_award([&](const Award& award) { b[award.key] = award.paid; });
    ASSERT_EQ(a, b) << "round " << round;
    for (const auto& c : live.changes) {
      if (!live.book.award(c.award.key)) {
        EXPECT_EQ(live.posted(c.award.key), 0);
      }
    }
  }
}

TEST(PointsBook, APreviewComparesADraftWithTheCurrentRuleWithoutChangingIt) {
  Book b;
  b.rule(visit_rule(10));
  b.add(visit(1, at("2026-03-02", 3)));
  b.add(visit(2, at("2026-03-02", 4), 101, 8));
  b.add(visit(3, at("2026-04-02", 4), 101, 8));  // outside the window
  auto draft = visit_rule(15);
  draft.daily_cap = 12;
  const auto rows = b.book.preview(draft, at("2026-03-01", 0), at("2026-04-01", 0));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].points, 12);
  EXPECT_EQ(rows[0].current, 10);
  EXPECT_EQ(rows[0].awards, 1);
  EXPECT_EQ(b.paid(1), 10);  // untouched
  EXPECT_EQ(b.book.take_changes().size(), 0u);
}

}  // namespace
}  // namespace laurel::engine
