#include "engine/badge_book.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/test_times.hpp"

namespace laurel::engine {
namespace {

using testing::at;

BadgeRule milestone(std::int32_t count, PointsEvent event = PointsEvent::visit_logged) {
  return {1, BadgeKind::milestone, event, 0, count, 3};
}

BadgeRule streak(std::int32_t days) {
  return {2, BadgeKind::streak, PointsEvent::visit_logged, 0, days, 3};
}

// A visit by staff 7, recorded an hour after it occurred (in time for any grace window).
VisitActivity visit(std::int64_t id, core::Timestamp occurred,
                    std::vector<std::int64_t> attendees = {}) {
  VisitActivity v;
  v.id = id;
  v.occurred_at = occurred;
  v.recorded_at = occurred + std::chrono::hours(1);
  v.client_id = 100;
  v.staff_ids = {7};
  v.attendee_ids = std::move(attendees);
  return v;
}

// Folds one record as its own event, as the feed does.
struct Book {
  explicit Book(const char* zone = "Asia/Shanghai") : book(*core::CompanyZone::locate(zone)) {}
  BadgeBook book;
  std::int64_t seq = 0;
  std::vector<BadgeChange> changes;

  template <class F>
  void event(F&& f) {
    book.begin({++seq, at("2026-06-01", 0)});
    f(book);
    book.settle();
    for (auto& c : book.take_changes())
      changes.push_back(c);
  }
  void rule(const BadgeRule& r) {
    event([&](BadgeBook& b) { ASSERT_TRUE(b.set_rule(r)); });
  }
  void add(const VisitActivity& v) {
    event([&](BadgeBook& b) { b.apply(v); });
  }
  void remove(VisitActivity v) {
    v.in_effect = false;
    add(v);
  }
  std::optional<BadgeState> state(std::int64_t rule = 1) const { return book.state({rule, 7}); }
};

TEST(BadgeBook, TheNthTimelyVisitEarnsAMilestone) {
  Book b;
  b.rule(milestone(3));
  b.add(visit(1, at("2026-03-02", 2)));
  b.add(visit(2, at("2026-03-03", 2)));
  EXPECT_FALSE(b.state());
  // Backfilled long after it occurred: it counts for nothing here.
  auto late = visit(9, at("2026-01-05", 2));
  late.recorded_at = at("2026-03-03", 5);
  b.add(late);
  EXPECT_FALSE(b.state());
  b.add(visit(3, at("2026-03-04", 2)));
  ASSERT_TRUE(b.state());
  EXPECT_EQ(*b.state(), (BadgeState{true, 3, at("2026-03-04", 2)}));
  ASSERT_EQ(b.changes.size(), 1u);
  EXPECT_EQ(b.changes[0].seq, 5);
}

TEST(BadgeBook, AnEarlierVisitArrivingLateMovesWhichVisitWasTheNth) {
  Book b;
  b.rule(milestone(2));
  b.add(visit(1, at("2026-03-02", 2)));
  b.add(visit(3, at("2026-03-05", 2)));
  EXPECT_EQ(b.state()->visit_id, 3);
  auto between = visit(2, at("2026-03-03", 2));
  between.recorded_at = at("2026-03-05", 3);  // two days on: within the grace window
  b.add(between);
  EXPECT_EQ(*b.state(), (BadgeState{true, 2, at("2026-03-03", 2)}));
}

TEST(BadgeBook, ADeletionTakesItBackAndANewVisitEarnsItAgain) {
  Book b;
  b.rule(milestone(2));
  b.add(visit(1, at("2026-03-02", 2)));
  b.add(visit(2, at("2026-03-03", 2)));
  b.remove(visit(2, at("2026-03-03", 2)));
  ASSERT_TRUE(b.state());
  EXPECT_FALSE(b.state()->holds);
  b.add(visit(4, at("2026-03-09", 2)));
  EXPECT_EQ(*b.state(), (BadgeState{true, 4, at("2026-03-09", 2)}));
  ASSERT_EQ(b.changes.size(), 3u);
  EXPECT_FALSE(b.changes[1].state.holds);
}

TEST(BadgeBook, MeetingADecisionMakerCountsFromWhenTheyAreOne) {
  Book b;
  b.rule(milestone(1, PointsEvent::decision_maker_reached));
  b.add(visit(1, at("2026-03-02", 2), {55}));
  EXPECT_FALSE(b.state());
  b.event([](BadgeBook& book) { book.set_decision_maker(55, true); });
  ASSERT_TRUE(b.state());
  EXPECT_TRUE(b.state()->holds);
  b.event([](BadgeBook& book) { book.set_decision_maker(55, false); });
  EXPECT_FALSE(b.state()->holds);
}

TEST(BadgeBook, AStreakRunsOverWeekendsAndHolidaysButNotOverAMissedWorkingDay) {
  Book b;
  b.rule(streak(3));
  b.add(visit(1, at("2026-03-05", 2)));  // Thursday
  b.add(visit(2, at("2026-03-06", 2)));  // Friday
  b.add(visit(3, at("2026-03-07", 2)));  // Saturday: counts for nothing
  EXPECT_FALSE(b.state(2));
  b.add(visit(4, at("2026-03-09", 2)));  // Monday: the third working day in a row
  EXPECT_EQ(*b.state(2), (BadgeState{true, 4, at("2026-03-09", 2)}));

  // The Monday declared a public holiday: it is no working day, the run is two days long.
  core::WorkCalendar calendar;
  calendar.set({*core::parse_date("2026-03-09"), core::DayKind::holiday, "假日"});
  b.event([&](BadgeBook& book) { book.set_calendar(calendar); });
  EXPECT_FALSE(b.state(2)->holds);
  b.add(visit(5, at("2026-03-10", 2)));  // Tuesday follows Friday over the weekend and holiday
  EXPECT_EQ(*b.state(2), (BadgeState{true, 5, at("2026-03-10", 2)}));
  b.add(visit(6, at("2026-03-12", 2)));  // a missed Wednesday starts a new run; the badge stays
  EXPECT_EQ(b.state(2)->visit_id, 5);
}

TEST(BadgeBook, StreakDaysAreCompanyDaysAcrossADaylightSavingChange) {
  // New York springs forward on Sunday 2026-03-08. Monday 23:30 local (EDT, UTC-4) is Tuesday
  // 03:30 UTC: by UTC days Monday was missed; by the company's days it was not.
  Book b("America/New_York");
  b.rule(streak(3));
  b.add(visit(1, at("2026-03-05", 15)));  // Thursday 10:00 EST
  b.add(visit(2, at("2026-03-06", 15)));  // Friday 10:00 EST
  EXPECT_FALSE(b.state(2));
  b.add(visit(3, at("2026-03-10", 3, 30)));  // Monday 23:30 EDT
  EXPECT_EQ(*b.state(2), (BadgeState{true, 3, at("2026-03-10", 3, 30)}));
}

TEST(BadgeBook, TheSameVisitsInAnyOrderGiveTheSameBadges) {
  std::vector<VisitActivity> visits;
  for (int i = 0; i < 40; ++i) {
    auto v =
        visit(i + 1, at("2026-03-02", 2) + std::chrono::days(i % 17) + std::chrono::hours(i % 5));
    if (i % 7 == 3) v.recorded_at = v.occurred_at + std::chrono::days(10);  // late: counts not
    visits.push_back(v);
  }
  std::optional<std::map<BadgeKey, BadgeState>> first;
  std::mt19937 random(11);
  for (int round = 0; round < 6; ++round) {
    std::shuffle(visits.begin(), visits.end(), random);
    Book b;
    b.rule(milestone(20));
    b.rule(streak(5));
    for (const auto& v : visits)
      b.add(v);
    // The same visit deleted at the end of every round.
    const auto gone =
        std::find_if(visits.begin(), visits.end(), [](const auto& v) { return v.id == 6; });
    b.remove(*gone);
    ASSERT_TRUE(b.state(1) && b.state(2)) << "round " << round;
    if (!first) {
      first = b.book.states();
    } else {
      EXPECT_EQ(b.book.states(), *first) << "round " << round;
    }
  }
  EXPECT_TRUE(first->at({1, 7}).holds);
  EXPECT_TRUE(first->at({2, 7}).holds);
}

TEST(BadgeBook, DepthIsDifferentDecisionMakersOfOneClientMet) {
  Book b;
  b.rule({3, BadgeKind::depth, PointsEvent::decision_maker_reached, 0, 3, 3});
  b.event([](BadgeBook& book) {
    for (const auto person : {51, 52, 53, 61})
      book.set_decision_maker(person, true);
  });
  b.add(visit(1, at("2026-03-02", 2), {51, 52}));
  b.add(visit(2, at("2026-03-03", 2), {52, 54}));  // 52 again; 54 is no decision maker
  auto other = visit(3, at("2026-03-04", 2), {61});
  other.client_id = 200;  // another client's decision maker: not this chain
  b.add(other);
  EXPECT_FALSE(b.state(3));
  EXPECT_EQ(b.book.progress({3, 7}), 2);
  b.add(visit(4, at("2026-03-05", 2), {53}));
  ASSERT_TRUE(b.state(3));
  EXPECT_EQ(*b.state(3), (BadgeState{true, 4, at("2026-03-05", 2)}));
  // 54 named a decision maker: the third was met earlier, by the Tuesday visit.
  b.event([](BadgeBook& book) { book.set_decision_maker(54, true); });
  EXPECT_EQ(*b.state(3), (BadgeState{true, 2, at("2026-03-03", 2)}));
  // The Monday visit deleted: 52, 54 and 53 are still three.
  b.remove(visit(1, at("2026-03-02", 2), {51, 52}));
  EXPECT_EQ(*b.state(3), (BadgeState{true, 4, at("2026-03-05", 2)}));
  b.remove(visit(4, at("2026-03-05", 2), {53}));
  EXPECT_FALSE(b.state(3)->holds);
}

}  // namespace
}  // namespace laurel::engine
