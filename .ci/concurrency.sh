#!/usr/bin/env bash
# Acceptance loop for concurrent writers (issue 12): on one demo store, with `purse --demo daemon`
# running and the dashboard open in tmux, ROUNDS rounds of three `purse --demo sync` at once, each
# round with a `purse --demo budget set` beside them and `s` (sync now) pressed in the dashboard.
# The rounds are spread over a little more than a minute (ROUND_GAP), so the daemon's own
# scheduled sync (interval 1 minute) lands among them. Passes when no process failed (no "database
# is locked"), neither the daemon nor the dashboard reported a failed sync, the dashboard shows the
# last round's budget (written by another process), `purse status` says ok, and the store holds
# exactly what one sync of the demo bank stores in a fresh home (no transaction twice). Prints the
# counts.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8
ROUNDS=${ROUNDS:-10}
ROUND_GAP=${ROUND_GAP:-6.5}
SYNCS=3

if ! command -v tmux >/dev/null 2>&1; then
  echo "concurrency: tmux is not installed; skipped"
  exit 0
fi

BIN=${PURSE_BIN:-${CARGO_TARGET_DIR:-target}/debug/purse}
if [ ! -x "$BIN" ]; then
  cargo build --quiet --bin purse
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

WORK=$(mktemp -d)
T="tmux -L purse-conc-$$ -f /dev/null"
DAEMON=
cleanup() {
  if [ -n "$DAEMON" ]; then kill "$DAEMON" 2>/dev/null || true; wait "$DAEMON" 2>/dev/null || true; fi
  $T kill-server >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# An isolated home per store: `main` for the loop, `ref` for one plain sync to compare with.
home() {
  local h=$WORK/$1
  mkdir -p "$h/home" "$h/config/purse" "$h/data" "$h/cache" "$h/state"
  # The shortest interval, so the daemon syncs on its own during the loop too.
  printf '[sync]\ninterval_minutes = 1\n' >"$h/config/purse/config.toml"
  echo "HOME=$h/home XDG_CONFIG_HOME=$h/config XDG_DATA_HOME=$h/data XDG_CACHE_HOME=$h/cache XDG_STATE_HOME=$h/state PURSE_TODAY=2026-11-21 LANG=C.UTF-8 TERM=xterm-256color"
}
MAIN=$(home main)
REF=$(home ref)
purse() { local envs=$1; shift; env -i PATH="$PATH" $envs "$BIN" "$@"; }

fail() {
  echo "concurrency: FAIL: $*" >&2
  $T capture-pane -p -t app >&2 2>/dev/null || true
  exit 1
}
screen() { $T capture-pane -p -t app; }
wait_for() {
  for _ in $(seq 150); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "timed out waiting for: $1"
}

# The daemon and the dashboard first, on a store that does not exist yet.
# `env` execs purse, so $! is the daemon's own pid.
env -i PATH="$PATH" $MAIN "$BIN" --demo daemon 2>"$WORK/daemon.log" &
DAEMON=$!
$T new-session -d -s app -x 140 -y 40 "env -i PATH=$PATH $MAIN $BIN --demo; echo purse-exit=\$?; exec sleep 600"
wait_for "Accounts"

failures=0
processes=0
started=$SECONDS
for round in $(seq 1 "$ROUNDS"); do
  pids=()
  outs=()
  for i in $(seq 1 $SYNCS); do
    purse "$MAIN" --demo sync >"$WORK/sync-$round-$i.out" 2>&1 &
    pids+=($!)
    outs+=("$WORK/sync-$round-$i.out")
  done
  purse "$MAIN" --demo budget set Groceries "$((400 + round))" >"$WORK/budget-$round.out" 2>&1 &
  pids+=($!)
  outs+=("$WORK/budget-$round.out")
  $T send-keys -t app s
  for k in "${!pids[@]}"; do
    processes=$((processes + 1))
    if ! wait "${pids[$k]}"; then
      failures=$((failures + 1))
      echo "--- round $round: ${outs[$k]} failed" >&2
      cat "${outs[$k]}" >&2
    fi
  done
  # Spread the rounds over a little more than the daemon's one-minute interval, so its own
  # scheduled sync lands in the middle of them.
  sleep "$ROUND_GAP"
done
elapsed=$((SECONDS - started))

# The dashboard shows the last budget (another process's write) and no failed sync.
wait_for "Groceries"
for _ in $(seq 50); do
  screen | grep -q "Syncing" || break
  sleep 0.1
done
dashboard_failed=0
if screen | grep -q "Sync failed\|Couldn't"; then dashboard_failed=1; fi
$T send-keys -t app 3
wait_for "$((400 + ROUNDS)).00"

kill "$DAEMON"
wait "$DAEMON" || true
DAEMON=
daemon_failed=$(grep -c "sync failed\|locked" "$WORK/daemon.log" || true)

status=$(purse "$MAIN" --demo status --json)
echo "$status" | grep -q '"health": "ok"' || fail "status is not ok: $status"
echo "$status" | grep -q '"last_error": null' || fail "status holds an error: $status"

purse "$REF" --demo sync >/dev/null 2>&1 || fail "the reference sync failed"
purse "$MAIN" --demo transactions | sort >"$WORK/main.txt"
purse "$REF" --demo transactions | sort >"$WORK/ref.txt"
stored=$(($(wc -l <"$WORK/main.txt") - 1))
expected=$(($(wc -l <"$WORK/ref.txt") - 1))
duplicates=$((stored - expected))
echo "concurrency: $ROUNDS rounds x $SYNCS syncs + budget set ($processes processes) over ${elapsed}s, daemon and dashboard running:" \
  "$failures failed processes, $daemon_failed daemon failures, $dashboard_failed dashboard failures;" \
  "$stored transactions stored, $expected from one sync, $duplicates duplicates"
diff -q "$WORK/ref.txt" "$WORK/main.txt" >/dev/null || {
  diff "$WORK/ref.txt" "$WORK/main.txt" | head -20 >&2
  fail "the store differs from one sync of the demo bank"
}
[ "$failures" -eq 0 ] && [ "$daemon_failed" -eq 0 ] && [ "$dashboard_failed" -eq 0 ] || fail "some writer failed"
$T send-keys -t app q
for _ in $(seq 50); do
  screen | grep -q "purse-exit=" && break
  sleep 0.1
done
screen | grep -q "purse-exit=0" || fail "the dashboard did not exit cleanly"
echo "concurrency: ok"
