#include "engine/badge_book.hpp"

#include <algorithm>

namespace laurel::engine {

bool BadgeBook::set_rule(const BadgeRule& rule) {
  if (rule.event == PointsEvent::subscription || rule.count < 1 || rule.grace_days < 0) {
    return false;
  }
  rules_.insert_or_assign(rule.id, rule);
  touch_everyone_ = true;
  return true;
}

void BadgeBook::apply(const VisitActivity& visit) {
  // The people and key people of the version before count as touched too: they may lose it.
  if (const auto old = visits_.find(visit.id); old != visits_.end()) {
    for (const auto staff : old->second.staff_ids) {
      visits_of_[staff].erase({old->second.occurred_at, visit.id});
      touched_.insert(staff);
      rescan_.insert(staff);
    }
    for (const auto person : old->second.attendee_ids)
      visits_with_[person].erase(visit.id);
    visits_.erase(old);
  }
  if (!visit.in_effect) return;
  const auto& kept = visits_.emplace(visit.id, visit).first->second;
  for (const auto staff : visit.staff_ids) {
    auto& timeline = visits_of_[staff];
    const auto at = timeline.emplace(TimelineKey(visit.occurred_at, visit.id), &kept).first;
    touched_.insert(staff);
    if (std::next(at) != timeline.end()) rescan_.insert(staff);  // not at the end: from the start
  }
  for (const auto person : visit.attendee_ids)
    visits_with_[person].insert(visit.id);
}

void BadgeBook::set_decision_maker(std::int64_t key_person_id, bool decision_maker) {
  const bool was = decision_makers_.contains(key_person_id);
  if (was == decision_maker) return;
  if (decision_maker) {
    decision_makers_.insert(key_person_id);
  } else {
    decision_makers_.erase(key_person_id);
  }
  const auto met = visits_with_.find(key_person_id);
  if (met == visits_with_.end()) return;
  for (const auto id : met->second) {
    for (const auto staff : visits_.at(id).staff_ids) {
      touched_.insert(staff);
      rescan_.insert(staff);
    }
  }
}

void BadgeBook::set_calendar(core::WorkCalendar calendar) {
  calendar_ = std::move(calendar);
  touch_everyone_ = true;
}

bool BadgeBook::qualifies(const BadgeRule& rule, const VisitActivity& v) const {
  if (rule.visit_kinds != 0 && (rule.visit_kinds & (1u << v.kind)) == 0) return false;
  if (v.recorded_at - v.occurred_at > std::chrono::days(rule.grace_days)) return false;
  switch (rule.event) {
    case PointsEvent::visit_logged:
      return true;
    case PointsEvent::key_person_met:
      return !v.attendee_ids.empty();
    case PointsEvent::decision_maker_reached:
      return std::any_of(v.attendee_ids.begin(), v.attendee_ids.end(),
                         [this](std::int64_t p) { return decision_makers_.contains(p); });
    case PointsEvent::subscription:  // not badge events (crm/badge_rule.cpp refuses them)
    case PointsEvent::follow_up_done:
    case PointsEvent::first_use:
      break;
  }
  return false;
}

template <class F>
std::optional<BadgeBook::TimelineKey> BadgeBook::for_each_counted(const BadgeRule& rule,
                                                                  std::int64_t staff_id,
                                                                  std::optional<TimelineKey> after,
                                                                  F&& f) const {
  const auto mine = visits_of_.find(staff_id);
  if (mine == visits_of_.end()) return after;
  const auto& timeline = mine->second;
  for (auto it = after ? timeline.upper_bound(*after) : timeline.begin(); it != timeline.end();
       ++it) {
    after = it->first;
    if (qualifies(rule, *it->second) && !f(*it->second)) break;
  }
  return after;
}

BadgeBook::Scan BadgeBook::scan(const BadgeRule& rule, std::int64_t staff_id, bool to_the_end,
                                Scan out) const {
  if (rule.kind == BadgeKind::depth) {
    // Each client's people met so far, in timeline order: earned by the visit that brings one
    // client's to N.
    const bool decision_makers = rule.event == PointsEvent::decision_maker_reached;
    out.last = for_each_counted(rule, staff_id, out.last, [&](const VisitActivity& v) {
      auto& met = out.met[v.client_id];
      for (const auto person : v.attendee_ids) {
        if (!decision_makers || decision_makers_.contains(person)) met.insert(person);
      }
      out.progress = std::max(out.progress, static_cast<std::int32_t>(met.size()));
      if (out.progress >= rule.count && !out.earned) {
        out.earned = BadgeState{true, v.id, v.occurred_at};
      }
      return to_the_end || !out.earned;
    });
    return out;
  }
  if (rule.kind == BadgeKind::milestone) {
    out.last = for_each_counted(rule, staff_id, out.last, [&](const VisitActivity& v) {
      if (++out.progress == rule.count) out.earned = BadgeState{true, v.id, v.occurred_at};
      return to_the_end || !out.earned;
    });
    return out;
  }
  // Streak: each working day with a visit, in order, with the first visit of the day; a run goes
  // on while each day is the working day after the one before.
  out.last = for_each_counted(rule, staff_id, out.last, [&](const VisitActivity& v) {
    const auto day = date::sys_days(zone_.date_of(v.occurred_at));
    if (out.run > 0 && day == out.previous) return true;  // the same day again
    if (!calendar_.is_working_day(core::LocalDate(day))) return true;
    auto next = out.previous + date::days(1);
    // Days off between two working days are skipped (a long holiday is at most a few weeks).
    for (int guard = 0;
         out.run > 0 && guard < 60 && !calendar_.is_working_day(core::LocalDate(next)); ++guard) {
      next += date::days(1);
    }
    out.run = out.run > 0 && day == next ? out.run + 1 : 1;
    out.previous = day;
    out.progress = std::max(out.progress, out.run);
    if (out.run == rule.count && !out.earned) out.earned = BadgeState{true, v.id, v.occurred_at};
    return to_the_end || !out.earned;
  });
  return out;
}

void BadgeBook::judge_again(const BadgeRule& rule, std::int64_t staff_id, bool afresh) {
  const BadgeKey key{rule.id, staff_id};
  auto& walked = scans_[key];
  if (afresh) walked = Scan{};
  // Visits added after all those walked cannot take an earned badge back, nor earn it earlier.
  if (!walked.earned) walked = scan(rule, staff_id, false, walked);
  const auto& now = walked.earned;
  const auto before = states_.find(key);
  if (!now) {
    if (before == states_.end() || !before->second.holds) return;  // never held, or taken back
    before->second.holds = false;
    changes_.push_back({key, before->second, event_.seq, event_.recorded_at});
    return;
  }
  if (before != states_.end() && before->second == *now) return;
  states_.insert_or_assign(key, *now);
  changes_.push_back({key, *now, event_.seq, event_.recorded_at});
}

void BadgeBook::settle() {
  if (rules_.empty()) {
    touched_.clear();
    rescan_.clear();
    touch_everyone_ = false;
    return;
  }
  if (touch_everyone_) {
    for (const auto& [staff, visits] : visits_of_)
      touched_.insert(staff);
    for (const auto& [key, state] : states_)
      touched_.insert(key.staff_id);
  }
  for (const auto staff : touched_) {
    const bool afresh = touch_everyone_ || rescan_.contains(staff);
    for (const auto& [id, rule] : rules_)
      judge_again(rule, staff, afresh);
  }
  touched_.clear();
  rescan_.clear();
  touch_everyone_ = false;
}

std::int32_t BadgeBook::progress(const BadgeKey& key) const {
  const auto rule = rules_.find(key.rule_id);
  if (rule == rules_.end()) return 0;
  return scan(rule->second, key.staff_id, true, Scan{}).progress;
}

std::optional<BadgeState> BadgeBook::state(const BadgeKey& key) const {
  const auto it = states_.find(key);
  return it == states_.end() ? std::nullopt : std::optional(it->second);
}

}  // namespace laurel::engine
