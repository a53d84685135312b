-- Coverage: which staff cover which client, primary or secondary, with a credit split in whole
-- percent. Coverage is effective-dated like staff assignments: a plan lists a client's whole
-- coverage from its effective_from (a company-local day, "YYYY-MM-DD") until the next plan of
-- that client. A plan without members ends coverage. Transactions keep the split they were
-- credited with, so a later plan never re-credits past trades.

CREATE TABLE coverage_plans (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  effective_from TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (client_id, effective_from)
);

CREATE TABLE coverage_members (
  plan_id INTEGER NOT NULL REFERENCES coverage_plans (id) ON DELETE CASCADE,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  role TEXT NOT NULL CHECK (role IN ('primary', 'secondary')),
  share_percent INTEGER NOT NULL CHECK (share_percent BETWEEN 0 AND 100),
  PRIMARY KEY (plan_id, staff_id)
);
CREATE INDEX coverage_members_by_staff ON coverage_members (staff_id, plan_id);
