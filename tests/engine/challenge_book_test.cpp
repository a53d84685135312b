#include "engine/challenge_book.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using core::Period;
using std::chrono::hours;
using testing::at;

// Key-person visits per person and ISO week: what "5 key-person visits this week" counts.
MetricDefinition weekly_visits() {
  MetricDefinition m;
  m.id = 1;
  m.kind = MetricKind::count;
  m.source = MetricSource::visits;
  m.subject = SubjectKind::staff;
  m.period = core::PeriodKind::week;
  return m;
}

// 2026-W49: Monday 2026-11-30 to Sunday 2026-12-06; in Shanghai it ends at 2026-12-06 16:00 UTC.
const Period kWeek = *core::parse_period("2026-W49");
const core::Timestamp kWeekEnds = at("2026-12-06", 16);

ChallengeDefinition goal(std::int64_t id, std::vector<std::int64_t> people, std::int64_t target) {
  ChallengeDefinition c;
  c.id = id;
  c.metric_id = 1;
  c.period = kWeek;
  c.subject_ids = std::move(people);
  c.goal = target;
  c.ends_at = kWeekEnds;
  c.grace = hours(72);
  return c;
}

VisitFact visit(std::int64_t id, core::Timestamp occurred, std::int64_t staff) {
  VisitFact v;
  v.id = id;
  v.seq = id;
  v.occurred_at = occurred;
  v.client_id = 100 + id;
  v.staff = {{staff, 3}};
  return v;
}

// The fold and the book, fed as crm::EngineFeed feeds them: one event each, stamped.
struct Engine {
  Engine() : fold({weekly_visits()}, *core::CompanyZone::locate("Asia/Shanghai")), book(fold) {}
  template <class F>
  void event(core::Timestamp recorded_at, F&& f) {
    book.begin({++seq, recorded_at});
    f();
    book.settle();
  }
  void log(VisitFact v, core::Timestamp recorded_at) {
    event(recorded_at, [&] { fold.apply(v); });
  }
  void remove(VisitFact v, core::Timestamp recorded_at) {
    v.in_effect = false;
    v.seq = 1000 + v.id;
    log(v, recorded_at);
  }
  bool add(ChallengeDefinition c, core::Timestamp recorded_at = at("2026-11-30", 0)) {
    bool added = false;
    event(recorded_at, [&] { added = book.add(c); });
    return added;
  }
  ChallengeStanding standing(std::int64_t id, core::Timestamp now) const {
    return *book.standing(id, now);
  }

  MetricFold fold;
  ChallengeBook book;
  std::int64_t seq = 0;
};

TEST(ChallengeBook, AGoalIsCompletedAtTheVisitThatReachesIt) {
  Engine e;
  ASSERT_TRUE(e.add(goal(10, {7, 8}, 3)));
  for (int i = 1; i <= 3; ++i) {
    e.log(visit(i, at("2026-12-01", i), 7), at("2026-12-01", i + 1));
  }
  e.log(visit(4, at("2026-12-02", 1), 8), at("2026-12-02", 2));
  const auto s = e.standing(10, at("2026-12-03", 0));
  EXPECT_FALSE(s.settled);
  ASSERT_EQ(s.participants.size(), 2u);
  EXPECT_EQ(s.participants[0].figure, 3);
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::completed);
  EXPECT_EQ(s.participants[0].reached, (Moment{at("2026-12-01", 3), 3}));
  EXPECT_EQ(s.participants[1].figure, 1);
  EXPECT_EQ(s.participants[1].outcome, ChallengeOutcome::in_progress);
  // After the window, who did not get there failed; the grace still lets Sunday's visit in.
  EXPECT_EQ(e.standing(10, kWeekEnds).participants[1].outcome, ChallengeOutcome::failed);
  EXPECT_FALSE(e.standing(10, kWeekEnds).settled);
}

