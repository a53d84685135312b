-- Transactions: clients' orders on products, pushed by the trading/TA system (or typed in).
--
-- external_id is the sender's idempotency key: the same id again with the same content is a
-- duplicate (content_hash is of the content as first recorded), with other content a conflict.
-- Money is integer fen; trade_time is UTC microseconds, trade_date its company-local day (the
-- day coverage and departments are taken from). Credits are fixed when the trade is recorded:
-- a later coverage change never re-credits it.

CREATE TABLE transactions (
  id INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE,
  client_id INTEGER NOT NULL REFERENCES clients (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  kind TEXT NOT NULL CHECK (kind IN ('subscribe', 'purchase', 'redeem', 'switch_in', 'switch_out',
                                     'dividend_reinvest')),
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  trade_time INTEGER NOT NULL,
  trade_date TEXT NOT NULL,
  confirm_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('applied', 'confirmed', 'failed', 'cancelled')),
  content_hash TEXT NOT NULL,
  recorded_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX transactions_by_client ON transactions (client_id, trade_time);
CREATE INDEX transactions_by_product ON transactions (product_id, trade_time);
CREATE INDEX transactions_by_trade_time ON transactions (trade_time);

CREATE TABLE transaction_credits (
  transaction_id INTEGER NOT NULL REFERENCES transactions (id),
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  department_id INTEGER REFERENCES departments (id),
  role TEXT NOT NULL CHECK (role IN ('primary', 'secondary')),
  share_percent INTEGER NOT NULL CHECK (share_percent BETWEEN 0 AND 100),
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (transaction_id, staff_id)
) WITHOUT ROWID;
CREATE INDEX transaction_credits_by_staff ON transaction_credits (staff_id, transaction_id);
CREATE INDEX transaction_credits_by_department ON transaction_credits (department_id,
                                                                      transaction_id);
