-- Delivery of published good news to the team's group chats (WeCom, DingTalk and Feishu bots).
--
-- chat_targets: one bot webhook each, with the audience whose news it carries (everyone, or
-- good news of some departments). Its URL and signing secret are secrets: the API never shows
-- them back in full.
--
-- chat_outbox: one row per (good news, target), written in the same transaction as the
-- publication, so an acknowledged publication is never lost on the way to a chat. A worker sends
-- what is due in id order; a failure that may pass (no answer, 5xx, 429, the bot's own "too many
-- requests") is tried again later with exponential backoff and jitter; after max attempts, or a
-- failure that will not pass (the bot's URL is wrong), the row is dead until someone retries it.
-- idempotency_key is unique: writing the same delivery twice is one delivery, and every message
-- carries the key so that a receiver can drop a repeat.

CREATE TABLE chat_targets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  channel TEXT NOT NULL CHECK (channel IN ('wecom', 'dingtalk', 'feishu')),
  url TEXT NOT NULL,
  secret TEXT,
  department_ids TEXT NOT NULL DEFAULT '', -- "3,17": their good news (subtrees); '': everyone's
  language TEXT NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en')),
  max_per_minute INTEGER NOT NULL CHECK (max_per_minute BETWEEN 1 AND 600),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE chat_outbox (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  target_id INTEGER NOT NULL REFERENCES chat_targets (id),
  good_news_id INTEGER NOT NULL REFERENCES good_news (id),
  title TEXT NOT NULL,  -- the words as published, in the target's language
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  last_status INTEGER,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  updated_at INTEGER NOT NULL
);

CREATE INDEX chat_outbox_due ON chat_outbox (status, next_attempt_at, id);
CREATE INDEX chat_outbox_by_good_news ON chat_outbox (good_news_id);