TEST(ChallengeBook, OnlyTheWindowsPeriodCounts) {
  Engine e;
  ASSERT_TRUE(e.add(goal(10, {7}, 2)));
  e.log(visit(1, at("2026-11-29", 10), 7), at("2026-11-29", 11));  // the week before
  e.log(visit(2, at("2026-12-07", 1), 7), at("2026-12-07", 2));    // the week after (Shanghai)
  e.log(visit(3, at("2026-12-01", 1), 7), at("2026-12-01", 2));
  const auto s = e.standing(10, at("2026-12-08", 0));
  EXPECT_EQ(s.participants[0].figure, 1);
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::failed);
}

TEST(ChallengeBook, ARecordWithinTheGraceCountsOneAfterItDoesNot) {
  Engine e;
  ASSERT_TRUE(e.add(goal(10, {7, 8}, 1)));
  // Sunday's visit logged on Tuesday: within the three days' grace.
  e.log(visit(1, at("2026-12-06", 10), 7), at("2026-12-08", 9));
  // A visit of the same week logged after the grace: the figure moves, the result does not.
  e.log(visit(2, at("2026-12-05", 10), 8), at("2026-12-10", 9));
  const auto s = e.standing(10, at("2026-12-11", 0));
  EXPECT_TRUE(s.settled);
  EXPECT_EQ(s.settled_seq, 3);  // frozen by the first event after it settled
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::completed);
  EXPECT_EQ(s.participants[1].outcome, ChallengeOutcome::failed);
  EXPECT_EQ(s.participants[1].figure, 0);   // as it stood when the challenge settled
  EXPECT_EQ(e.fold.value(1, 8, kWeek), 1);  // the metric has no cut-off
}

TEST(ChallengeBook, ACancelledVisitTakesACompletionBackUntilTheChallengeSettles) {
  Engine e;
  ASSERT_TRUE(e.add(goal(10, {7}, 2)));
  e.log(visit(1, at("2026-12-01", 1), 7), at("2026-12-01", 2));
  e.log(visit(2, at("2026-12-02", 1), 7), at("2026-12-02", 2));
  EXPECT_EQ(e.standing(10, at("2026-12-03", 0)).participants[0].outcome,
            ChallengeOutcome::completed);
  e.remove(visit(2, at("2026-12-02", 1), 7), at("2026-12-03", 1));
  EXPECT_EQ(e.standing(10, at("2026-12-03", 2)).participants[0].outcome,
            ChallengeOutcome::in_progress);
  e.log(visit(3, at("2026-12-04", 1), 7), at("2026-12-04", 2));
  const auto again = e.standing(10, at("2026-12-04", 3)).participants[0];
  EXPECT_EQ(again.outcome, ChallengeOutcome::completed);
  EXPECT_EQ(again.reached, (Moment{at("2026-12-04", 1), 3}));
  // Settled: a deletion afterwards leaves the result as it was.
  e.remove(visit(3, at("2026-12-04", 1), 7), at("2026-12-20", 0));
  EXPECT_EQ(e.standing(10, at("2026-12-21", 0)).participants[0].outcome,
            ChallengeOutcome::completed);
  EXPECT_EQ(e.fold.value(1, 7, kWeek), 1);
}

TEST(ChallengeBook, AHeadToHeadGoesToTheFirstToTheGoal) {
  Engine e;
  auto duel = goal(10, {7, 8}, 2);
  duel.head_to_head = true;
  ASSERT_TRUE(e.add(duel));
  e.log(visit(1, at("2026-12-01", 1), 8), at("2026-12-01", 2));
  e.log(visit(2, at("2026-12-01", 3), 7), at("2026-12-01", 4));
  auto s = e.standing(10, at("2026-12-01", 5));
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::in_progress);
  EXPECT_FALSE(s.participants[0].leading);
  EXPECT_FALSE(s.participants[1].leading);  // level
  e.log(visit(3, at("2026-12-02", 6), 8), at("2026-12-02", 7));
  // 7's second visit happened earlier but is logged later: 7 was there first.
  e.log(visit(4, at("2026-12-02", 1), 7), at("2026-12-02", 8));
  s = e.standing(10, at("2026-12-02", 9));
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::won);
  EXPECT_TRUE(s.participants[0].leading);
  EXPECT_EQ(s.participants[1].outcome, ChallengeOutcome::lost);
}

