//! Alert notification delivery: exactly once across passes and restarts, quiet hours hold then a
//! digest, many at once become one digest, `notifications.desktop = false`, a failing or silent
//! notification server; and `purse sync` / `purse alerts ack` on the real binary.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveTime, TimeZone, Utc};
use purse::config::QuietHours;
use purse::domain::{AlertKind, NewAlert};
use purse::notify::{
    Delivery, Note, Notifier, NotifyError, Policy, RecordingNotifier, Urgency, deliver_at,
};
use purse::store::Store;
use serde_json::Value;

/// Local time is UTC here, so instants read as wall-clock times.
fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

fn at(day: u32, hm: &str) -> DateTime<Utc> {
    let t = NaiveTime::parse_from_str(hm, "%H:%M").unwrap();
    Utc.from_utc_datetime(
        &chrono::NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_time(t),
    )
}

fn policy(quiet: Option<&str>) -> Policy {
    Policy {
        desktop: true,
        quiet_hours: quiet.map(|q| {
            let (s, e) = q.split_once('-').unwrap();
            QuietHours::new(
                NaiveTime::parse_from_str(s, "%H:%M").unwrap(),
                NaiveTime::parse_from_str(e, "%H:%M").unwrap(),
            )
        }),
    }
}

async fn raise(store: &Store, kind: AlertKind, key: &str, when: DateTime<Utc>) {
    let alert = NewAlert {
        kind,
        key: key.into(),
        message: format!("message of {key}"),
    };
    assert!(store.raise_alert(&alert, when).await.unwrap().is_some());
}

async fn deliver(
    store: &Store,
    policy: &Policy,
    when: DateTime<Utc>,
    n: &RecordingNotifier,
) -> Delivery {
    deliver_at(store, policy, when, when.with_timezone(&utc()), n)
        .await
        .unwrap()
}

fn notes(n: &RecordingNotifier) -> Vec<Note> {
    n.notes.lock().unwrap().clone()
}

#[tokio::test]
async fn new_alerts_are_notified_exactly_once_across_passes() {
    let store = Store::open_in_memory().await.unwrap();
    let rec = RecordingNotifier::default();
    let p = policy(None);
    raise(
        &store,
        AlertKind::BillDue,
        "bill_due:Visa:2026-11-24:soon",
        at(21, "12:00"),
    )
    .await;
    raise(
        &store,
        AlertKind::LowBalance,
        "low_balance:1:2026-W47",
        at(21, "12:00"),
    )
    .await;
    let first = deliver(&store, &p, at(21, "12:00"), &rec).await;
    assert_eq!((first.shown, first.delivered, first.held), (2, 2, 0));
    let shown = notes(&rec);
    assert_eq!(shown[0].summary, "Bill due");
    assert_eq!(shown[0].body, "message of bill_due:Visa:2026-11-24:soon");
    assert_eq!(shown[1].urgency, Urgency::Critical);

    let again = deliver(&store, &p, at(21, "12:30"), &rec).await;
    assert_eq!(again, Delivery::default());
    raise(
        &store,
        AlertKind::UnusualSpend,
        "unusual:1",
        at(21, "13:00"),
    )
    .await;
    assert_eq!(deliver(&store, &p, at(21, "13:00"), &rec).await.shown, 1);
    assert_eq!(notes(&rec).len(), 3);
}

#[tokio::test]
async fn quiet_hours_hold_notifications_across_a_restart_then_deliver_a_digest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("purse.db");
    let rec = RecordingNotifier::default();
    let p = policy(Some("22:00-07:00"));
    {
        let store = Store::open(&db).await.unwrap();
        raise(&store, AlertKind::BillDue, "bill:a", at(21, "23:10")).await;
        raise(&store, AlertKind::LowBalance, "low:a", at(22, "02:40")).await;
        let held = deliver(&store, &p, at(22, "02:40"), &rec).await;
        assert_eq!((held.shown, held.held), (0, 2));
        store.close().await;
    }
    assert!(notes(&rec).is_empty(), "nothing shown in quiet hours");

    let store = Store::open(&db).await.unwrap();
    let after = deliver(&store, &p, at(22, "07:05"), &rec).await;
    assert_eq!((after.shown, after.delivered), (1, 2));
    let digest = &notes(&rec)[0];
    assert_eq!(digest.summary, "2 new alerts");
    assert_eq!(
        digest.body,
        "Held during quiet hours (22:00-07:00):\n\
         Low balance: message of low:a\n\
         Bill due: message of bill:a"
    );
    assert_eq!(digest.urgency, Urgency::Critical, "a low balance is inside");
    assert_eq!(deliver(&store, &p, at(22, "08:00"), &rec).await.shown, 0);
}

#[tokio::test]
async fn more_than_a_handful_at_once_become_one_digest() {
    let store = Store::open_in_memory().await.unwrap();
    let rec = RecordingNotifier::default();
    let p = policy(Some("22:00-07:00"));
    for i in 0..3 {
        raise(
            &store,
            AlertKind::UnusualSpend,
            &format!("u{i}"),
            at(21, "12:00"),
        )
        .await;
    }
    assert_eq!(
        deliver(&store, &p, at(21, "12:00"), &rec).await.shown,
        3,
        "three: one each"
    );

    for i in 0..10 {
        raise(
            &store,
            AlertKind::UnusualSpend,
            &format!("v{i}"),
            at(21, "13:00"),
        )
        .await;
    }
    let d = deliver(&store, &p, at(21, "13:00"), &rec).await;
    assert_eq!((d.shown, d.delivered), (1, 10));
    let digest = notes(&rec).pop().unwrap();
    assert_eq!(digest.summary, "10 new alerts");
    let lines: Vec<&str> = digest.body.lines().collect();
    assert_eq!(lines.len(), 9, "8 alerts and a tally: {lines:?}");
    assert_eq!(lines[0], "Unusual spend: message of v0");
    assert_eq!(lines[8], "…and 2 more (see `purse alerts`)");
    assert_eq!(digest.urgency, Urgency::Normal);
}

