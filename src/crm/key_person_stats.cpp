#include "crm/key_person_stats.hpp"

#include <array>
#include <cmath>
#include <unordered_map>

namespace laurel::crm {
namespace {

constexpr std::array<std::string_view, 4> kCoveredRoles = {"investment_decision", "trading",
                                                           "operations", "risk_control"};

int days_between(const std::string& from, core::LocalDate to) {
  const auto day = core::parse_date(from);
  if (!day) return 0;
  return static_cast<int>((date::sys_days(to) - date::sys_days(*day)).count());
}

bool counts(const store::KeyPersonRecord& p) {
  return p.active && !p.erased_at;
}

}  // namespace

KeyPersonStats key_person_stats(const std::vector<store::KeyPersonRecord>& people,
                                const std::vector<Attendance>& attendances, core::LocalDate as_of) {
  KeyPersonStats stats;
  stats.as_of = core::format_date(as_of);
  std::unordered_map<std::int64_t, std::size_t> index;
  stats.people.reserve(people.size());
  for (const auto& p : people) {
    index.emplace(p.id, stats.people.size());
    PersonStats s;
    s.person = p;
    stats.people.push_back(std::move(s));
  }
  for (const auto& a : attendances) {
    auto found = index.find(a.key_person_id);
    if (found == index.end() || a.occurred_date > stats.as_of) continue;
    auto& s = stats.people[found->second];
    const int age = days_between(a.occurred_date, as_of);  // 0: the as-of day itself
    s.visits_30 += age < 30 ? 1 : 0;
    s.visits_90 += age < 90 ? 1 : 0;
    s.visits_365 += age < 365 ? 1 : 0;
    const bool later =
        !s.last_visit || a.occurred_at > s.last_visit->occurred_at ||
        (a.occurred_at == s.last_visit->occurred_at && a.visit_id > s.last_visit->visit_id);
    if (later) {
      s.last_visit = a;
      s.days_since_last_visit = age;
    }
  }

  int decision_makers = 0, on_time = 0;
  for (auto& s : stats.people) {
    const auto& p = s.person;
    if (!counts(p) || p.influence != "decision_maker") continue;
    ++decision_makers;
    const int frequency =
        static_cast<int>(p.touch_frequency_days.value_or(kDefaultTouchFrequencyDays));
    s.overdue = !s.days_since_last_visit || *s.days_since_last_visit > frequency;
    if (s.overdue) {
      stats.overdue_decision_makers.push_back(p.id);
    } else {
      ++on_time;
    }
  }

  int covered = 0;
  for (auto role : kCoveredRoles) {
    RoleCoverage coverage{std::string(role)};
    for (const auto& s : stats.people) {
      if (!counts(s.person) || s.person.decision_role != role) continue;
      ++coverage.people;
      coverage.reached_90 += s.visits_90 > 0 ? 1 : 0;
    }
    coverage.covered = coverage.reached_90 > 0;
    covered += coverage.covered ? 1 : 0;
    stats.roles.push_back(std::move(coverage));
  }
  const double roles_part = static_cast<double>(covered) / kCoveredRoles.size();
  const double people_part = decision_makers ? static_cast<double>(on_time) / decision_makers : 0.0;
  stats.score = static_cast<int>(std::lround(50.0 * roles_part + 50.0 * people_part));
  return stats;
}

}  // namespace laurel::crm
