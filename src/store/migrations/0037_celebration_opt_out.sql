-- A person may opt out of public celebration (crm/celebration_audience.hpp): their new flags,
-- badges and levels stay theirs — colleagues do not see them in the weekly parade or digest;
-- managers and admins see them marked, so nobody reads them out at the Monday meeting. The
-- person's own choice (PUT /api/v1/me/celebration).

ALTER TABLE staff ADD COLUMN celebrate_publicly INTEGER NOT NULL DEFAULT 1
  CHECK (celebrate_publicly IN (0, 1));
