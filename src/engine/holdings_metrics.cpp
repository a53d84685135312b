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

bool HoldingsMetrics::by_people(const State& state) {
  return state.definition.subject == SubjectKind::staff ||
         state.definition.subject == SubjectKind::department;
}

std::int64_t HoldingsMetrics::scale(std::int64_t metric_id) const {
  const auto* state = find(metric_id);
  return state && by_people(*state) ? 100 : 1;
}

void HoldingsMetrics::rejudge_departments() {
  for (auto& state : metrics_) {
    if (state.definition.subject == SubjectKind::department) rebuild(state);
  }
}

void HoldingsMetrics::rebuild(State& state) {
  state.subjects.clear();
  state.clients.clear();
  state.staff.clear();
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
  if (by_people(state)) {
    auto& closes = state.clients[change.client_id];
    closes.add(change.from, change.to, change.delta);
    if (closes.empty()) state.clients.erase(change.client_id);
    move_client(state, change.client_id, change.from, change.to, change.delta);
    return;
  }
  const std::int64_t subject = m.subject == SubjectKind::client    ? change.client_id
                               : m.subject == SubjectKind::product ? change.product_id
                                                                   : 0;
  move(state, subject, change.from, change.to, change.delta);
}

void HoldingsMetrics::move(State& state, std::int64_t subject, date::sys_days from,
                           date::sys_days to, std::int64_t delta) {
  auto& closes = state.subjects[subject];
  closes.add(from, to, delta);
  if (closes.empty()) state.subjects.erase(subject);
  if (state.watched) {
    auto [it, fresh] = state.touched.try_emplace(subject, from);
    if (!fresh) it->second = std::min(it->second, from);
  }
}

void HoldingsMetrics::move_client(State& state, std::int64_t client, date::sys_days from,
                                  date::sys_days to, std::int64_t delta) {
  coverage_.for_each_plan(client, from, to, [&](auto a, auto b, const auto& members) {
    for (const auto& member : members)
      move_person(state, member.staff_id, a, b, delta * member.percent);
  });
}

void HoldingsMetrics::move_person(State& state, std::int64_t staff, date::sys_days from,
                                  date::sys_days to, std::int64_t delta) {
  if (state.definition.subject == SubjectKind::staff) {
    move(state, staff, from, to, delta);
    return;
  }
  auto& closes = state.staff[staff];
  closes.add(from, to, delta);
  if (closes.empty()) state.staff.erase(staff);
  move_departments(state, staff, from, to, delta);
}

void HoldingsMetrics::move_departments(State& state, std::int64_t staff, date::sys_days from,
                                       date::sys_days to, std::int64_t delta) {
  coverage_.for_each_assignment(staff, from, to, [&](auto a, auto b, std::int64_t department) {
    reference_.departments_up_from(department, departments_);
    for (const auto d : departments_)
      move(state, d, a, b, delta);
  });
}

void HoldingsMetrics::coverage_changing(std::int64_t client_id, date::sys_days from,
                                        date::sys_days to, bool after) {
  // Before the plan changes, what it gave over the stretch is taken back; after, given anew.
  for (auto& state : metrics_) {
    if (!by_people(state)) continue;
    const auto it = state.clients.find(client_id);
    if (it == state.clients.end()) continue;
    it->second.for_each_stretch_until(from, to, [&](auto a, auto b, std::int64_t amount) {
      if (amount != 0) move_client(state, client_id, a, b, after ? amount : -amount);
    });
  }
}

void HoldingsMetrics::assignment_changing(std::int64_t staff_id, date::sys_days from,
                                          date::sys_days to, bool after) {
  for (auto& state : metrics_) {
    if (state.definition.subject != SubjectKind::department) continue;
    const auto it = state.staff.find(staff_id);
    if (it == state.staff.end()) continue;
    it->second.for_each_stretch_until(from, to, [&](auto a, auto b, std::int64_t amount) {
      if (amount != 0) move_departments(state, staff_id, a, b, after ? amount : -amount);
    });
  }
}

std::int64_t HoldingsMetrics::figure(const State& state, const DaySteps& closes,
                                     core::Period period, date::sys_days as_of) {
  const auto first = date::sys_days(core::first_day(period));
  const auto last = std::min(date::sys_days(core::last_day(period)), as_of);
  if (last < first) return 0;  // not begun
  const std::int64_t unit = by_people(state) ? 100 : 1;
  if (state.definition.kind == MetricKind::end_of_period_balance) {
    return rounded_division(closes.on(last), unit);
  }
  return rounded_division(closes.sum(first, last), ((last - first).count() + 1) * unit);
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
