-- The company's working-day calendar: the dated exceptions to the Monday-to-Friday week, public
-- holidays (on any day, weekends included) and swapped working days on weekends (调休). Days are
-- company-local calendar days, "YYYY-MM-DD"; a day has at most one exception. Checked again by
-- crm::CalendarService (working_day only on a weekend, years 2000 to 2100).

CREATE TABLE calendar_days (
  day TEXT PRIMARY KEY CHECK (length(day) = 10),
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'working_day')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  updated_by INTEGER REFERENCES users (id),
  updated_at INTEGER NOT NULL
);
