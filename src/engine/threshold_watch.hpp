#pragma once
// Detects threshold good news as the fold runs. The fold tells it each contribution to the
// metrics its rules watch; after each event (`settle`) it looks at the cells that event changed
// and, per rule and threshold, at the moment the running figure first reached the threshold on
// the occurred_at timeline. From that moment, and from the event being folded (its seq and
// recorded_at), it keeps one fact per (rule, subject, period, threshold):
//
//   - it became true at the crossing record's occurred_at — a function of the records in effect;
//   - it was detected by the event that first made it hold (arrival decides only this);
//   - late: detected more than the grace window after it became true;
//   - silent: it became true before the rule's effective_from (passed, never announced);
//   - no longer holds: a later event (a cancellation, a correction) took the figure back below
//     the threshold; if records take it over again, the same fact holds again.
//
// "Reached" means the running figure got there at some moment of the period: a weekly net flow
// that passed 5000万 on Wednesday stays good news when Friday's redemptions take it back down.
//
// Not thread-safe; driven by one feed, in log order. No clock: times come from the events.

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "engine/cell_timeline.hpp"
#include "engine/metric_fold.hpp"
#include "engine/threshold_rule.hpp"

namespace laurel::engine {

// The event being folded: what detection and "no longer holds" are stamped with.
struct EventContext {
  std::int64_t seq = 0;
  core::Timestamp recorded_at{};
};

struct FactKey {
  std::int64_t rule_id = 0;
  std::int64_t subject_id = 0;
  core::Period period;
  std::int64_t threshold = 0;
  auto operator<=>(const FactKey&) const = default;
};

struct ThresholdFact {
  FactKey key;
  bool holds = true;
  Moment became_true;  // the crossing record and its occurred_at
  std::int64_t detected_seq = 0;
  core::Timestamp detected_at{};
  bool late = false;
  bool silent = false;
  std::optional<core::Timestamp> no_longer_holds_at;
  std::int64_t changed_seq = 0;  // the event that last changed any of the above
  bool operator==(const ThresholdFact&) const = default;
};

// The facts a watch holds, and which of them changed since they were last taken. Both watches
// keep theirs here, so a fact is created, held again and let go the same way everywhere.
class FactBook {
 public:
  // The fact holds, made true at `moment`: new (detected by `event`, late past `grace`, silent
  // before `effective_from`), or holding again, or made true by another moment now.
  void holds(const FactKey& key, Moment moment, const EventContext& event,
             std::chrono::seconds grace, core::Timestamp effective_from);
  // The fact, if it held, no longer does from `event` on.
  void stops_holding(const FactKey& key, const EventContext& event);
  const ThresholdFact* find(const FactKey& key) const;
  const std::map<FactKey, ThresholdFact>& facts() const { return facts_; }
  std::vector<ThresholdFact> take_changes();

 private:
  std::map<FactKey, ThresholdFact> facts_;
  std::set<FactKey> changed_;
};

class ThresholdWatch final : public FoldObserver {
 public:
  explicit ThresholdWatch(MetricFold& fold) : fold_(fold) {}

  // Brackets each event the feed folds.
  void begin(EventContext event);
  void settle();

  // A rule from now on; its metric must be in the fold. Its cells are judged at once, stamped
  // with the current event (the rule's own creation).
  // False (and nothing changes) when the metric is unknown or the rule id is taken.
  bool add_rule(ThresholdRule rule);
  bool has_rule(std::int64_t rule_id) const;

  const std::map<FactKey, ThresholdFact>& facts() const { return book_.facts(); }
  // The facts created or changed since the last call, in key order.
  std::vector<ThresholdFact> take_changes() { return book_.take_changes(); }

  void reset(std::int64_t metric_id) override;
  void contributed(const Contribution& contribution) override;

 private:
  struct CellKey {
    std::int64_t metric_id;
    std::int64_t subject_id;
    std::int32_t period_index;
    bool operator==(const CellKey&) const = default;
  };
  struct CellKeyHash {
    std::size_t operator()(const CellKey& k) const noexcept {
      return std::hash<std::int64_t>()((k.metric_id * 1'000'003 + k.subject_id) * 1'000'003 +
                                       k.period_index);
    }
  };

  void judge(const CellKey& key, CellTimeline& cell, const ThresholdRule& rule, bool full);
  void record(const FactKey& key, std::optional<Moment> crossing, const ThresholdRule& rule);

  MetricFold& fold_;
  EventContext event_;
  std::vector<ThresholdRule> rules_;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> rules_of_metric_;
  std::unordered_map<CellKey, CellTimeline, CellKeyHash> cells_;
  std::vector<CellKey> touched_;  // cells changed by the event being folded
  std::set<std::int64_t> reset_metrics_;
  FactBook book_;
};

}  // namespace laurel::engine
