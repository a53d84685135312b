-- Badges for activity (crm/badge_rule.hpp, engine/badge_book.hpp). badge_rules: each rule as the
-- API gives it, at its latest (every version is in the event log: badge_rule.created, .changed).
CREATE TABLE badge_rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,  -- JSON
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Where each person stands on each badge, as the recognition engine derives it from the log: one
-- row per rule and person, written by the engine only, moving forward with the event that changed
-- it (changed_seq never goes back; `laurel replay` checks the rows against the log). holds 0: the
-- badge was taken back (a deletion, a calendar change) and taken_back_at says when.
CREATE TABLE badge_awards (
  rule_id INTEGER NOT NULL,
  staff_id INTEGER NOT NULL,
  holds INTEGER NOT NULL CHECK (holds IN (0, 1)),
  visit_id INTEGER NOT NULL,    -- the visit that made it true
  earned_at INTEGER NOT NULL,   -- that visit's occurred_at
  first_earned_at INTEGER NOT NULL,  -- when Laurel first saw it held (recorded time): the digest's
  changed_seq INTEGER NOT NULL,
  changed_at INTEGER NOT NULL,
  taken_back_at INTEGER,
  PRIMARY KEY (rule_id, staff_id)
);
CREATE INDEX badge_awards_staff ON badge_awards (staff_id);
CREATE INDEX badge_awards_first_earned ON badge_awards (first_earned_at);
