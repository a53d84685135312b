#include "core/period.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace laurel::core {
namespace {

using date::days;
using date::sys_days;

constexpr std::array<std::string_view, 6> kNames = {"day",     "week", "month",
                                                    "quarter", "year", "all"};

// Days since 1970-01-01 of the Monday that starts the week of `day` (1970-01-01 was a Thursday,
// so Mondays are the days n with n + 3 a multiple of 7).
std::int32_t monday_index(sys_days day) {
  const auto n = day.time_since_epoch().count();
  const auto since_monday = ((n + 3) % 7 + 7) % 7;  // 0 on Mondays
  return static_cast<std::int32_t>(n - since_monday);
}

// A week's index: (its Monday + 3) / 7, exact, so negative (pre-1970) weeks divide cleanly too.
std::int32_t week_index(std::int32_t monday) {
  return (monday + 3) / 7;
}
sys_days monday_of_index(std::int32_t index) {
  return sys_days(days(index * 7 - 3));
}

// The ISO week-numbering year and week of the week starting on `monday`.
std::pair<int, int> iso_year_week(sys_days monday) {
  const sys_days thursday = monday + days(3);  // its Thursday decides the year
  const int year = static_cast<int>(date::year_month_day(thursday).year());
  const sys_days jan1 = sys_days(date::year(year) / 1 / 1);
  const int week = static_cast<int>((thursday - jan1).count() / 7) + 1;
  return {year, week};
}

// The Monday of ISO week `week` of `year`.
sys_days monday_of(int year, int week) {
  const sys_days jan4 = sys_days(date::year(year) / 1 / 4);  // always in week 1
  const sys_days week1 = sys_days(days(monday_index(jan4)));
  return week1 + days(7 * (week - 1));
}

bool number(std::string_view text, int& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

std::string_view to_string(PeriodKind kind) {
  return kNames[static_cast<std::size_t>(kind)];
}

std::optional<PeriodKind> parse_period_kind(std::string_view text) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == text) return static_cast<PeriodKind>(i);
  }
  return std::nullopt;
}

Period period_of(sys_days day, PeriodKind kind) {
  const date::year_month_day ymd(day);
  const int year = static_cast<int>(ymd.year());
  const int month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  switch (kind) {
    case PeriodKind::day:
      return {kind, static_cast<std::int32_t>(day.time_since_epoch().count())};
    case PeriodKind::week:
      return {kind, week_index(monday_index(day))};
    case PeriodKind::month:
      return {kind, year * 12 + month - 1};
    case PeriodKind::quarter:
      return {kind, year * 4 + (month - 1) / 3};
    case PeriodKind::year:
      return {kind, year};
    case PeriodKind::all_time:
      break;
  }
  return {PeriodKind::all_time, 0};
}

LocalDate first_day(Period p) {
  switch (p.kind) {
    case PeriodKind::day:
      return LocalDate(sys_days(days(p.index)));
    case PeriodKind::week:
      return LocalDate(monday_of_index(p.index));
    case PeriodKind::month:
      return date::year(p.index / 12) / date::month(static_cast<unsigned>(p.index % 12 + 1)) / 1;
    case PeriodKind::quarter:
      return date::year(p.index / 4) / date::month(static_cast<unsigned>(p.index % 4 * 3 + 1)) / 1;
    case PeriodKind::year:
      return date::year(p.index) / 1 / 1;
    case PeriodKind::all_time:
      break;
  }
  return date::year(1900) / 1 / 1;
}

LocalDate last_day(Period p) {
  switch (p.kind) {
    case PeriodKind::day:
      return first_day(p);
    case PeriodKind::week:
      return LocalDate(monday_of_index(p.index) + days(6));
    case PeriodKind::month:
      return LocalDate(sys_days(first_day({p.kind, p.index + 1})) - days(1));
    case PeriodKind::quarter:
      return LocalDate(sys_days(first_day({p.kind, p.index + 1})) - days(1));
    case PeriodKind::year:
      return date::year(p.index) / 12 / 31;
    case PeriodKind::all_time:
      break;
  }
  return date::year(9999) / 12 / 31;
}

std::string format_period(Period p) {
  char text[24];
  switch (p.kind) {
    case PeriodKind::day:
      return format_date(first_day(p));
    case PeriodKind::week: {
      const auto [year, week] = iso_year_week(monday_of_index(p.index));
      std::snprintf(text, sizeof text, "%04d-W%02d", year, week);
      return text;
    }
    case PeriodKind::month:
      std::snprintf(text, sizeof text, "%04d-%02d", p.index / 12, p.index % 12 + 1);
      return text;
    case PeriodKind::quarter:
      std::snprintf(text, sizeof text, "%04d-Q%d", p.index / 4, p.index % 4 + 1);
      return text;
    case PeriodKind::year:
      std::snprintf(text, sizeof text, "%04d", p.index);
      return text;
    case PeriodKind::all_time:
      break;
  }
  return "all";
}

std::optional<Period> parse_period(std::string_view text) {
  if (text == "all") return Period{PeriodKind::all_time, 0};
  int year = 0;
  if (text.size() < 4 || !number(text.substr(0, 4), year) || year < 1900) return std::nullopt;
  if (text.size() == 4) return Period{PeriodKind::year, year};
  if (text.size() == 10) {
    const auto day = parse_date(text);
    if (!day) return std::nullopt;
    return period_of(*day, PeriodKind::day);
  }
  if (text[4] != '-') return std::nullopt;
  const auto rest = text.substr(5);
  int n = 0;
  if (rest.size() == 2 && number(rest, n) && n >= 1 && n <= 12) {
    return Period{PeriodKind::month, year * 12 + n - 1};
  }
  if (rest.size() == 2 && rest[0] == 'Q' && number(rest.substr(1), n) && n >= 1 && n <= 4) {
    return Period{PeriodKind::quarter, year * 4 + n - 1};
  }
  if (rest.size() == 3 && rest[0] == 'W' && number(rest.substr(1), n) && n >= 1 && n <= 53) {
    const sys_days monday = monday_of(year, n);
    if (iso_year_week(monday).first != year) return std::nullopt;  // no week 53 that year
    return Period{PeriodKind::week,
                  week_index(static_cast<std::int32_t>(monday.time_since_epoch().count()))};
  }
  return std::nullopt;
}

std::int64_t days_in(Period period) {
  return (date::sys_days(last_day(period)) - date::sys_days(first_day(period))).count() + 1;
}

}  // namespace laurel::core
