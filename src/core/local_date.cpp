#include "core/local_date.hpp"

#include <date/tz.h>

#include <charconv>
#include <cstdio>

namespace laurel::core {
namespace {

bool digits(std::string_view text, int& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::optional<LocalDate> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4), y) ||
      !digits(text.substr(5, 2), m) || !digits(text.substr(8, 2), d) || y < 1900) {
    return std::nullopt;
  }
  const LocalDate day{date::year(y), date::month(static_cast<unsigned>(m)),
                      date::day(static_cast<unsigned>(d))};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::string format_date(LocalDate day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

Result<CompanyZone> CompanyZone::locate(std::string_view name) {
  try {
    return CompanyZone(date::locate_zone(name));
  } catch (const std::exception&) {
    return Error::invalid("company.timezone",
                          "not a time zone of the IANA database: \"" + std::string(name) + "\"");
  }
}

LocalDate CompanyZone::date_of(Timestamp t) const {
  const auto local = zone_->to_local(t);
  return LocalDate(date::floor<date::days>(local));
}

Timestamp CompanyZone::start_of(LocalDate day) const {
  const auto local = date::local_days(day);
  const auto info = zone_->get_info(local);
  // A day can start inside a gap (a zone that springs forward at midnight): then it starts when
  // the gap ends.
  const auto sys = info.result == date::local_info::nonexistent
                       ? info.first.end
                       : zone_->to_sys(local, date::choose::earliest);
  return std::chrono::time_point_cast<std::chrono::microseconds>(sys);
}

std::string CompanyZone::format_local_time(Timestamp t) const {
  const auto local = date::floor<std::chrono::seconds>(zone_->to_local(t));
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd(day);
  const date::hh_mm_ss time(local - day);
  char text[24];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d:%02d", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(time.hours().count()),
                int(time.minutes().count()), int(time.seconds().count()));
  return text;
}

std::optional<Timestamp> CompanyZone::parse_local_time(std::string_view text) const {
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  const auto day = parse_date(text.substr(0, 10));
  int h = 0, m = 0, sec = 0;
  if (!day || (text[10] != ' ' && text[10] != 'T') || text[13] != ':' ||
      !digits(text.substr(11, 2), h) || !digits(text.substr(14, 2), m) || h > 23 || m > 59) {
    return std::nullopt;
  }
  if (text.size() == 19 && (text[16] != ':' || !digits(text.substr(17, 2), sec) || sec > 59)) {
    return std::nullopt;
  }
  const auto local = date::local_days(*day) + std::chrono::hours(h) + std::chrono::minutes(m) +
                     std::chrono::seconds(sec);
  const auto info = zone_->get_info(local);
  if (info.result == date::local_info::nonexistent) return std::nullopt;  // skipped by the clock
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      zone_->to_sys(local, date::choose::earliest));
}

std::string_view CompanyZone::name() const {
  return zone_->name();
}

date::sys_days ZoneDays::day_of(Timestamp t) {
  const std::int64_t micros = t.time_since_epoch().count();
  if (micros < begin_ || micros >= end_) {
    const auto info = zone_.zone_->get_info(std::chrono::time_point_cast<std::chrono::seconds>(t));
    using std::chrono::duration_cast;
    using std::chrono::microseconds;
    // The zone database bounds its stretches by far-past and far-future sentinels.
    begin_ = info.begin.time_since_epoch() <= std::chrono::seconds(INT64_MIN / 1'000'000)
                 ? INT64_MIN
                 : duration_cast<microseconds>(info.begin.time_since_epoch()).count();
    end_ = info.end.time_since_epoch() >= std::chrono::seconds(INT64_MAX / 1'000'000)
               ? INT64_MAX
               : duration_cast<microseconds>(info.end.time_since_epoch()).count();
    offset_ = duration_cast<microseconds>(info.offset).count();
  }
  constexpr std::int64_t kDay = 86'400'000'000;
  const std::int64_t local = micros + offset_;
  const std::int64_t days = local >= 0 ? local / kDay : -((-local + kDay - 1) / kDay);
  return date::sys_days(date::days(days));
}

}  // namespace laurel::core
