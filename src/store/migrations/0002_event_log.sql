-- The event log: every fact the recognition engine depends on, and every CRM write, appended in
-- the same transaction as the write that caused it. Append-only: triggers refuse updates and
-- deletes, so history is corrected by new events, never rewritten.
--
-- seq is the global order (AUTOINCREMENT: never reused, even after a failed insert at the end).
-- occurred_at is when it happened in the world, recorded_at when Laurel learned it (both integer
-- microseconds, UTC). entity_type/entity_id name the record it is about, for the per-record
-- audit trail; payload is JSON: {"before": ..., "after": ...} for CRM writes.

CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  actor_user_id INTEGER REFERENCES users (id),
  actor TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX events_by_entity ON events (entity_type, entity_id, seq);
CREATE INDEX events_by_type ON events (type, seq);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'the event log is append-only');
END;
