//! Sync-failed alerts: a connection that needs to be linked again, or that has failed
//! [`FAILURES_BEFORE_ALERT`] times in a row. One alert per connection and failure episode: the
//! episode is named by the connection's last success, so a connection that recovers and breaks
//! again is reported again, and one that stays broken is reported once.

use super::alert::{AlertKind, NewAlert};
use super::connection::ConnectionStatus;

/// Consecutive failures before a failing connection is reported.
pub const FAILURES_BEFORE_ALERT: u32 = 3;
/// Longest provider error quoted in a message (in characters).
const ERROR_CHARS: usize = 160;

pub fn sync_failed_alerts(connections: &[ConnectionStatus]) -> Vec<NewAlert> {
    connections
        .iter()
        .filter_map(|c| {
            let episode = c.last_success.map_or_else(
                || "never".to_string(),
                |t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            );
            let error: String = c
                .last_error
                .as_deref()
                .unwrap_or("no error recorded")
                .chars()
                .take(ERROR_CHARS)
                .collect();
            let since = c
                .last_success
                .map_or_else(|| "it has never synced".to_string(), |t| format!("last synced {}", t.date_naive()));
            let (stage, message) = if c.needs_relink {
                (
                    "relink",
                    format!(
                        "{} needs to be linked again ({since}): {error}. Link it again with `purse link {} --name \"{}\"`",
                        c.name, c.provider, c.name
                    ),
                )
            } else if c.consecutive_failures >= FAILURES_BEFORE_ALERT {
                (
                    "failing",
                    format!(
                        "{} has failed to sync {} times in a row ({since}): {error}",
                        c.name, c.consecutive_failures
                    ),
                )
            } else {
                return None;
            };
            Some(NewAlert {
                kind: AlertKind::SyncFailed,
                key: format!("sync_failed:{}:{stage}:{episode}", c.id),
                message,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn at(s: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    fn conn(failures: u32, relink: bool, last_success: Option<DateTime<Utc>>) -> ConnectionStatus {
        ConnectionStatus {
            id: 4,
            name: "Chase".into(),
            provider: "plaid".into(),
            last_success,
            last_attempt: at("2026-11-21T09:00:00Z"),
            last_error: (failures > 0 || relink).then(|| "temporary failure: HTTP 503".into()),
            next_attempt: None,
            needs_relink: relink,
            consecutive_failures: failures,
        }
    }

    #[test]
    fn stages_table() {
        let ok = at("2026-11-20T08:00:00Z");
        let cases = [
            ("healthy", conn(0, false, ok), None),
            ("two failures", conn(2, false, ok), None),
            (
                "three failures",
                conn(3, false, ok),
                Some("sync_failed:4:failing:2026-11-20T08:00:00Z"),
            ),
            (
                "revoked",
                conn(1, true, ok),
                Some("sync_failed:4:relink:2026-11-20T08:00:00Z"),
            ),
            (
                "revoked and failing: one alert",
                conn(7, true, None),
                Some("sync_failed:4:relink:never"),
            ),
        ];
        for (why, c, key) in cases {
            let alerts = sync_failed_alerts(&[c]);
            assert_eq!(alerts.first().map(|a| a.key.as_str()), key, "{why}");
            assert!(alerts.len() <= 1, "{why}");
        }
    }

    #[test]
    fn a_new_episode_after_a_success_gets_a_new_key_and_the_message_explains() {
        let first = sync_failed_alerts(&[conn(3, false, at("2026-11-20T08:00:00Z"))]);
        let again = sync_failed_alerts(&[conn(5, false, at("2026-11-20T08:00:00Z"))]);
        let later = sync_failed_alerts(&[conn(3, false, at("2026-11-22T08:00:00Z"))]);
        assert_eq!(
            first[0].key, again[0].key,
            "same episode while it stays broken"
        );
        assert_ne!(first[0].key, later[0].key);
        assert_eq!(
            first[0].message,
            "Chase has failed to sync 3 times in a row (last synced 2026-11-20): temporary failure: HTTP 503"
        );
        let relink = sync_failed_alerts(&[conn(1, true, None)]);
        assert!(
            relink[0]
                .message
                .contains("purse link plaid --name \"Chase\""),
            "{}",
            relink[0].message
        );
    }
}
