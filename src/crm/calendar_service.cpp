#include "crm/calendar_service.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <set>

#include "core/timestamp.hpp"
#include "crm/product_service.hpp"
#include "crm/text_rules.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<std::string_view, 2> kKinds = {"holiday", "working_day"};

core::Result<core::LocalDate> valid_date(std::string_view text) {
  auto day = core::parse_date(text);
  if (!day) return Error::invalid("date", "must be a day, YYYY-MM-DD");
  const int year = static_cast<int>(day->year());
  if (year < CalendarService::kFirstYear || year > CalendarService::kLastYear) {
    return Error::invalid("date", "must be from 2000-01-01 to 2100-12-31");
  }
  return *day;
}

// The stored day the input asks for (updated_by and updated_at left to the caller).
core::Result<store::CalendarDayRecord> validated(const CalendarDayInput& in) {
  auto day = valid_date(in.date);
  if (!day) return day.error();
  if (auto s = check_one_of("kind", in.kind, kKinds); !s) return s.error();
  if (in.kind == "working_day" && !core::is_weekend(*day)) {
    constexpr std::array<std::string_view, 5> kWeekdays = {"Monday", "Tuesday", "Wednesday",
                                                           "Thursday", "Friday"};
    return Error::invalid("kind", in.date + " is a " +
                                      std::string(kWeekdays[core::iso_weekday(*day) - 1]) +
                                      ", already a working day; only a Saturday or a Sunday can "
                                      "be a swapped working day");
  }
  if (auto s = check_text("name", in.name, 50); !s) return s.error();
  return store::CalendarDayRecord{core::format_date(*day), in.kind, in.name, std::nullopt, 0};
}

core::CalendarException exception_of(const store::CalendarDayRecord& d) {
  return {core::parse_date(d.day).value(),
          core::parse_day_kind(d.kind).value_or(core::DayKind::holiday), d.name};
}

}  // namespace

boost::json::object calendar_day_to_json(const store::CalendarDayRecord& d) {
  const auto day = core::parse_date(d.day);
  return {{"date", d.day},
          {"kind", d.kind},
          {"name", d.name},
          {"weekday", day ? core::iso_weekday(*day) : 0},
          {"updated_by", d.updated_by ? boost::json::value(*d.updated_by) : nullptr},
          {"updated_at", core::format_rfc3339(core::from_micros(d.updated_at))}};
}

boost::json::object calendar_year_to_json(const CalendarYear& y, std::string_view time_zone) {
  const date::year year{y.year};
  boost::json::array months;
  for (unsigned m = 1; m <= 12; ++m) {
    const date::month month{m};
    const int count = y.calendar.working_days(year / month / 1, year / month / date::last);
    months.push_back(
        {{"month", core::format_date(year / month / 1).substr(0, 7)}, {"working_days", count}});
  }
  boost::json::array exceptions;
  for (const auto& d : y.exceptions)
    exceptions.push_back(calendar_day_to_json(d));
  return {{"year", y.year},
          {"time_zone", time_zone},
          {"working_days", y.calendar.working_days(year / 1 / 1, year / 12 / 31)},
          {"months", std::move(months)},
          {"exceptions", std::move(exceptions)}};
}

core::Result<CalendarYear> CalendarService::year(int year) {
  if (year < kFirstYear || year > kLastYear) {
    return Error::invalid("year", "must be from 2000 to 2100");
  }
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  const auto text = std::to_string(year);
  auto days = store::CalendarRepository(**connection).list(text + "-01-01", text + "-12-31");
  if (!days) return days.error();
  CalendarYear result{year, std::move(*days), {}};
  for (const auto& d : result.exceptions)
    result.calendar.set(exception_of(d));
  return result;
}

core::Result<std::pair<ImportOutcome, store::CalendarDayRecord>> CalendarService::set_in(
    store::Connection& db, const CalendarDayInput& input, const auth::Actor& actor) {
  auto after = validated(input);
  if (!after) return after.error();
  store::CalendarRepository days(db);
  auto before = days.find(after->day);
  if (!before) return before.error();
  if (*before && (*before)->kind == after->kind && (*before)->name == after->name) {
    return std::pair{ImportOutcome::unchanged, **before};  // nothing changes: no event
  }
  after->updated_by = actor.user_id;
  after->updated_at = core::to_micros(clock_.now());
  if (auto s = days.put(*after); !s) return s.error();
  std::optional<boost::json::value> before_json;
  if (*before) before_json = calendar_day_to_json(**before);
  if (auto seq = events_.append(db, actor,
                                {"calendar.day_set", "calendar_day", after->day, before_json,
                                 calendar_day_to_json(*after), std::nullopt});
      !seq) {
    return seq.error();
  }
  return std::pair{*before ? ImportOutcome::updated : ImportOutcome::created, std::move(*after)};
}

core::Result<store::CalendarDayRecord> CalendarService::set(const CalendarDayInput& input,
                                                            const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto set = set_in(write->connection(), input, actor);
  if (!set) return set.error();
  if (auto s = write->commit(); !s) return s.error();
  return std::move(set->second);
}

core::Status CalendarService::clear(std::string_view date, const auth::Actor& actor) {
  auto day = valid_date(date);
  if (!day) return day.error();
  const auto text = core::format_date(*day);
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::CalendarRepository days(db);
  auto before = days.find(text);
  if (!before) return before.error();
  if (!*before) return Error::not_found("no calendar exception on " + text);
  if (auto removed = days.remove(text); !removed) return removed.error();
  if (auto seq = events_.append(db, actor,
                                {"calendar.day_cleared", "calendar_day", text,
                                 calendar_day_to_json(**before), std::nullopt, std::nullopt});
      !seq) {
    return seq.error();
  }
  return write->commit();
}

core::Result<ImportReport> CalendarService::import(
    const std::vector<core::Result<CalendarDayInput>>& rows, bool partial,
    const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  std::set<std::string> seen;
  auto report = run_rows<ImportOutcome>(
      rows, partial,
      [&](const CalendarDayInput& in) -> core::Result<std::pair<ImportOutcome, std::int64_t>> {
        if (seen.contains(in.date)) {
          return Error::invalid("date", "repeats the date of an earlier row");
        }
        auto set = set_in(db, in, actor);
        if (!set) return set.error();
        seen.insert(in.date);
        return std::pair{set->first, std::int64_t{0}};
      });
  if (!report) return report.error();
  // A day is keyed by its date, which the row's line already shows: rows report no id.
  for (auto& row : report->rows)
    row.id.reset();
  if (report->commit(partial)) {
    if (auto s = write->commit(); !s) return s.error();
  }
  return report;
}

}  // namespace laurel::crm
