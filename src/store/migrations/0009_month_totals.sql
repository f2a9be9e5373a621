-- Month totals kept by triggers, and a leaner search index: a faster cold start and ingest at a
-- million transactions (BENCHMARKS.md, "Scale").
--
-- 1. `month_totals` holds, per month, category and currency, the money in, the money out and the
--    number of transactions. The budget report (with rollover back to the first budget), the
--    month's category nets and the in/out chart read a few hundred rows from it instead of
--    scanning every transaction of 13 months: at 1M transactions on a cold page cache,
--    `purse budgets` went from 110 ms to 20–30 ms and the dashboard's first frame from 160 ms
--    to 66 ms. Triggers keep it in step with every insert, edit and delete (sync upserts,
--    imports, category changes, rule runs, account deletes by cascade).
-- 2. The covering month-sum index of 0006 only served those scans, so it goes: one index fewer
--    to keep up per ingested row.
-- 3. The trigram search index no longer stores token positions (`detail=none`) or column sizes
--    (`columnsize=0`): with 2 above, ingest of 100k rows went from 71k to 91k rows/s and the
--    1M store from 427 MB to 269 MB. Search asks for every trigram of the text
--    (`"cof" AND "off" AND …`) instead of a phrase and re-checks the hits with `LIKE` as
--    before, so its results are unchanged.

CREATE TABLE month_totals (
    month       TEXT NOT NULL,      -- YYYY-MM, the first 7 characters of the transaction date
    category_id INTEGER NOT NULL,
    currency    TEXT NOT NULL,
    money_in    INTEGER NOT NULL,   -- sum of positive amounts, minor units
    money_out   INTEGER NOT NULL,   -- sum of negative amounts negated, minor units
    rows        INTEGER NOT NULL,   -- transactions counted; the row goes when it reaches 0
    PRIMARY KEY (month, category_id, currency)
) WITHOUT ROWID;

INSERT INTO month_totals (month, category_id, currency, money_in, money_out, rows)
SELECT substr(date, 1, 7), category_id, currency,
       SUM(MAX(amount_minor, 0)), SUM(MAX(-amount_minor, 0)), COUNT(*)
  FROM transactions
 GROUP BY 1, 2, 3;

CREATE TRIGGER month_totals_insert AFTER INSERT ON transactions BEGIN
    INSERT INTO month_totals (month, category_id, currency, money_in, money_out, rows)
    VALUES (substr(new.date, 1, 7), new.category_id, new.currency,
            MAX(new.amount_minor, 0), MAX(-new.amount_minor, 0), 1)
    ON CONFLICT DO UPDATE SET money_in = money_in + excluded.money_in,
                              money_out = money_out + excluded.money_out,
                              rows = rows + 1;
END;

CREATE TRIGGER month_totals_delete AFTER DELETE ON transactions BEGIN
    UPDATE month_totals
       SET money_in = money_in - MAX(old.amount_minor, 0),
           money_out = money_out - MAX(-old.amount_minor, 0),
           rows = rows - 1
     WHERE month = substr(old.date, 1, 7) AND category_id = old.category_id
       AND currency = old.currency;
    DELETE FROM month_totals
     WHERE month = substr(old.date, 1, 7) AND category_id = old.category_id
       AND currency = old.currency AND rows <= 0;
END;

CREATE TRIGGER month_totals_update AFTER UPDATE OF date, category_id, currency, amount_minor
ON transactions
WHEN old.date IS NOT new.date OR old.category_id IS NOT new.category_id
  OR old.currency IS NOT new.currency OR old.amount_minor IS NOT new.amount_minor
BEGIN
    UPDATE month_totals
       SET money_in = money_in - MAX(old.amount_minor, 0),
           money_out = money_out - MAX(-old.amount_minor, 0),
           rows = rows - 1
     WHERE month = substr(old.date, 1, 7) AND category_id = old.category_id
       AND currency = old.currency;
    DELETE FROM month_totals
     WHERE month = substr(old.date, 1, 7) AND category_id = old.category_id
       AND currency = old.currency AND rows <= 0;
    INSERT INTO month_totals (month, category_id, currency, money_in, money_out, rows)
    VALUES (substr(new.date, 1, 7), new.category_id, new.currency,
            MAX(new.amount_minor, 0), MAX(-new.amount_minor, 0), 1)
    ON CONFLICT DO UPDATE SET money_in = money_in + excluded.money_in,
                              money_out = money_out + excluded.money_out,
                              rows = rows + 1;
END;

DROP INDEX transactions_by_date_cover;

DROP TRIGGER transactions_search_insert;
DROP TRIGGER transactions_search_delete;
DROP TRIGGER transactions_search_update;
DROP TABLE transactions_search;

CREATE VIRTUAL TABLE transactions_search USING fts5(
    payee, description, content = 'transactions', content_rowid = 'id', tokenize = 'trigram',
    detail = none, columnsize = 0
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

CREATE TRIGGER transactions_search_update AFTER UPDATE OF payee, description ON transactions
WHEN old.payee IS NOT new.payee OR old.description IS NOT new.description
BEGIN
    INSERT INTO transactions_search (transactions_search, rowid, payee, description)
    VALUES ('delete', old.id, old.payee, old.description);
    INSERT INTO transactions_search (rowid, payee, description)
    VALUES (new.id, new.payee, new.description);
END;
