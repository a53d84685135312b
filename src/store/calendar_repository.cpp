#include "store/calendar_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns = "day, kind, name, updated_by, updated_at";

CalendarDayRecord day_of(const Row& r) {
  return CalendarDayRecord{r.text(0), r.text(1), r.text(2), r.optional_integer(3), r.integer(4)};
}

}  // namespace

core::Status CalendarRepository::put(const CalendarDayRecord& d) {
  auto rows = db_.query(
      "INSERT INTO calendar_days (day, kind, name, updated_by, updated_at) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, "
      "name = excluded.name, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      {d.day, d.kind, d.name, nullable(d.updated_by), d.updated_at});
  if (!rows) return rows.error();
  return {};
}

core::Result<bool> CalendarRepository::remove(std::string_view day) {
  auto rows = db_.query("DELETE FROM calendar_days WHERE day = $1", {text(day)});
  if (!rows) return rows.error();
  return rows->changes > 0;
}

core::Result<std::optional<CalendarDayRecord>> CalendarRepository::find(std::string_view day) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM calendar_days WHERE day = $1",
                        {text(day)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<CalendarDayRecord>();
  return std::optional<CalendarDayRecord>(day_of(rows->front()));
}

core::Result<std::vector<CalendarDayRecord>> CalendarRepository::list(std::string_view first,
                                                                      std::string_view last) {
  auto rows = db_.query("SELECT " + std::string(kColumns) +
                            " FROM calendar_days WHERE day >= $1 AND day <= $2 ORDER BY day",
                        {text(first), text(last)});
  if (!rows) return rows.error();
  std::vector<CalendarDayRecord> days;
  days.reserve(rows->size());
  for (const auto& row : *rows)
    days.push_back(day_of(row));
  return days;
}

}  // namespace laurel::store
