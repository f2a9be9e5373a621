-- The dashboard at a million transactions (BENCHMARKS.md, "Dashboard").
--
-- A covering index for month sums (budget report with rollover, money in vs out): date-range
-- scans read the index alone instead of one table row per transaction.
CREATE INDEX transactions_by_date_cover ON transactions (date, category_id, currency, amount_minor);

-- Amount search ("12.34" finds ±12.34) without reading every row.
CREATE INDEX transactions_by_amount ON transactions (amount_minor);

-- Substring search over payee and description: an FTS5 trigram index kept in step with the
-- table by triggers (external content: the text is stored once, in `transactions`).
CREATE VIRTUAL TABLE transactions_search USING fts5(
    payee, description, content = 'transactions', content_rowid = 'id', tokenize = 'trigram'
);
INSERT INTO transactions_search (transactions_search) VALUES ('rebuild');

CREATE TRIGGER transactions_search_insert AFTER INSERT ON transactions BEGIN
    INSERT INTO transactions_search (rowid, payee, description)
    VALUES (new.id, new.payee, new.description);
END;

CREATE TRIGGER transactions_search_delete AFTER DELETE ON transactions BEGIN
    INSERT INTO transactions_search (transactions_search, rowid, payee, description)
    VALUES ('delete', old.id, old.payee, old.description);
END;

CREATE TRIGGER transactions_search_update AFTER UPDATE OF payee, description ON transactions BEGIN
    INSERT INTO transactions_search (transactions_search, rowid, payee, description)
    VALUES ('delete', old.id, old.payee, old.description);
    INSERT INTO transactions_search (rowid, payee, description)
    VALUES (new.id, new.payee, new.description);
END;
