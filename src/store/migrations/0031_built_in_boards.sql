-- Laurel's own leaderboards (crm/built_in_boards.hpp): client target achievement per subject
-- kind and period kind, and each campaign's achievement for people and for departments. The key
-- says which one a board is ("client_targets:staff:quarter", "campaign:7:department"), so each is
-- made once — an archived one stays archived, it is not made again.

ALTER TABLE boards ADD COLUMN built_in TEXT;
CREATE UNIQUE INDEX boards_built_in ON boards (built_in) WHERE built_in IS NOT NULL;
