-- Search: clients by name, short name, registration code and pinyin keys ("zsyh" finds 招商银行),
-- visits by the full text of their notes and next step. Both are SQLite FTS5 indexes with the
-- trigram tokenizer, which matches any substring of three or more characters — what Chinese
-- text needs, having no spaces between words (store/text_query.hpp adds the fallback for one-
-- and two-character words). The indexes are external-content tables kept current by triggers,
-- so a write and its index entry commit together.
--
-- clients.search_keys holds the pinyin keys (initials of every likely reading, then the full
-- pinyin), written by store::ClientRepository; rows older than this migration get theirs in the
-- same transaction, right after this SQL (store/migrator.cpp, after_sql).

ALTER TABLE clients ADD COLUMN search_keys TEXT;

CREATE VIRTUAL TABLE client_search USING fts5(
  name, short_name, registration_code, search_keys,
  content = 'clients', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
  INSERT INTO client_search (rowid, name, short_name, registration_code, search_keys)
  VALUES (new.id, new.name, new.short_name, new.registration_code, new.search_keys);
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
  INSERT INTO client_search (client_search, rowid, name, short_name, registration_code,
                             search_keys)
  VALUES ('delete', old.id, old.name, old.short_name, old.registration_code, old.search_keys);
END;
CREATE TRIGGER clients_search_update AFTER UPDATE ON clients BEGIN
  INSERT INTO client_search (client_search, rowid, name, short_name, registration_code,
                             search_keys)
  VALUES ('delete', old.id, old.name, old.short_name, old.registration_code, old.search_keys);
  INSERT INTO client_search (rowid, name, short_name, registration_code, search_keys)
  VALUES (new.id, new.name, new.short_name, new.registration_code, new.search_keys);
END;
INSERT INTO client_search (client_search) VALUES ('rebuild');

CREATE VIRTUAL TABLE visit_search USING fts5(
  notes, next_step, content = 'visits', content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER visits_search_insert AFTER INSERT ON visits BEGIN
  INSERT INTO visit_search (rowid, notes, next_step) VALUES (new.id, new.notes, new.next_step);
END;
CREATE TRIGGER visits_search_delete AFTER DELETE ON visits BEGIN
  INSERT INTO visit_search (visit_search, rowid, notes, next_step)
  VALUES ('delete', old.id, old.notes, old.next_step);
END;
CREATE TRIGGER visits_search_update AFTER UPDATE OF notes, next_step ON visits BEGIN
  INSERT INTO visit_search (visit_search, rowid, notes, next_step)
  VALUES ('delete', old.id, old.notes, old.next_step);
  INSERT INTO visit_search (rowid, notes, next_step) VALUES (new.id, new.notes, new.next_step);
END;
INSERT INTO visit_search (visit_search) VALUES ('rebuild');
