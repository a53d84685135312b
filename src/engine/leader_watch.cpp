#include "engine/leader_watch.hpp"

#include <algorithm>

namespace laurel::engine {

std::optional<std::string> top_unjudgeable(const BoardDefinition& board,
                                           const MetricDefinition& metric) {
  if (board.kind != BoardKind::computed) return "has rows entered by hand, with no timeline";
  if (board.denominator_metric_id) return "ranks a ratio, which moves with its target too";
  if (board.order != RankOrder::higher_first) return "ranks lower first";
  if (board.pro_rate) return "pro-rates its figures by days on the staff";
  if (is_holdings_kind(metric.kind)) return "ranks balances, which move with the calendar";
  return std::nullopt;
}

std::optional<std::string> LeaderWatch::unjudgeable(std::int64_t board_id) const {
  const auto* board = boards_.board(board_id);
  if (!board) return "is not a board";
  if (const auto* metric = fold_.metric(board->metric_id)) return top_unjudgeable(*board, *metric);
  // No metric of the fold's: a manual board's (none), or balances (the holdings metrics').
  if (auto why = top_unjudgeable(*board, MetricDefinition{})) return why;
  return "ranks balances, which move with the calendar";
}

bool LeaderWatch::add_rule(BoardTopRule rule) {
  if (rules_.contains(rule.id) || unjudgeable(rule.board_id)) return false;
  auto& added = rules_[rule.id];
  added.rule = rule;
  configure(added);
  return true;
}

void LeaderWatch::configure(Rule& rule) {
  rule.metric_id = 0;
  if (unjudgeable(rule.rule.board_id)) return;
  rule.metric_id = boards_.board(rule.rule.board_id)->metric_id;
  // Watching replays the metric's contributions (a reset, then each one) into the lines.
  if (watched_metrics_.insert(rule.metric_id).second) fold_.watch(rule.metric_id, *this);
  to_sweep_.insert(rule.rule.id);
}

void LeaderWatch::board_changed(std::int64_t board_id) {
  for (auto& [id, rule] : rules_) {
    if (rule.rule.board_id == board_id) configure(rule);
  }
}

void LeaderWatch::membership_changed() {
  for (const auto& [id, rule] : rules_)
    to_sweep_.insert(id);
}

void LeaderWatch::reset(std::int64_t metric_id) {
  std::erase_if(lines_, [&](const auto& line) { return line.first.metric_id == metric_id; });
  std::erase_if(pending_, [&](const auto& p) { return p.first.metric_id == metric_id; });
  reset_metrics_.insert(metric_id);
}

void LeaderWatch::contributed(const Contribution& c) {
  auto& pending = pending_[{c.metric_id, c.period_index}][{c.moment, c.subject_id}];
  const Share share{c.delta, c.client};
  if (c.sign > 0) {
    pending.added = share;
  } else if (pending.added) {
    pending.added.reset();  // added and taken back within the event
  } else {
    pending.removed = share;
  }
}

void LeaderWatch::settle() {
  for (const auto metric_id : reset_metrics_) {
    for (const auto& [id, rule] : rules_) {
      if (rule.metric_id == metric_id) to_sweep_.insert(id);
    }
  }
  // Into the lines; a period where only moments after its last one were added is extended,
  // any other change sweeps it again.
  std::map<LineKey, Line::const_iterator> extended;  // line → its first new share
  std::map<LineKey, Moment> changed;                 // line → its earliest change
  for (auto& [key, shares] : pending_) {
    auto& line = lines_[key];
    const bool had_any = !line.empty();
    const auto last = had_any ? line.rbegin()->first : std::pair<Moment, std::int64_t>{};
    bool appended_only = true;
    std::optional<std::pair<Moment, std::int64_t>> first_new, first_change;
    for (const auto& [at, p] : shares) {                             // in timeline order
      if (p.removed && p.added && *p.removed == *p.added) continue;  // the same share again
      if (!p.added) {
        if (p.removed && line.erase(at) > 0) {
          appended_only = false;
          if (!first_change) first_change = at;
        }
        continue;
      }
      line[at] = *p.added;
      if (!first_change) first_change = at;
      if (p.removed || (had_any && at <= last)) appended_only = false;
      if (!first_new) first_new = at;
    }
    if (line.empty()) lines_.erase(key);
    if (!appended_only) {
      changed.emplace(key, first_change->first);
    } else if (first_new) {
      extended.emplace(key, lines_.at(key).find(*first_new));
    }
  }
  pending_.clear();
  reset_metrics_.clear();

  for (const auto id : to_sweep_) {
    if (auto it = rules_.find(id); it != rules_.end()) sweep_all(it->second);
  }
  for (auto& [id, rule] : rules_) {
    if (to_sweep_.contains(id) || rule.metric_id == 0) continue;
    for (const auto& [key, from] : changed) {
      if (key.metric_id == rule.metric_id) sweep_period(rule, key.period_index, from);
    }
    for (const auto& [key, from] : extended) {
      if (key.metric_id != rule.metric_id) continue;
      auto& sweep = rule.sweeps[key.period_index];
      if (sweep.spacing == 0) sweep.spacing = spacing_;
      advance(rule, sweep, key.period_index, from, lines_.at(key).end());
      record(rule, key.period_index, sweep, false);
    }
  }
  to_sweep_.clear();
}

void LeaderWatch::sweep_all(Rule& rule) {
  if (rule.metric_id == 0) return;  // its board cannot be judged now: what was found stays
  // Every full sweep follows whatever changed these (a board defined again, a metric replaced),
  // so the steps read them from the rule rather than look them up.
  const auto* metric = fold_.metric(rule.metric_id);
  const auto* board = boards_.board(rule.rule.board_id);
  rule.distinct = metric && metric->kind == MetricKind::distinct_clients;
  rule.first_to_reach = board && board->policy == TiePolicy::first_to_reach;
  std::set<std::int32_t> periods;
  for (const auto& [index, sweep] : rule.sweeps)
    periods.insert(index);
  for (auto it = lines_.lower_bound({rule.metric_id, INT32_MIN});
       it != lines_.end() && it->first.metric_id == rule.metric_id; ++it) {
    periods.insert(it->first.period_index);
  }
  for (const auto index : periods)
    sweep_period(rule, index, std::nullopt);
}

void LeaderWatch::sweep_period(Rule& rule, std::int32_t period_index, std::optional<Moment> from) {
  auto& sweep = rule.sweeps[period_index];
  if (!from || sweep.spacing == 0) {
    sweep = Sweep{};
    sweep.spacing = spacing_;
  } else {
    // The copies made after the change are of a timeline that is no more.
    while (!sweep.checkpoints.empty() && !(*sweep.checkpoints.back().last < *from)) {
      sweep.checkpoints.pop_back();
    }
    sweep.now = sweep.checkpoints.empty() ? State{} : sweep.checkpoints.back();
  }
  if (const auto line = lines_.find({rule.metric_id, period_index}); line != lines_.end()) {
    const auto start = sweep.now.last ? line->second.upper_bound({*sweep.now.last, INT64_MAX})
                                      : line->second.begin();
    advance(rule, sweep, period_index, start, line->second.end());
  }
  record(rule, period_index, sweep, true);
  if (!sweep.now.last) rule.sweeps.erase(period_index);
}

void LeaderWatch::advance(Rule& rule, Sweep& sweep, std::int32_t period_index,
                          Line::const_iterator from, Line::const_iterator end) {
  auto& state = sweep.now;
  fresh_.clear();
  while (from != end) {
    const auto moment = from->first.first;
    // A record's shares of every subject it counts for move together: one moment.
    for (; from != end && from->first.first == moment; ++from) {
      step_share(rule, sweep, period_index, from->first.second, moment, from->second);
    }
    judge_top(rule, state, moment);
    state.last = moment;
    if (++state.moments % sweep.spacing != 0) continue;
    sweep.checkpoints.push_back(state);
    if (sweep.checkpoints.size() < kMaxCheckpoints) continue;
    // The older half thinned to every other copy: copies grow sparser with age, and a record
    // landing near the end (the usual late one) sweeps again from close by.
    auto& copies = sweep.checkpoints;
    const auto half = copies.size() / 2;
    std::vector<State> kept;
    kept.reserve(copies.size());
    for (std::size_t i = 1; i < half; i += 2)
      kept.push_back(std::move(copies[i]));
    for (std::size_t i = half; i < copies.size(); ++i)
      kept.push_back(std::move(copies[i]));
    copies = std::move(kept);
  }
}

void LeaderWatch::step_share(const Rule& rule, Sweep& sweep, std::int32_t period_index,
                             std::int64_t subject, Moment moment, const Share& share) {
  auto [known, fresh] = sweep.place.try_emplace(subject, 0);
  if (fresh) {
    known->second = static_cast<std::uint32_t>(sweep.subjects.size());
    sweep.subjects.push_back(subject);
    const auto period = period_of(rule, period_index);
    const auto last_day = date::sys_days(core::last_day(period));
    sweep.in_scope.push_back(boards_.in_scope_of(rule.rule.board_id, subject, period, last_day));
  }
  const auto i = known->second;
  if (!sweep.in_scope[i]) return;
  auto& state = sweep.now;
  std::int64_t delta = share.delta;
  if (rule.distinct) {
    delta = ++state.clients[{i, share.client}] == 1 ? 1 : 0;  // a client counts once
  }
  if (delta == 0) return;
  if (state.figure.size() <= i) {  // a subject new since this state began
    state.figure.resize(i + 1, 0);
    state.since.resize(i + 1, kNeverReached);
    state.reached.resize(i + 1, kNeverReached);
  }
  const auto was = state.figure[i];
  const auto now = was + delta;
  state.figure[i] = now;
  state.since[i] = moment;
  auto& leaders = state.leaders;
  if (was == state.best) std::erase(leaders, i);
  if (now > state.best) {
    state.best = now;
    leaders.assign(1, i);
  } else if (now == state.best) {
    leaders.push_back(i);
  } else if (leaders.empty()) {
    find_best(sweep, state);  // the only leader went down
  }
}

void LeaderWatch::find_best(const Sweep& sweep, State& state) {
  state.best = INT64_MIN;
  state.leaders.clear();
  for (std::uint32_t i = 0; i < state.figure.size(); ++i) {
    if (!sweep.in_scope[i]) continue;
    if (state.figure[i] > state.best) {
      state.best = state.figure[i];
      state.leaders.assign(1, i);
    } else if (state.figure[i] == state.best) {
      state.leaders.push_back(i);
    }
  }
}

void LeaderWatch::judge_top(const Rule& rule, State& state, Moment moment) {
  if (state.leaders.empty() || state.best < std::max<std::int64_t>(1, rule.rule.at_least)) return;
  const bool first_to_reach = rule.first_to_reach;
  Moment first = kNeverReached;
  if (first_to_reach) {
    for (const auto i : state.leaders)
      first = std::min(first, state.since[i]);
  }
  for (const auto i : state.leaders) {
    if (first_to_reach && state.since[i] != first) continue;  // got there later: second
    if (state.reached[i] != kNeverReached) continue;
    state.reached[i] = moment;
    fresh_.push_back(i);
  }
}

void LeaderWatch::record(const Rule& rule, std::int32_t period_index, const Sweep& sweep,
                         bool full) {
  const auto period = period_of(rule, period_index);
  const auto& state = sweep.now;
  const auto hold = [&](std::uint32_t i) {
    book_.holds(FactKey{rule.rule.id, sweep.subjects[i], period, 0}, state.reached[i], event_,
                rule.rule.grace, rule.rule.effective_from);
  };
  if (!full) {  // extended: whoever reached the top before still did
    for (const auto i : fresh_)
      hold(i);
    return;
  }
  for (std::uint32_t i = 0; i < state.reached.size(); ++i) {
    if (state.reached[i] != kNeverReached) hold(i);
  }
  // Facts of this period the sweep no longer finds.
  const auto reached = [&](std::int64_t subject) {
    const auto place = sweep.place.find(subject);
    return place != sweep.place.end() && place->second < state.reached.size() &&
           state.reached[place->second] != kNeverReached;
  };
  const FactKey from{rule.rule.id, INT64_MIN, period, 0};
  std::vector<FactKey> gone;
  for (auto it = book_.facts().lower_bound(from);
       it != book_.facts().end() && it->first.rule_id == rule.rule.id; ++it) {
    if (it->first.period != period) continue;
    if (it->second.holds && !reached(it->first.subject_id)) gone.push_back(it->first);
  }
  for (const auto& key : gone)
    book_.stops_holding(key, event_);
}

core::Period LeaderWatch::period_of(const Rule& rule, std::int32_t period_index) const {
  const auto* metric = fold_.metric(rule.metric_id);
  return core::Period{metric ? metric->period : core::PeriodKind::all_time, period_index};
}

}  // namespace laurel::engine
