#pragma once
// The periods figures are counted in, as company-local calendar days: a day, an ISO week
// (Monday to Sunday, numbered as ISO 8601 does: 2026-W01 is the week with the year's first
// Thursday), a month, a quarter, a year, or all time. A period is a kind and an index — small,
// ordered and hashable, so the recognition engine can key millions of figures by it — and has a
// text form for the API ("2026-12-01", "2026-W49", "2026-12", "2026-Q4", "2026", "all").

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/local_date.hpp"

namespace laurel::core {

enum class PeriodKind : std::uint8_t { day, week, month, quarter, year, all_time };

std::string_view to_string(PeriodKind kind);  // day, week, month, quarter, year, all
std::optional<PeriodKind> parse_period_kind(std::string_view text);

struct Period {
  PeriodKind kind = PeriodKind::all_time;
  // day: days since 1970-01-01; week: (its Monday's days since 1970-01-01 + 3) / 7;
  // month: year * 12 + month - 1; quarter: year * 4 + quarter - 1; year: the year; all time: 0.
  std::int32_t index = 0;

  friend auto operator<=>(const Period&, const Period&) = default;
};

// The period of `kind` that contains the company-local day `day`.
Period period_of(date::sys_days day, PeriodKind kind);
inline Period period_of(LocalDate day, PeriodKind kind) {
  return period_of(date::sys_days(day), kind);
}

// The first and last company-local days of a period (all time: 1900-01-01 to 9999-12-31).
LocalDate first_day(Period period);
LocalDate last_day(Period period);
// How many days the period has (28 to 31 for a month, 7 for a week, ...).
std::int64_t days_in(Period period);

std::string format_period(Period period);
// The text form of any kind; nullopt for anything else (2026-W54, 2026-Q5, 2026-13, 26).
std::optional<Period> parse_period(std::string_view text);

}  // namespace laurel::core
