-- Challenges (crm/challenge.hpp, engine/challenge_book.hpp): each as the API gives it. The
-- definition never changes once made (the engine judges it from its event, challenge.created); a
-- challenge called off before it settles keeps its row with cancelled_at (challenge.cancelled).
-- Where each participant stands is derived from the log by the engine, not stored.
CREATE TABLE challenges (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  subject TEXT NOT NULL CHECK (subject IN ('company', 'department', 'staff', 'group')),
  definition TEXT NOT NULL,  -- JSON
  ends_at INTEGER NOT NULL,  -- micros: the first instant after the window
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  cancelled_at INTEGER,
  cancelled_by INTEGER REFERENCES users (id)
);
CREATE INDEX challenges_ends_at ON challenges (ends_at);

-- Who takes part: people or departments, as the challenge's metric counts them (none for a
-- company metric: everyone, together); for ad-hoc groups, their members. What "my challenges"
-- are found by.
CREATE TABLE challenge_participants (
  challenge_id INTEGER NOT NULL REFERENCES challenges (id),
  subject_id INTEGER NOT NULL,
  PRIMARY KEY (challenge_id, subject_id)
);
CREATE INDEX challenge_participants_subject ON challenge_participants (subject_id);
