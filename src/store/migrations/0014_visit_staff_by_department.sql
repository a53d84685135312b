-- Visits by the departments of the staff who went: department targets and managers' scopes
-- look them up this way (a department's visit count reads only its own rows).

CREATE INDEX visit_staff_by_department ON visit_staff (department_id, visit_id);
