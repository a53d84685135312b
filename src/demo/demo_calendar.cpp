#include "demo/demo_calendar.hpp"

#include <array>

#include "core/work_calendar.hpp"

namespace laurel::demo {
namespace {

// Periods of days of one kind, in date order.
struct Period {
  const char* first;
  const char* last;
  core::DayKind kind;
  const char* name;
};

constexpr auto kOff = core::DayKind::holiday;
constexpr auto kWorked = core::DayKind::working_day;

constexpr std::array<Period, 29> kChina = {{
    {"2024-09-14", "2024-09-14", kWorked, "中秋节调休"},
    {"2024-09-15", "2024-09-17", kOff, "中秋节"},
    {"2024-09-29", "2024-09-29", kWorked, "国庆节调休"},
    {"2024-10-01", "2024-10-07", kOff, "国庆节"},
    {"2024-10-12", "2024-10-12", kWorked, "国庆节调休"},
    {"2025-01-01", "2025-01-01", kOff, "元旦"},
    {"2025-01-26", "2025-01-26", kWorked, "春节调休"},
    {"2025-01-28", "2025-02-04", kOff, "春节"},
    {"2025-02-08", "2025-02-08", kWorked, "春节调休"},
    {"2025-04-04", "2025-04-06", kOff, "清明节"},
    {"2025-04-27", "2025-04-27", kWorked, "劳动节调休"},
    {"2025-05-01", "2025-05-05", kOff, "劳动节"},
    {"2025-05-31", "2025-06-02", kOff, "端午节"},
    {"2025-09-28", "2025-09-28", kWorked, "国庆节、中秋节调休"},
    {"2025-10-01", "2025-10-08", kOff, "国庆节、中秋节"},
    {"2025-10-11", "2025-10-11", kWorked, "国庆节、中秋节调休"},
    {"2026-01-01", "2026-01-03", kOff, "元旦"},
    {"2026-01-04", "2026-01-04", kWorked, "元旦调休"},
    {"2026-02-14", "2026-02-14", kWorked, "春节调休"},
    {"2026-02-15", "2026-02-23", kOff, "春节"},
    {"2026-02-28", "2026-02-28", kWorked, "春节调休"},
    {"2026-04-04", "2026-04-06", kOff, "清明节"},
    {"2026-05-01", "2026-05-05", kOff, "劳动节"},
    {"2026-05-09", "2026-05-09", kWorked, "劳动节调休"},
    {"2026-06-19", "2026-06-21", kOff, "端午节"},
    {"2026-09-20", "2026-09-20", kWorked, "国庆节调休"},
    {"2026-09-25", "2026-09-27", kOff, "中秋节"},
    {"2026-10-01", "2026-10-07", kOff, "国庆节"},
    {"2026-10-10", "2026-10-10", kWorked, "国庆节调休"},
}};

template <class Each>
void for_each_day(Each each) {
  for (const auto& period : kChina) {
    const auto last = date::sys_days(core::parse_date(period.last).value());
    for (auto day = date::sys_days(core::parse_date(period.first).value()); day <= last;
         day += date::days(1)) {
      each(core::LocalDate(day), period);
    }
  }
}

const core::WorkCalendar& china() {
  static const core::WorkCalendar calendar = [] {
    core::WorkCalendar c;
    for_each_day([&c](core::LocalDate day, const Period& p) { c.set({day, p.kind, p.name}); });
    return c;
  }();
  return calendar;
}

}  // namespace

void build_calendar(World& w) {
  const auto admin = auth::Actor::of(w.admin);
  for_each_day([&](core::LocalDate day, const Period& p) {
    must(w.services.calendar.set(
             {core::format_date(day), std::string(core::to_string(p.kind)), p.name}, admin),
         "calendar day");
  });
}

bool is_working_day(core::LocalDate day) {
  return china().is_working_day(day);
}

bool is_trading_day(core::LocalDate day) {
  return !core::is_weekend(day) && china().is_working_day(day);
}

}  // namespace laurel::demo
