#!/usr/bin/env bash
# Whole-process benchmarks at a million transactions, Purse beside ledger and hledger, in one run.
#
#   bash benches/scale.sh            # everything below; about 12 minutes on 2 cores
#   RUNS=5 PEER_RUNS=3 SKIP_HLEDGER=1 bash benches/scale.sh
#   DASHBOARD_ONLY=1 bash benches/scale.sh   # step 3 alone
#
# 1. Generates the benchmark household (benches/common/household.rs: 1,000,000 transactions
#    across 10 accounts, written through Purse's own ingest path) unless it exists, and exports
#    it as a ledger journal with `purse export --format ledger` (the same data for all three).
# 2. Times fresh processes (date +%s%N around each), median of $RUNS for purse and $PEER_RUNS for ledger and hledger
#    (each of their runs takes 10 s to 2 minutes), with peak resident memory from /usr/bin/time:
#    `ledger balance`, `hledger balance`, their `register` (all of it, and one account this
#    month) beside `purse accounts` (balances), `purse budgets` (this month's budget report with
#    rollover) and `purse transactions` (all of it, and one account this month). Output goes to
#    /dev/null.
# 3. Starts the real dashboard in tmux (160×48) on the store: the time from launch until the
#    first full frame is on screen (accounts, transactions, budgets and alerts), median of
#    $STARTS starts, each after dropping the page cache when the machine allows it; then
#    scrolls, pages, switches panes, searches and opens the charts, and reads the peak resident
#    memory (VmHWM) and the CPU time used while idle for $IDLE seconds.
# Needs: ledger, hledger, tmux and GNU time (Debian packages ledger, hledger, tmux, time).
# Prints a Markdown report and writes it to target/bench-results/scale.md.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PEER_RUNS=${PEER_RUNS:-1}
IDLE=${IDLE:-60}
ROWS=${ROWS:-1000000}
TARGET=${CARGO_TARGET_DIR:-$PWD/target}
DATA=$PWD/target/bench-data
DB=${PURSE_BENCH_DB:-$DATA/household-1m-v4.db}
JOURNAL=${DB%.db}.journal
OUT=$PWD/target/bench-results
mkdir -p "$DATA" "$OUT"
REPORT=$OUT/scale.md
: >"$REPORT"
say() { echo "$*" | tee -a "$REPORT"; }

for tool in ledger hledger tmux /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "scale.sh needs $tool (apt-get install ledger hledger tmux time)" >&2; exit 1; }
done

cargo build --release --quiet
PURSE=$TARGET/release/purse
cargo bench --quiet --bench scale -- generate "$ROWS" "$DB"

# A private home: no user config or credentials are read; the date is pinned.
HOME=$(mktemp -d)
export HOME PURSE_TODAY=2026-11-21 NO_COLOR=1
trap 'tmux -L purse-bench kill-server 2>/dev/null || true; rm -rf "$HOME"' EXIT

if [[ ! -s $JOURNAL ]]; then
    /usr/bin/time -f '%e %M' -o "$OUT/export.time" "$PURSE" --db "$DB" export --format ledger -o "$JOURNAL.partial"
    mv "$JOURNAL.partial" "$JOURNAL"
    read -r secs kb <"$OUT/export.time"
    echo "exported $JOURNAL in ${secs}s (peak ${kb} KB)"
fi

# The checking account's journal name, for the one-account register.
CHECKING=$(grep -m1 -o 'Assets:[^ ]*Everyday[^ ]*' "$JOURNAL" || echo Assets)

# run N LABEL CMD...: median wall seconds and median peak RSS (MB) of N fresh processes.
declare -A WALL RSS N
run() {
    local n=$1 label=$2; shift 2
    local walls=() rsss=() i
    N[$label]=$n
    for ((i = 0; i < n; i++)); do
        local t0 t1 kb
        t0=$(date +%s%N)
        /usr/bin/time -f '%M' -o "$OUT/run.time" "$@" >/dev/null
        t1=$(date +%s%N)
        read -r kb <"$OUT/run.time"
        secs=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f", ns / 1e9 }')
        walls+=("$secs"); rsss+=("$kb")
    done
    WALL[$label]=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "$(((n + 1) / 2))p")
    RSS[$label]=$(printf '%s\n' "${rsss[@]}" | sort -g | sed -n "$(((n + 1) / 2))p" | awk '{printf "%.1f", $1 / 1024}')
    echo "  $label: ${WALL[$label]} s, ${RSS[$label]} MB" >&2
}

