-- Points (crm/point_rule.hpp, crm/points_service.hpp): the rules with every version kept, and
-- the double-entry ledger the engine's awards and the rewards shop post to.

-- A rule and its versions: the definition of each as the API gives it. Each version is also in
-- the event log (point_rule.created, point_rule.changed), which is how the engine learns of it.
CREATE TABLE point_rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,  -- the latest
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE point_rule_versions (
  rule_id INTEGER NOT NULL REFERENCES point_rules (id),
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (rule_id, version)
);

-- Accounts: per person (status points, spendable points, points held for pending orders, points
-- owed after a clawback), per department later, and the system's sources and sinks. The CHECKs
-- make "no balance ever goes negative" the database's rule, not only the code's: a posting that
-- would break it fails whole. An owed balance is negative: what the person owes.
CREATE TABLE point_accounts (
  id INTEGER PRIMARY KEY,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('system', 'staff', 'department')),
  owner_id INTEGER NOT NULL,  -- 0 for the system's accounts
  kind TEXT NOT NULL CHECK (kind IN ('status', 'spendable', 'held', 'owed', 'status_issuance',
                                     'issuance', 'redemption', 'expiry')),
  balance INTEGER NOT NULL DEFAULT 0,
  UNIQUE (owner_kind, owner_id, kind),
  CHECK (kind NOT IN ('status', 'spendable', 'held') OR balance >= 0),
  CHECK (kind <> 'owed' OR balance <= 0)
);

-- A journal is one posting: its legs (point_entries) sum to zero in each currency (status points
-- apart from spendable ones). natural_key makes posting insert-if-absent: a replay, a restart or
-- a second node never posts the same award twice. Journals and entries are never changed: a
-- correction is a new journal that reverses.
CREATE TABLE point_journals (
  id INTEGER PRIMARY KEY,
  natural_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'reverse', 'hold', 'settle', 'release', 'expire')),
  staff_id INTEGER,
  rule_id INTEGER,
  rule_version INTEGER,
  source_kind TEXT,    -- visit, trade
  source_id INTEGER,
  event_seq INTEGER,   -- the event whose fold made the award change
  occurred_at INTEGER, -- when the activity occurred
  posted_at INTEGER NOT NULL,
  points INTEGER NOT NULL,     -- the award's change: > 0 earned, < 0 reversed
  detail TEXT NOT NULL DEFAULT '{}'  -- JSON: what the rule gave and why it paid less
);
CREATE INDEX point_journals_staff ON point_journals (staff_id, id);
CREATE INDEX point_journals_award ON point_journals (rule_id, staff_id, source_kind, source_id);

CREATE TABLE point_entries (
  id INTEGER PRIMARY KEY,
  journal_id INTEGER NOT NULL REFERENCES point_journals (id),
  account_id INTEGER NOT NULL REFERENCES point_accounts (id),
  amount INTEGER NOT NULL
);
CREATE INDEX point_entries_journal ON point_entries (journal_id);
CREATE INDEX point_entries_account ON point_entries (account_id);

CREATE TRIGGER point_journals_no_update BEFORE UPDATE ON point_journals
BEGIN
  SELECT RAISE(ABORT, 'the points ledger is append-only');
END;
CREATE TRIGGER point_journals_no_delete BEFORE DELETE ON point_journals
BEGIN
  SELECT RAISE(ABORT, 'the points ledger is append-only');
END;
CREATE TRIGGER point_entries_no_update BEFORE UPDATE ON point_entries
BEGIN
  SELECT RAISE(ABORT, 'the points ledger is append-only');
END;
CREATE TRIGGER point_entries_no_delete BEFORE DELETE ON point_entries
BEGIN
  SELECT RAISE(ABORT, 'the points ledger is append-only');
END;
