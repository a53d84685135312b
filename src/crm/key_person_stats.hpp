#pragma once
// Key-person visit statistics for one client (pure: computed from the client's key people and
// the visits they attended, so the rules are tested without a database):
// - per key person: visits attended in the last 30, 90 and 365 days up to and including the
//   as-of day (company-local days), the last visit on or before it and who went;
// - overdue: an active decision maker whose last visit is longer ago than their touch
//   frequency (kDefaultTouchFrequencyDays when none is set), or who was never visited;
// - role coverage: for each decision role but "other", how many active key people hold it and
//   how many of them were reached in the last 90 days; a role is covered when one was;
// - score (0-100): half for the share of the four decision roles covered, half for the share of
//   active decision makers not overdue (a client with no decision makers mapped earns nothing
//   for that half: mapping them is the work).
// Visits count for a person wherever they worked at the time: their history moves with them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/local_date.hpp"
#include "store/key_person_repository.hpp"
#include "store/visit_repository.hpp"

namespace laurel::crm {

inline constexpr int kDefaultTouchFrequencyDays = 90;

using store::Attendance;

struct PersonStats {
  store::KeyPersonRecord person;
  int visits_30 = 0, visits_90 = 0, visits_365 = 0;
  std::optional<Attendance> last_visit;
  std::optional<int> days_since_last_visit;
  bool overdue = false;
};

struct RoleCoverage {
  std::string decision_role;
  int people = 0;
  int reached_90 = 0;
  bool covered = false;
};

struct KeyPersonStats {
  std::string as_of;
  std::vector<PersonStats> people;  // in the order given
  std::vector<RoleCoverage> roles;  // investment_decision, trading, operations, risk_control
  std::vector<std::int64_t> overdue_decision_makers;
  int score = 0;
};

// `attendances` may hold any visits of these people (later ones are ignored); order free.
KeyPersonStats key_person_stats(const std::vector<store::KeyPersonRecord>& people,
                                const std::vector<Attendance>& attendances, core::LocalDate as_of);

}  // namespace laurel::crm
