-- Levels (crm/point_levels.hpp): names for ranges of status points, lowest first. A manager sets
-- the whole ladder at once (recorded in the event log as point_levels.set); with no rows, Laurel's
-- default ladder applies.
CREATE TABLE point_levels (
  position INTEGER PRIMARY KEY,  -- 1 for the lowest
  name TEXT NOT NULL,
  from_points INTEGER NOT NULL UNIQUE CHECK (from_points >= 0)
);
