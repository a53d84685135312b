#include "crm/flag_service.hpp"

#include <algorithm>
#include <map>

#include "core/timestamp.hpp"
#include "crm/celebration_audience.hpp"

namespace laurel::crm {

using core::Error;

core::Result<std::vector<EarnedFlag>> FlagService::of(std::int64_t staff_id) {
  // Caught up first, so the flag of a record just saved is there.
  if (auto s = engine_.catch_up(); !s) return s.error();
  auto flags = flag_set_.get();
  if (!flags) return flags.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto uses = store::FlagRepository(**connection).first_uses_of(staff_id);
  if (!uses) return uses.error();
  std::vector<EarnedFlag> out;
  out.reserve(flags->size());
  for (auto& flag : *flags) {
    EarnedFlag earned{std::move(flag), std::nullopt};
    for (const auto& use : *uses) {
      if (use.function == earned.flag.function) earned.use = use;
    }
    out.push_back(std::move(earned));
  }
  return out;
}

core::Result<FlagWhy> FlagService::why(std::int64_t staff_id, const std::string& function) {
  auto flags = of(staff_id);
  if (!flags) return flags.error();
  const auto it = std::find_if(flags->begin(), flags->end(),
                               [&](const EarnedFlag& f) { return f.flag.function == function; });
  if (it == flags->end()) return Error::not_found("no flag for the function " + function);
  FlagWhy out{std::move(*it), std::nullopt};
  if (out.flag.use) {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto event = store::EventRepository(**connection).at(out.flag.use->event_seq);
    if (!event) return event.error();
    out.event = std::move(*event);
  }
  return out;
}

core::Result<Parade> FlagService::parade(core::Period week, const auth::Principal& caller) {
  if (auto s = engine_.catch_up(); !s) return s.error();
  auto audience = CelebrationAudience::of(caller, scopes_, engine_);
  if (!audience) return audience.error();
  auto flags = flag_set_.get();
  if (!flags) return flags.error();
  auto names = engine_.names_of(engine::SubjectKind::staff);
  if (!names) return names.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  const auto from = zone_.start_of(core::first_day(week));
  const auto to =
      zone_.start_of(core::LocalDate(date::sys_days(core::last_day(week)) + date::days(1)));
  auto uses = store::FlagRepository(**connection)
                  .first_uses_between(core::to_micros(from), core::to_micros(to));
  if (!uses) return uses.error();
  Parade out;
  out.week = week;
  std::map<std::int64_t, std::size_t> row_of;  // staff id → index in out.people
  for (auto& use : *uses) {
    const auto flag = std::find_if(flags->begin(), flags->end(),
                                   [&](const Flag& f) { return f.function == use.function; });
    if (flag == flags->end()) continue;  // a function without a flag
    if (!audience->shows(use.staff_id)) continue;
    auto [it, fresh] = row_of.try_emplace(use.staff_id, out.people.size());
    if (fresh) {
      const auto name = names->find(use.staff_id);
      out.people.push_back(ParadeEntry{use.staff_id,
                                       name == names->end() ? std::string() : name->second,
                                       audience->celebrates(use.staff_id),
                                       {}});
    }
    out.people[it->second].flags.push_back(EarnedFlag{*flag, std::move(use)});
  }
  return out;
}

}  // namespace laurel::crm
