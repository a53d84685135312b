#pragma once
// A leaderboard as the engine ranks it: what is ranked (a metric's figure, or its ratio to a
// second metric's — achievement of a target), among whom (the metric's subjects — people or
// departments — of the whole company, of a department subtree, or of a campaign's participants),
// which way, and how ties are ranked. The periods are the metric's own (a monthly metric ranks
// month by month). Names, who may see a board and the rest live in crm.

#include <cstdint>
#include <optional>

#include "core/period.hpp"
#include "engine/metric.hpp"
#include "engine/ranking.hpp"

namespace laurel::engine {

enum class BoardScope : std::uint8_t { company, department, campaign };

// computed: from the metric; manual: rows a manager enters, per period (no metric); hybrid: the
// metric, with manual rows replacing the figures of the subjects they name.
enum class BoardKind : std::uint8_t { computed, manual, hybrid };

struct BoardDefinition {
  std::int64_t id = 0;
  std::int64_t metric_id = 0;
  // A ratio: the metric's figure ÷ this one's, for the same subject and period; a subject whose
  // denominator is 0 has "no target" and ranks after everyone with one.
  std::optional<std::int64_t> denominator_metric_id;
  // Level scores are told apart by this metric's figure, higher first (lower with the flag).
  std::optional<std::int64_t> tie_breaker_metric_id;
  bool tie_breaker_lower_first = false;
  BoardScope scope = BoardScope::company;
  std::int64_t scope_id = 0;  // the department or the campaign
  RankOrder order = RankOrder::higher_first;
  TiePolicy policy = TiePolicy::competition;
  BoardKind kind = BoardKind::computed;
  // People who joined during a period are ranked by their figure scaled to the whole period
  // (figure × days in the period ÷ days on the staff in it), compared exactly as a ratio. Plain
  // boards of people only (a ratio is relative already); not for all time.
  bool pro_rate = false;
  // Manual boards have no metric: whom they rank and by which periods.
  SubjectKind subject = SubjectKind::staff;
  core::PeriodKind period = core::PeriodKind::month;
};

}  // namespace laurel::engine
