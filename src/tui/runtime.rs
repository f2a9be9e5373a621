//! The dashboard's async loop: waits on input, command results, sync events, other processes'
//! writes (`runtime/watch.rs`), a once-a-minute clock and signals; runs `update`; executes the
//! returned [`Command`]s (store queries in spawned tasks so input never waits, sync requests over
//! the channel); and redraws after each handled event, never on a fast timer. [`run`] owns the
//! real terminal (restored on every exit path); [`drive`] runs the same loop on any [`Screen`]
//! with input from a channel (benchmarks use a `TestBackend`). Command execution is in
//! `runtime/exec.rs`, signal handling in `runtime/signals.rs`.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use ratatui::crossterm::event::Event;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use tokio::time::MissedTickBehavior;

use crate::domain::{Clock, Currency, DecimalMark};
use crate::store::Store;

use super::action::{Action, SyncCommand, SyncEvent};
use super::app::App;
use super::keys::Keymap;
use super::terminal::{self, Terminal};
use super::update::update;
use exec::{Executor, Flow};
use signals::Signals;

mod exec;
mod signals;
mod watch;

/// How often relative times ("5m ago", "due tomorrow") are refreshed when nothing else happens.
const CLOCK_TICK: Duration = Duration::from_secs(60);

/// Where frames go: the real terminal, or a test backend.
pub trait Screen {
    /// Current size as (columns, rows).
    fn size(&self) -> io::Result<(u16, u16)>;
    fn draw(&mut self, app: &App) -> io::Result<()>;
}

/// What the dashboard needs from the caller.
pub struct RunOptions {
    /// Showing the demo bank: a banner says so and how to link a real bank.
    pub demo: bool,
    /// Colours on; `false` under `NO_COLOR` (see [`color_from_env`]).
    pub color: bool,
    pub clock: Arc<dyn Clock>,
    /// The currency budgets are reported in.
    pub currency: Currency,
    /// How typed amounts are written (`[input] decimal_separator`).
    pub decimal_mark: DecimalMark,
    /// Keys, with the config's `[keys]` applied (see [`Keymap::from_config`]).
    pub keymap: Keymap,
    /// Where `s` (sync now) sends requests, and `Stop` on exit; `None` when no sync task runs.
    pub sync_commands: Option<UnboundedSender<SyncCommand>>,
    /// Progress from the sync task.
    pub sync_events: Option<UnboundedReceiver<SyncEvent>>,
}

impl RunOptions {
    /// Options without a sync task, with the default keys and colour decided by `NO_COLOR`.
    pub fn new(demo: bool, clock: Arc<dyn Clock>, currency: Currency) -> Self {
        RunOptions {
            demo,
            color: color_from_env(),
            clock,
            currency,
            decimal_mark: DecimalMark::Point,
            keymap: Keymap::default(),
            sync_commands: None,
            sync_events: None,
        }
    }
}

/// False when `NO_COLOR` is set to anything non-empty (<https://no-color.org>).
pub fn color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Runs the dashboard in the terminal until the user quits (q, Ctrl-C) or the process gets
/// SIGTERM/SIGHUP.
pub async fn run(store: Store, opts: RunOptions) -> anyhow::Result<()> {
    let mut term = Terminal::enter().context("cannot set up the terminal")?;
    let (input_tx, input_rx) = mpsc::unbounded_channel();
    terminal::spawn_input_reader(input_tx).context("cannot start the input reader")?;
    let result = drive(store, opts, &mut term, input_rx).await;
    drop(term);
    result
}

/// Runs the dashboard loop on `screen` with terminal events from `input` until the user quits,
/// the input closes, or the process gets SIGTERM/SIGHUP.
pub async fn drive(
    store: Store,
    opts: RunOptions,
    screen: &mut dyn Screen,
    input: UnboundedReceiver<io::Result<Event>>,
) -> anyhow::Result<()> {
    let RunOptions {
        demo,
        color,
        clock,
        currency,
        decimal_mark,
        keymap,
        sync_commands,
        sync_events,
    } = opts;
    let mut app = App::new(demo, color, currency, clock.now(), clock.today());
    app.keymap = keymap;
    app.decimal_mark = decimal_mark;
    app.sync.available = sync_commands.is_some();
    let (action_tx, action_rx) = mpsc::unbounded_channel();
    let watching = watch::spawn(&store, action_tx.clone()).await;
    let mut executor = Executor::new(store, currency, action_tx, sync_commands);
    let result = event_loop(
        screen,
        &mut app,
        &mut executor,
        action_rx,
        input,
        sync_events,
        clock.as_ref(),
    )
    .await;
    executor.stop();
    if let Some(watching) = watching {
        watching.abort();
    }
    result
}

/// Why the loop woke up.
enum Wake {
    Input(Option<io::Result<Event>>),
    Done(Action),
    Sync(Option<SyncEvent>),
    Tick,
    Signal,
}

async fn event_loop(
    screen: &mut dyn Screen,
    app: &mut App,
    executor: &mut Executor,
    mut actions: UnboundedReceiver<Action>,
    mut input: UnboundedReceiver<io::Result<Event>>,
    mut sync_events: Option<UnboundedReceiver<SyncEvent>>,
    clock: &dyn Clock,
) -> anyhow::Result<()> {
    let mut tick = tokio::time::interval(CLOCK_TICK);
    tick.set_missed_tick_behavior(MissedTickBehavior::Skip);
    tick.tick().await;
    let mut signals = Signals::new()?;

    let (width, height) = screen.size()?;
    update(app, Action::Resize { width, height });
    executor.execute(update(app, Action::Refresh));
    screen.draw(app)?;

    loop {
        let wake = tokio::select! {
            ev = input.recv() => Wake::Input(ev),
            Some(action) = actions.recv() => Wake::Done(action),
            ev = next_sync_event(&mut sync_events) => Wake::Sync(ev),
            _ = tick.tick() => Wake::Tick,
            _ = signals.recv() => Wake::Signal,
        };
        let action = match wake {
            Wake::Input(None) => anyhow::bail!("the terminal input closed"),
            Wake::Input(Some(Err(e))) => return Err(e).context("cannot read from the terminal"),
            Wake::Input(Some(Ok(Event::Key(key)))) => Action::Key(key),
            Wake::Input(Some(Ok(Event::Mouse(mouse)))) => Action::Mouse(mouse),
            Wake::Input(Some(Ok(Event::Resize(width, height)))) => Action::Resize { width, height },
            Wake::Input(Some(Ok(_))) => continue,
            Wake::Done(action) => action,
            Wake::Sync(Some(event)) => Action::Sync(event),
            Wake::Sync(None) => {
                // The sync task ended: stop listening and stop offering "sync now".
                sync_events = None;
                app.sync.available = false;
                app.sync.running.clear();
                screen.draw(app)?;
                continue;
            }
            Wake::Tick => Action::Clock {
                now: clock.now(),
                today: clock.today(),
            },
            Wake::Signal => return Ok(()),
        };
        update(
            app,
            Action::Clock {
                now: clock.now(),
                today: clock.today(),
            },
        );
        if executor.execute(update(app, action)) == Flow::Quit {
            return Ok(());
        }
        // Results that are already waiting are folded into the same frame.
        while let Ok(action) = actions.try_recv() {
            if executor.execute(update(app, action)) == Flow::Quit {
                return Ok(());
            }
        }
        screen.draw(app)?;
    }
}

async fn next_sync_event(rx: &mut Option<UnboundedReceiver<SyncEvent>>) -> Option<SyncEvent> {
    match rx {
        Some(rx) => rx.recv().await,
        None => std::future::pending().await,
    }
}
