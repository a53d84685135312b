-- Metrics as data: what the recognition engine counts or sums, defined over the API by admins and
-- managers. The definition is JSON (crm/metric_json.hpp reads and checks it); a metric never
-- changes once defined, so figures computed from it keep their meaning — define a new one.

CREATE TABLE metrics (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  definition TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL
);
