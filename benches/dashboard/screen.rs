//! A [`Screen`] for the benchmark: draws through the real `render` into a ratatui `TestBackend`
//! and reports, after every frame, when it finished and what it showed.

use std::io;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tokio::sync::mpsc::UnboundedSender;

use purse::tui::{App, Pane, Screen, render};

/// What a frame showed, enough to tell which key press it answers.
#[derive(Debug, Clone)]
pub struct Shown {
    pub at: Instant,
    /// Accounts, a page of transactions, the budget report and the alerts are all on screen.
    pub full: bool,
    pub focus: Pane,
    /// The selected transaction's id.
    pub selected: Option<i64>,
    pub search: Option<String>,
    /// The Transactions pane shows rows for its current filter.
    pub rows_loaded: bool,
    pub rows: usize,
    /// A page of transactions is being loaded.
    pub fetching: bool,
    /// How long `render` and the backend took for this frame.
    pub render: Duration,
}

pub struct BenchScreen {
    terminal: Terminal<TestBackend>,
    frames: UnboundedSender<Shown>,
}

impl BenchScreen {
    pub fn new(width: u16, height: u16, frames: UnboundedSender<Shown>) -> io::Result<Self> {
        let terminal = Terminal::new(TestBackend::new(width, height)).map_err(io::Error::other)?;
        Ok(BenchScreen { terminal, frames })
    }
}

impl Screen for BenchScreen {
    fn size(&self) -> io::Result<(u16, u16)> {
        let area = self.terminal.backend().buffer().area;
        Ok((area.width, area.height))
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        let started = Instant::now();
        self.terminal
            .draw(|frame| render(app, frame))
            .map_err(io::Error::other)?;
        let render = started.elapsed();
        let t = &app.transactions;
        let _ = self.frames.send(Shown {
            at: Instant::now(),
            full: app.accounts.loaded
                && t.loaded
                && app.budgets.report.is_some()
                && app.alerts.loaded,
            focus: app.focus,
            selected: t.selected().map(|r| r.id),
            search: t.filter.search.clone(),
            rows_loaded: t.loaded,
            rows: t.rows.len(),
            fetching: t.in_flight.is_some(),
            render,
        });
        Ok(())
    }
}
