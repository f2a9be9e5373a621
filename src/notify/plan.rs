//! Deciding what to show for the alerts that await a notification: nothing (desktop notifications
//! off), hold them (quiet hours), one notification each, or one digest when there are more than a
//! handful or when they were held through quiet hours. Pure: alerts, policy and local time in.

use chrono::{DateTime, FixedOffset};

use super::{Note, Urgency};
use crate::config::{QuietHours, Settings};
use crate::domain::{Alert, AlertKind};

/// At most this many alerts at once are shown one by one; more become one digest.
pub const MAX_SEPARATE: usize = 3;
/// Alerts listed in a digest's body before "…and N more".
pub const DIGEST_LINES: usize = 8;

/// The settings delivery follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// `notifications.desktop`.
    pub desktop: bool,
    /// `alerts.quiet_hours`.
    pub quiet_hours: Option<QuietHours>,
}

impl Policy {
    pub fn from_settings(settings: &Settings) -> Policy {
        Policy {
            desktop: settings.notifications.desktop,
            quiet_hours: settings.alerts.quiet_hours,
        }
    }
}

/// One notification and the alerts it delivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub note: Note,
    pub alerts: Vec<i64>,
}

/// What to do with the alerts that await a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Nothing awaits.
    Idle,
    /// Desktop notifications are off: settle these alerts without showing anything (so turning
    /// notifications on later does not replay old alerts).
    Off(Vec<i64>),
    /// Inside quiet hours: keep all of them (this many) for later.
    Hold(usize),
    /// Show these, in order.
    Show(Vec<Batch>),
}

/// Plans delivery of `pending` (oldest first) at local time `now`.
pub fn plan(pending: &[Alert], policy: &Policy, now: DateTime<FixedOffset>) -> Plan {
    if pending.is_empty() {
        return Plan::Idle;
    }
    if !policy.desktop {
        return Plan::Off(pending.iter().map(|a| a.id).collect());
    }
    let quiet = policy.quiet_hours;
    if quiet.is_some_and(|q| q.contains(now.time())) {
        return Plan::Hold(pending.len());
    }
    let held = quiet.filter(|q| {
        pending
            .iter()
            .any(|a| q.contains(a.created.with_timezone(now.offset()).time()))
    });
    if pending.len() > MAX_SEPARATE || (held.is_some() && pending.len() > 1) {
        return Plan::Show(vec![Batch {
            note: digest(pending, held),
            alerts: pending.iter().map(|a| a.id).collect(),
        }]);
    }
    Plan::Show(
        pending
            .iter()
            .map(|a| Batch {
                note: Note::for_alert(a),
                alerts: vec![a.id],
            })
            .collect(),
    )
}

/// One notification for many alerts: "5 new alerts", then a line per alert (the most urgent
/// first), and "…and N more" past [`DIGEST_LINES`].
pub fn digest(alerts: &[Alert], held: Option<QuietHours>) -> Note {
    let mut notes: Vec<(Note, AlertKind)> = alerts
        .iter()
        .map(|a| (Note::for_alert(a), a.kind))
        .collect();
    // Stable: alerts of equal rank keep their order (oldest first).
    notes.sort_by_key(|(n, kind)| (n.urgency != Urgency::Critical, *kind));
    let mut lines = Vec::with_capacity(DIGEST_LINES + 2);
    if let Some(q) = held {
        lines.push(format!("Held during quiet hours ({q}):"));
    }
    lines.extend(
        notes
            .iter()
            .take(DIGEST_LINES)
            .map(|(n, _)| format!("{}: {}", n.summary, n.body)),
    );
    if notes.len() > DIGEST_LINES {
        lines.push(format!(
            "…and {} more (see `purse alerts`)",
            notes.len() - DIGEST_LINES
        ));
    }
    Note {
        summary: format!("{} new alerts", alerts.len()),
        body: lines.join("\n"),
        urgency: if notes.iter().any(|(n, _)| n.urgency == Urgency::Critical) {
            Urgency::Critical
        } else {
            Urgency::Normal
        },
    }
}
