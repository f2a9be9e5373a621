-- Purse schema v1. Money is INTEGER minor units + TEXT ISO currency; dates are ISO TEXT
-- (calendar dates 'YYYY-MM-DD', instants RFC 3339 UTC). Append-only: changes go in new files.

CREATE TABLE connections (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT NOT NULL UNIQUE,
    provider             TEXT NOT NULL,
    cursor               TEXT,
    last_success         TEXT,
    last_attempt         TEXT,
    last_error           TEXT,
    next_attempt         TEXT,
    needs_relink         INTEGER NOT NULL DEFAULT 0,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    created              TEXT NOT NULL
);

CREATE TABLE accounts (
    id                  INTEGER PRIMARY KEY,
    connection_id       INTEGER NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
    provider_account_id TEXT NOT NULL,
    name                TEXT NOT NULL,
    kind                TEXT NOT NULL,
    currency            TEXT NOT NULL,
    balance_minor       INTEGER NOT NULL,
    available_minor     INTEGER,
    limit_minor         INTEGER,
    updated             TEXT NOT NULL,
    UNIQUE (connection_id, provider_account_id)
);

CREATE TABLE categories (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    parent_id INTEGER REFERENCES categories(id),
    kind      TEXT NOT NULL CHECK (kind IN ('income', 'expense', 'transfer'))
);

CREATE TABLE transactions (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    provider_id     TEXT NOT NULL,
    date            TEXT NOT NULL,
    amount_minor    INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    payee           TEXT NOT NULL,
    description     TEXT NOT NULL,
    category_id     INTEGER NOT NULL REFERENCES categories(id),
    -- 1 when the user chose the category: syncs never overwrite it.
    category_locked INTEGER NOT NULL DEFAULT 0,
    pending         INTEGER NOT NULL DEFAULT 0,
    notes           TEXT,
    raw             TEXT,
    UNIQUE (account_id, provider_id)
);

-- The dashboard's scrolling list (newest first), per account, and category × month sums.
CREATE INDEX transactions_by_date ON transactions (date DESC, id DESC);
CREATE INDEX transactions_by_account_date ON transactions (account_id, date DESC, id DESC);
CREATE INDEX transactions_by_category_date ON transactions (category_id, date, currency, amount_minor);
CREATE INDEX transactions_pending ON transactions (pending) WHERE pending = 1;

CREATE TABLE budgets (
    category_id  INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    month        TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    PRIMARY KEY (category_id, month)
);

CREATE TABLE bills (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    account_id    INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    amount_minor  INTEGER NOT NULL,
    minimum_minor INTEGER,
    currency      TEXT NOT NULL,
    due           TEXT NOT NULL,
    source        TEXT NOT NULL,
    paid          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (name, due)
);

CREATE TABLE alerts (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    key          TEXT NOT NULL UNIQUE,
    message      TEXT NOT NULL,
    created      TEXT NOT NULL,
    acknowledged INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX alerts_by_created ON alerts (created DESC, id DESC);
