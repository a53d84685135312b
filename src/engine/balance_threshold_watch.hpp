#pragma once
// Threshold rules on holdings metrics (engine/holdings_metrics.hpp), the generic rule for
// balances: "a client's average daily balance this quarter reaches 1亿". A balance moves with
// every day's close, not with records on a timeline, so the figure of (subject, period) is read
// up to each day d of the period — the close of d (end_of_period_balance), or the average of the
// closes from the period's first day to d (average_daily_balance) — and threshold T is reached
// on the first day it gets there. The fact became true at that day's close (its last
// microsecond); as with holdings milestones, a figure falling back later takes nothing back, and
// only a later arrival that rewrites the closes so that no day reached it makes it no longer
// hold (one that moves the first day moves when it became true).
//
// The engine has no clock: "today" is the company day of the event being folded (its
// recorded_at). Days after it are never judged — the future's closes are today's carried
// forward, and announce nothing — so an average creeping up while nothing is recorded is found
// by the first event recorded on or after the day it reached the threshold.
//
// Facts are keyed (rule, subject, period, T). Marks as in ThresholdWatch: detected by the event
// that first made it hold, late past the grace window, silent before effective_from.
//
// Not thread-safe; driven by one feed, in log order (begin, changes…, settle).

#include <optional>
#include <vector>

#include "engine/holdings_metrics.hpp"
#include "engine/threshold_watch.hpp"

namespace laurel::engine {

class BalanceThresholdWatch {
 public:
  BalanceThresholdWatch(HoldingsMetrics& metrics, core::CompanyZone zone)
      : metrics_(metrics), zone_(zone), days_(zone) {}

  void begin(EventContext event);
  void settle();

  // False when the rule id is taken or its metric is not a holdings metric. Judged at once over
  // the closes so far.
  bool add_rule(ThresholdRule rule);

  const std::map<FactKey, ThresholdFact>& facts() const { return book_.facts(); }
  std::vector<ThresholdFact> take_changes() { return book_.take_changes(); }

 private:
  // The rule's facts for the subject in every period from the one holding `from` to today's.
  void judge_from(const ThresholdRule& rule, const MetricDefinition& metric, std::int64_t subject,
                  date::sys_days from);
  void judge(const ThresholdRule& rule, const MetricDefinition& metric, std::int64_t subject,
             core::Period period);
  // Each threshold's first day in [first, last] (nullopt: not reached), ascending thresholds.
  // `scale`: what the closes are counted in (HoldingsMetrics::scale).
  std::vector<std::optional<date::sys_days>> crossings(
      const MetricDefinition& metric, const DaySteps* closes, std::int64_t scale,
      date::sys_days first, date::sys_days last, const std::vector<std::int64_t>& thresholds) const;
  bool watches(const ThresholdRule& rule, std::int64_t subject) const;

  HoldingsMetrics& metrics_;
  core::CompanyZone zone_;
  core::ZoneDays days_;
  EventContext event_;
  std::optional<date::sys_days> today_;      // of the event being folded
  std::optional<date::sys_days> judged_to_;  // every fact is judged up to this day
  std::vector<ThresholdRule> rules_;
  FactBook book_;
};

}  // namespace laurel::engine
