#include "engine/threshold_watch.hpp"

#include <algorithm>

namespace laurel::engine {

void ThresholdWatch::begin(EventContext event) {
  event_ = event;
}

bool ThresholdWatch::add_rule(ThresholdRule rule) {
  const auto* metric = fold_.metric(rule.metric_id);
  if (!metric) return false;
  const auto metric_id = rule.metric_id;
  std::sort(rule.thresholds.begin(), rule.thresholds.end());
  rule.thresholds.erase(std::unique(rule.thresholds.begin(), rule.thresholds.end()),
                        rule.thresholds.end());
  for (auto& existing : rules_) {
    if (existing.id == rule.id) return false;  // a rule is defined once
  }
  rules_.push_back(std::move(rule));
  auto& rules_of_metric = rules_of_metric_[metric_id];
  rules_of_metric.push_back(rules_.size() - 1);
  // The first rule on a metric: its cells arrive through reset() and the replay after it.
  if (rules_of_metric.size() == 1) fold_.watch(metric_id, *this);
  reset_metrics_.insert(metric_id);  // judged in full when the event settles
  return true;
}

bool ThresholdWatch::has_rule(std::int64_t rule_id) const {
  return std::any_of(rules_.begin(), rules_.end(),
                     [&](const ThresholdRule& r) { return r.id == rule_id; });
}

void ThresholdWatch::reset(std::int64_t metric_id) {
  std::erase_if(cells_, [&](const auto& cell) { return cell.first.metric_id == metric_id; });
  reset_metrics_.insert(metric_id);
}

void ThresholdWatch::contributed(const Contribution& c) {
  const CellKey key{c.metric_id, c.subject_id, c.period_index};
  auto it = cells_.find(key);
  if (it == cells_.end()) {
    if (c.sign < 0) return;  // nothing to take back
    const auto* metric = fold_.metric(c.metric_id);
    const bool distinct = metric && metric->kind == MetricKind::distinct_clients;
    it = cells_.emplace(key, CellTimeline(distinct)).first;
  }
  if (!it->second.changed()) touched_.push_back(key);
  if (c.sign > 0) {
    it->second.add(c.moment, c.delta, c.client);
  } else {
    it->second.remove(c.moment);
  }
}

void ThresholdWatch::settle() {
  for (const auto metric_id : reset_metrics_) {
    const auto* metric = fold_.metric(metric_id);
    const auto rules = rules_of_metric_.find(metric_id);
    if (!metric || rules == rules_of_metric_.end()) continue;
    for (auto& [key, cell] : cells_) {
      if (key.metric_id != metric_id) continue;
      for (const auto index : rules->second)
        judge(key, cell, rules_[index], true);
    }
    // Facts whose cell is gone altogether (every record of it taken back) no longer hold.
    for (const auto index : rules->second) {
      const auto& rule = rules_[index];
      for (const auto& [key, fact] : book_.facts()) {
        if (key.rule_id != rule.id || !fact.holds) continue;
        if (!cells_.contains(CellKey{metric_id, key.subject_id, key.period.index})) {
          record(key, std::nullopt, rule);
        }
      }
    }
  }
  for (const auto& key : touched_) {
    const auto cell = cells_.find(key);
    if (cell == cells_.end()) continue;
    if (cell->second.changed() && !reset_metrics_.contains(key.metric_id)) {
      const auto rules = rules_of_metric_.find(key.metric_id);
      if (rules != rules_of_metric_.end()) {
        for (const auto index : rules->second)
          judge(key, cell->second, rules_[index], !cell->second.only_appended());
      }
    }
    cell->second.mark();
    if (cell->second.empty()) cells_.erase(cell);
  }
  touched_.clear();
  reset_metrics_.clear();
}

void ThresholdWatch::judge(const CellKey& key, CellTimeline& cell, const ThresholdRule& rule,
                           bool full) {
  if (!rule.subject_ids.empty() && std::find(rule.subject_ids.begin(), rule.subject_ids.end(),
                                             key.subject_id) == rule.subject_ids.end()) {
    return;
  }
  if (rule.period && rule.period->index != key.period_index) return;
  const auto* metric = fold_.metric(key.metric_id);
  if (!metric) return;
  const core::Period period{metric->period, key.period_index};
  if (full) {
    const auto crossings = cell.crossings(rule.thresholds);
    for (std::size_t i = 0; i < rule.thresholds.size(); ++i) {
      record(FactKey{rule.id, key.subject_id, period, rule.thresholds[i]}, crossings[i], rule);
    }
    return;
  }
  // One contribution appended after all others: the earlier running figures are as they were,
  // so a threshold not reached before is reached now exactly when the whole figure reaches it.
  const auto figure = cell.figure();
  for (const auto threshold : rule.thresholds) {
    const FactKey fact_key{rule.id, key.subject_id, period, threshold};
    const auto* fact = book_.find(fact_key);
    if (fact && fact->holds) continue;
    if (figure >= threshold) record(fact_key, cell.last(), rule);
  }
}

void ThresholdWatch::record(const FactKey& key, std::optional<Moment> crossing,
                            const ThresholdRule& rule) {
  if (crossing) {
    book_.holds(key, *crossing, event_, rule.grace, rule.effective_from);
  } else {
    book_.stops_holding(key, event_);
  }
}

void FactBook::holds(const FactKey& key, Moment moment, const EventContext& event,
                     std::chrono::seconds grace, core::Timestamp effective_from) {
  auto [it, fresh] = facts_.try_emplace(key);
  auto& fact = it->second;
  if (fresh) {
    fact.key = key;
    fact.detected_seq = event.seq;
    fact.detected_at = event.recorded_at;
    fact.late = event.recorded_at - moment.at > grace;
    fact.silent = moment.at < effective_from;
  } else if (fact.holds && fact.became_true == moment) {
    return;
  }
  fact.holds = true;
  fact.became_true = moment;
  fact.no_longer_holds_at.reset();
  fact.changed_seq = event.seq;
  changed_.insert(key);
}

void FactBook::stops_holding(const FactKey& key, const EventContext& event) {
  const auto it = facts_.find(key);
  if (it == facts_.end() || !it->second.holds) return;
  it->second.holds = false;
  it->second.no_longer_holds_at = event.recorded_at;
  it->second.changed_seq = event.seq;
  changed_.insert(key);
}

const ThresholdFact* FactBook::find(const FactKey& key) const {
  const auto it = facts_.find(key);
  return it == facts_.end() ? nullptr : &it->second;
}

std::vector<ThresholdFact> FactBook::take_changes() {
  std::vector<ThresholdFact> out;
  out.reserve(changed_.size());
  for (const auto& key : changed_)
    out.push_back(facts_.at(key));
  changed_.clear();
  return out;
}

}  // namespace laurel::engine
