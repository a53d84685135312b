#include "engine/points_book.hpp"

#include <algorithm>
#include <deque>
#include <optional>

#include "core/period.hpp"

namespace laurel::engine {
namespace {

__extension__ typedef __int128 Wide;

// Far beyond any real award, and small enough that sums of many never overflow.
constexpr std::int64_t kMostPoints = 1'000'000'000'000;

std::int64_t clamp_points(Wide points) {
  return static_cast<std::int64_t>(std::clamp<Wide>(points, 0, kMostPoints));
}

bool kind_passes(const PointsRule& rule, std::uint8_t kind) {
  return rule.visit_kinds == 0 || (rule.visit_kinds & (1u << kind)) != 0;
}

}  // namespace

std::int64_t curve_points(const PointsRule& rule, std::int64_t amount_fen) {
  if (amount_fen <= 0) return 0;
  std::int64_t points = rule.points;
  if (!rule.curve.empty()) {
    CurvePoint from{0, 0};
    CurvePoint to = rule.curve.front();
    for (std::size_t i = 0; i < rule.curve.size(); ++i) {
      to = rule.curve[i];
      if (amount_fen <= to.amount_fen) break;
      if (i + 1 < rule.curve.size()) from = to;
    }
    // Between `from` and `to`, or beyond the last point along the last segment.
    const Wide run = to.amount_fen - from.amount_fen;
    const Wide rise = to.points - from.points;
    points = run <= 0 ? clamp_points(to.points)
                      : clamp_points(from.points + rise * (amount_fen - from.amount_fen) / run);
  }
  if (rule.max_points) points = std::min(points, *rule.max_points);
  return std::max<std::int64_t>(points, 0);
}

std::string_view to_string(AwardCut cut) {
  switch (cut) {
    case AwardCut::none:
      return "none";
    case AwardCut::late:
      return "late";
    case AwardCut::cooldown:
      return "cooldown";
    case AwardCut::daily_cap:
      return "daily_cap";
    case AwardCut::weekly_cap:
      return "weekly_cap";
  }
  return "none";
}

bool PointsBook::set_rule(PointsRule version) {
  auto& versions = rules_[version.id];
  const auto expected = versions.empty() ? 1 : versions.back().version + 1;
  if (version.version != expected) {
    if (versions.empty()) rules_.erase(version.id);
    return false;
  }
  versions.push_back(std::move(version));
  all_dirty_ = true;  // every week may hold activity of the new version
  return true;
}

const std::vector<PointsRule>* PointsBook::versions(std::int64_t rule_id) const {
  const auto it = rules_.find(rule_id);
  return it == rules_.end() ? nullptr : &it->second;
}

const PointsRule* PointsBook::version_at(const std::vector<PointsRule>& versions,
                                         core::Timestamp t) {
  const PointsRule* found = nullptr;
  for (const auto& v : versions) {
    if (v.effective_from <= t) found = &v;  // versions only move forward in effective_from
  }
  if (!found || !found->enabled) return nullptr;
  if (found->valid_until && t >= *found->valid_until) return nullptr;
  return found;
}

PointsBook::Week PointsBook::week_of(const Activity& a) {
  return {a.staff_id, core::period_of(a.day, core::PeriodKind::week).index};
}

void PointsBook::mark(const Week& week, SourceKind kind, core::Timestamp at) {
  auto& d = dirty_[week];
  d.kinds = static_cast<std::uint8_t>(d.kinds | (1u << static_cast<unsigned>(kind)));
  d.from = std::min(d.from, at);
}

void PointsBook::replace(SourceKey source, std::vector<Activity> activities) {
  const auto order = [](const Activity& a, const Activity& b) {
    return std::tie(a.occurred_at, a.source) < std::tie(b.occurred_at, b.source);
  };
  if (const auto old = placed_.find(source); old != placed_.end()) {
    for (const auto& p : old->second) {
      if (auto w = weeks_.find(p.week); w != weeks_.end()) {
        auto& items = w->second;
        items.erase(std::remove_if(items.begin(), items.end(),
                                   [&](const Activity& a) { return a.source == source; }),
                    items.end());
        if (items.empty()) weeks_.erase(w);
      }
      mark(p.week, source.kind, p.occurred_at);
    }
    placed_.erase(old);
  }
  if (activities.empty()) return;
  std::vector<Placed> placed;
  placed.reserve(activities.size());
  for (auto& a : activities) {
    const auto week = week_of(a);
    auto& items = weeks_[week];
    items.insert(std::upper_bound(items.begin(), items.end(), a, order), a);
    mark(week, source.kind, a.occurred_at);
    placed.push_back({week, a.occurred_at});
  }
  placed_.emplace(source, std::move(placed));
}

void PointsBook::add_visit_activities(const VisitActivity& visit, std::vector<Activity>& out) {
  if (!visit.in_effect) return;
  const bool decision_maker =
      std::any_of(visit.attendee_ids.begin(), visit.attendee_ids.end(),
                  [this](std::int64_t id) { return decision_makers_.contains(id); });
  const auto day = days_.day_of(visit.occurred_at);
  for (const auto staff : visit.staff_ids) {
    Activity a;
    a.source = {SourceKind::visit, visit.id};
    a.staff_id = staff;
    a.client_id = visit.client_id;
    a.occurred_at = visit.occurred_at;
    a.recorded_at = visit.recorded_at;
    a.day = day;
    a.visit_kind = visit.kind;
    a.key_person = !visit.attendee_ids.empty();
    a.decision_maker = decision_maker;
    out.push_back(a);
  }
  const auto& done = visit.follow_up_done_at;
  if (!done || !visit.follow_up_date || days_.day_of(*done) > *visit.follow_up_date) return;
  for (const auto staff : visit.staff_ids) {
    Activity a;
    a.source = {SourceKind::visit, visit.id};
    a.staff_id = staff;
    a.client_id = visit.client_id;
    a.occurred_at = *done;
    a.recorded_at = *done;
    a.day = days_.day_of(*done);
    a.visit_kind = visit.kind;
    a.follow_up = true;
    out.push_back(a);
  }
}

void PointsBook::apply_first_use(std::int64_t staff_id, std::int64_t seq, std::uint8_t function,
                                 core::Timestamp at) {
  Activity a;
  a.source = {SourceKind::first_use, first_use_source(seq, function)};
  a.staff_id = staff_id;
  a.occurred_at = at;
  a.recorded_at = at;
  a.day = days_.day_of(at);
  replace(a.source, {a});
}

void PointsBook::apply(const VisitActivity& visit) {
  if (const auto old = visits_.find(visit.id); old != visits_.end()) {
    for (const auto id : old->second.attendee_ids) {
      if (auto it = visits_of_attendee_.find(id); it != visits_of_attendee_.end()) {
        it->second.erase(visit.id);
      }
    }
    visits_.erase(old);
  }
  // Kept only when someone attended: a visit without key people never changes when one
  // becomes a decision maker.
  if (visit.in_effect && !visit.attendee_ids.empty()) {
    for (const auto id : visit.attendee_ids)
      visits_of_attendee_[id].insert(visit.id);
    visits_.emplace(visit.id, visit);
  }
  std::vector<Activity> activities;
  add_visit_activities(visit, activities);
  replace({SourceKind::visit, visit.id}, std::move(activities));
}

void PointsBook::apply(const TradeFact& trade, core::Timestamp recorded_at) {
  std::vector<Activity> activities;
  const bool subscription = trade.kind == TradeKind::subscribe || trade.kind == TradeKind::purchase;
  if (trade.in_effect && subscription && trade.amount_fen > 0) {
    const auto day = days_.day_of(trade.trade_time);
    for (const auto& credit : trade.credits) {
      if (credit.staff_id == 0 || credit.amount_fen <= 0) continue;
      const auto same = std::find_if(activities.begin(), activities.end(),
                                     [&](const auto& a) { return a.staff_id == credit.staff_id; });
      if (same != activities.end()) {
        same->credited_fen += credit.amount_fen;
        continue;
      }
      Activity a;
      a.source = {SourceKind::trade, trade.id};
      a.staff_id = credit.staff_id;
      a.client_id = trade.client_id;
      a.occurred_at = trade.trade_time;
      a.recorded_at = recorded_at;
      a.day = day;
      a.amount_fen = trade.amount_fen;
      a.credited_fen = credit.amount_fen;
      activities.push_back(a);
    }
  }
  replace({SourceKind::trade, trade.id}, std::move(activities));
}

void PointsBook::set_decision_maker(std::int64_t key_person_id, bool decision_maker) {
  if (decision_makers_.contains(key_person_id) == decision_maker) return;
  if (decision_maker) {
    decision_makers_.insert(key_person_id);
  } else {
    decision_makers_.erase(key_person_id);
  }
  const auto it = visits_of_attendee_.find(key_person_id);
  if (it == visits_of_attendee_.end()) return;
  for (const auto visit_id : it->second) {
    std::vector<Activity> activities;
    add_visit_activities(visits_.at(visit_id), activities);
    replace({SourceKind::visit, visit_id}, std::move(activities));
  }
}

std::uint8_t PointsBook::source_bit(const std::vector<PointsRule>& versions) {
  auto kind = SourceKind::visit;
  if (!versions.empty() && versions.back().event == PointsEvent::subscription) {
    kind = SourceKind::trade;
  } else if (!versions.empty() && versions.back().event == PointsEvent::first_use) {
    kind = SourceKind::first_use;
  }
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind));
}

