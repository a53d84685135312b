#include "engine/balance_threshold_watch.hpp"

#include <algorithm>

namespace laurel::engine {
namespace {

// Thresholds × days and sums of closes over long periods pass 2^63: worked out in 128 bits.
__extension__ typedef __int128 Wide;

// The smallest m ≥ 1 with m·a ≥ b, if any is at most `limit`.
std::optional<std::int64_t> first_multiple(Wide a, Wide b, std::int64_t limit) {
  if (a >= b) return 1;             // m = 1 already
  if (a <= 0) return std::nullopt;  // m·a only falls behind
  const Wide m = (b + a - 1) / a;   // b > a > 0
  if (m > limit) return std::nullopt;
  return static_cast<std::int64_t>(m);
}

}  // namespace

void BalanceThresholdWatch::begin(EventContext event) {
  event_ = event;
  today_ = days_.day_of(event.recorded_at);
}

bool BalanceThresholdWatch::watches(const ThresholdRule& rule, std::int64_t subject) const {
  return rule.subject_ids.empty() || std::find(rule.subject_ids.begin(), rule.subject_ids.end(),
                                               subject) != rule.subject_ids.end();
}

bool BalanceThresholdWatch::add_rule(ThresholdRule rule) {
  const auto* metric = metrics_.metric(rule.metric_id);
  if (!metric || !today_) return false;
  for (const auto& r : rules_) {
    if (r.id == rule.id) return false;
  }
  metrics_.watch(rule.metric_id);
  rules_.push_back(std::move(rule));
  const auto& added = rules_.back();
  metrics_.for_each_subject(added.metric_id, [&](std::int64_t subject, const DaySteps& closes) {
    if (watches(added, subject)) judge_from(added, *metric, subject, *closes.first_day());
  });
  return true;
}

void BalanceThresholdWatch::settle() {
  if (!today_) return;
  const auto touched = metrics_.take_touched();
  const auto reset = metrics_.take_reset();
  for (const auto& rule : rules_) {
    const auto* metric = metrics_.metric(rule.metric_id);
    if (!metric) continue;
    if (std::find(reset.begin(), reset.end(), rule.metric_id) != reset.end()) {
      // Computed afresh: every fact of the rule again, and those of subjects gone stop.
      for (const auto& [key, fact] : book_.facts()) {
        if (key.rule_id == rule.id && fact.holds &&
            !metrics_.closes(rule.metric_id, key.subject_id)) {
          book_.stops_holding(key, event_);
        }
      }
      metrics_.for_each_subject(rule.metric_id, [&](std::int64_t subject, const DaySteps& closes) {
        if (watches(rule, subject)) judge_from(rule, *metric, subject, *closes.first_day());
      });
      continue;
    }
    for (const auto& t : touched) {
      if (t.metric_id == rule.metric_id && watches(rule, t.subject_id)) {
        judge_from(rule, *metric, t.subject_id, t.from);
      }
    }
    if (judged_to_ && *today_ > *judged_to_) {
      // The days since the last event are judged now: a running average may have got there.
      metrics_.for_each_subject(rule.metric_id, [&](std::int64_t subject, const DaySteps&) {
        if (watches(rule, subject)) judge_from(rule, *metric, subject, *judged_to_ + date::days(1));
      });
    }
  }
  if (!judged_to_ || *today_ > *judged_to_) judged_to_ = *today_;
}

void BalanceThresholdWatch::judge_from(const ThresholdRule& rule, const MetricDefinition& metric,
                                       std::int64_t subject, date::sys_days from) {
  const auto today = std::max(*today_, judged_to_.value_or(*today_));
  if (from > today) return;  // days to come: judged when they have come
  const auto last = core::period_of(today, metric.period);
  for (auto period = core::period_of(from, metric.period); period.index <= last.index;) {
    judge(rule, metric, subject, period);
    if (metric.period == core::PeriodKind::all_time) break;
    period = core::period_of(date::sys_days(core::last_day(period)) + date::days(1), metric.period);
  }
}

void BalanceThresholdWatch::judge(const ThresholdRule& rule, const MetricDefinition& metric,
                                  std::int64_t subject, core::Period period) {
  const auto today = std::max(*today_, judged_to_.value_or(*today_));
  const auto first = date::sys_days(core::first_day(period));
  const auto last = std::min(date::sys_days(core::last_day(period)), today);
  if (last < first) return;
  const auto reached = crossings(metric, metrics_.closes(rule.metric_id, subject),
                                 metrics_.scale(rule.metric_id), first, last, rule.thresholds);
  for (std::size_t i = 0; i < rule.thresholds.size(); ++i) {
    const FactKey key{rule.id, subject, period, rule.thresholds[i]};
    if (!reached[i]) {
      book_.stops_holding(key, event_);
      continue;
    }
    const auto close = zone_.close_of(*reached[i]);
    book_.holds(key, Moment{close, 0}, event_, rule.grace, rule.effective_from);
  }
}

std::vector<std::optional<date::sys_days>> BalanceThresholdWatch::crossings(
    const MetricDefinition& metric, const DaySteps* closes, std::int64_t scale,
    date::sys_days first, date::sys_days last, const std::vector<std::int64_t>& thresholds) const {
  std::vector<std::optional<date::sys_days>> out(thresholds.size());
  if (!closes) return out;
  // A figure that reaches a threshold has reached every one below it: they are reached in
  // ascending order, so one walk over the stretches of one close finds them all.
  std::size_t next = 0;
  Wide sum = 0;           // of the closes before the stretch
  std::int64_t days = 0;  // how many
  const bool average = metric.kind == MetricKind::average_daily_balance;
  closes->for_each_stretch(
      first, last, [&](date::sys_days from, date::sys_days to, std::int64_t c) {
        const std::int64_t length = (to - from).count() + 1;
        while (next < thresholds.size()) {
          // The figure (closes / scale, rounded half away from zero) is at least T (≥ 1) exactly
          // when 2·value ≥ (2T − 1)·scale.
          const Wide t = Wide(2 * thresholds[next] - 1) * scale;
          std::optional<std::int64_t> m;  // the stretch's day (1-based) the figure gets there
          if (!average) {
            if (2 * Wide(c) >= t) m = 1;
          } else {
            // The average of the first m days of the stretch: 2·(sum + m·c) ≥ t·(days + m), that
            // is m·(2c − t) ≥ t·days − 2·sum.
            m = first_multiple(2 * Wide(c) - t, t * days - 2 * sum, length);
          }
          if (!m) break;
          out[next++] = from + date::days(*m - 1);
        }
        sum += Wide(c) * length;
        days += length;
      });
  return out;
}

}  // namespace laurel::engine
