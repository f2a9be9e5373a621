"""Baseline for the sync and scale benchmarks (benches/common/baseline.rs): a plain bulk insert of the same rows.

Usage: python3 baseline.py MIGRATIONS_DIR ROWS_JSONL DB_PATH [--bare]
Applies Purse's migrations and adds the connection, accounts and categories the rows refer to
(with --bare instead: one table with the same columns and no index or trigger), then times one
transaction of `executemany` over the rows (read from JSON lines beforehand) with the same
pragmas Purse uses (WAL, synchronous=NORMAL, foreign keys). Prints the wall-clock and CPU seconds
of that transaction.
"""

import json
import pathlib
import sqlite3
import sys
import time

migrations, rows_path, db_path = sys.argv[1:4]
rows = [tuple(json.loads(line)) for line in open(rows_path, encoding="utf-8")]
db = sqlite3.connect(db_path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=NORMAL")
db.execute("PRAGMA foreign_keys=ON")
if "--bare" in sys.argv[4:]:
    db.execute(
        "CREATE TABLE transactions (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL,"
        " provider_id TEXT NOT NULL, date TEXT NOT NULL, amount_minor INTEGER NOT NULL,"
        " currency TEXT NOT NULL, payee TEXT NOT NULL, description TEXT NOT NULL,"
        " category_id INTEGER NOT NULL, category_locked INTEGER NOT NULL DEFAULT 0,"
        " pending INTEGER NOT NULL DEFAULT 0, notes TEXT, raw TEXT)"
    )
else:
    for sql in sorted(pathlib.Path(migrations).glob("*.sql")):
        db.executescript(sql.read_text(encoding="utf-8"))
    db.execute(
        "INSERT INTO connections (id, name, provider, created) VALUES (1, 'Bench', 'plaid', '2026-11-21T12:00:00Z')"
    )
    for account in range(1, max(r[0] for r in rows) + 1):
        db.execute(
            "INSERT INTO accounts (id, connection_id, provider_account_id, name, kind, currency, balance_minor, updated)"
            " VALUES (?, 1, ?, ?, 'checking', 'USD', 0, '2026-11-21T12:00:00Z')",
            (account, f"acc{account}", f"Account {account}"),
        )
    for category in range(1, max(r[7] for r in rows) + 1):
        db.execute(
            "INSERT INTO categories (id, name, kind) VALUES (?, ?, 'expense')",
            (category, f"Category {category}"),
        )

started, cpu = time.perf_counter(), time.process_time()
db.execute("BEGIN")
db.executemany(
    "INSERT INTO transactions (account_id, provider_id, date, amount_minor, currency, payee, description,"
    " category_id, pending, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    rows,
)
db.execute("COMMIT")
print(f"{time.perf_counter() - started:.6f} {time.process_time() - cpu:.6f}")
