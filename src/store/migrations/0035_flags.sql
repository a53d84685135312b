-- The "system sergeant" flags (crm/flag_set.hpp). flag_set: which CRM functions have a flag, with
-- its name and colour, in the order they are shown; an admin sets the whole set at once (logged as
-- flag_set.set); with no rows, Laurel's twelve apply.
CREATE TABLE flag_set (
  position INTEGER PRIMARY KEY,  -- 1 for the first shown
  function TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  colour TEXT NOT NULL UNIQUE
);

-- Each person's first real use of each CRM function (engine/first_use_book.hpp), derived from the
-- event log by the recognition engine: one row per person and function, written insert-if-absent,
-- never changed (`laurel replay` checks them against the log).
CREATE TABLE first_uses (
  staff_id INTEGER NOT NULL,
  function TEXT NOT NULL,
  event_seq INTEGER NOT NULL,  -- the event of the use
  used_at INTEGER NOT NULL,    -- when it was recorded
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (staff_id, function)
);
CREATE INDEX first_uses_used_at ON first_uses (used_at);
