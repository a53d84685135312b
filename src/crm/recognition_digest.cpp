#include "crm/recognition_digest.hpp"

#include <algorithm>
#include <map>

#include "core/timestamp.hpp"
#include "crm/celebration_audience.hpp"
#include "store/badge_repository.hpp"
#include "store/point_ledger_repository.hpp"

namespace laurel::crm {

core::Result<Digest> RecognitionDigest::of(core::Period week, const auth::Principal& caller) {
  // The parade catches the engine up and leaves out whom the caller may not celebrate.
  auto parade = flags_.parade(week, caller);
  if (!parade) return parade.error();
  auto audience = CelebrationAudience::of(caller, scopes_, engine_);
  if (!audience) return audience.error();
  auto names = engine_.names_of(engine::SubjectKind::staff);
  if (!names) return names.error();
  auto levels = levels_.get();
  if (!levels) return levels.error();
  auto rules = badges_.list(0, 200);
  if (!rules) return rules.error();

  const auto from = core::to_micros(zone_.start_of(core::first_day(week)));
  const auto to = core::to_micros(
      zone_.start_of(core::LocalDate(date::sys_days(core::last_day(week)) + date::days(1))));
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto badges = store::BadgeRepository(**connection).first_earned_between(from, to);
  if (!badges) return badges.error();
  store::PointLedgerRepository ledger(**connection);
  auto at_start = ledger.status_before(from);
  if (!at_start) return at_start.error();
  auto at_end = ledger.status_before(to);
  if (!at_end) return at_end.error();

  std::map<std::int64_t, DigestEntry> people;
  const auto entry = [&](std::int64_t staff) -> DigestEntry& {
    auto [it, fresh] = people.try_emplace(staff);
    if (fresh) {
      it->second.staff_id = staff;
      it->second.celebrate_publicly = audience->celebrates(staff);
      const auto name = names->find(staff);
      if (name != names->end()) it->second.name = name->second;
    }
    return it->second;
  };
  for (auto& p : parade->people)
    entry(p.staff_id).flags = std::move(p.flags);
  for (const auto& b : *badges) {
    if (!audience->shows(b.staff_id)) continue;
    const auto rule = std::find_if(rules->rules.begin(), rules->rules.end(),
                                   [&](const auto& r) { return r.engine.id == b.rule_id; });
    entry(b.staff_id)
        .badges.push_back({b.rule_id, rule == rules->rules.end() ? std::string() : rule->name,
                           b.visit_id, b.first_earned_at});
  }
  auto results = challenges_.results_between(core::from_micros(from), core::from_micros(to));
  if (!results) return results.error();
  Digest out;
  for (auto& r : *results) {
    if (r.subject != engine::SubjectKind::staff || r.group) {
      out.team_challenges.push_back(std::move(r));
    } else if (audience->shows(r.subject_id)) {
      entry(r.subject_id).challenges.push_back(std::move(r));
    }
  }
  const std::map<std::int64_t, std::int64_t> before(at_start->begin(), at_start->end());
  for (const auto& [staff, status] : *at_end) {
    const auto was = before.find(staff);
    const auto then = level_of(*levels, was == before.end() ? 0 : was->second).level;
    const auto now = level_of(*levels, status).level;
    if (!now || (then && now->from <= then->from) || !audience->shows(staff)) continue;
    entry(staff).level_up = LevelUp{then ? then->name : std::string(), now->name, status};
  }

  out.week = week;
  for (auto& [staff, e] : people)
    out.people.push_back(std::move(e));
  std::stable_sort(out.people.begin(), out.people.end(),
                   [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace laurel::crm
