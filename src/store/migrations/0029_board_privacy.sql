-- A person may hide from public leaderboards (crm/board_privacy.hpp): others see their row
-- without their name; they still count for their department and see their own rank; managers
-- and admins see everything. The person's own choice (PUT /api/v1/me/board-privacy).

ALTER TABLE staff ADD COLUMN hide_from_boards INTEGER NOT NULL DEFAULT 0
  CHECK (hide_from_boards IN (0, 1));
