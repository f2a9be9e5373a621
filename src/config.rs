//! Settings: built-in defaults → the TOML file (`--config PATH`, else
//! `<XDG config dir>/purse/config.toml`) → `PURSE__SECTION__KEY` environment variables, layered
//! by the `config` crate. Any string value may be `"env:VARNAME"` to read a secret from the
//! environment. Unknown keys, bad values and unreadable files stop with a [`ConfigError`] naming
//! the file (or variable), the key, and the value.
//!
//! Submodules: `schema` (every known key), `check` (reading and walking the raw file), `env`
//! (`PURSE__…` variable names), `layers` (the `config` crate merge), `leaf` and `typed` (single
//! values, `env:` resolution), `extract` and `connections` (sections and their validation),
//! `bills` (`[[bills]]`), `import` (`[import]` and its CSV presets), `sections` (the public
//! section types), plus [`Secret`], [`QuietHours`] and the errors.

mod bills;
mod check;
mod connections;
mod env;
mod error;
mod extract;
mod import;
mod layers;
mod leaf;
mod quiet_hours;
mod schema;
mod secret;
mod sections;
mod typed;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use directories::ProjectDirs;
use rust_decimal::Decimal;

use crate::domain::{Currency, NewManualBill};

pub use error::{ConfigError, Location};
pub use import::{CsvPreset, ImportSettings};
pub use quiet_hours::QuietHours;
pub use schema::known_keys;
pub use secret::Secret;
pub use sections::{
    AccountOverride, AlertSettings, ConnectionConfig, General, Input, Logging, Notifications,
    ProviderKind, Storage, SyncSettings,
};

/// Everything the config file and `PURSE__…` variables can set.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub storage: Storage,
    pub sync: SyncSettings,
    pub alerts: AlertSettings,
    pub notifications: Notifications,
    pub general: General,
    /// `[input]`: the decimal mark of typed amounts.
    pub input: Input,
    pub logging: Logging,
    pub connections: Vec<ConnectionConfig>,
    pub accounts: Vec<AccountOverride>,
    /// `[[bills]]`: bills the user owes that no bank reports (synced into the store by the
    /// alerts engine).
    pub bills: Vec<NewManualBill>,
    /// `[import]`: the watched statements folder and CSV presets.
    pub import: ImportSettings,
    /// Key rebinding for the TUI: action name → key. Not validated here.
    pub keys: BTreeMap<String, String>,
    source: Option<PathBuf>,
}

const DEFAULT_QUIET_START: NaiveTime = match NaiveTime::from_hms_opt(22, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};
const DEFAULT_QUIET_END: NaiveTime = match NaiveTime::from_hms_opt(7, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "purse")
}

impl Default for Settings {
    /// The built-in defaults (the first layer of [`Settings::load`]).
    fn default() -> Self {
        let dirs = project_dirs();
        let data_dir = dirs
            .as_ref()
            .map_or_else(|| PathBuf::from("."), |d| d.data_dir().to_path_buf());
        let state_dir = dirs
            .as_ref()
            .and_then(|d| d.state_dir())
            .map_or_else(|| data_dir.clone(), Path::to_path_buf);
        Settings {
            storage: Storage {
                database: data_dir.join("purse.db"),
            },
            sync: SyncSettings {
                interval_minutes: 30,
                history_days: 730,
                timeout_seconds: 30,
            },
            alerts: AlertSettings {
                low_balance: Decimal::new(10_000, 2),
                bill_due_days: 3,
                unusual_spend: true,
                quiet_hours: Some(QuietHours::new(DEFAULT_QUIET_START, DEFAULT_QUIET_END)),
            },
            notifications: Notifications { desktop: true },
            general: General {
                currency: Currency::USD,
            },
            input: Input::default(),
            logging: Logging {
                file: state_dir.join("purse.log"),
                level: "info".to_string(),
            },
            connections: Vec::new(),
            accounts: Vec::new(),
            bills: Vec::new(),
            import: ImportSettings::default(),
            keys: BTreeMap::new(),
            source: None,
        }
    }
}

impl Settings {
    /// Defaults → file (explicit `path`, else [`Settings::default_path`] if it exists; an explicit
    /// path that does not exist is an error) → `PURSE__…` variables from the process environment.
    pub fn load(path: Option<&Path>) -> Result<Settings, ConfigError> {
        let mut vars = Vec::new();
        for (name, value) in std::env::vars_os() {
            match (name.into_string(), value.into_string()) {
                (Ok(name), Ok(value)) => vars.push((name, value)),
                (Ok(name), Err(_)) if name.to_uppercase().starts_with(env::ENV_PREFIX) => {
                    return Err(ConfigError::BadValue {
                        key: name.clone(),
                        location: Location::Env { var: name },
                        value: "(not valid UTF-8)".to_string(),
                        expected: "expected UTF-8 text".to_string(),
                    });
                }
                // Variables that are not UTF-8 cannot be `env:` targets; skip them.
                _ => {}
            }
        }
        Settings::load_with_env(path, vars)
    }

