-- The live stream's position of each good news: stream_seq is raised to one past the highest in
-- the table by every write that changes a good news (detected, no longer holds, edited,
-- published, dismissed). One writer at a time (SQLite's write lock) makes it rise in commit
-- order, so a reader that has seen position N misses nothing by asking for stream_seq > N next:
-- that is how a client reconnecting with Last-Event-ID N is sent exactly what changed since.
-- Existing rows take their id, which keeps the order they were written in.

ALTER TABLE good_news ADD COLUMN stream_seq INTEGER NOT NULL DEFAULT 0;
UPDATE good_news SET stream_seq = id;
CREATE INDEX good_news_by_stream_seq ON good_news (stream_seq);
