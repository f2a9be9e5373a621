"""What limits ingest: the same rows inserted into variants of Purse's schema (BENCHMARKS.md,
"Scale", section 1).

Usage: python3 benches/common/ingest_variants.py [ROWS] [VARIANT...]
Reads the first ROWS (default 100000) transactions of the benchmark store
(target/bench-data/household-1m-v4.db, or $PURSE_BENCH_DB; build it with
`cargo bench --bench scale -- generate`), then for each variant builds a fresh database in a
temporary directory and times inserting them in transactions of 10,000 rows made of 1,000-row
INSERTs, with Purse's pragmas (WAL, synchronous NORMAL, foreign keys). Prints rows/s and the
database size. Python's sqlite3 uses the system SQLite, not the one Purse bundles, so compare
variants with each other, not with the Rust benchmarks.
"""

import os
import pathlib
import sqlite3
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
MIGRATIONS = sorted((ROOT / "src/store/migrations").glob("*.sql"))
STORE = os.environ.get("PURSE_BENCH_DB", ROOT / "target/bench-data/household-1m-v4.db")
COLUMNS = "account_id, provider_id, date, amount_minor, currency, payee, description, category_id, pending, raw"
BARE = """CREATE TABLE transactions (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL,
    provider_id TEXT NOT NULL, date TEXT NOT NULL, amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL, payee TEXT NOT NULL, description TEXT NOT NULL,
    category_id INTEGER NOT NULL, category_locked INTEGER NOT NULL DEFAULT 0,
    pending INTEGER NOT NULL DEFAULT 0, notes TEXT, raw TEXT)"""
MONTH_TOTALS = """
CREATE TABLE month_totals (month TEXT NOT NULL, category_id INTEGER NOT NULL, currency TEXT NOT NULL,
    money_in INTEGER NOT NULL, money_out INTEGER NOT NULL, rows INTEGER NOT NULL,
    PRIMARY KEY (month, category_id, currency)) WITHOUT ROWID;
CREATE TRIGGER month_totals_insert AFTER INSERT ON transactions BEGIN
    INSERT INTO month_totals VALUES (substr(new.date, 1, 7), new.category_id, new.currency,
        MAX(new.amount_minor, 0), MAX(-new.amount_minor, 0), 1)
    ON CONFLICT DO UPDATE SET money_in = money_in + excluded.money_in,
        money_out = money_out + excluded.money_out, rows = rows + 1;
END;
"""


def search_index(options):
    return f"""
DROP TRIGGER transactions_search_insert; DROP TRIGGER transactions_search_delete;
DROP TRIGGER transactions_search_update; DROP TABLE transactions_search;
CREATE VIRTUAL TABLE transactions_search USING fts5(payee, description, content = 'transactions',
    content_rowid = 'id', tokenize = 'trigram'{options});
CREATE TRIGGER transactions_search_insert AFTER INSERT ON transactions BEGIN
    INSERT INTO transactions_search (rowid, payee, description) VALUES (new.id, new.payee, new.description);
END;
"""


def fts_config(key, value):
    return f"INSERT INTO transactions_search (transactions_search, rank) VALUES ('{key}', {value});"


BEFORE_0009 = [m for m in MIGRATIONS if m.name < "0009"]
# name: (migrations to apply, extra SQL, fill the search index once per delta instead of the trigger)
VARIANTS = {
    "bare": ([], BARE, False),
    "before-0009": (BEFORE_0009, "", False),
    "before-0009+month-totals": (BEFORE_0009, MONTH_TOTALS, False),
    "…-cover-index": (BEFORE_0009, MONTH_TOTALS + "DROP INDEX transactions_by_date_cover;", False),
    "…+detail-none": (
        BEFORE_0009,
        MONTH_TOTALS + "DROP INDEX transactions_by_date_cover;" + search_index(", detail = none"),
        False,
    ),
    "0009": (MIGRATIONS, "", False),
    "0009-amount-index": (MIGRATIONS, "DROP INDEX transactions_by_amount;", False),
    "0009-search-per-delta": (MIGRATIONS, "DROP TRIGGER transactions_search_insert;", True),
    "0009-no-search-index": (MIGRATIONS, "DROP TRIGGER transactions_search_insert;", False),
    "0009-hashsize-32m": (MIGRATIONS, fts_config("hashsize", 32 << 20), False),
    "0009-automerge-8": (MIGRATIONS, fts_config("automerge", 8), False),
    "0009-pgsz-8000": (MIGRATIONS, fts_config("pgsz", 8000), False),
}


def prepare(db, migrations, extra, rows):
    for migration in migrations:
        db.executescript(migration.read_text(encoding="utf-8"))
    db.executescript(extra)
    if not migrations:
        return
    db.execute("INSERT INTO connections (id, name, provider, created) VALUES (1, 'Bench', 'plaid', '2026-11-21T12:00:00Z')")
    for account in range(1, max(r[0] for r in rows) + 1):
        db.execute(
            "INSERT INTO accounts (id, connection_id, provider_account_id, name, kind, currency, balance_minor, updated)"
            " VALUES (?, 1, ?, ?, 'checking', 'USD', 0, '2026-11-21T12:00:00Z')",
            (account, f"acc{account}", f"Account {account}"),
        )
    for category in range(1, max(r[7] for r in rows) + 1):
        db.execute("INSERT OR IGNORE INTO categories (id, name, kind) VALUES (?, ?, 'expense')", (category, f"Category {category}"))


def insert(db, rows, fill_search_per_delta):
    batch = 1000
    many = f"INSERT INTO transactions ({COLUMNS}) VALUES " + ",".join(["(?,?,?,?,?,?,?,?,?,?)"] * batch)
    one = f"INSERT INTO transactions ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)"
    last = 0
    for start in range(0, len(rows), 10_000):
        db.execute("BEGIN")
        for at in range(start, min(start + 10_000, len(rows)), batch):
            chunk = rows[at : at + batch]
            if len(chunk) == batch:
                db.execute(many, [v for row in chunk for v in row])
            else:
                db.executemany(one, chunk)
        if fill_search_per_delta:
            db.execute(
                "INSERT INTO transactions_search (rowid, payee, description)"
                " SELECT id, payee, description FROM transactions WHERE id > ?",
                (last,),
            )
            last = db.execute("SELECT MAX(id) FROM transactions").fetchone()[0]
        db.execute("COMMIT")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    names = sys.argv[2:] or list(VARIANTS)
    store = sqlite3.connect(f"file:{STORE}?mode=ro", uri=True)
    rows = store.execute(f"SELECT {COLUMNS} FROM transactions ORDER BY id LIMIT ?", (count,)).fetchall()
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            migrations, extra, per_delta = VARIANTS[name]
            path = os.path.join(tmp, "variant.db")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            prepare(db, migrations, extra, rows)
            started = time.perf_counter()
            insert(db, rows, per_delta)
            elapsed = time.perf_counter() - started
            db.close()
            print(f"{name:28} {len(rows) / elapsed:10,.0f} rows/s  {os.path.getsize(path) / 1e6:5.0f} MB", flush=True)


main()
