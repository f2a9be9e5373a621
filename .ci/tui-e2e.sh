#!/usr/bin/env bash
# End-to-end test of the dashboard: starts the real binary in tmux (private server, isolated
# HOME/XDG dirs, a fixed "today", the demo bank), visits every pane, zooms, searches, opens a
# detail popup, clicks with the mouse, shows the charts and the help, sets a budget through the
# keyboard, adds a bill and marks it paid in the bills list (b), adds, applies and deletes a rule
# in the rules list (R), quits, then checks the budget and the bills with `purse --demo … --json`
# and that the terminal was restored (exit status 0, alternate screen off, mouse reporting off,
# raw mode off).
# Every wait polls the screen; nothing sleeps a fixed time except the 0.1 s after a lone Escape.
set -euo pipefail
cd "$(dirname "$0")/.."
# Screen text is UTF-8: count columns in characters, not bytes.
export LC_ALL=C.UTF-8

if ! command -v tmux >/dev/null 2>&1; then
  echo "tui-e2e: tmux is not installed; skipped"
  exit 0
fi

BIN=${PURSE_BIN:-${CARGO_TARGET_DIR:-target}/debug/purse}
if [ ! -x "$BIN" ]; then
  cargo build --quiet --bin purse
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

WORK=$(mktemp -d)
T="tmux -L purse-e2e-$$ -f /dev/null"
cleanup() {
  $T kill-server >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ENV=(HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
  XDG_CACHE_HOME="$WORK/cache" XDG_STATE_HOME="$WORK/state" PURSE_TODAY=2026-11-21
  LANG=C.UTF-8 TERM=xterm-256color)
mkdir -p "$WORK/home" "$WORK/config" "$WORK/data" "$WORK/cache" "$WORK/state"

# After the dashboard exits the pane prints its status and the tty's modes, then waits.
cat >"$WORK/pane.sh" <<EOF
"$BIN" --demo
echo "purse-exit=\$?"
echo "tty: \$(stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' ')"
exec sleep 600
EOF

fail() {
  echo "tui-e2e: FAIL: $*" >&2
  echo "---- screen ----" >&2
  $T capture-pane -p -t app >&2 || true
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
wait_gone() {
  for _ in $(seq 150); do
    screen | grep -qF -- "$1" || return 0
    sleep 0.1
  done
  fail "still on screen: $1"
}
keys() { $T send-keys -t app "$@"; }
text() { $T send-keys -t app -l "$1"; }
escape() {
  keys Escape
  sleep 0.1
}

env_args=()
for e in "${ENV[@]}"; do env_args+=(-e "$e"); done
$T new-session -d -s app -x 140 -y 40 "${env_args[@]}" "sh $WORK/pane.sh"
$T set -g remain-on-exit on

echo "tui-e2e: start"
wait_for "1 Accounts"
wait_for "Everyday Checking"
wait_for "Trader Joe's"
[ "$($T display -p -t app '#{alternate_on}')" = 1 ] || fail "the dashboard is not on the alternate screen"
[ "$($T display -p -t app '#{mouse_any_flag}')" = 1 ] || fail "mouse reporting is not on"

echo "tui-e2e: every pane"
keys 2 && wait_for "┏ 2 Transactions"
keys Tab && wait_for "┏ 3 Budgets"
keys Tab && wait_for "┏ 4 Alerts"
keys BTab && wait_for "┏ 3 Budgets"
keys 1 && wait_for "┏ 1 Accounts"
keys j && keys Enter && wait_for "High-Yield Savings · Esc clears"
escape && wait_gone "Esc clears"

echo "tui-e2e: zoom"
keys 2 z
wait_gone "1 Accounts"
keys z && wait_for "1 Accounts"

echo "tui-e2e: search"
keys /
wait_for "Search:"
text "Philz"
wait_for "“Philz” · Esc clears"
wait_gone "Trader Joe's"
screen | grep -q "Philz Coffee" || fail "no search results"
keys Enter && wait_gone "Search:"
escape && wait_for "Trader Joe's"

echo "tui-e2e: transaction detail"
keys Enter && wait_for "Provider payload"
wait_for "Provider id"
escape && wait_gone "Provider payload"

echo "tui-e2e: mouse"
# An SGR mouse report (button 1 press + release) on the Alerts pane, as a terminal sends it.
row=$(screen | grep -n -m1 "4 Alerts")
ay=${row%%:*}
line=${row#*:}
prefix=${line%%4 Alerts*}
ax=$((${#prefix} + 2)) # 1-based columns, counted in characters
text $'\e[<0;'"$ax;$ay"'M'
text $'\e[<0;'"$ax;$ay"'m'
wait_for "┏ 4 Alerts"

echo "tui-e2e: alert detail"
keys Enter && wait_for "Raised"
escape && wait_gone "Raised"

echo "tui-e2e: set a budget"
keys 3 && wait_for "┏ 3 Budgets"
keys a && wait_for "New budget — category"
text "Fees" && keys Enter
wait_for "Budget for Fees"
text "42.50" && keys Enter
wait_for "Saved: Fees budget \$42.50 from Nov 2026"

echo "tui-e2e: bills"
keys b && wait_for "a add · d delete · p paid · Esc close"
keys a && wait_for "New bill"
text "Car insurance" && keys Tab && text "640" && keys Tab
for _ in $(seq 10); do keys BSpace; done
text "2026-11-23" && keys Tab && text "annually" && keys Enter
wait_for "Bill added: Car insurance, due 2026-11-23"
wait_for "you · annually"
keys p && wait_for "Marked paid: Car insurance due 2026-11-23"
wait_for "2027-11-23"
escape && wait_gone "a add · d delete · p paid · Esc close"

echo "tui-e2e: rules"
keys R && wait_for "Categorisation rules"
wait_for "No rules yet"
keys a && wait_for "New rule"
text "philz" && keys Tab && keys Tab && text "Cofee" && keys Enter
wait_for "No category “Cofee”"
keys BSpace BSpace BSpace BSpace BSpace && text "coffee" && keys Enter
wait_for "Rule 1 added: payee contains \"philz\" → Coffee"
keys A && wait_for "Rule 1 changed no past transactions"
keys d && wait_for "Delete rule 1"
keys y && wait_for "Rule 1 deleted"
wait_for "No rules yet"
escape && wait_gone "Categorisation rules"

echo "tui-e2e: charts and help"
keys v && wait_for "Spending by category"
wait_for "Money in vs out"
keys v && wait_gone "Spending by category"
keys '?' && wait_for "Keys"
wait_for "Esc or ? closes this help"
escape && wait_gone "Esc or ? closes this help"

echo "tui-e2e: quit"
[ "$($T display -p -t app '#{alternate_on}')" = 1 ] || fail "left the alternate screen too early"
keys q
wait_for "purse-exit="
screen | grep -q "purse-exit=0" || fail "purse exited with an error"
[ "$($T display -p -t app '#{alternate_on}')" = 0 ] || fail "the alternate screen is still on"
[ "$($T display -p -t app '#{mouse_any_flag}')" = 0 ] || fail "mouse reporting is still on"
screen | grep -q "tty: icanon echo" || fail "the terminal was left in raw mode"
screen | grep -q "Everyday Checking" && fail "the dashboard is still on screen"

echo "tui-e2e: budget saved"
json=$(env "${ENV[@]}" "$BIN" --demo budgets --json)
echo "$json" | tr -d ' \n' | grep -q '"category":"Fees","budgeted":"42.50"' ||
  fail "budgets --json does not show Fees at 42.50: $json"

echo "tui-e2e: bill saved, rule gone"
# (Spaces are stripped, names included.)
bills=$(env "${ENV[@]}" "$BIN" --demo bills --json | tr -d ' \n')
echo "$bills" | grep -q '"name":"Carinsurance","account_id":null,"amount":"640.00","minimum":null,"currency":"USD","due":"2027-11-23","source":"manual","paid":false,"every":"annually","origin":"user"' ||
  fail "bills --json does not show the next Car insurance bill: $bills"
rules=$(env "${ENV[@]}" "$BIN" --demo rules --json | tr -d ' \n')
[ "$rules" = "[]" ] || fail "rules --json still lists rules: $rules"

echo "tui-e2e: ok"
