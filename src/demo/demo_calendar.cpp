#include "demo/demo_calendar.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace laurel::demo {
namespace {

// Closed-exchange days that fall on weekdays (ranges, inclusive).
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kHolidays = {{
    {"2025-01-01", "2025-01-01"},  // New Year
    {"2025-01-28", "2025-02-04"},  // Spring Festival
    {"2025-04-04", "2025-04-04"},  // Qingming
    {"2025-05-01", "2025-05-05"},  // Labour Day
    {"2025-06-02", "2025-06-02"},  // Dragon Boat
    {"2025-10-01", "2025-10-08"},  // National Day and Mid-Autumn
    {"2026-01-01", "2026-01-02"},  // New Year
    {"2026-02-16", "2026-02-23"},  // Spring Festival
    {"2026-04-06", "2026-04-06"},  // Qingming
    {"2026-05-01", "2026-05-05"},  // Labour Day
    {"2026-06-19", "2026-06-19"},  // Dragon Boat
    {"2026-09-25", "2026-09-25"},  // Mid-Autumn
    {"2026-10-01", "2026-10-07"},  // National Day
    {"2024-10-01", "2024-10-07"},  // National Day (for as-of dates early in 2025)
    {"2024-09-16", "2024-09-17"},  // Mid-Autumn
}};

}  // namespace

bool is_working_day(core::LocalDate day) {
  const date::weekday weekday{date::sys_days(day)};
  if (weekday == date::Saturday || weekday == date::Sunday) return false;
  const auto text = core::format_date(day);
  return std::none_of(kHolidays.begin(), kHolidays.end(), [&text](const auto& range) {
    return text >= range.first && text <= range.second;
  });
}

}  // namespace laurel::demo
