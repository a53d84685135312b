-- The values of imported metrics (kind imported): figures the data warehouse computes itself,
-- one per (metric, subject, company day), pushed over the API. value is fen for a metric of
-- amounts and the count for one of counts. Importing a different value for a day is an explicit
-- correction (metric_value.corrected in the event log, folded by the engine like a late record);
-- the same value again is a duplicate and changes nothing.

CREATE TABLE metric_values (
  id INTEGER PRIMARY KEY,
  metric_id INTEGER NOT NULL REFERENCES metrics (id),
  subject_id INTEGER NOT NULL CHECK (subject_id >= 0),
  date TEXT NOT NULL,
  value INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (metric_id, subject_id, date)
);
