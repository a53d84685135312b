#include "engine/holdings_metrics.hpp"

#include <algorithm>
#include <utility>

namespace laurel::engine {
namespace {

// n / d rounded to the nearest integer, halves away from zero (d > 0).
std::int64_t rounded_division(std::int64_t n, std::int64_t d) {
  return n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
}

}  // namespace

HoldingsMetrics::State* HoldingsMetrics::find(std::int64_t metric_id) {
  for (auto& s : metrics_) {
    if (s.definition.id == metric_id) return &s;
  }
  return nullptr;
}

const HoldingsMetrics::State* HoldingsMetrics::find(std::int64_t metric_id) const {
  return const_cast<HoldingsMetrics*>(this)->find(metric_id);
}

const MetricDefinition* HoldingsMetrics::metric(std::int64_t metric_id) const {
  const auto* state = find(metric_id);
  return state ? &state->definition : nullptr;
}

void HoldingsMetrics::add_metric(MetricDefinition metric) {
  auto* state = find(metric.id);
  if (!state) state = &metrics_.emplace_back();
  state->definition = std::move(metric);
  rebuild(*state);
}

void HoldingsMetrics::rejudge() {
  for (auto& state : metrics_) {
    const auto& f = state.definition.filter;
    if (!f.product_types.empty() || f.exclude_money_market) rebuild(state);
  }
}

void HoldingsMetrics::rebuild(State& state) {
  state.subjects.clear();
  book_.for_each_stretch([&](const HoldingsChange& c) { fold(state, c); });
  if (state.watched) {
    state.touched.clear();
    if (std::find(reset_.begin(), reset_.end(), state.definition.id) == reset_.end()) {
      reset_.push_back(state.definition.id);
    }
  }
}

void HoldingsMetrics::watch(std::int64_t metric_id) {
  if (auto* state = find(metric_id)) state->watched = true;
}

std::vector<HoldingsMetrics::Touched> HoldingsMetrics::take_touched() {
  std::vector<Touched> out;
  for (auto& state : metrics_) {
    for (const auto& [subject, from] : state.touched)
      out.push_back({state.definition.id, subject, from});
    state.touched.clear();
  }
  return out;
}

std::vector<std::int64_t> HoldingsMetrics::take_reset() {
  return std::exchange(reset_, {});
}

const DaySteps* HoldingsMetrics::closes(std::int64_t metric_id, std::int64_t subject_id) const {
  const auto* state = find(metric_id);
  if (!state) return nullptr;
  const auto it = state->subjects.find(subject_id);
  return it == state->subjects.end() ? nullptr : &it->second;
}

void HoldingsMetrics::changed(const HoldingsChange& change) {
  for (auto& state : metrics_)
    fold(state, change);
}

void HoldingsMetrics::fold(State& state, const HoldingsChange& change) {
  const auto& m = state.definition;
  if (m.filter.client_id && *m.filter.client_id != change.client_id) return;
  if (!product_passes(m.filter, reference_, change.product_id)) return;
  const std::int64_t subject = m.subject == SubjectKind::client    ? change.client_id
                               : m.subject == SubjectKind::product ? change.product_id
                                                                   : 0;
  auto& closes = state.subjects[subject];
  closes.add(change.from, change.to, change.delta);
  if (closes.empty()) state.subjects.erase(subject);
  if (state.watched) {
    auto [it, fresh] = state.touched.try_emplace(subject, change.from);
    if (!fresh) it->second = std::min(it->second, change.from);
  }
}

std::int64_t HoldingsMetrics::figure(const State& state, const DaySteps& closes,
                                     core::Period period, date::sys_days as_of) {
  const auto first = date::sys_days(core::first_day(period));
  const auto last = std::min(date::sys_days(core::last_day(period)), as_of);
  if (last < first) return 0;  // not begun
  if (state.definition.kind == MetricKind::end_of_period_balance) return closes.on(last);
  return rounded_division(closes.sum(first, last), (last - first).count() + 1);
}

std::int64_t HoldingsMetrics::value(std::int64_t metric_id, std::int64_t subject_id,
                                    core::Period period, date::sys_days as_of) const {
  const auto* state = find(metric_id);
  if (!state || period.kind != state->definition.period) return 0;
  const auto it = state->subjects.find(subject_id);
  return it == state->subjects.end() ? 0 : figure(*state, it->second, period, as_of);
}

std::vector<MetricFold::Cell> HoldingsMetrics::cells(std::int64_t metric_id, core::Period period,
                                                     date::sys_days as_of) const {
  std::vector<MetricFold::Cell> out;
  const auto* state = find(metric_id);
  if (!state || period.kind != state->definition.period) return out;
  for (const auto& [subject, closes] : state->subjects) {
    if (const auto v = figure(*state, closes, period, as_of); v != 0) {
      out.push_back({subject, period, v});
    }
  }
  return out;
}

}  // namespace laurel::engine
