#pragma once
// The recognition engine's parts, wired together: the metric fold and the threshold watch it
// tells, the first-order watch, and the holdings book with what listens to it (holdings metrics and
// the thresholds on them, milestones of the company's holdings, client activations), and the
// leaderboards ranked from the fold and the holdings metrics, and who reaches their top, and the
// points the points rules award, and each person's first use of each CRM function (the flags), and
// the badges for activity, and the challenges. A feed brackets each event with begin / settle, so
// what any watch detects is stamped with that event.
//
// Not thread-safe; one per engine.

#include <vector>

#include "engine/activation_watch.hpp"
#include "engine/badge_book.hpp"
#include "engine/balance_threshold_watch.hpp"
#include "engine/board_book.hpp"
#include "engine/challenge_book.hpp"
#include "engine/coverage_book.hpp"
#include "engine/first_order_watch.hpp"
#include "engine/first_use_book.hpp"
#include "engine/holdings_book.hpp"
#include "engine/holdings_metrics.hpp"
#include "engine/holdings_milestone_watch.hpp"
#include "engine/leader_watch.hpp"
#include "engine/metric_fold.hpp"
#include "engine/points_book.hpp"
#include "engine/threshold_watch.hpp"

namespace laurel::engine {

class Recognition {
 public:
  explicit Recognition(core::CompanyZone zone);
  Recognition(const Recognition&) = delete;
  Recognition& operator=(const Recognition&) = delete;

  void begin(EventContext event);
  void settle();
  // A new version of a trade, for every part that folds trades.
  void apply(const TradeFact& trade);
  // A metric defined over the API: of the fold, or of holdings (engine/holdings_metrics.hpp).
  void add_metric(MetricDefinition metric);
  const MetricDefinition* metric(std::int64_t metric_id) const;
  // A fund's type or a department's parent, when new or changed: what depends on it is
  // computed again.
  void set_product_type(std::int64_t product_id, const std::string& type);
  void set_department_parent(std::int64_t department_id, std::int64_t parent_id);
  // A campaign, new or changed: for the metrics filtered by it, the first-order rules and who
  // is on the boards of its participants.
  void set_campaign(const CampaignFact& campaign);
  // A staff member, new or changed: whether they are active (on the boards) and their
  // departments, each from its day on.
  void set_staff(std::int64_t staff_id, bool active,
                 std::vector<std::pair<date::sys_days, std::int64_t>> assignments);

  MetricFold fold;
  ThresholdWatch thresholds;
  FirstOrderWatch first_orders;
  HoldingsBook holdings;
  CoverageBook coverage;
  HoldingsMetrics holdings_metrics;
  BalanceThresholdWatch balance_thresholds;
  HoldingsMilestoneWatch milestones;
  ActivationWatch activations;
  BoardBook boards;
  LeaderWatch leaders;       // who reaches the top of a board
  PointsBook points;         // who earned which points for what
  FirstUseBook first_uses;   // who first used which CRM function (the flags)
  BadgeBook badges;          // milestones and streaks of activity
  ChallengeBook challenges;  // goals and head-to-heads on the fold's metrics
};

}  // namespace laurel::engine
