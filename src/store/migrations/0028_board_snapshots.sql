-- Frozen leaderboards: a board's whole standings in one period as they were at a moment, taken by
-- hand, on the board's weekly schedule, or when a period closes (its grace window over). A
-- snapshot never changes. Scheduled and closing snapshots have a natural key, so several Laurel
-- nodes (or a restart) never take one twice; by-hand snapshots have none.

CREATE TABLE board_snapshots (
  id INTEGER PRIMARY KEY,
  board_id INTEGER NOT NULL REFERENCES boards (id),
  period TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('manual', 'scheduled', 'period_close')),
  natural_key TEXT UNIQUE,
  scheduled_for INTEGER,
  taken_at INTEGER NOT NULL,
  taken_by INTEGER REFERENCES users (id),
  folded_up_to INTEGER NOT NULL,
  tie_policy TEXT NOT NULL,
  total INTEGER NOT NULL,
  rows TEXT NOT NULL
);

CREATE INDEX board_snapshots_by_board ON board_snapshots (board_id, id);
