//! The real terminal: raw mode + alternate screen while [`Terminal`] lives (restored on drop, so on
//! every exit path, and by ratatui's panic hook on panic), and the input reader thread that turns
//! crossterm's blocking reads into a channel the async loop can `select!` on.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use tokio::sync::mpsc::UnboundedSender;

use super::app::App;
use super::view::render;

/// How long the reader waits for input before checking whether it should stop. Only the reader
/// thread wakes; nothing is redrawn unless an event arrives.
const INPUT_POLL: Duration = Duration::from_millis(250);

/// The terminal in dashboard mode. Dropping it restores the user's terminal.
pub struct Terminal {
    inner: DefaultTerminal,
}

impl Terminal {
    /// Enters raw mode and the alternate screen, and installs a panic hook that restores both.
    pub fn enter() -> io::Result<Terminal> {
        match ratatui::try_init() {
            Ok(inner) => Ok(Terminal { inner }),
            Err(e) => {
                // Raw mode may already be on even though entering the alternate screen failed.
                ratatui::restore();
                Err(e)
            }
        }
    }

    /// Current size as (columns, rows).
    pub fn size(&self) -> io::Result<(u16, u16)> {
        let size = self.inner.size()?;
        Ok((size.width, size.height))
    }

    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        self.inner.draw(|frame| render(app, frame))?;
        Ok(())
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Stops the input reader when dropped.
pub struct InputReader {
    stop: Arc<AtomicBool>,
}

impl Drop for InputReader {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Starts a thread forwarding terminal events into `tx` until the returned guard is dropped, the
/// receiver goes away, or reading fails (the error is sent as the last message).
pub fn spawn_input_reader(tx: UnboundedSender<io::Result<Event>>) -> io::Result<InputReader> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    thread::Builder::new()
        .name("purse-input".into())
        .spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                let next = match event::poll(INPUT_POLL) {
                    Ok(false) => continue,
                    Ok(true) => event::read(),
                    Err(e) => Err(e),
                };
                let failed = next.is_err();
                if tx.send(next).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(InputReader { stop })
}
