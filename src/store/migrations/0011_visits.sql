-- Visits: a salesperson's contact with a client (a visit, call, meeting, roadshow or online
-- session), who went, which key people attended, which products were discussed, and the next
-- step with its follow-up date. occurred_at is UTC microseconds, occurred_date its
-- company-local day. Departments of the staff who went are fixed at recording, the department
-- each was in on that day (as with transaction credits), so data scope and statistics do not
-- move when someone transfers later. external_id is the sender's idempotency key (a phone
-- resending a draft after the network came back): optional, unique when given.
--
-- Service records: other departments' work for the same clients (operations, trading,
-- research, back office...).

CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  kind TEXT NOT NULL CHECK (kind IN ('visit', 'call', 'meeting', 'roadshow', 'online')),
  occurred_at INTEGER NOT NULL,
  occurred_date TEXT NOT NULL,
  notes TEXT NOT NULL,
  next_step TEXT,
  follow_up_date TEXT,
  follow_up_done_at INTEGER,
  author_user_id INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX visits_by_client ON visits (client_id, occurred_at);
CREATE INDEX visits_by_occurred ON visits (occurred_at);
CREATE INDEX visits_follow_ups ON visits (follow_up_date) WHERE follow_up_date IS NOT NULL
  AND follow_up_done_at IS NULL;

CREATE TABLE visit_staff (
  visit_id INTEGER NOT NULL REFERENCES visits (id),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  department_id INTEGER REFERENCES departments (id),
  PRIMARY KEY (visit_id, staff_id)
);
CREATE INDEX visit_staff_by_staff ON visit_staff (staff_id, visit_id);

CREATE TABLE visit_attendees (
  visit_id INTEGER NOT NULL REFERENCES visits (id),
  key_person_id INTEGER NOT NULL REFERENCES key_people (id),
  PRIMARY KEY (visit_id, key_person_id)
);
CREATE INDEX visit_attendees_by_person ON visit_attendees (key_person_id, visit_id);

CREATE TABLE visit_products (
  visit_id INTEGER NOT NULL REFERENCES visits (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  PRIMARY KEY (visit_id, product_id)
);

CREATE TABLE service_records (
  id INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  department_id INTEGER NOT NULL REFERENCES departments (id),
  staff_id INTEGER REFERENCES staff (id),
  kind TEXT NOT NULL CHECK (kind IN ('consultation', 'research', 'trading_support',
                                     'operations', 'account_service', 'training', 'complaint',
                                     'other')),
  text TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  author_user_id INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX service_records_by_client ON service_records (client_id, occurred_at);
CREATE INDEX service_records_by_author ON service_records (author_user_id, client_id);