if [[ -z ${DASHBOARD_ONLY:-} ]]; then
    run "$RUNS" "purse accounts" "$PURSE" --db "$DB" accounts
    run "$RUNS" "purse budgets" "$PURSE" --db "$DB" budgets
    run "$RUNS" "purse transactions" "$PURSE" --db "$DB" transactions
    run "$RUNS" "purse transactions, one account this month" "$PURSE" --db "$DB" transactions --account "Everyday Checking" --since 2026-11-01
    run "$PEER_RUNS" "ledger balance" ledger -f "$JOURNAL" balance
    run "$PEER_RUNS" "ledger register" ledger -f "$JOURNAL" register
    run "$PEER_RUNS" "ledger register, one account this month" ledger -f "$JOURNAL" register "$CHECKING" -b 2026-11-01
    if [[ -z ${SKIP_HLEDGER:-} ]]; then
        run "$PEER_RUNS" "hledger balance" hledger -f "$JOURNAL" balance
        run "$PEER_RUNS" "hledger register" hledger -f "$JOURNAL" register
        run "$PEER_RUNS" "hledger register, one account this month" hledger -f "$JOURNAL" register "$CHECKING" -b 2026-11-01
    fi

    # ratio A B: A / B (whole numbers from 10 on, else two significant figures).
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; printf (r >= 10 ? "%.0f" : "%.2g"), r }'; }
    say "## Whole process, $ROWS transactions ($(date -u +%F), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
    say ""
    say "| Command | Runs | Wall (median) | Peak RSS (median) | \`ledger balance\` time ÷ this | \`ledger balance\` memory ÷ this |"
    say "|---|---|---|---|---|---|"
    for label in "ledger balance" "hledger balance" "purse accounts" "purse budgets" \
        "ledger register" "hledger register" "purse transactions" \
        "ledger register, one account this month" "hledger register, one account this month" \
        "purse transactions, one account this month"; do
        [[ -n ${WALL[$label]:-} ]] || continue
        say "| \`$label\` | ${N[$label]} | ${WALL[$label]} s | ${RSS[$label]} MB | $(ratio "${WALL[ledger balance]}" "${WALL[$label]}") | $(ratio "${RSS[ledger balance]}" "${RSS[$label]}") |"
    done
fi

# The dashboard, as a person starts it.
say ""
T=(tmux -L purse-bench)
STARTS=${STARTS:-5}
# start: launches the dashboard (page cache dropped first when allowed) and prints the ms until the
# first full frame is on screen: a budget row, the newest alert, the accounts and today's rows.
start() {
    "${T[@]}" kill-server 2>/dev/null || true
    sync
    echo 3 >/proc/sys/vm/drop_caches 2>/dev/null || true
    local t0 screen
    t0=$(date +%s%N)
    "${T[@]}" new-session -d -x 160 -y 48 -s bench "$PURSE --db '$DB'"
    until screen=$("${T[@]}" capture-pane -p -t bench 2>/dev/null) &&
        grep -q 'Housing' <<<"$screen" && grep -q 'Benchmark alert 299' <<<"$screen" &&
        grep -q 'Everyday Checking' <<<"$screen" && grep -q 'Nov 21\|2026-11-21' <<<"$screen"; do
        if (($(date +%s%N) - t0 > 10000000000)); then echo "no full frame within 10 s" >&2; "${T[@]}" capture-pane -p -t bench >&2; exit 1; fi
        sleep 0.002
    done
    echo $((($(date +%s%N) - t0) / 1000000))
}
cold=warm
if sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then cold="cold: page cache dropped before each"; fi
firsts=()
for ((i = 0; i < STARTS; i++)); do firsts+=("$(start)"); done
first=$(printf '%s\n' "${firsts[@]}" | sort -n | sed -n "$(((STARTS + 1) / 2))p")
say "Dashboard start to first full frame ($cold; launch → frame seen by polling tmux), median of $STARTS: **${first} ms** (each: ${firsts[*]} ms)"
pid=$("${T[@]}" display -p -t bench '#{pane_pid}')

keys() { local k; for k in "$@"; do "${T[@]}" send-keys -t bench "$k"; done; }
keys 2; for _ in $(seq 300); do keys j; done
for _ in $(seq 50); do keys NPage; done
for _ in $(seq 8); do keys Tab; done
keys 2 / c o f f e e; sleep 0.5; keys Escape v; sleep 1; keys v
sleep 2
hwm=$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
rss=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
t0=$(ticks); sleep "$IDLE"; t1=$(ticks)
say "Dashboard after 300 scrolls, 50 pages, 8 pane switches, a search and the charts: peak RSS **${hwm} MB** (now ${rss} MB)"
say "Dashboard CPU while idle for ${IDLE} s: **$((t1 - t0)) ticks** (1 tick = 10 ms)"
keys q
sleep 0.5
echo "report: $REPORT"