TEST(ChallengeBook, WithoutAGoalTheHigherFigureWinsWhenTheWindowEnds) {
  Engine e;
  auto duel = goal(10, {7, 8}, 1);
  duel.goal.reset();
  duel.head_to_head = true;
  ASSERT_TRUE(e.add(duel));
  e.log(visit(1, at("2026-12-01", 1), 8), at("2026-12-01", 2));
  auto s = e.standing(10, at("2026-12-01", 3));
  EXPECT_EQ(s.participants[1].outcome, ChallengeOutcome::in_progress);
  EXPECT_TRUE(s.participants[1].leading);
  s = e.standing(10, kWeekEnds);
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::lost);
  EXPECT_EQ(s.participants[1].outcome, ChallengeOutcome::won);
  e.log(visit(2, at("2026-12-02", 1), 7), at("2026-12-02", 2));
  s = e.standing(10, kWeekEnds);
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::drawn);
  EXPECT_EQ(s.participants[1].outcome, ChallengeOutcome::drawn);
}

TEST(ChallengeBook, RefusesWhatCannotBeJudged) {
  Engine e;
  auto unknown = goal(10, {7}, 2);
  unknown.metric_id = 99;
  EXPECT_FALSE(e.add(unknown));
  auto three = goal(11, {7, 8, 9}, 2);
  three.head_to_head = true;
  EXPECT_FALSE(e.add(three));
  EXPECT_FALSE(e.add(goal(12, {}, 2)));
  EXPECT_FALSE(e.add(goal(13, {7}, 0)));
  ASSERT_TRUE(e.add(goal(14, {7}, 2)));
  EXPECT_FALSE(e.add(goal(14, {8}, 2)));  // an id is defined once
  EXPECT_FALSE(e.book.has(10));
}

TEST(ChallengeBook, CallingOffKeepsWhoCompletedItAndFreezesTheRest) {
  Engine e;
  auto c = goal(10, {7, 8}, 1);
  c.people = true;
  c.reward_points = 50;
  ASSERT_TRUE(e.add(c));
  e.log(visit(1, at("2026-12-01", 1), 7), at("2026-12-01", 2));
  e.event(at("2026-12-02", 0), [&] { e.book.cancel(10); });
  // Neither 8's visit afterwards, nor the deletion of 7's, moves it.
  e.log(visit(2, at("2026-12-02", 1), 8), at("2026-12-02", 2));
  e.remove(visit(1, at("2026-12-01", 1), 7), at("2026-12-02", 3));
  const auto s = e.standing(10, at("2026-12-20", 0));
  EXPECT_FALSE(s.settled);
  EXPECT_EQ(s.settled_seq, 3);
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::completed);
  EXPECT_EQ(s.participants[1].outcome, ChallengeOutcome::cancelled);
  const auto rewards = e.book.take_rewards();
  ASSERT_EQ(rewards.size(), 1u);
  EXPECT_EQ(rewards[0].staff_id, 7);
  EXPECT_EQ(rewards[0].delta, 50);
}

