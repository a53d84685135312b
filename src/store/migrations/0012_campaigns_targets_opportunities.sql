-- Campaigns, targets and opportunities: what the sales team is asked to achieve and what it is
-- working on.
--
-- A campaign is a product set sold inside a window (company-local days, both inclusive) by its
-- participants: departments (with their sub-departments) and named staff; with neither, the
-- whole company takes part. Its cost entries feed the acquisition-cost figures.
--
-- A target is a number for a subject (a staff member or a department) on a metric, over a
-- period (a month "2026-11", a quarter "2026-Q4" or a year "2026"), overall or for one client or
-- one campaign. One target per subject, scope, metric and period. value is fen for amount
-- metrics and a count for the others.
--
-- An opportunity is a deal in the making for one client; its stage history is kept row by row
-- (time in each stage is a KPI).

CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  target_fen INTEGER NOT NULL CHECK (target_fen >= 0),
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (starts_on <= ends_on)
);

CREATE TABLE campaign_products (
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  PRIMARY KEY (campaign_id, product_id)
);

CREATE TABLE campaign_departments (
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  department_id INTEGER NOT NULL REFERENCES departments (id),
  PRIMARY KEY (campaign_id, department_id)
);

CREATE TABLE campaign_staff (
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  PRIMARY KEY (campaign_id, staff_id)
);

CREATE TABLE campaign_costs (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
  incurred_on TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('event', 'gifts', 'advertising', 'travel',
                                             'materials', 'incentives', 'other')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  description TEXT,
  recorded_by INTEGER NOT NULL REFERENCES users (id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX campaign_costs_by_campaign ON campaign_costs (campaign_id, incurred_on);

CREATE TABLE targets (
  id INTEGER PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('staff', 'department')),
  subject_id INTEGER NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('overall', 'client', 'campaign')),
  client_id INTEGER REFERENCES clients (id),
  campaign_id INTEGER REFERENCES campaigns (id),
  metric TEXT NOT NULL CHECK (metric IN ('subscription', 'net_flow', 'visits',
                                         'key_person_visits')),
  period TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value > 0),
  set_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((scope = 'client') = (client_id IS NOT NULL)),
  CHECK ((scope = 'campaign') = (campaign_id IS NOT NULL))
);
CREATE UNIQUE INDEX targets_one_per_subject ON targets (
  subject_kind, subject_id, scope, coalesce(client_id, 0), coalesce(campaign_id, 0), metric,
  period);
CREATE INDEX targets_by_period ON targets (period_start, period_end);

CREATE TABLE opportunities (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  owner_staff_id INTEGER NOT NULL REFERENCES staff (id),
  campaign_id INTEGER REFERENCES campaigns (id),
  title TEXT NOT NULL,
  expected_fen INTEGER NOT NULL CHECK (expected_fen >= 0),
  expected_close_date TEXT,
  notes TEXT,
  stage TEXT NOT NULL CHECK (stage IN ('prospect', 'contacted', 'proposal', 'won', 'lost')),
  lost_reason TEXT,
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX opportunities_by_client ON opportunities (client_id);
CREATE INDEX opportunities_by_owner ON opportunities (owner_staff_id, stage);

CREATE TABLE opportunity_products (
  opportunity_id INTEGER NOT NULL REFERENCES opportunities (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  PRIMARY KEY (opportunity_id, product_id)
);

CREATE TABLE opportunity_stages (
  opportunity_id INTEGER NOT NULL REFERENCES opportunities (id),
  seq INTEGER NOT NULL,
  stage TEXT NOT NULL,
  entered_at INTEGER NOT NULL,
  changed_by INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (opportunity_id, seq)
);
