-- Platform: users and their roles, login sessions, API tokens for integrations, and the audit
-- log of admin actions. Times are integer microseconds since the Unix epoch, UTC.

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,          -- lower case; what people type to log in
  display_name TEXT NOT NULL,
  email TEXT,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'sales', 'service', 'integration')),
  password_hash TEXT,                     -- argon2id; NULL: cannot log in with a password
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  password_changed_at INTEGER
);

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,        -- SHA-256 of the bearer/cookie secret, hex
  csrf_token TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,            -- absolute end of life
  last_seen_at INTEGER NOT NULL,          -- for the idle timeout; written at most once a minute
  revoked_at INTEGER,
  client_ip TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  token_prefix TEXT NOT NULL,             -- the first characters, to recognise a token in lists
  token_hash TEXT NOT NULL UNIQUE,        -- SHA-256 of the whole token, hex; the token is shown once
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER,
  last_used_at INTEGER
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_user_id INTEGER REFERENCES users (id),
  actor TEXT NOT NULL,                    -- username, or "cli:<os user>" for the command line
  action TEXT NOT NULL,                   -- "user.create", "token.revoke", ...
  target_type TEXT NOT NULL,
  target_id TEXT,
  before_json TEXT,
  after_json TEXT,
  client_ip TEXT,
  request_id TEXT
);
CREATE INDEX audit_log_by_target ON audit_log (target_type, target_id, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor_user_id, id);
