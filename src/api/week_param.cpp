#include "api/week_param.hpp"

namespace laurel::api {

core::Result<core::Period> read_week(Services& services, http::QueryInput& query) {
  auto text = query.optional_string("week", 10);
  if (!text) return text.error();
  if (!*text) {
    const auto today = date::sys_days(services.zone.date_of(services.clock.now()));
    return core::period_of(today - date::days(7), core::PeriodKind::week);
  }
  const auto parsed = core::parse_period(**text);
  if (!parsed || parsed->kind != core::PeriodKind::week) {
    return core::Error::invalid("week", "must be an ISO week such as 2026-W49");
  }
  return *parsed;
}

}  // namespace laurel::api
