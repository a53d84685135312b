#pragma once
// Calendar dates in the company's time zone ("today", effective dates of transfers, confirm
// dates), and the zone itself. Dates travel as "YYYY-MM-DD" text in JSON and in the database,
// which sorts like the dates it names.

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace date {
class time_zone;  // <date/tz.h> stays in local_date.cpp
}

namespace laurel::core {

using LocalDate = date::year_month_day;

// Strictly "YYYY-MM-DD" naming a real day (no 2026-02-30), years 1900 to 9999.
std::optional<LocalDate> parse_date(std::string_view text);
std::string format_date(LocalDate day);

// A time zone of the IANA database, such as "Asia/Shanghai". Cheap to copy.
class CompanyZone {
 public:
  static Result<CompanyZone> locate(std::string_view name);
  // The company-local calendar day that contains `t`.
  LocalDate date_of(Timestamp t) const;
  // The first instant of a company-local day (the earlier one if a clock change doubles it).
  Timestamp start_of(LocalDate day) const;
  // The close of a company-local day: its last microsecond, just before the next day starts
  // (when a balance, a day's value or a milestone reached that day holds).
  Timestamp close_of(date::sys_days day) const {
    return start_of(LocalDate(day + date::days(1))) - std::chrono::microseconds(1);
  }
  // A company-local wall-clock time ("YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS", as spreadsheets
  // write it) as an instant; in a clock change's overlap, the earlier one.
  std::optional<Timestamp> parse_local_time(std::string_view text) const;
  // The wall-clock time of an instant, as parse_local_time reads it ("YYYY-MM-DD HH:MM:SS").
  std::string format_local_time(Timestamp t) const;
  std::string_view name() const;

 private:
  friend class ZoneDays;
  explicit CompanyZone(const date::time_zone* zone) : zone_(zone) {}
  const date::time_zone* zone_;
};

// Company-local days of many instants, fast: the zone's UTC offset is looked up once for each
// stretch between two clock changes and reused while the instants stay inside it (the engine
// puts every event of the log through this). Not thread-safe: one per fold.
class ZoneDays {
 public:
  explicit ZoneDays(CompanyZone zone) : zone_(zone) {}
  // The company-local day that contains `t`, as days since 1970-01-01.
  date::sys_days day_of(Timestamp t);

 private:
  CompanyZone zone_;
  std::int64_t begin_ = 0;  // the cached stretch [begin_, end_) in microseconds since the epoch
  std::int64_t end_ = 0;
  std::int64_t offset_ = 0;  // its UTC offset in microseconds
};

}  // namespace laurel::core
