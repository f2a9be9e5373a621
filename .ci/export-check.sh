#!/usr/bin/env bash
# Exports the demo bank as a ledger journal and as beancount, has the real tools check them
# (`hledger check`, `bean-check`), and compares each tool's account balances with Purse's own
# (`purse --demo accounts --json`), for a full export and for one starting mid-history (which
# needs opening balances). Fails loudly on any error or mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hledger >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends hledger) >/dev/null
fi
if ! command -v bean-check >/dev/null 2>&1; then
  python3 -m pip install --quiet --disable-pip-version-check beancount >/dev/null
fi
PYTHON=python3
if ! "$PYTHON" -c 'import beancount' 2>/dev/null; then
  PYTHON="$(head -1 "$(command -v bean-check)" | sed 's/^#!//')"
fi

cargo build --quiet --bin purse
PURSE=$(realpath "${CARGO_TARGET_DIR:-target}/debug/purse")

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"/{home,data,config,state,cache}
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" \
  XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache" PURSE_TODAY=2026-11-21
unset PURSE_LOG
for var in $(env | grep -o '^PURSE__[A-Z_]*' || true); do unset "$var"; done

"$PURSE" --demo accounts --json >"$WORK/accounts.json"

check() { # NAME [export flags…]
  local name="$1"
  shift
  "$PURSE" --demo export --format ledger "$@" -o "$WORK/$name.journal" 2>/dev/null
  "$PURSE" --demo export --format beancount "$@" -o "$WORK/$name.beancount" 2>/dev/null
  hledger -f "$WORK/$name.journal" check
  hledger -f "$WORK/$name.journal" check --strict
  bean-check "$WORK/$name.beancount"
  hledger -f "$WORK/$name.journal" bal --flat -E --no-total -O csv --layout=bare \
    '^(Assets|Liabilities):' >"$WORK/$name.hledger.csv"
  "$PYTHON" - "$WORK/accounts.json" "$WORK/$name.journal" "$WORK/$name.hledger.csv" \
    "$WORK/$name.beancount" "$name" <<'PY'
import csv, json, re, sys
from decimal import Decimal
from beancount import loader
from beancount.core import data

accounts_json, journal, hledger_csv, beancount_file, name = sys.argv[1:]
purse = {a["id"]: (a["name"], Decimal(a["balance"]), a["currency"]) for a in json.load(open(accounts_json))}

# hledger: account names come from the journal's `account` declarations and their id tags.
ids = dict((m.group(1), int(m.group(2))) for m in re.finditer(
    r"^account (\S+)\n    ; purse-account-id: (\d+)", open(journal).read(), re.M))
hledger = {}
for row in csv.DictReader(open(hledger_csv)):
    if row["account"] in ids and row["commodity"] == purse[ids[row["account"]]][2]:
        hledger[ids[row["account"]]] = Decimal(row["balance"])

entries, errors, _ = loader.load_file(beancount_file)
if errors:
    sys.exit(f"{name}: beancount reported {len(errors)} error(s)")
bean_ids, bean = {}, {}
for e in entries:
    if isinstance(e, data.Open) and "purse_account_id" in e.meta:
        bean_ids[e.account] = int(e.meta["purse_account_id"])
for e in entries:
    if isinstance(e, data.Transaction):
        for p in e.postings:
            pid = bean_ids.get(p.account)
            if pid is not None and p.units.currency == purse[pid][2]:
                bean[pid] = bean.get(pid, Decimal(0)) + p.units.number

bad = []
for pid, (pname, balance, currency) in sorted(purse.items()):
    for tool, got in (("hledger", hledger.get(pid, Decimal(0))), ("beancount", bean.get(pid, Decimal(0)))):
        if got != balance:
            bad.append(f"  {pname}: purse {balance} {currency}, {tool} {got} {currency}")
if bad or len(ids) != len(purse) or len(bean_ids) != len(purse):
    print(f"MISMATCH in the {name} export:", *bad, sep="\n", file=sys.stderr)
    print(f"  accounts: purse {len(purse)}, ledger {len(ids)}, beancount {len(bean_ids)}", file=sys.stderr)
    sys.exit(1)
print(f"export-check {name}: hledger and beancount agree with purse on {len(purse)} account balances")
PY
}

check full
check since --since 2026-03-01

# Payees from a hostile statement (escape sequences, a bidi override, quotes, `;`, `|`, formulas)
# exported from a real (non-demo) store: both journals must still be valid for the real tools,
# with one transaction per imported row.
HOSTILE="$WORK/hostile"
mkdir -p "$HOSTILE"
"$PURSE" --db "$HOSTILE/purse.db" import tests/fixtures/hostile/payees.csv --account Hostile >/dev/null
"$PURSE" --db "$HOSTILE/purse.db" export --format ledger -o "$HOSTILE/h.journal" 2>/dev/null
"$PURSE" --db "$HOSTILE/purse.db" export --format beancount -o "$HOSTILE/h.beancount" 2>/dev/null
hledger -f "$HOSTILE/h.journal" check --strict
bean-check "$HOSTILE/h.beancount"
rows=$(hledger -f "$HOSTILE/h.journal" register -O csv 'Assets:Import:Hostile' 'code:.' | tail -n +2 | wc -l)
if [ "$rows" != 6 ]; then
  echo "MISMATCH in the hostile export: hledger reads $rows postings to the account, expected 6" >&2
  exit 1
fi
echo "export-check hostile: hledger and bean-check accept the hostile payees, 6 of 6 transactions"
