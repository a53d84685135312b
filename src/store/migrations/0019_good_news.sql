-- Good news: the rules that detect it (data, defined over the API) and the good news itself.
--
-- A rule's definition is JSON (crm/good_news_rule.hpp reads and checks it); a rule never changes
-- once made, so its good news keeps its meaning — define a new one.
--
-- A detected good news row is a derived fact of the recognition engine: fact_key is its natural
-- key (rule, subject, period, threshold), so writing it again — a replay, a second Laurel node —
-- never duplicates it, and derived_seq (the event that last changed it) keeps an older state
-- from overwriting a newer one. The columns from fact_key to derived_seq are the engine's and
-- `laurel replay` compares them with what the log gives; status, title and body are the
-- managers' (draft, edited, published or dismissed; 'passed' is history from before the rule's
-- effective_from, recorded silently and never announced).

CREATE TABLE good_news_rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  definition TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL
);

CREATE TABLE good_news (
  id INTEGER PRIMARY KEY,
  fact_key TEXT UNIQUE,
  rule_id INTEGER REFERENCES good_news_rules (id),
  subject_id INTEGER,
  period TEXT,
  threshold INTEGER,
  record_id INTEGER,
  became_true_at INTEGER,
  detected_seq INTEGER,
  detected_at INTEGER,
  late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  silent INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1)),
  holds INTEGER NOT NULL DEFAULT 1 CHECK (holds IN (0, 1)),
  no_longer_holds_at INTEGER,
  derived_seq INTEGER,
  status TEXT NOT NULL CHECK (status IN ('passed', 'draft', 'published', 'dismissed')),
  title TEXT CHECK (title IS NULL OR length(title) BETWEEN 1 AND 100),
  body TEXT CHECK (body IS NULL OR length(body) BETWEEN 1 AND 2000),
  published_at INTEGER,
  published_by INTEGER REFERENCES users (id),
  dismissed_at INTEGER,
  dismissed_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE INDEX good_news_by_status ON good_news (status, id);
CREATE INDEX good_news_by_rule ON good_news (rule_id, id);
