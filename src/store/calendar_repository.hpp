#pragma once
// The working-day calendar's exceptions as stored (migration 0017), one row a day. Validation
// and the event log live in crm::CalendarService; the rules in core::WorkCalendar.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct CalendarDayRecord {
  std::string day;   // YYYY-MM-DD
  std::string kind;  // holiday, working_day
  std::string name;
  std::optional<std::int64_t> updated_by;  // user id; none for the CLI and the demo
  std::int64_t updated_at = 0;
};

class CalendarRepository {
 public:
  explicit CalendarRepository(Connection& connection) : db_(connection) {}

  // Creates the day's exception or replaces it.
  core::Status put(const CalendarDayRecord& day);
  // Whether there was an exception to remove.
  core::Result<bool> remove(std::string_view day);
  core::Result<std::optional<CalendarDayRecord>> find(std::string_view day);
  // From `first` to `last` (both included), ascending by day.
  core::Result<std::vector<CalendarDayRecord>> list(std::string_view first, std::string_view last);

 private:
  Connection& db_;
};

}  // namespace laurel::store
