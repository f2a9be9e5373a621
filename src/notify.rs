//! Desktop notifications behind the [`Notifier`] trait: the notify-rust implementation for real
//! desktops, and a recording one for tests. A missing notification server is an error returned to
//! the caller (to log and show), never a crash or a hang (every call has a timeout).
//!
//! Submodules: `plan` (pure: hold in quiet hours, digest when many), `deliver` (store → notifier,
//! each alert notified once), `icon` (the icon file notifications carry).

mod deliver;
pub mod icon;
pub mod plan;

use std::sync::Mutex;
use std::time::Duration;

use crate::domain::{Alert, AlertKind, terminal_safe, terminal_safe_lines};

pub use deliver::{Delivery, deliver_at, deliver_pending, deliver_to_desktop};
pub use plan::{Plan, Policy};

/// The application name notifications carry.
pub const APP_NAME: &str = "Purse";

/// How urgent a notification is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Normal,
    Critical,
}

/// One notification to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub summary: String,
    pub body: String,
    pub urgency: Urgency,
}

impl Note {
    /// The notification for an alert: a short summary by kind, the alert's message as body.
    pub fn for_alert(alert: &Alert) -> Note {
        let urgency = match alert.kind {
            AlertKind::LowBalance => Urgency::Critical,
            AlertKind::BillDue if alert.key.ends_with(":overdue") => Urgency::Critical,
            _ => Urgency::Normal,
        };
        Note {
            summary: alert.title(),
            body: alert.message.clone(),
            urgency,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("could not show a desktop notification: {0}")]
pub struct NotifyError(pub String);

/// Something that can show notifications.
pub trait Notifier: Send + Sync {
    fn notify(&self, note: &Note) -> impl Future<Output = Result<(), NotifyError>> + Send;
}

impl<N: Notifier> Notifier for std::sync::Arc<N> {
    fn notify(&self, note: &Note) -> impl Future<Output = Result<(), NotifyError>> + Send {
        (**self).notify(note)
    }
}

/// Notifications on the desktop through D-Bus (notify-rust).
#[derive(Debug, Clone)]
pub struct DesktopNotifier {
    /// Path of the icon to show, if any.
    pub icon: Option<String>,
    pub timeout: Duration,
}

impl Default for DesktopNotifier {
    fn default() -> Self {
        DesktopNotifier {
            icon: None,
            timeout: Duration::from_secs(5),
        }
    }
}

impl DesktopNotifier {
    /// The desktop notifier with Purse's icon (written to the cache directory if needed).
    pub fn with_icon() -> Self {
        DesktopNotifier {
            icon: icon::default_icon().map(|p| p.to_string_lossy().into_owned()),
            ..DesktopNotifier::default()
        }
    }

    /// With the icon when `notifications.desktop` is on; without (and writing nothing) when off.
    pub fn for_settings(settings: &crate::config::Settings) -> Self {
        if settings.notifications.desktop {
            DesktopNotifier::with_icon()
        } else {
            DesktopNotifier::default()
        }
    }
}

/// The summary and body as sent to the server. Both show control characters and bidi overrides
/// visibly (`␛`, `\u{202e}`; the body keeps its line breaks), like the terminal does; servers may
/// read the body as markup, so it is escaped too ("AT&T" or "<3" shows as written).
fn desktop_text(note: &Note) -> (String, String) {
    let summary = terminal_safe(&note.summary).into_owned();
    (summary, escape_markup(&terminal_safe_lines(&note.body)))
}

fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl Notifier for DesktopNotifier {
    async fn notify(&self, note: &Note) -> Result<(), NotifyError> {
        let (summary, body) = desktop_text(note);
        let mut n = notify_rust::Notification::new();
        n.appname(APP_NAME).summary(&summary).body(&body);
        n.urgency(match note.urgency {
            Urgency::Normal => notify_rust::Urgency::Normal,
            Urgency::Critical => notify_rust::Urgency::Critical,
        });
        if let Some(icon) = &self.icon {
            n.icon(icon);
        }
        match tokio::time::timeout(self.timeout, n.show_async()).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(NotifyError(e.to_string())),
            Err(_) => Err(NotifyError(
                "the notification server did not answer in time".into(),
            )),
        }
    }
}

/// Keeps every note it is given (tests).
#[derive(Debug, Default)]
pub struct RecordingNotifier {
    pub notes: Mutex<Vec<Note>>,
}

impl Notifier for RecordingNotifier {
    async fn notify(&self, note: &Note) -> Result<(), NotifyError> {
        self.notes
            .lock()
            .map_err(|_| NotifyError("recorder poisoned".into()))?
            .push(note.clone());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(kind: AlertKind, key: &str) -> Alert {
        Alert {
            id: 1,
            kind,
            key: key.into(),
            message: "m".into(),
            created: Default::default(),
            acknowledged: false,
        }
    }

    #[test]
    fn urgency_is_critical_for_low_balance_and_overdue_bills() {
        assert_eq!(
            Note::for_alert(&alert(AlertKind::LowBalance, "low_balance:1:2026-W47")).urgency,
            Urgency::Critical
        );
        assert_eq!(
            Note::for_alert(&alert(AlertKind::BillDue, "bill_due:x:2026-11-20:overdue")).urgency,
            Urgency::Critical
        );
        assert_eq!(
            Note::for_alert(&alert(AlertKind::BillDue, "bill_due:x:2026-11-24:soon")).urgency,
            Urgency::Normal
        );
    }

    #[test]
    fn bodies_are_escaped_for_servers_that_read_markup() {
        assert_eq!(
            escape_markup("AT&T <b>$5</b>"),
            "AT&amp;T &lt;b&gt;$5&lt;/b&gt;"
        );
    }

    #[test]
    fn hostile_alert_text_reaches_the_server_visible_and_escaped() {
        let mut a = alert(AlertKind::UnusualSpend, "k");
        a.message = "\u{1b}]0;pwned\u{7}<b>Evil</b> & Co\u{202e}\nline two".into();
        let (summary, body) = desktop_text(&Note::for_alert(&a));
        assert_eq!(
            body,
            "␛]0;pwned␇&lt;b&gt;Evil&lt;/b&gt; &amp; Co\\u{202e}\nline two"
        );
        assert!(!summary.chars().any(crate::domain::text::is_unsafe));
        let note = Note {
            summary: "Bill\u{1b}[2J".into(),
            body: String::new(),
            urgency: Urgency::Normal,
        };
        assert_eq!(desktop_text(&note).0, "Bill␛[2J");
    }

    #[tokio::test]
    async fn recording_notifier_keeps_notes() {
        let r = RecordingNotifier::default();
        let note = Note::for_alert(&alert(AlertKind::UnusualSpend, "k"));
        assert!(r.notify(&note).await.is_ok());
        assert_eq!(r.notes.lock().map(|n| n.len()).unwrap_or(0), 1);
    }
}
