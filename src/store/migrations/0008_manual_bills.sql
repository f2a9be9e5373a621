-- Bills the user adds: one definition per bill (config [[bills]], `purse bills add` or the
-- dashboard), and a link from each stored occurrence (a `bills` row with source 'manual') to it.
--
-- A definition keeps its first due date so every occurrence is computed from it (a monthly bill
-- on the 31st comes back to the 31st after a short month). `origin` says who owns it: 'config'
-- definitions follow the config file on every sync (added, updated, removed); 'user' ones are
-- only changed by the user. `account_match` is the config's account text, resolved to
-- `account_id` at each sync (accounts may appear after the config names them).
CREATE TABLE manual_bills (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    amount_minor  INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    first_due     TEXT NOT NULL,
    every         TEXT NOT NULL
        CHECK (every IN ('once', 'weekly', 'biweekly', 'monthly', 'quarterly', 'annually')),
    account_id    INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    account_match TEXT,
    origin        TEXT NOT NULL CHECK (origin IN ('config', 'user')),
    created       TEXT NOT NULL
);

-- Paid occurrences outlive their definition (as history); unpaid ones are deleted with it.
ALTER TABLE bills ADD COLUMN manual_id INTEGER REFERENCES manual_bills(id) ON DELETE SET NULL;
CREATE INDEX bills_by_manual ON bills (manual_id) WHERE manual_id IS NOT NULL;
