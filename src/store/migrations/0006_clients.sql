-- Clients: the institutions the sales team serves, one company-wide record each, identified by
-- their unified social credit code (registration_code, canonical upper case, unique).

CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT,
  registration_code TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('bank', 'insurer', 'broker', 'fund', 'pension', 'trust',
                                     'corporate', 'other')),
  region TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX clients_by_type ON clients (type, id);