TEST(ChallengeBook, AGoalPaysWhenReachedAndTakesItBackUntilItSettles) {
  Engine e;
  auto c = goal(10, {7}, 2);
  c.people = true;
  c.reward_points = 30;
  ASSERT_TRUE(e.add(c));
  e.log(visit(1, at("2026-12-01", 1), 7), at("2026-12-01", 2));
  EXPECT_TRUE(e.book.take_rewards().empty());
  e.log(visit(2, at("2026-12-02", 1), 7), at("2026-12-02", 2));
  auto rewards = e.book.take_rewards();
  ASSERT_EQ(rewards.size(), 1u);
  EXPECT_EQ(rewards[0].points, 30);
  EXPECT_EQ(rewards[0].delta, 30);
  EXPECT_EQ(rewards[0].occurred_at, at("2026-12-02", 1));  // when the goal was reached
  EXPECT_EQ(rewards[0].seq, 3);
  e.remove(visit(2, at("2026-12-02", 1), 7), at("2026-12-03", 1));
  rewards = e.book.take_rewards();
  ASSERT_EQ(rewards.size(), 1u);
  EXPECT_EQ(rewards[0].delta, -30);
  e.log(visit(3, at("2026-12-05", 1), 7), at("2026-12-05", 2));
  EXPECT_EQ(e.book.take_rewards().size(), 1u);
  // Settled: a deletion takes nothing back.
  e.remove(visit(3, at("2026-12-05", 1), 7), at("2026-12-20", 0));
  EXPECT_TRUE(e.book.take_rewards().empty());
  std::int64_t total = 0;
  e.book.for_each_reward([&](std::int64_t, std::int64_t staff, std::int64_t points) {
    EXPECT_EQ(staff, 7);
    total += points;
  });
  EXPECT_EQ(total, 30);
}

TEST(ChallengeBook, AHeadToHeadPaysItsWinnerWhenItSettles) {
  Engine e;
  auto duel = goal(10, {7, 8}, 1);
  duel.goal.reset();
  duel.head_to_head = true;
  duel.people = true;
  duel.reward_points = 80;
  ASSERT_TRUE(e.add(duel));
  e.log(visit(1, at("2026-12-01", 1), 8), at("2026-12-01", 2));
  EXPECT_TRUE(e.book.take_rewards().empty());  // ahead, not yet the winner
  e.log(visit(2, at("2026-12-20", 1), 7),
        at("2026-12-20", 2));  // the next week's, after it settled
  const auto rewards = e.book.take_rewards();
  ASSERT_EQ(rewards.size(), 1u);
  EXPECT_EQ(rewards[0].staff_id, 8);
  EXPECT_EQ(rewards[0].delta, 80);
  EXPECT_EQ(rewards[0].occurred_at, kWeekEnds);
  EXPECT_EQ(rewards[0].seq, 3);  // paid by the first event after it settled
}

// Order independence: the same visits in any order give the same result and the same moments.
TEST(ChallengeBook, TheSameVisitsInAnyOrderGiveTheSameStanding) {
  std::vector<VisitFact> visits;
  for (int i = 1; i <= 12; ++i) {
    visits.push_back(visit(i, at("2026-11-30", 0) + hours(11 * i), i % 2 ? 7 : 8));
  }
  std::optional<ChallengeStanding> first;
  std::mt19937 shuffle(49);
  for (int round = 0; round < 20; ++round) {
    Engine e;
    auto duel = goal(10, {7, 8}, 4);
    duel.head_to_head = true;
    ASSERT_TRUE(e.add(duel));
    std::shuffle(visits.begin(), visits.end(), shuffle);
    for (const auto& v : visits)
      e.log(v, at("2026-12-06", 0));
    const auto s = e.standing(10, at("2026-12-06", 1));
    if (!first) first = s;
    EXPECT_EQ(s, *first);
  }
  ASSERT_TRUE(first);
  EXPECT_EQ(first->participants[0].outcome, ChallengeOutcome::won);  // 7's 4th came first
}

}  // namespace
}  // namespace laurel::engine

