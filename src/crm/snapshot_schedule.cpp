#include "crm/snapshot_schedule.hpp"

#include <fmt/format.h>

namespace laurel::crm {
namespace {

// A company-local wall-clock time on a day; in a spring-forward gap, as many minutes after the
// day's start (the clock read that time an hour later, so nothing is skipped).
core::Timestamp local_time(date::sys_days day, int minute_of_day, core::CompanyZone zone) {
  const auto text = fmt::format("{} {:02d}:{:02d}", core::format_date(core::LocalDate(day)),
                                minute_of_day / 60, minute_of_day % 60);
  if (auto t = zone.parse_local_time(text)) return *t;
  return zone.start_of(core::LocalDate(day)) + std::chrono::minutes(minute_of_day);
}

}  // namespace

core::Timestamp last_scheduled(const SnapshotSchedule& schedule, core::Timestamp now,
                               core::CompanyZone zone) {
  const auto today = date::sys_days(zone.date_of(now));
  const auto back = (date::weekday(today) - date::weekday(schedule.weekday)).count();
  auto day = today - date::days(back);
  auto at = local_time(day, schedule.minute_of_day, zone);
  if (at > now) at = local_time(day - date::days(7), schedule.minute_of_day, zone);
  return at;
}

core::Timestamp close_due(core::Period period, int grace_days, core::CompanyZone zone) {
  const auto after = date::sys_days(core::last_day(period)) + date::days(1 + grace_days);
  return zone.start_of(core::LocalDate(after));
}

std::optional<core::Period> last_closed(core::PeriodKind kind, int grace_days, core::Timestamp now,
                                        core::CompanyZone zone) {
  if (kind == core::PeriodKind::all_time) return std::nullopt;
  const auto today = date::sys_days(zone.date_of(now));
  // The period that held the day `grace_days + 1` ago has closed when its close is due by now;
  // if not, the one before it has.
  auto period = core::period_of(today - date::days(grace_days + 1), kind);
  if (close_due(period, grace_days, zone) > now) {
    period = core::period_of(date::sys_days(core::first_day(period)) - date::days(1), kind);
  }
  return period;
}

}  // namespace laurel::crm
