-- "Not overdone": a group-chat bot's quiet hours (minutes after midnight, company time; both
-- NULL for none; a window may run past midnight) and its cap of messages a company day (NULL:
-- none). What falls in the quiet hours or past the cap waits, it is never dropped.
ALTER TABLE chat_targets ADD COLUMN quiet_from INTEGER;
ALTER TABLE chat_targets ADD COLUMN quiet_to INTEGER;
ALTER TABLE chat_targets ADD COLUMN max_per_day INTEGER;
CREATE INDEX chat_outbox_sent ON chat_outbox (target_id, sent_at);
