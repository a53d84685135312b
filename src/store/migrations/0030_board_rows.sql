-- Rows managers enter for manual and hybrid leaderboards (crm/board_rows_service.hpp), versioned
-- per board and period: each submission is a new version, pending until another manager approves
-- it where the board asks for approval (maker-checker), else published at once. The latest
-- published version is the period's rows; versions are never changed, only decided.

CREATE TABLE board_row_versions (
  id INTEGER PRIMARY KEY,
  board_id INTEGER NOT NULL REFERENCES boards (id),
  period TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
  rows TEXT NOT NULL,
  submitted_by INTEGER REFERENCES users (id),
  submitted_at INTEGER NOT NULL,
  decided_by INTEGER REFERENCES users (id),
  decided_at INTEGER,
  reason TEXT,
  UNIQUE (board_id, period, version)
);
