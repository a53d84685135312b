#include "engine/challenge_book.hpp"

#include <array>

namespace laurel::engine {

std::string_view to_string(ChallengeOutcome outcome) {
  static constexpr std::array<std::string_view, 7> kNames{
      "in_progress", "completed", "failed", "won", "lost", "drawn", "cancelled"};
  return kNames[static_cast<std::size_t>(outcome)];
}

void ChallengeBook::begin(EventContext event) {
  event_ = event;
  while (!due_.empty() && due_.begin()->first < event.recorded_at) {
    auto& entry = challenges_.at(due_.begin()->second);
    freeze(entry, entry.definition.settles_at());
  }
  watch_.begin(event);
}

void ChallengeBook::settle() {
  watch_.settle();
  for (const auto& key : std::exchange(touched_groups_, {})) {
    const auto it = challenges_.find(key.first);
    if (it != challenges_.end() && !it->second.frozen) judge_group(it->second, key.second);
  }
  for (const auto& fact : watch_.take_changes()) {
    const auto it = challenges_.find(fact.key.rule_id);
    if (it == challenges_.end() || it->second.frozen) continue;
    const auto& c = it->second.definition;
    if (c.head_to_head || !c.people) continue;  // a head-to-head pays when it settles
    pay(it->second, fact.key.subject_id, fact.holds ? c.reward_points : 0, fact.became_true.at);
  }
}

void ChallengeBook::judge_group(const Entry& entry, std::size_t group) {
  const auto& c = entry.definition;
  if (!c.goal) return;
  const GroupKey key{c.id, group};
  const auto cell = group_cells_.find(key);
  std::optional<Moment> reached;
  if (cell != group_cells_.end()) reached = cell->second.crossings({*c.goal}).front();
  const auto before = group_reached_.find(key);
  const bool was = before != group_reached_.end();
  if (was == reached.has_value() && (!was || before->second == *reached)) return;
  if (reached) {
    group_reached_[key] = *reached;
  } else {
    group_reached_.erase(key);
  }
  if (c.head_to_head || !c.people) return;  // a head-to-head pays when it settles
  for (const auto member : c.groups[group])
    pay(entry, member, reached ? c.reward_points : 0, reached ? reached->at : c.ends_at);
}

void ChallengeBook::reset(std::int64_t metric_id) {
  std::erase_if(group_cells_, [&](const auto& cell) {
    const auto it = challenges_.find(cell.first.first);
    const bool of_metric = it != challenges_.end() && it->second.definition.metric_id == metric_id;
    if (of_metric) touched_groups_.insert(cell.first);
    return of_metric;
  });
}

void ChallengeBook::contributed(const Contribution& c) {
  const auto metric = members_.find(c.metric_id);
  if (metric == members_.end()) return;
  const auto groups = metric->second.find(c.subject_id);
  if (groups == metric->second.end()) return;
  const auto* definition = fold_.metric(c.metric_id);
  const bool distinct = definition && definition->kind == MetricKind::distinct_clients;
  for (const auto& member : groups->second) {
    const auto& challenge = challenges_.at(member.group.first).definition;
    if (challenge.period.index != c.period_index) continue;
    const Moment moment{c.moment.at, c.moment.record_id * kGroupSlots + member.slot};
    auto cell = group_cells_.try_emplace(member.group, distinct).first;
    if (c.sign > 0) {
      cell->second.add(moment, c.delta, c.client);
    } else {
      cell->second.remove(moment);
    }
    touched_groups_.insert(member.group);
  }
}

void ChallengeBook::freeze(Entry& entry, core::Timestamp at) {
  due_.erase({entry.definition.settles_at(), entry.definition.id});
  entry.frozen = judge(entry, at);
  entry.frozen->settled_seq = event_.seq;
  const auto& c = entry.definition;
  if (!c.people) return;
  for (std::size_t i = 0; i < entry.frozen->participants.size(); ++i) {
    const auto& p = entry.frozen->participants[i];
    const bool earns =
        p.outcome == ChallengeOutcome::completed || p.outcome == ChallengeOutcome::won;
    const auto earned = p.reached ? p.reached->at : c.ends_at;
    if (c.groups.empty()) {
      pay(entry, p.subject_id, earns ? c.reward_points : 0, earned);
    } else {
      for (const auto member : c.groups[i])
        pay(entry, member, earns ? c.reward_points : 0, earned);
    }
  }
}

void ChallengeBook::pay(const Entry& entry, std::int64_t staff_id, std::int64_t points,
                        core::Timestamp earned) {
  auto& paid = paid_[{entry.definition.id, staff_id}];
  if (paid == points) return;
  rewards_.push_back({entry.definition.id, staff_id, points, points - paid, earned, event_.seq,
                      event_.recorded_at});
  paid = points;
}

bool ChallengeBook::add(ChallengeDefinition challenge) {
  if (challenges_.contains(challenge.id)) return false;
  if (challenge.head_to_head && challenge.subject_ids.size() != 2) return false;
  if (challenge.subject_ids.empty()) return false;
  if (!challenge.groups.empty()) return add_groups(std::move(challenge));
  if (challenge.goal) {
    if (*challenge.goal <= 0) return false;
    ThresholdRule rule;
    rule.id = challenge.id;
    rule.metric_id = challenge.metric_id;
    rule.thresholds = {*challenge.goal};
    rule.subject_ids = challenge.subject_ids;
    rule.period = challenge.period;
    rule.grace = challenge.grace;
    if (!watch_.add_rule(std::move(rule))) return false;
  } else if (!fold_.has_metric(challenge.metric_id)) {
    return false;
  }
  due_.emplace(challenge.settles_at(), challenge.id);
  challenges_.emplace(challenge.id, Entry{std::move(challenge), false, std::nullopt});
  return true;
}

bool ChallengeBook::add_groups(ChallengeDefinition challenge) {
  if (!fold_.has_metric(challenge.metric_id)) return false;
  if (challenge.goal && *challenge.goal <= 0) return false;
  if (challenge.groups.size() != challenge.subject_ids.size()) return false;
  std::set<std::int64_t> people;
  for (const auto& group : challenge.groups) {
    if (group.empty() || group.size() > static_cast<std::size_t>(kGroupSlots)) return false;
    for (const auto member : group) {
      if (!people.insert(member).second) return false;  // in one group at most
    }
  }
  const auto id = challenge.id;
  const auto metric = challenge.metric_id;
  auto& members = members_[metric];
  for (std::size_t g = 0; g < challenge.groups.size(); ++g) {
    for (std::size_t m = 0; m < challenge.groups[g].size(); ++m) {
      members[challenge.groups[g][m]].push_back({{id, g}, static_cast<std::int64_t>(m)});
    }
  }
  due_.emplace(challenge.settles_at(), id);
  challenges_.emplace(id, Entry{std::move(challenge), false, std::nullopt});
  // The metric's contributions so far, from its reset: every group of it is judged afresh.
  fold_.watch(metric, *this);
  return true;
}

void ChallengeBook::cancel(std::int64_t id) {
  const auto it = challenges_.find(id);
  if (it == challenges_.end() || it->second.frozen) return;
  it->second.cancelled = true;
  freeze(it->second, event_.recorded_at);
}

std::optional<ChallengeStanding> ChallengeBook::standing(std::int64_t id,
                                                         core::Timestamp now) const {
  const auto it = challenges_.find(id);
  if (it == challenges_.end()) return std::nullopt;
  if (it->second.frozen) return it->second.frozen;
  return judge(it->second, now);
}

ChallengeStanding ChallengeBook::judge(const Entry& entry, core::Timestamp now) const {
  const auto& c = entry.definition;
  ChallengeStanding out;
  out.id = c.id;
  out.settled = !entry.cancelled && now >= c.settles_at();
  for (std::size_t i = 0; i < c.subject_ids.size(); ++i) {
    ParticipantStanding p;
    p.subject_id = c.subject_ids[i];
    if (!c.groups.empty()) {
      const GroupKey key{c.id, i};
      const auto cell = group_cells_.find(key);
      p.figure = cell == group_cells_.end() ? 0 : cell->second.figure();
      if (const auto it = group_reached_.find(key); it != group_reached_.end()) {
        p.reached = Moment{it->second.at, it->second.record_id / kGroupSlots};  // the record
      }
    } else {
      p.figure = fold_.value(c.metric_id, p.subject_id, c.period);
      if (c.goal) {
        const auto it = watch_.facts().find(FactKey{c.id, p.subject_id, c.period, *c.goal});
        if (it != watch_.facts().end() && it->second.holds) p.reached = it->second.became_true;
      }
    }
    out.participants.push_back(p);
  }
  const bool over = now >= c.ends_at;
  if (entry.cancelled) {  // who had reached a goal keeps it
    for (auto& p : out.participants) {
      p.outcome =
          p.reached && !c.head_to_head ? ChallengeOutcome::completed : ChallengeOutcome::cancelled;
    }
    return out;
  }
  if (!c.head_to_head) {
    for (auto& p : out.participants) {
      p.outcome = p.reached ? ChallengeOutcome::completed
                  : over    ? ChallengeOutcome::failed
                            : ChallengeOutcome::in_progress;
    }
    return out;
  }
  auto& a = out.participants[0];
  auto& b = out.participants[1];
  const auto decide = [](ParticipantStanding& winner, ParticipantStanding& loser) {
    winner.outcome = ChallengeOutcome::won;
    winner.leading = true;
    loser.outcome = ChallengeOutcome::lost;
  };
  if (a.reached && b.reached && *a.reached == *b.reached) {  // one record took both there
    a.outcome = b.outcome = ChallengeOutcome::drawn;
    return out;
  }
  if (a.reached || b.reached) {
    // The first to the goal wins.
    const bool a_first = a.reached && (!b.reached || *a.reached < *b.reached);
    a_first ? decide(a, b) : decide(b, a);
    return out;
  }
  a.leading = a.figure > b.figure;
  b.leading = b.figure > a.figure;
  if (!over) return out;  // both in progress
  if (a.figure == b.figure) {
    a.outcome = b.outcome = ChallengeOutcome::drawn;
  } else {
    a.figure > b.figure ? decide(a, b) : decide(b, a);
  }
  return out;
}

}  // namespace laurel::engine
