//! The background sync task: syncs every connection on an interval (`sync.interval_minutes`,
//! missed ticks skipped) and on demand, evaluates alerts after each pass, and reports progress as
//! [`SyncEvent`]s. Commands in, events out: the UI never shares state with it.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

use super::{Connection, SyncOptions, sync_one};
use crate::config::Settings;
use crate::domain::{Alert, Clock};
use crate::notify::{DesktopNotifier, Notifier, Policy, deliver_pending};
use crate::store::Store;

/// What the UI can ask of the sync task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncCommand {
    /// Sync every connection now.
    SyncNow,
    /// Finish the current step and stop.
    Stop,
}

/// What the sync task reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncEvent {
    /// A pass began over `total` connections.
    PassStarted {
        total: usize,
    },
    /// One connection's sync began (`index` of `total`, from 1).
    Started {
        connection: String,
        index: usize,
        total: usize,
    },
    Completed {
        connection: String,
        added: usize,
        updated: usize,
        removed: usize,
    },
    Failed {
        connection: String,
        error: String,
    },
    /// New alerts raised after the pass.
    Alerts(Vec<Alert>),
    /// Desktop notifications could not be shown (no notification server…): a one-line warning
    /// for the status bar. The alerts stay stored and are notified on a later pass.
    NotifyFailed {
        warning: String,
    },
    /// The pass is over; the store holds its results.
    PassFinished {
        failed: usize,
    },
}

/// A running sync task.
pub struct SyncHandle {
    pub commands: mpsc::UnboundedSender<SyncCommand>,
    pub events: mpsc::UnboundedReceiver<SyncEvent>,
    pub join: JoinHandle<()>,
}

/// Everything the task needs.
pub struct TaskConfig {
    pub store: Store,
    pub connections: Vec<Connection>,
    pub settings: Settings,
    pub clock: Arc<dyn Clock>,
    /// Sync once right away.
    pub sync_at_start: bool,
}

/// Starts the task on the current tokio runtime, notifying new alerts on the desktop.
pub fn spawn(cfg: TaskConfig) -> SyncHandle {
    let notifier = DesktopNotifier::for_settings(&cfg.settings);
    spawn_with(cfg, notifier)
}

/// Starts the task with the given notifier (tests use a recording one).
pub fn spawn_with<N: Notifier + 'static>(cfg: TaskConfig, notifier: N) -> SyncHandle {
    let (cmd_tx, cmd_rx) = mpsc::unbounded_channel();
    let (ev_tx, ev_rx) = mpsc::unbounded_channel();
    let join = tokio::spawn(run(cfg, notifier, cmd_rx, ev_tx));
    SyncHandle {
        commands: cmd_tx,
        events: ev_rx,
        join,
    }
}

async fn run<N: Notifier>(
    cfg: TaskConfig,
    notifier: N,
    mut commands: mpsc::UnboundedReceiver<SyncCommand>,
    events: mpsc::UnboundedSender<SyncEvent>,
) {
    let period = Duration::from_secs(u64::from(cfg.settings.sync.interval_minutes.max(1)) * 60);
    let mut ticker = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    ticker.set_missed_tick_behavior(MissedTickBehavior::Skip);
    if cfg.sync_at_start {
        pass(&cfg, &notifier, &events, true).await;
    }
    loop {
        // Besides the interval, wake for the earliest scheduled retry (after a rate limit or a
        // server error); nothing else wakes the task, so an idle Purse uses no CPU.
        let retry = next_retry(&cfg).await;
        tokio::select! {
            cmd = commands.recv() => match cmd {
                Some(SyncCommand::SyncNow) => {
                    pass(&cfg, &notifier, &events, true).await;
                    ticker.reset();
                }
                Some(SyncCommand::Stop) | None => break,
            },
            _ = ticker.tick() => pass(&cfg, &notifier, &events, false).await,
            _ = sleep_until(retry), if retry.is_some() => pass(&cfg, &notifier, &events, false).await,
        }
    }
}

/// When the soonest scheduled retry of a connection is due, as a tokio instant.
async fn next_retry(cfg: &TaskConfig) -> Option<tokio::time::Instant> {
    let now = cfg.clock.now();
    let statuses = cfg.store.connections().await.ok()?;
    let soonest = statuses
        .iter()
        .filter(|s| !s.needs_relink && cfg.connections.iter().any(|c| c.name == s.name))
        .filter_map(|s| s.next_attempt)
        .min()?;
    let wait = (soonest - now).to_std().unwrap_or(Duration::ZERO);
    Some(tokio::time::Instant::now() + wait)
}

async fn sleep_until(at: Option<tokio::time::Instant>) {
    if let Some(at) = at {
        tokio::time::sleep_until(at).await;
    }
}

/// Whether a scheduled (not user-requested) pass should sync this connection now: not while it
/// needs re-linking, and not before its scheduled retry.
async fn due(cfg: &TaskConfig, conn: &Connection) -> bool {
    let now = cfg.clock.now();
    match cfg.store.connections().await {
        Ok(all) => all
            .iter()
            .find(|s| s.name == conn.name)
            .is_none_or(|s| !s.needs_relink && s.next_attempt.is_none_or(|t| t <= now)),
        Err(_) => true,
    }
}

