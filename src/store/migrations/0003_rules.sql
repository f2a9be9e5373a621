-- Categorisation rules, and the delivery state of desktop notifications for alerts.

-- A rule: payee condition (contains text, or a regular expression; never both), an amount range
-- on the size of the amount (INTEGER minor units in `currency`), an account → a category.
-- Higher priority wins, then the newest.
CREATE TABLE rules (
    id             INTEGER PRIMARY KEY,
    category_id    INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    payee_contains TEXT,
    payee_regex    TEXT,
    min_minor      INTEGER,
    max_minor      INTEGER,
    currency       TEXT,
    account_id     INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
    priority       INTEGER NOT NULL DEFAULT 0,
    created        TEXT NOT NULL,
    CHECK (payee_contains IS NULL OR payee_regex IS NULL),
    CHECK ((min_minor IS NULL AND max_minor IS NULL) OR currency IS NOT NULL)
);

-- When an alert's desktop notification was shown (or settled without one because desktop
-- notifications are off). NULL: still to deliver, e.g. held during quiet hours.
ALTER TABLE alerts ADD COLUMN notified_at TEXT;
-- Alerts raised before this version were reported on the terminal; never pop them now.
UPDATE alerts SET notified_at = created;
CREATE INDEX alerts_to_notify ON alerts (id) WHERE notified_at IS NULL;
