-- Products: the company's funds. The code is the fund code the trading and TA systems use
-- (unique); money-market funds (type money_market) are reported apart from the headline figures.

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('equity', 'bond', 'mixed', 'money_market', 'index', 'qdii',
                                     'fof', 'other')),
  status TEXT NOT NULL CHECK (status IN ('offering', 'open', 'closed')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX products_by_type ON products (type, id);
