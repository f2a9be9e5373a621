//! Connections to sync: a name and the provider settings (with secrets) that serve it, built from
//! `[[connections]]` in the config or the credentials store. A connection whose settings are
//! incomplete still exists: its sync fails with a message saying what to fix.

use std::time::Duration;

use crate::config::{ConnectionConfig, ProviderKind, Secret};
use crate::provider::demo::DEMO_SEED;
use crate::provider::plaid::{self, PlaidConfig};

/// The name the built-in demo bank's connection is stored under.
pub const DEMO_CONNECTION: &str = "Demo Bank";

/// A connection to sync: its name and which provider serves it.
#[derive(Debug, Clone)]
pub struct Connection {
    pub name: String,
    pub provider: ProviderSpec,
}

/// Provider-specific settings of a connection. `Debug` never shows secrets.
#[derive(Debug, Clone)]
pub enum ProviderSpec {
    Demo {
        seed: u64,
    },
    Plaid {
        config: PlaidConfig,
        access_token: Secret,
    },
    SimpleFin {
        access_url: Secret,
    },
    /// Settings that cannot work (a missing secret, an unknown environment): syncing reports it.
    Invalid {
        provider: String,
        message: String,
    },
    /// A provider Purse knows by name but cannot sync.
    Unsupported {
        provider: String,
    },
}

impl ProviderSpec {
    pub fn name(&self) -> &str {
        match self {
            ProviderSpec::Demo { .. } => "demo",
            ProviderSpec::Plaid { .. } => "plaid",
            ProviderSpec::SimpleFin { .. } => "simplefin",
            ProviderSpec::Invalid { provider, .. } | ProviderSpec::Unsupported { provider } => {
                provider
            }
        }
    }
}

impl Connection {
    /// The built-in demo bank.
    pub fn demo() -> Self {
        Connection {
            name: DEMO_CONNECTION.to_string(),
            provider: ProviderSpec::Demo { seed: DEMO_SEED },
        }
    }

    /// The connection a config or credentials entry describes.
    pub fn from_config(c: &ConnectionConfig, timeout: Duration) -> Self {
        let invalid = |message: String| ProviderSpec::Invalid {
            provider: c.provider.as_str().to_string(),
            message,
        };
        let missing = |key: &str| {
            invalid(format!(
                "connection \"{}\" has no {key}: add it to the config or link again",
                c.name
            ))
        };
        let provider = match c.provider {
            ProviderKind::Demo => ProviderSpec::Demo { seed: DEMO_SEED },
            ProviderKind::Plaid => match (&c.client_id, &c.secret, &c.access_token) {
                (None, _, _) => missing("client_id"),
                (_, None, _) => missing("secret"),
                (_, _, None) => missing("access_token"),
                (Some(client_id), Some(secret), Some(token)) => {
                    let base = match &c.base_url {
                        Some(url) => Ok(url.clone()),
                        None => plaid::base_url_for(c.environment.as_deref()).map(str::to_string),
                    };
                    match base {
                        Ok(base_url) => ProviderSpec::Plaid {
                            config: PlaidConfig {
                                base_url,
                                client_id: client_id.clone(),
                                secret: secret.clone(),
                                timeout,
                            },
                            access_token: token.clone(),
                        },
                        Err(e) => invalid(e.to_string()),
                    }
                }
            },
            ProviderKind::Simplefin => match &c.access_url {
                Some(url) => ProviderSpec::SimpleFin {
                    access_url: url.clone(),
                },
                None => missing("access_url"),
            },
        };
        Connection {
            name: c.name.clone(),
            provider,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(provider: ProviderKind) -> ConnectionConfig {
        ConnectionConfig {
            name: "Bank".into(),
            provider,
            base_url: None,
            environment: None,
            client_id: Some(Secret::new("cid")),
            secret: Some(Secret::new("sec-123")),
            access_token: Some(Secret::new("tok-456")),
            access_url: None,
            enabled: true,
        }
    }

    #[test]
    fn plaid_defaults_to_sandbox_and_keeps_secrets_out_of_debug() {
        let c = Connection::from_config(&cfg(ProviderKind::Plaid), Duration::from_secs(5));
        match &c.provider {
            ProviderSpec::Plaid { config, .. } => assert_eq!(config.base_url, plaid::SANDBOX_URL),
            other => panic!("expected plaid, got {other:?}"),
        }
        let dbg = format!("{c:?}");
        assert!(
            !dbg.contains("sec-123") && !dbg.contains("tok-456"),
            "{dbg}"
        );
    }

    #[test]
    fn incomplete_settings_become_an_explained_failure() {
        let mut c = cfg(ProviderKind::Plaid);
        c.access_token = None;
        match Connection::from_config(&c, Duration::from_secs(5)).provider {
            ProviderSpec::Invalid { message, .. } => {
                assert!(message.contains("access_token"), "{message}")
            }
            other => panic!("expected invalid, got {other:?}"),
        }
        let s = Connection::from_config(&cfg(ProviderKind::Simplefin), Duration::from_secs(5));
        assert!(
            matches!(s.provider, ProviderSpec::Invalid { .. }),
            "simplefin without access_url"
        );
        let mut bad_env = cfg(ProviderKind::Plaid);
        bad_env.environment = Some("staging".into());
        assert!(matches!(
            Connection::from_config(&bad_env, Duration::from_secs(5)).provider,
            ProviderSpec::Invalid { .. }
        ));
    }
}