std::int64_t PointsBook::base_points(const PointsRule& rule, const Activity& a) {
  // A visit's own activity; its follow-up is an activity of its own.
  const bool visit = a.source.kind == SourceKind::visit && !a.follow_up;
  switch (rule.event) {
    case PointsEvent::visit_logged:
      return visit && kind_passes(rule, a.visit_kind) ? rule.points : 0;
    case PointsEvent::key_person_met:
      return visit && a.key_person && kind_passes(rule, a.visit_kind) ? rule.points : 0;
    case PointsEvent::decision_maker_reached:
      return visit && a.decision_maker && kind_passes(rule, a.visit_kind) ? rule.points : 0;
    case PointsEvent::follow_up_done:
      return a.follow_up && kind_passes(rule, a.visit_kind) ? rule.points : 0;
    case PointsEvent::first_use:
      return a.source.kind == SourceKind::first_use ? rule.points : 0;
    case PointsEvent::subscription: {
      if (a.source.kind != SourceKind::trade || a.amount_fen <= 0) return 0;
      // The subscription's points, shared as its amount is credited.
      const Wide whole = curve_points(rule, a.amount_fen);
      return clamp_points(whole * a.credited_fen / a.amount_fen);
    }
  }
  return 0;
}

template <class VersionOf>
void PointsBook::work_out(std::int64_t rule_id, const std::vector<Activity>& items,
                          VersionOf version_of, core::Timestamp from, std::vector<Award>& awards,
                          std::vector<Award>& replaced) {
  // The activities come in occurred_at order, so days come one after the other: what the day
  // has paid, and the clients that earned that day, are kept for the current day only.
  date::sys_days today{};
  std::int64_t paid_today = 0;
  std::int64_t paid_in_week = 0;
  std::vector<std::int64_t> met_today;
  // What comes before `from` pays as it did: those awards stay, and the day's and the week's
  // running figures are taken from them.
  const auto split =
      std::lower_bound(awards.begin(), awards.end(), from,
                       [](const Award& a, core::Timestamp t) { return a.occurred_at < t; });
  for (auto it = awards.begin(); it != split; ++it) {
    if (it->day != today) {
      today = it->day;
      paid_today = 0;
      met_today.clear();
    }
    paid_today += it->paid;
    paid_in_week += it->paid;
    if (it->cut != AwardCut::late) met_today.push_back(it->client_id);
  }
  replaced.assign(std::make_move_iterator(split), std::make_move_iterator(awards.end()));
  awards.erase(split, awards.end());
  const auto first =
      std::lower_bound(items.begin(), items.end(), from,
                       [](const Activity& a, core::Timestamp t) { return a.occurred_at < t; });
  for (auto it = first; it != items.end(); ++it) {
    const auto& a = *it;
    const PointsRule* rule = version_of(a.occurred_at);
    if (!rule) continue;
    const auto base = base_points(*rule, a);
    if (base <= 0) continue;
    if (a.day != today) {
      today = a.day;
      paid_today = 0;
      met_today.clear();
    }
    Award award{{rule_id, a.staff_id, a.source},
                rule->version,
                a.occurred_at,
                a.day,
                a.client_id,
                base,
                0,
                AwardCut::none};
    // A first use is of no client (0): nothing to cool down.
    const bool met = a.client_id != 0 &&
                     std::find(met_today.begin(), met_today.end(), a.client_id) != met_today.end();
    if (a.recorded_at - a.occurred_at > date::days(rule->grace_days)) {
      award.cut = AwardCut::late;  // a late record does not take the client's day either
    } else if (rule->once_per_client_per_day && met) {
      award.cut = AwardCut::cooldown;
    } else {
      if (!met) met_today.push_back(a.client_id);
      std::int64_t pay = base;
      if (rule->daily_cap && pay > *rule->daily_cap - paid_today) {
        pay = std::max<std::int64_t>(0, *rule->daily_cap - paid_today);
        award.cut = AwardCut::daily_cap;
      }
      if (rule->weekly_cap && pay > *rule->weekly_cap - paid_in_week) {
        pay = std::max<std::int64_t>(0, *rule->weekly_cap - paid_in_week);
        award.cut = AwardCut::weekly_cap;
      }
      paid_today += pay;
      paid_in_week += pay;
      award.paid = pay;
    }
    awards.push_back(award);
  }
}