#[tokio::test]
async fn desktop_off_shows_nothing_and_never_replays_later() {
    let store = Store::open_in_memory().await.unwrap();
    let rec = RecordingNotifier::default();
    raise(&store, AlertKind::BillDue, "b", at(21, "12:00")).await;
    let off = Policy {
        desktop: false,
        quiet_hours: None,
    };
    let d = deliver(&store, &off, at(21, "12:00"), &rec).await;
    assert_eq!((d.shown, d.silenced), (0, 1));
    assert_eq!(
        deliver(&store, &policy(None), at(21, "13:00"), &rec)
            .await
            .shown,
        0
    );
    assert!(notes(&rec).is_empty());
}

#[tokio::test]
async fn acknowledged_alerts_are_not_notified() {
    let store = Store::open_in_memory().await.unwrap();
    let rec = RecordingNotifier::default();
    raise(&store, AlertKind::BillDue, "b", at(21, "12:00")).await;
    let id = store.alerts().await.unwrap()[0].id;
    assert!(store.ack_alert(id).await.unwrap());
    assert_eq!(
        deliver(&store, &policy(None), at(21, "12:00"), &rec)
            .await
            .shown,
        0
    );
}

/// A notification server that is not there.
struct Absent;

impl Notifier for Absent {
    async fn notify(&self, _: &Note) -> Result<(), NotifyError> {
        Err(NotifyError(
            "no notification server on the session bus".into(),
        ))
    }
}

#[tokio::test]
async fn a_failing_notifier_is_reported_and_the_alerts_wait_for_the_next_pass() {
    let store = Store::open_in_memory().await.unwrap();
    raise(&store, AlertKind::BillDue, "b", at(21, "12:00")).await;
    raise(&store, AlertKind::LowBalance, "l", at(21, "12:00")).await;
    let d = deliver_at(
        &store,
        &policy(None),
        at(21, "12:00"),
        at(21, "12:00").with_timezone(&utc()),
        &Absent,
    )
    .await
    .unwrap();
    assert_eq!((d.shown, d.held), (0, 2));
    let warning = d.warning().unwrap();
    assert!(warning.contains("no notification server"), "{warning}");
    assert!(!warning.contains('\n'), "one line");

    let rec = RecordingNotifier::default();
    let later = deliver(&store, &policy(None), at(21, "12:30"), &rec).await;
    assert_eq!((later.shown, later.error), (2, None));
}

// ---------------------------------------------------------------------------------------------
// The real binary. No D-Bus session here unless a test provides one.

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_purse"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("PURSE_TODAY", "2026-11-21")
            .env("TZ", "UTC")
            .env("PURSE__ALERTS__QUIET_HOURS", "off")
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    /// Runs to the end, failing the test (not hanging it) after a minute.
    fn run_with(&self, mut cmd: Command) -> Output {
        let mut child = cmd.spawn().unwrap();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                panic!("purse hung");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.wait_with_output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> Output {
        let out = self.run_with(self.command(args));
        assert!(out.status.success(), "purse {args:?}: {}", stderr(&out));
        out
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn sync_without_a_notification_server_warns_in_one_line_and_succeeds() {
    let env = Env::new();
    let out = env.ok(&["--demo", "sync"]);
    let err = stderr(&out);
    let warnings: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("desktop notifications"))
        .collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].starts_with("purse: desktop notifications unavailable"),
        "{err}"
    );

    let quiet = Env::new();
    let mut cmd = quiet.command(&["--demo", "sync"]);
    cmd.env("PURSE__NOTIFICATIONS__DESKTOP", "false");
    let out = quiet.run_with(cmd);
    assert!(out.status.success());
    assert!(!stderr(&out).contains("notifications"), "{}", stderr(&out));
}

#[test]
fn a_notification_server_that_never_answers_times_out_instead_of_hanging() {
    let env = Env::new();
    let socket = env.path("bus");
    // Accepts connections and never says a word.
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let keep = std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().take(4).flatten() {
            held.push(stream);
        }
        std::thread::sleep(Duration::from_secs(30));
    });
    let mut cmd = env.command(&["--demo", "sync"]);
    cmd.env("DBUS_SESSION_BUS_ADDRESS", bus_address(&socket));
    let out = env.run_with(cmd);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("did not answer in time"),
        "{}",
        stderr(&out)
    );
    drop(keep);
}

fn bus_address(socket: &Path) -> String {
    format!("unix:path={}", socket.display())
}

#[test]
fn alerts_ack_marks_one_alert_and_refuses_unknown_ids() {
    let env = Env::new();
    let listed: Value =
        serde_json::from_slice(&env.ok(&["--demo", "alerts", "--json"]).stdout).unwrap();
    let first = &listed.as_array().unwrap()[0];
    let id = first["id"].as_i64().unwrap().to_string();
    assert_eq!(first["acknowledged"], false);

    let out = env.ok(&["--demo", "alerts", "ack", &id, "--json"]);
    let acked: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(acked["id"].as_i64().unwrap().to_string(), id);
    assert_eq!(acked["acknowledged"], true);
    assert_eq!(acked["message"], first["message"]);

    let out = String::from_utf8(env.ok(&["--demo", "alerts"]).stdout).unwrap();
    assert!(
        out.contains("yes"),
        "the table marks it acknowledged:\n{out}"
    );

    let out = env.run_with(env.command(&["--demo", "alerts", "ack", "424242"]));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no alert with id 424242"),
        "{}",
        stderr(&out)
    );
}
