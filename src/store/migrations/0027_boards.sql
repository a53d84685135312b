-- Leaderboards as data: what is ranked (a metric, or its ratio to another), among whom, which way
-- and how ties are ranked, and who may see it. The definition is JSON (crm/board_json.hpp reads
-- and checks it); unlike a metric, a board may be renamed and re-ranked — its figures come from
-- its metrics, which never change. Archived boards stay (their events and snapshots name them).

CREATE TABLE boards (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  definition TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  archived_at INTEGER
);
