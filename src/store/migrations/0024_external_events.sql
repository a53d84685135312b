-- Events pushed by external systems (POST /api/v1/events), remembered by the id their sender
-- gave them, so a batch sent again after a timeout is applied once: the same id with the same
-- content is a duplicate, the same id with other content a conflict. One row per event applied;
-- entity_type and entity_id name the record it wrote, as the event log does ("transaction",
-- "42"; "holding", "12/3").

CREATE TABLE external_events (
  sender_user_id INTEGER NOT NULL,
  event_id TEXT NOT NULL CHECK (length(event_id) BETWEEN 1 AND 100),
  type TEXT NOT NULL,
  fingerprint TEXT NOT NULL, -- SHA-256 of the event's data as sent, hex
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (sender_user_id, event_id)
);