void PointsBook::settle() {
  if (!all_dirty_ && dirty_.empty()) return;
  std::map<Week, Dirty> todo;
  if (all_dirty_) {
    for (const auto& [week, items] : weeks_)
      todo[week] = Dirty{0xff, core::Timestamp::min()};
    for (const auto& [key, awards] : week_awards_)
      todo[key.first] = Dirty{0xff, core::Timestamp::min()};
  } else {
    todo = std::move(dirty_);
  }
  dirty_.clear();
  all_dirty_ = false;
  // Each award that may have moved, as it was (before) and as it is (now): an award whose record
  // moved to another week is then one change, not a reversal in one week and an award in the
  // other. Only what comes from a week's earliest change on can move.
  struct Moved {
    AwardKey key;
    const Award* before = nullptr;
    const Award* now = nullptr;
  };
  std::vector<Moved> moved;
  // The awards replaced, which the `before`s point into (a deque: growing it moves none).
  std::deque<std::vector<Award>> replaced;
  static const std::vector<Activity> kNone;
  for (const auto& [week, dirty] : todo) {
    const auto items = weeks_.find(week);
    const auto& activities = items == weeks_.end() ? kNone : items->second;
    for (const auto& [rule_id, versions] : rules_) {
      if (!(dirty.kinds & source_bit(versions))) continue;
      auto slot = week_awards_.find({week, rule_id});
      if (slot == week_awards_.end()) {
        if (activities.empty()) continue;
        slot = week_awards_.try_emplace({week, rule_id}).first;
      }
      auto& awards = slot->second;
      auto& old = replaced.emplace_back();
      const auto kept =
          std::lower_bound(awards.begin(), awards.end(), dirty.from,
                           [](const Award& a, core::Timestamp t) { return a.occurred_at < t; }) -
          awards.begin();
      work_out(
          rule_id, activities, [&versions](core::Timestamp t) { return version_at(versions, t); },
          dirty.from, awards, old);
      for (const auto& a : old)
        moved.push_back({a.key, &a, nullptr});
      if (awards.empty()) {
        week_awards_.erase(slot);
        continue;
      }
      for (auto i = static_cast<std::size_t>(kept); i < awards.size(); ++i)
        moved.push_back({awards[i].key, nullptr, &awards[i]});
    }
  }
  std::stable_sort(moved.begin(), moved.end(),
                   [](const Moved& a, const Moved& b) { return a.key < b.key; });
  for (std::size_t i = 0; i < moved.size();) {
    const Award* before = nullptr;
    const Award* now = nullptr;
    std::size_t j = i;
    for (; j < moved.size() && moved[j].key == moved[i].key; ++j) {
      if (moved[j].before) before = moved[j].before;
      if (moved[j].now) now = moved[j].now;
    }
    i = j;
    const std::int64_t was = before ? before->paid : 0;
    const std::int64_t is = now ? now->paid : 0;
    if (was == is) continue;
    Award award = now ? *now : *before;
    if (!now) {
      award.paid = 0;
      award.cut = AwardCut::none;
    }
    changes_.push_back({award, is - was, event_.seq, event_.recorded_at});
  }
}