    /// Like [`Settings::load`], with an injected environment: `env` (e.g. `[("PURSE__SYNC__…",
    /// "5"), ("PLAID_SECRET", "…")]`) supplies both the `PURSE__…` overrides and the variables
    /// that `"env:VARNAME"` values read.
    pub fn load_with_env<I, K, V>(path: Option<&Path>, env: I) -> Result<Settings, ConfigError>
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let vars: HashMap<String, String> =
            env.into_iter().map(|(k, v)| (k.into(), v.into())).collect();
        let file = match path {
            Some(path) if !path.exists() => {
                return Err(ConfigError::NotFound {
                    path: path.to_path_buf(),
                });
            }
            Some(path) => Some(path.to_path_buf()),
            None => Settings::default_path().filter(|p| p.exists()),
        };
        let lines = match &file {
            Some(path) => check::check_file(path)?,
            None => check::KeyLines::new(),
        };
        let overrides = env::check_env(&vars)?;
        let merged = layers::merge(&Settings::default(), file.as_deref(), &overrides)?;
        let ctx = leaf::Ctx {
            file: file.as_deref(),
            lines: &lines,
            env_names: &overrides.names,
            env: &vars,
        };
        let mut settings = extract::settings(&ctx, &merged)?;
        settings.source = file;
        Ok(settings)
    }

    /// `<XDG config dir>/purse/config.toml` (`~/.config/purse/config.toml` on Linux), if a home
    /// directory is known. It may not exist.
    pub fn default_path() -> Option<PathBuf> {
        project_dirs().map(|d| d.config_dir().join("config.toml"))
    }

    /// The config file that was read, if any.
    pub fn source(&self) -> Option<&Path> {
        self.source.as_deref()
    }

    /// The low-balance threshold for an account: the first `[[accounts]]` entry whose `match`
    /// equals the id, or the name ignoring case, and that sets `low_balance`; else the global one.
    pub fn low_balance_for(&self, account_name: &str, account_id: &str) -> Decimal {
        self.accounts
            .iter()
            .filter(|a| {
                a.r#match == account_id || a.r#match.eq_ignore_ascii_case(account_name.trim())
            })
            .find_map(|a| a.low_balance)
            .unwrap_or(self.alerts.low_balance)
    }

    /// The low-balance threshold for an account in `currency`: an `[[accounts]]` override (in the
    /// account's own currency), else the global `alerts.low_balance`, which is in
    /// `general.currency` and so applies only to accounts in that currency (a BTC wallet is not
    /// "below 100" of the budget's dollars). `None`: no low-balance alert for it.
    pub fn low_balance_in(
        &self,
        account_name: &str,
        account_id: &str,
        currency: Currency,
    ) -> Option<Decimal> {
        let overridden = self.accounts.iter().any(|a| {
            a.low_balance.is_some()
                && (a.r#match == account_id || a.r#match.eq_ignore_ascii_case(account_name.trim()))
        });
        (overridden || currency == self.general.currency)
            .then(|| self.low_balance_for(account_name, account_id))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn with_overrides(accounts: Vec<AccountOverride>) -> Settings {
        Settings {
            accounts,
            ..Settings::default()
        }
    }

    #[test]
    fn low_balance_prefers_the_matching_override() {
        let s = with_overrides(vec![
            AccountOverride {
                r#match: "Checking".into(),
                low_balance: Some(Decimal::new(25_000, 2)),
            },
            AccountOverride {
                r#match: "acc-7".into(),
                low_balance: Some(Decimal::new(5, 0)),
            },
            AccountOverride {
                r#match: "Savings".into(),
                low_balance: None,
            },
        ]);
        assert_eq!(s.low_balance_for("checking", "x"), Decimal::new(25_000, 2));
        assert_eq!(s.low_balance_for("Brokerage", "acc-7"), Decimal::new(5, 0));
        assert_eq!(s.low_balance_for("Savings", "y"), Decimal::new(10_000, 2));
        assert_eq!(s.low_balance_for("Other", "z"), Decimal::new(10_000, 2));
    }

    #[test]
    fn the_global_low_balance_applies_only_in_the_budget_currency() {
        let s = with_overrides(vec![AccountOverride {
            r#match: "Cold wallet".into(),
            low_balance: Some(Decimal::new(1, 2)),
        }]);
        let btc = Currency::new("BTC").unwrap();
        assert_eq!(
            s.low_balance_in("Checking", "1", Currency::USD),
            Some(Decimal::new(10_000, 2))
        );
        assert_eq!(s.low_balance_in("Hot wallet", "2", btc), None);
        assert_eq!(
            s.low_balance_in("Cold wallet", "3", btc),
            Some(Decimal::new(1, 2))
        );
    }

    #[test]
    fn defaults_load_without_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.toml");
        std::fs::write(&path, "").unwrap();
        let s = Settings::load_with_env(Some(&path), Vec::<(String, String)>::new()).unwrap();
        assert_eq!(
            Settings {
                source: None,
                ..s.clone()
            },
            Settings::default()
        );
        assert_eq!(s.source(), Some(path.as_path()));
    }
}
