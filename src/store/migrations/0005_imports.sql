-- Statement imports (`purse import`): the balances each statement stated, which Purse account a
-- statement's own account id was imported into when that is not the Import connection's account
-- for it, and the transaction ids that OFX corrections removed (so re-importing an older
-- statement does not bring them back). Money is INTEGER minor units + TEXT currency.

CREATE TABLE statement_balances (
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('ledger', 'available')),
    as_of        TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    source       TEXT NOT NULL,
    imported     TEXT NOT NULL,
    PRIMARY KEY (account_id, kind, as_of)
);

CREATE TABLE import_links (
    statement_account TEXT PRIMARY KEY,
    account_id        INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE
);

CREATE TABLE import_tombstones (
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    provider_id TEXT NOT NULL,
    PRIMARY KEY (account_id, provider_id)
);
