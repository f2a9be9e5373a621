//! The dashboard loop ([`drive`]) on a store file notices another process's write within two
//! seconds, and does not redraw while nothing changes.
#![allow(clippy::unwrap_used)]

use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use purse::domain::{Currency, FixedClock, Money, Month};
use purse::store::Store;
use purse::tui::{App, RunOptions, Screen, drive};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use tokio::sync::mpsc;

/// Each frame's Groceries budget (in cents, when the Budgets pane has loaded it).
struct Frames(mpsc::UnboundedSender<Option<i64>>);

impl Screen for Frames {
    fn size(&self) -> io::Result<(u16, u16)> {
        Ok((120, 36))
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        let groceries = app.budgets.report.as_ref().and_then(|r| {
            r.lines
                .iter()
                .find(|l| l.category == "Groceries")
                .map(|l| l.budgeted.to_minor().unwrap())
        });
        let _ = self.0.send(groceries);
        Ok(())
    }
}

/// Waits up to `limit` for a frame showing `cents`; returns how long it took.
async fn until_shown(
    frames: &mut mpsc::UnboundedReceiver<Option<i64>>,
    cents: i64,
    limit: Duration,
) -> Duration {
    let started = Instant::now();
    loop {
        let left = limit.saturating_sub(started.elapsed());
        match tokio::time::timeout(left, frames.recv()).await {
            Ok(Some(Some(shown))) if shown == cents => return started.elapsed(),
            Ok(Some(_)) => {}
            other => panic!("no frame showed {cents} within {limit:?}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn an_open_dashboard_shows_another_processs_write_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("purse.db");
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let month = Month::of(today);
    let usd = |cents| Money::from_minor(cents, Currency::USD);
    let ours = Store::open(&path).await.unwrap();
    ours.set_budget("Groceries", month, usd(45_000))
        .await
        .unwrap();

    let (frames_tx, mut frames) = mpsc::unbounded_channel();
    let (input, input_rx) = mpsc::unbounded_channel();
    let opts = RunOptions::new(false, Arc::new(FixedClock::on(today)), Currency::USD);
    let mut screen = Frames(frames_tx);
    let script = async {
        until_shown(&mut frames, 45_000, Duration::from_secs(10)).await;

        // Idle: once the loads have landed, no frame is drawn while nothing happens.
        tokio::time::sleep(Duration::from_millis(500)).await;
        while frames.try_recv().is_ok() {}
        tokio::time::sleep(Duration::from_millis(2500)).await;
        assert!(frames.try_recv().is_err(), "an idle dashboard redrew");

        // Another process (a second handle on the file) sets the budget.
        let theirs = Store::open(&path).await.unwrap();
        theirs
            .set_budget("Groceries", month, usd(77_700))
            .await
            .unwrap();
        let took = until_shown(&mut frames, 77_700, Duration::from_secs(2)).await;
        assert!(took <= Duration::from_secs(2), "{took:?}");
        input
            .send(Ok(Event::Key(KeyEvent::from(KeyCode::Char('q')))))
            .unwrap();
        theirs
    };
    let (ran, theirs) = tokio::join!(drive(ours.clone(), opts, &mut screen, input_rx), script);
    ran.unwrap();
    ours.close().await;
    theirs.close().await;
}