const Award* PointsBook::award(const AwardKey& key) const {
  const auto placed = placed_.find(key.source);
  if (placed == placed_.end()) return nullptr;
  for (const auto& p : placed->second) {
    if (p.week.first != key.staff_id) continue;
    // A visit and its follow-up may lie in different weeks: look in each.
    const auto slot = week_awards_.find({p.week, key.rule_id});
    if (slot == week_awards_.end()) continue;
    for (const auto& a : slot->second) {
      if (a.key == key) return &a;
    }
  }
  return nullptr;
}

std::vector<PointsBook::PreviewRow> PointsBook::preview(const PointsRule& draft,
                                                        core::Timestamp from,
                                                        core::Timestamp to) const {
  std::map<std::int64_t, PreviewRow> rows;
  const auto in_window = [&](core::Timestamp t) { return t >= from && t < to; };
  const std::vector<PointsRule> only{draft};
  std::vector<Award> worked, none;
  for (const auto& [week, items] : weeks_) {
    if (items.empty() || items.back().occurred_at < from || items.front().occurred_at >= to) {
      continue;
    }
    worked.clear();
    work_out(
        draft.id, items,
        [&](core::Timestamp t) { return in_window(t) ? version_at(only, t) : nullptr; },
        core::Timestamp::min(), worked, none);
    for (const auto& award : worked) {
      if (award.paid <= 0) continue;
      auto& row = rows[award.key.staff_id];
      row.staff_id = award.key.staff_id;
      ++row.awards;
      row.points += award.paid;
    }
  }
  if (draft.id != 0) {
    for_each_award([&](const Award& award) {
      const auto& key = award.key;
      if (key.rule_id != draft.id || !in_window(award.occurred_at) || award.paid <= 0) return;
      auto& row = rows[key.staff_id];
      row.staff_id = key.staff_id;
      row.current += award.paid;
    });
  }
  std::vector<PreviewRow> out;
  out.reserve(rows.size());
  for (const auto& [staff, row] : rows)
    out.push_back(row);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.points != b.points ? a.points > b.points : a.staff_id < b.staff_id;
  });
  return out;
}

}  // namespace laurel::engine
