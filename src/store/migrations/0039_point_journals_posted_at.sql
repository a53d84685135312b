-- The journals posted since a time (the weekly digest's level-ups work back from the balances
-- to the start and the end of the week): by when they were posted.
CREATE INDEX point_journals_posted_at ON point_journals (posted_at);
