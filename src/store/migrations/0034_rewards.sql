-- The rewards shop (crm/reward_service.hpp): items on offer for spendable points, and the orders
-- people place for them. An order's points move on the points ledger (migration 0032): held when
-- it is placed, settled into the system's redemption account when it is approved, released back
-- when it is rejected or cancelled — journals with natural keys "order/<id>/<hold|settle|release>",
-- so no order is ever paid twice.

CREATE TABLE rewards (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  price INTEGER NOT NULL CHECK (price > 0),  -- spendable points for one
  stock INTEGER CHECK (stock IS NULL OR stock >= 0),  -- how many are left; NULL: no limit
  per_person_limit INTEGER CHECK (per_person_limit IS NULL OR per_person_limit > 0),
  visible_from_level TEXT,  -- a level's name (crm/point_levels.hpp); NULL: everyone
  approval_required INTEGER NOT NULL DEFAULT 1,
  active INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- One order: a quantity of one reward for one person, at the price of the moment it was placed.
-- The idempotency key is the client's: the same key from the same person is the same order,
-- however many times it is sent.
CREATE TABLE reward_orders (
  id INTEGER PRIMARY KEY,
  reward_id INTEGER NOT NULL REFERENCES rewards (id),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  points INTEGER NOT NULL CHECK (points > 0),
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  idempotency_key TEXT NOT NULL,
  placed_by INTEGER REFERENCES users (id),
  placed_at INTEGER NOT NULL,
  decided_by INTEGER REFERENCES users (id),
  decided_at INTEGER,
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (staff_id, idempotency_key)
);
CREATE INDEX reward_orders_staff ON reward_orders (staff_id, id);
CREATE INDEX reward_orders_status ON reward_orders (status, id);
CREATE INDEX reward_orders_reward ON reward_orders (reward_id, staff_id);
