#!/usr/bin/env bash
# End-to-end test of desktop notifications with a real notification server: dunst on a private
# D-Bus session under Xvfb (see shared/TESTING.md). `purse --demo sync` must show the alerts it
# raises (bill due and low balance always; unusual spend when the demo raises any), with app name
# "Purse", the alert's kind as summary and its message as body (or one digest listing them when
# there are more than three), and the Purse icon; a second sync must show nothing.
#
# Usage: .ci/notify-test.sh   (PURSE_BIN=path/to/purse to test a given binary; default: a debug
# build). Exits non-zero on failure; skips (loudly, exit 0) only where apt-get is unavailable.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "notify-test: $*"; }

if ! command -v dunst >/dev/null || ! command -v dunstctl >/dev/null \
  || ! command -v Xvfb >/dev/null || ! command -v dbus-run-session >/dev/null \
  || ! command -v dbus-send >/dev/null; then
  if ! command -v apt-get >/dev/null; then
    say "################################################################"
    say "SKIPPED: dunst/Xvfb/D-Bus are missing and apt-get is unavailable"
    say "################################################################"
    exit 0
  fi
  say "installing dunst, libnotify-bin, xvfb, dbus-x11"
  if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends dunst libnotify-bin xvfb dbus-x11) >/tmp/purse-notify-apt.log 2>&1; then
    tail -20 /tmp/purse-notify-apt.log
    say "FAILED: could not install the notification server packages"
    exit 1
  fi
fi

BIN=${PURSE_BIN:-}
if [ -z "$BIN" ]; then
  cargo build --quiet --bin purse
  BIN=${CARGO_TARGET_DIR:-target}/debug/purse
fi
BIN=$(realpath "$BIN")

WORK=$(mktemp -d)
XVFB_PID=
cleanup() {
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A free display number.
DISPLAY_NUM=
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then DISPLAY_NUM=$n; break; fi
done
[ -n "$DISPLAY_NUM" ] || { say "FAILED: no free X display"; exit 1; }
Xvfb ":$DISPLAY_NUM" -screen 0 800x600x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] || { cat "$WORK/xvfb.log"; say "FAILED: Xvfb did not start"; exit 1; }

# Purse in a home of its own: fixed day, UTC, quiet hours off, desktop notifications on.
export DISPLAY=":$DISPLAY_NUM" HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" \
  XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache" \
  PURSE_TODAY=2026-11-21 TZ=UTC PURSE__ALERTS__QUIET_HOURS=off PURSE__NOTIFICATIONS__DESKTOP=true \
  BIN WORK
mkdir -p "$HOME" "$WORK/hostile/config/purse"
cat >"$WORK/hostile/config/purse/config.toml" <<'TOML'
[[bills]]
name = "\u001b]0;pwned\u0007<b>Rent</b> & Co\u202e"
amount = "1850.00"
due = "2026-11-23"
TOML

timeout 60 dbus-run-session -- bash -c '
  set -euo pipefail
  dunst >"$WORK/dunst.log" 2>&1 & D=$!
  for _ in $(seq 200); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null \
      | grep -q true && break
    sleep 0.05
  done
  run() { "$BIN" "$@"; }
  run --demo sync >"$WORK/sync1.out" 2>"$WORK/sync1.err"
  sleep 0.5; dunstctl close-all; dunstctl history >"$WORK/history1.json"
  run --demo alerts --json >"$WORK/alerts.json"
  run --demo sync >"$WORK/sync2.out" 2>"$WORK/sync2.err"
  sleep 0.5; dunstctl close-all; dunstctl history >"$WORK/history2.json"
  # A home whose bill name holds an escape sequence, markup and a bidi override.
  XDG_CONFIG_HOME="$WORK/hostile/config" XDG_DATA_HOME="$WORK/hostile/data" \
    XDG_STATE_HOME="$WORK/hostile/state" run --demo sync >"$WORK/sync3.out" 2>"$WORK/sync3.err"
  sleep 0.5; dunstctl close-all; dunstctl history >"$WORK/history3.json"
  kill $D; wait $D 2>/dev/null || true
