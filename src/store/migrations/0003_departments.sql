-- The sales organisation's departments: a tree (parent_id NULL at the top). Names are unique
-- among siblings. Departments are deactivated, never deleted: history refers to them.

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  parent_id INTEGER REFERENCES departments (id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Sibling names unique; the top level (parent NULL) counts as one family.
CREATE UNIQUE INDEX departments_sibling_names ON departments (COALESCE(parent_id, 0), name);
CREATE INDEX departments_by_parent ON departments (parent_id);
