-- Holdings: daily closing balances per client and product (market value, integer fen) imported
-- from the data warehouse. A position's holding on a day is the latest balance on or before it
-- plus the net confirmed flows (transactions confirmed after that balance's date, up to the day).
-- One row per client, product and date: importing the same day again with another amount is a
-- correction of that day's balance.

CREATE TABLE holding_balances (
  client_id INTEGER NOT NULL REFERENCES clients (id),
  product_id INTEGER NOT NULL REFERENCES products (id),
  balance_date TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  recorded_at INTEGER NOT NULL,
  PRIMARY KEY (client_id, product_id, balance_date)
) WITHOUT ROWID;
CREATE INDEX holding_balances_by_date ON holding_balances (balance_date);
CREATE INDEX transactions_by_confirm_date ON transactions (confirm_date) WHERE status = 'confirmed';
