//! The real terminal: raw mode, the alternate screen and mouse reporting while [`Terminal`] lives
//! (restored on drop, so on every exit path, and by a panic hook on panic), and the input reader
//! thread that turns crossterm's blocking reads into a channel the async loop can `select!` on.

use std::io;
use std::thread;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use tokio::sync::mpsc::UnboundedSender;

use super::app::App;
use super::runtime::Screen;
use super::view::render;

/// Refuses to start the dashboard without a terminal on both stdin (the keys) and stdout (the
/// screen), before anything is written: piped or redirected, it would only print escape codes.
pub fn require_terminal() -> io::Result<()> {
    use std::io::IsTerminal;
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(io::Error::other(super::text::NEEDS_TERMINAL))
    }
}

/// The terminal in dashboard mode. Dropping it restores the user's terminal.
pub struct Terminal {
    inner: DefaultTerminal,
}

impl Terminal {
    /// Enters raw mode, the alternate screen and mouse reporting, and installs a panic hook that
    /// undoes all three before the panic message prints.
    pub fn enter() -> io::Result<Terminal> {
        let inner = match ratatui::try_init() {
            Ok(inner) => inner,
            Err(e) => {
                // Raw mode may already be on even though entering the alternate screen failed.
                ratatui::restore();
                return Err(e);
            }
        };
        // ratatui's hook restores raw mode and the screen; this one also stops mouse reporting.
        let restore = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture);
            restore(info);
        }));
        if let Err(e) = execute!(io::stdout(), EnableMouseCapture) {
            // Not fatal: the keyboard does everything the mouse does.
            tracing::warn!(error = %e, "mouse reporting unavailable");
        }
        Ok(Terminal { inner })
    }
}

impl Screen for Terminal {
    fn size(&self) -> io::Result<(u16, u16)> {
        let size = self.inner.size()?;
        Ok((size.width, size.height))
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        self.inner.draw(|frame| render(app, frame))?;
        Ok(())
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Starts a thread forwarding terminal events into `tx`. It blocks in `read()` (no polling, so an
/// idle dashboard uses no CPU) and ends after the first event once the receiver is gone, or when
/// reading fails (the error is sent as the last message). The process exiting ends it too.
pub fn spawn_input_reader(tx: UnboundedSender<io::Result<Event>>) -> io::Result<()> {
    thread::Builder::new()
        .name("purse-input".into())
        .spawn(move || {
            loop {
                let next = event::read();
                let failed = next.is_err();
                if tx.send(next).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(())
}
