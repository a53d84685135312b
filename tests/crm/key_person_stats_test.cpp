#include "crm/key_person_stats.hpp"

#include <gtest/gtest.h>

namespace laurel::crm {
namespace {

store::KeyPersonRecord person(std::int64_t id, const char* role, const char* influence,
                              std::optional<std::int64_t> frequency = std::nullopt) {
  store::KeyPersonRecord p;
  p.id = id;
  p.client_id = 1;
  p.name = "P" + std::to_string(id);
  p.decision_role = role;
  p.influence = influence;
  p.touch_frequency_days = frequency;
  return p;
}

Attendance met(std::int64_t person_id, std::int64_t visit_id, const char* day) {
  const auto date = core::parse_date(day).value();
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(date::sys_days(date).time_since_epoch())
          .count();
  return {person_id, visit_id, micros, day, {7}};
}

const core::LocalDate kAsOf = core::parse_date("2026-11-23").value();

TEST(KeyPersonStats, CountsVisitsInTrailingWindowsEndingOnTheAsOfDay) {
  const std::vector people{person(1, "investment_decision", "decision_maker")};
  const std::vector visits{met(1, 10, "2026-11-23"), met(1, 11, "2026-10-25"),
                           met(1, 12, "2026-10-24"), met(1, 13, "2026-08-26"),
                           met(1, 14, "2025-11-24"), met(1, 15, "2025-11-23"),
                           met(1, 16, "2026-11-24")};
  auto stats = key_person_stats(people, visits, kAsOf);
  const auto& p = stats.people[0];
  EXPECT_EQ(p.visits_30, 2) << "the as-of day and 29 days before it";
  EXPECT_EQ(p.visits_90, 4);
  EXPECT_EQ(p.visits_365, 5) << "365 days back is outside; the day after as-of is ignored";
  ASSERT_TRUE(p.last_visit);
  EXPECT_EQ(p.last_visit->visit_id, 10);
  EXPECT_EQ(p.days_since_last_visit, 0);
}

TEST(KeyPersonStats, DecisionMakersAreOverdueAfterTheirTouchFrequency) {
  const std::vector people{person(1, "investment_decision", "decision_maker", 30),
                           person(2, "trading", "decision_maker", 30),
                           person(3, "risk_control", "decision_maker"),  // default 90 days
                           person(4, "operations", "decision_maker"),    // never visited
                           person(5, "operations", "gatekeeper", 1)};    // not a decision maker
  const std::vector visits{met(1, 1, "2026-10-24"), met(2, 2, "2026-10-23"),
                           met(3, 3, "2026-08-25"), met(5, 4, "2026-01-01")};
  auto stats = key_person_stats(people, visits, kAsOf);
  EXPECT_FALSE(stats.people[0].overdue) << "30 days ago is within 30 days";
  EXPECT_TRUE(stats.people[1].overdue) << "31 days ago is not";
  EXPECT_FALSE(stats.people[2].overdue) << "90 days ago is within the default";
  EXPECT_TRUE(stats.people[3].overdue);
  EXPECT_FALSE(stats.people[4].overdue);
  EXPECT_EQ(stats.overdue_decision_makers, (std::vector<std::int64_t>{2, 4}));
}

TEST(KeyPersonStats, RoleCoverageAndScore) {
  auto inactive = person(3, "risk_control", "decision_maker");
  inactive.active = false;
  const std::vector people{person(1, "investment_decision", "decision_maker"),
                           person(2, "trading", "influencer"), inactive,
                           person(4, "operations", "decision_maker")};
  const std::vector visits{met(1, 1, "2026-11-01"), met(2, 2, "2026-11-01"),
                           met(3, 3, "2026-11-01")};
  auto stats = key_person_stats(people, visits, kAsOf);
  ASSERT_EQ(stats.roles.size(), 4u);
  EXPECT_TRUE(stats.roles[0].covered);
  EXPECT_TRUE(stats.roles[1].covered);
  EXPECT_FALSE(stats.roles[2].covered) << "operations: its decision maker was never visited";
  EXPECT_EQ(stats.roles[3].people, 0) << "an inactive person holds no role";
  EXPECT_FALSE(stats.roles[3].covered);
  // Roles 2 of 4 -> 25; decision makers 1 of 2 on time -> 25.
  EXPECT_EQ(stats.score, 50);
  EXPECT_EQ(key_person_stats({}, {}, kAsOf).score, 0) << "nothing mapped, nothing earned";
}

}  // namespace
}  // namespace laurel::crm
