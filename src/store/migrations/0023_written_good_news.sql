-- Good news a manager writes by hand (no rule, no fact_key): its own title and text, a picture,
-- an audience and how long it stays on the banner.
--
-- audience: the departments whose people see it (each with its subtree), written ",3,17," so
-- that a reader's departments are matched with LIKE '%,3,%'; '' is everyone. Detected good news
-- is everyone's. shown_until: the end of its time on the banner (NULL: the banner's default of
-- three days after publication); the feed keeps it after that.

ALTER TABLE good_news ADD COLUMN audience TEXT NOT NULL DEFAULT '';
ALTER TABLE good_news ADD COLUMN shown_until INTEGER;
ALTER TABLE good_news ADD COLUMN written_by INTEGER REFERENCES users (id);
