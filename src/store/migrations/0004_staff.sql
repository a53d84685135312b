-- Staff of the sales organisation (and of the departments that serve the same clients).
-- A staff member may have a login (user_id) or not (someone who left before Laurel).
-- Their department is effective-dated: the assignment with the latest effective_from on or before
-- a day is their department that day, so a transfer counts for the right department on the right
-- days. Dates are company-local calendar days, "YYYY-MM-DD".

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  user_id INTEGER UNIQUE REFERENCES users (id),
  name TEXT NOT NULL,
  title TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE staff_assignments (
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  department_id INTEGER NOT NULL REFERENCES departments (id),
  effective_from TEXT NOT NULL,
  PRIMARY KEY (staff_id, effective_from)
);
CREATE INDEX staff_assignments_by_department ON staff_assignments (department_id, effective_from);