namespace laurel::engine {
namespace {

ChallengeDefinition groups(std::int64_t id, std::vector<std::vector<std::int64_t>> teams,
                           std::optional<std::int64_t> target) {
  auto c = goal(id, {}, 1);
  for (std::size_t i = 0; i < teams.size(); ++i)
    c.subject_ids.push_back(static_cast<std::int64_t>(i) + 1);
  c.groups = std::move(teams);
  c.goal = target;
  c.people = true;
  return c;
}

TEST(ChallengeBook, AnAdHocGroupAddsUpItsMembersAndPaysEachOfThem) {
  Engine e;
  e.log(visit(1, at("2026-11-30", 1), 7), at("2026-11-30", 2));  // before the challenge: counts
  auto c = groups(10, {{7, 8}, {9}}, 3);
  c.reward_points = 40;
  ASSERT_TRUE(e.add(c, at("2026-11-30", 3)));
  e.log(visit(2, at("2026-12-01", 1), 9), at("2026-12-01", 2));
  e.log(visit(3, at("2026-12-01", 3), 8), at("2026-12-01", 4));
  auto s = e.standing(10, at("2026-12-01", 5));
  EXPECT_EQ(s.participants[0].subject_id, 1);
  EXPECT_EQ(s.participants[0].figure, 2);
  EXPECT_EQ(s.participants[1].figure, 1);
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::in_progress);
  EXPECT_TRUE(e.book.take_rewards().empty());
  // 7's visit on Wednesday takes the group to three: both its members are paid.
  e.log(visit(4, at("2026-12-02", 1), 7), at("2026-12-02", 2));
  s = e.standing(10, at("2026-12-02", 3));
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::completed);
  EXPECT_EQ(s.participants[0].reached, (Moment{at("2026-12-02", 1), 4}));
  auto rewards = e.book.take_rewards();
  ASSERT_EQ(rewards.size(), 2u);
  EXPECT_EQ(rewards[0].staff_id + rewards[1].staff_id, 15);
  EXPECT_EQ(rewards[0].delta, 40);
  // 8's visit deleted: two again, the reward taken back from both.
  e.remove(visit(3, at("2026-12-01", 3), 8), at("2026-12-02", 4));
  s = e.standing(10, at("2026-12-02", 5));
  EXPECT_EQ(s.participants[0].figure, 2);
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::in_progress);
  rewards = e.book.take_rewards();
  ASSERT_EQ(rewards.size(), 2u);
  EXPECT_EQ(rewards[0].delta, -40);
}

TEST(ChallengeBook, TwoGroupsGoHeadToHeadOnTheirSums) {
  Engine e;
  auto duel = groups(10, {{7, 8}, {9}}, std::nullopt);
  duel.head_to_head = true;
  duel.reward_points = 10;
  ASSERT_TRUE(e.add(duel));
  e.log(visit(1, at("2026-12-01", 1), 9), at("2026-12-01", 2));
  e.log(visit(2, at("2026-12-01", 2), 9), at("2026-12-01", 3));
  e.log(visit(3, at("2026-12-02", 1), 7), at("2026-12-02", 2));
  auto s = e.standing(10, at("2026-12-02", 3));
  EXPECT_TRUE(s.participants[1].leading);
  e.log(visit(4, at("2026-12-03", 1), 8), at("2026-12-03", 2));
  s = e.standing(10, at("2026-12-03", 3));
  EXPECT_FALSE(s.participants[0].leading);
  EXPECT_FALSE(s.participants[1].leading);  // two each
  e.log(visit(5, at("2026-12-04", 1), 8), at("2026-12-04", 2));
  e.log(visit(6, at("2026-12-20", 1), 9), at("2026-12-20", 2));  // after it settled
  s = e.standing(10, at("2026-12-21", 0));
  EXPECT_TRUE(s.settled);
  EXPECT_EQ(s.participants[0].outcome, ChallengeOutcome::won);
  EXPECT_EQ(s.participants[0].figure, 3);
  const auto rewards = e.book.take_rewards();
  ASSERT_EQ(rewards.size(), 2u);  // 7 and 8
  EXPECT_EQ(rewards[0].staff_id + rewards[1].staff_id, 15);
}

TEST(ChallengeBook, APersonIsInOneGroupOfAChallenge) {
  Engine e;
  EXPECT_FALSE(e.add(groups(10, {{7, 8}, {8}}, 2)));
  EXPECT_FALSE(e.add(groups(11, {{7}, {}}, 2)));
  EXPECT_TRUE(e.add(groups(12, {{7}, {8}}, 2)));
}

}  // namespace
}  // namespace laurel::engine
