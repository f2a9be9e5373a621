//! Process signals that end the dashboard cleanly: SIGTERM and SIGHUP (Ctrl-C arrives as a key
//! in raw mode).

use std::io;

/// SIGTERM and SIGHUP end the dashboard cleanly (Ctrl-C arrives as a key in raw mode).
pub(super) struct Signals {
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
    #[cfg(unix)]
    hup: tokio::signal::unix::Signal,
}

impl Signals {
    #[cfg(unix)]
    pub(super) fn new() -> io::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            term: signal(SignalKind::terminate())?,
            hup: signal(SignalKind::hangup())?,
        })
    }

    #[cfg(not(unix))]
    pub(super) fn new() -> io::Result<Self> {
        Ok(Signals {})
    }

    #[cfg(unix)]
    pub(super) async fn recv(&mut self) {
        tokio::select! {
            _ = self.term.recv() => {}
            _ = self.hup.recv() => {}
        }
    }

    #[cfg(not(unix))]
    pub(super) async fn recv(&mut self) {
        let _ = tokio::signal::ctrl_c().await;
    }
}