' 2>"$WORK/session.err" || {
  say "FAILED: the run inside the D-Bus session failed"
  tail -n 20 "$WORK"/*.err "$WORK/dunst.log" 2>/dev/null
  exit 1
}

python3 - "$WORK" <<'EOF'
import html, json, os, re, sys

work = sys.argv[1]
LABELS = {"bill_due": "Bill due", "low_balance": "Low balance", "unusual_spend": "Unusual spend",
          "over_budget": "Over budget", "sync_failed": "Sync failed"}
failures = []

def fail(msg):
    failures.append(msg)

def purse_notes(path):
    data = json.load(open(path))["data"]
    notes = [n for group in data for n in group]
    return [{"summary": n["summary"]["data"], "body": html.unescape(n["body"]["data"]),
             "icon": n.get("icon_path", {}).get("data", ""), "id": n["id"]["data"]}
            for n in notes if n["appname"]["data"] == "Purse"]

for name in ("sync1", "sync2"):
    err = open(os.path.join(work, name + ".err")).read()
    if "notifications unavailable" in err:
        fail(f"{name}: purse could not reach the notification server: {err.strip()}")

first = purse_notes(os.path.join(work, "history1.json"))
alerts = [a for a in json.load(open(os.path.join(work, "alerts.json"))) if not a["acknowledged"]]
kinds = {a["kind"] for a in alerts}
for must in ("bill_due", "low_balance"):
    if must not in kinds:
        fail(f"the demo raised no {must} alert: {sorted(kinds)}")

digests = [n for n in first if re.fullmatch(r"\d+ new alerts", n["summary"])]
singles = [n for n in first if n not in digests]
digest_lines = [line for d in digests for line in d["body"].split("\n")]
shown = set()
for a in alerts:
    # The title each alert is shown under (the 80% budget warning is not "Over budget").
    label = a["title"]
    if a["kind"] not in LABELS:
        fail(f"unknown alert kind {a['kind']}")
    if any(n["summary"] == label and n["body"] == a["message"] for n in singles) \
            or f"{label}: {a['message']}" in digest_lines:
        shown.add(a["id"])
missing = [a for a in alerts if a["id"] not in shown]
tally = sum(int(m.group(1)) for line in digest_lines
            for m in [re.match(r"…and (\d+) more", line)] if m)
if len(missing) > tally:
    fail("alerts without a notification: " + "; ".join(f"{a['kind']}: {a['message']}" for a in missing))
for kind in ("bill_due", "low_balance", "unusual_spend"):
    if kind in kinds and not any(a["kind"] == kind and a["id"] in shown for a in alerts):
        fail(f"no {kind} notification with summary \"{LABELS[kind]}\" and the alert's message")
if len(alerts) > 3 and len(digests) != 1:
    fail(f"{len(alerts)} alerts at once should make one digest, got {len(first)} notifications")
if len(alerts) <= 3 and len(singles) != len(alerts):
    fail(f"{len(alerts)} alerts should make {len(alerts)} notifications, got {len(first)}")
for n in first:
    if not n["icon"].endswith("/purse.png") or not os.path.isfile(n["icon"]):
        fail(f"notification \"{n['summary']}\" has no Purse icon: {n['icon']!r}")
    elif not open(n["icon"], "rb").read(8) == b"\x89PNG\r\n\x1a\n":
        fail(f"the icon {n['icon']} is not a PNG")

second = purse_notes(os.path.join(work, "history2.json"))
new = [n for n in second if n["id"] not in {m["id"] for m in first}]
if new:
    fail("the second sync notified again: " + "; ".join(n["summary"] + ": " + n["body"] for n in new))

# Hostile text arrives visible (ESC as ␛, BEL as ␇, the override as \u{202e}) with its markup
# shown as written, and no control or bidi character reaches the server.
third = purse_notes(os.path.join(work, "history3.json"))
seen = {m["id"] for m in second}
hostile = [n for n in third if n["id"] not in seen]
wanted = "␛]0;pwned␇<b>Rent</b> & Co\\u{202e} of $1,850.00"
if not any(wanted in n["body"] for n in hostile):
    fail(f"no notification shows the hostile bill as {wanted!r}")
for n in hostile:
    raw = [c for c in n["summary"] + n["body"]
           if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E]
    if raw:
        fail(f"notification \"{n['summary']}\" carries raw control characters {raw!r}")

if failures:
    print("notify-test: FAILED")
    for f in failures:
        print("  - " + f)
    print("notifications seen:")
    for n in first:
        print(f"  [{n['summary']}] {n['body']!r}")
    sys.exit(1)
print(f"notify-test: ok: {len(first)} notification(s) for {len(alerts)} alert(s) "
      f"({', '.join(sorted(kinds))}); the second sync showed none; hostile text shown visibly")
EOF
