#pragma once
// The company's working-day calendar as admins keep it: the dated exceptions to the
// Monday-to-Friday week (see core::WorkCalendar), set one day at a time or imported from a file.
// Every change is validated and appended to the event log — calendar.day_set with the day before
// (null when new) and after, calendar.day_cleared with the day before — which is the audit trail
// of CRM writes and what the recognition engine will fold its working days from. A change that
// changes nothing records nothing.
//
// Rules: a date is "YYYY-MM-DD" from 2000-01-01 to 2100-12-31 (field date); kind is holiday or
// working_day (field kind), and working_day only on a Saturday or Sunday (a weekday already is
// one); a holiday may fall on any day, since a holiday period is named day by day, weekends
// included; name is 1 to 50 characters (field name). Thread-safe (each call its own connection).

#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/principal.hpp"
#include "core/work_calendar.hpp"
#include "crm/event_log.hpp"
#include "crm/import_report.hpp"
#include "store/calendar_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

// One day's exception as given: text as it came in (a path, a body, a row of a file).
struct CalendarDayInput {
  std::string date;
  std::string kind;
  std::string name;
};

// A year of the calendar: its stored exceptions, ascending, and the calendar they make.
struct CalendarYear {
  int year = 0;
  std::vector<store::CalendarDayRecord> exceptions;
  core::WorkCalendar calendar;
};

class CalendarService {
 public:
  static constexpr int kFirstYear = 2000;
  static constexpr int kLastYear = 2100;

  CalendarService(store::Store& store, const core::Clock& clock, const EventLog& events)
      : store_(store), clock_(clock), events_(events) {}

  // A year outside kFirstYear..kLastYear is an error naming field "year".
  core::Result<CalendarYear> year(int year);
  // Creates or replaces the day's exception; answers it as stored.
  core::Result<store::CalendarDayRecord> set(const CalendarDayInput& input,
                                             const auth::Actor& actor);
  // Not found when the day has no exception.
  core::Status clear(std::string_view date, const auth::Actor& actor);
  // Rows of a file, each as set() would; all or nothing unless `partial` (see batch_runner.hpp).
  // A date that repeats an earlier row is an error on the later row. Rows carry no id.
  core::Result<ImportReport> import(const std::vector<core::Result<CalendarDayInput>>& rows,
                                    bool partial, const auth::Actor& actor);

 private:
  // In the caller's transaction: created, updated, or unchanged (and then no event).
  core::Result<std::pair<ImportOutcome, store::CalendarDayRecord>> set_in(
      store::Connection& db, const CalendarDayInput& input, const auth::Actor& actor);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
};

// {"date", "kind", "name", "weekday" (ISO, 1 = Monday), "updated_by", "updated_at"}.
boost::json::object calendar_day_to_json(const store::CalendarDayRecord& day);
// {"year", "time_zone", "working_days", "months": [{"month", "working_days"}], "exceptions"}.
boost::json::object calendar_year_to_json(const CalendarYear& year, std::string_view time_zone);

}  // namespace laurel::crm
