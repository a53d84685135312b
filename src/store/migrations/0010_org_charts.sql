-- A client's org chart: units as a tree (parent in the same client, never a cycle: checked by
-- crm::OrgChartService, which also moves a unit's whole subtree by moving the unit) and the key
-- people in it. Contact details are personal information: every unmasked view is logged in
-- contact_views, and an erased person keeps their row (so visit counts and totals stay) with
-- every personal field cleared and erased_at set.

CREATE TABLE org_units (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  parent_id INTEGER REFERENCES org_units (id),
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX org_units_by_client ON org_units (client_id, id);
CREATE INDEX org_units_by_parent ON org_units (parent_id);

CREATE TABLE key_people (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  org_unit_id INTEGER REFERENCES org_units (id),
  reports_to_id INTEGER REFERENCES key_people (id),
  name TEXT NOT NULL,
  title TEXT,
  decision_role TEXT NOT NULL CHECK (decision_role IN ('investment_decision', 'trading',
                                                       'operations', 'risk_control', 'other')),
  influence TEXT NOT NULL CHECK (influence IN ('decision_maker', 'influencer', 'gatekeeper')),
  phone TEXT,
  email TEXT,
  wechat TEXT,
  touch_frequency_days INTEGER CHECK (touch_frequency_days > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  erased_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX key_people_by_client ON key_people (client_id, id);
CREATE INDEX key_people_by_unit ON key_people (org_unit_id);
CREATE INDEX key_people_by_manager ON key_people (reports_to_id);

-- Who saw whose contact details, when, and how (a record view, a list, an export).
CREATE TABLE contact_views (
  id INTEGER PRIMARY KEY,
  key_person_id INTEGER NOT NULL REFERENCES key_people (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  via TEXT NOT NULL,
  viewed_at INTEGER NOT NULL
);
CREATE INDEX contact_views_by_person ON contact_views (key_person_id, id);