/// One pass over every connection. Send errors mean the UI is gone: nothing to do about it.
/// Imports the statements waiting in `[import] watch_dir`, reporting each file like a
/// connection; returns how many failed. Never in demo mode: the files would land in the demo
/// bank's store and then be moved out of the user's way.
async fn import_dropped(cfg: &TaskConfig, events: &mpsc::UnboundedSender<SyncEvent>) -> usize {
    if cfg
        .connections
        .iter()
        .any(|c| matches!(c.provider, super::ProviderSpec::Demo { .. }))
    {
        return 0;
    }
    let mut failed = 0;
    let now = cfg.clock.now();
    for dropped in crate::import::watch::import_dropped(&cfg.store, &cfg.settings, now).await {
        let connection = format!("import {}", dropped.file.display());
        let _ = events.send(match dropped.result {
            Ok(r) => SyncEvent::Completed {
                connection,
                added: r.added,
                updated: r.updated,
                removed: r.removed,
            },
            Err(e) => {
                failed += 1;
                SyncEvent::Failed {
                    connection,
                    error: e.to_string(),
                }
            }
        });
    }
    failed
}

async fn pass<N: Notifier>(
    cfg: &TaskConfig,
    notifier: &N,
    events: &mpsc::UnboundedSender<SyncEvent>,
    forced: bool,
) {
    let mut connections = Vec::with_capacity(cfg.connections.len());
    for conn in &cfg.connections {
        if forced || due(cfg, conn).await {
            connections.push(conn);
        }
    }
    let total = connections.len();
    let opts = SyncOptions {
        history_days: cfg.settings.sync.history_days,
        timeout: Duration::from_secs(u64::from(cfg.settings.sync.timeout_seconds.max(1))),
        ..SyncOptions::DEFAULT
    };
    let _ = events.send(SyncEvent::PassStarted { total });
    let mut failed = 0;
    for (i, conn) in connections.into_iter().enumerate() {
        let _ = events.send(SyncEvent::Started {
            connection: conn.name.clone(),
            index: i + 1,
            total,
        });
        let event = match sync_one(&cfg.store, conn, cfg.clock.as_ref(), opts).await {
            Ok(s) => SyncEvent::Completed {
                connection: conn.name.clone(),
                added: s.added,
                updated: s.updated,
                removed: s.removed,
            },
            Err(e) => {
                failed += 1;
                SyncEvent::Failed {
                    connection: conn.name.clone(),
                    error: e.to_string(),
                }
            }
        };
        let _ = events.send(event);
    }
    failed += import_dropped(cfg, events).await;
    match crate::alerts::evaluate(&cfg.store, &cfg.settings, cfg.clock.as_ref()).await {
        Ok(raised) if !raised.is_empty() => {
            let _ = events.send(SyncEvent::Alerts(raised));
        }
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "alert evaluation failed"),
    }
    // New alerts, and any held through quiet hours or an absent notification server.
    let policy = Policy::from_settings(&cfg.settings);
    match deliver_pending(&cfg.store, &policy, cfg.clock.as_ref(), notifier).await {
        Ok(delivery) => {
            if let Some(warning) = delivery.warning() {
                let _ = events.send(SyncEvent::NotifyFailed { warning });
            }
        }
        Err(e) => tracing::error!(error = %e, "alert notification failed"),
    }
    let _ = events.send(SyncEvent::PassFinished { failed });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FixedClock;
    use crate::notify::RecordingNotifier;
    use chrono::NaiveDate;

    #[tokio::test]
    async fn sync_now_runs_a_pass_and_reports_it() {
        let store = Store::open_in_memory().await.expect("store");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "").expect("write");
        let mut settings =
            Settings::load_with_env(Some(&path), Vec::<(String, String)>::new()).expect("settings");
        // Noon UTC may fall in the default quiet hours in the test machine's time zone.
        settings.alerts.quiet_hours = None;
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
        let notifier = Arc::new(RecordingNotifier::default());
        let mut handle = spawn_with(
            TaskConfig {
                store: store.clone(),
                connections: vec![Connection::demo()],
                settings,
                clock: Arc::new(FixedClock::on(today)),
                sync_at_start: false,
            },
            notifier.clone(),
        );
        let notes = || notifier.notes.lock().map(|n| n.len()).unwrap_or(0);
        handle.commands.send(SyncCommand::SyncNow).expect("send");
        let seen = until_pass_finished(&mut handle).await;
        let shown = notes();
        assert!(shown > 0, "the new alerts were notified");
        // A second pass raises nothing new and notifies nothing again.
        handle.commands.send(SyncCommand::SyncNow).expect("send");
        let again = until_pass_finished(&mut handle).await;
        assert!(!again.iter().any(|e| matches!(e, SyncEvent::Alerts(_))));
        assert_eq!(notes(), shown);
        assert!(matches!(
            seen.first(),
            Some(SyncEvent::PassStarted { total: 1 })
        ));
        assert!(
            seen.iter()
                .any(|e| matches!(e, SyncEvent::Completed { added, .. } if *added > 1000))
        );
        assert!(
            seen.iter()
                .any(|e| matches!(e, SyncEvent::Alerts(a) if !a.is_empty()))
        );
        assert!(matches!(
            seen.last(),
            Some(SyncEvent::PassFinished { failed: 0 })
        ));
        handle.commands.send(SyncCommand::Stop).expect("stop");
        handle.join.await.expect("join");
        assert!(store.accounts().await.expect("accounts").len() >= 3);
    }

    async fn until_pass_finished(handle: &mut SyncHandle) -> Vec<SyncEvent> {
        let mut seen = Vec::new();
        while let Some(ev) = handle.events.recv().await {
            let done = matches!(ev, SyncEvent::PassFinished { .. });
            seen.push(ev);
            if done {
                break;
            }
        }
        seen
    }
}
