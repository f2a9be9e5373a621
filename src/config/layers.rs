//! The layering itself, done by the `config` crate: built-in defaults (taken from
//! `Settings::default()`) → the TOML file → `PURSE__SECTION__KEY` variables. Returns the merged
//! tree, whose values remember their origin, for `config/extract.rs` to type and validate.

use std::path::Path;

use config::{Config, Environment, File, FileFormat, Map, Value, ValueKind};

use super::Settings;
use super::env::EnvOverrides;
use super::error::{ConfigError, Location};

/// Merges the layers; `file` has already passed `check::check_file`.
pub(crate) fn merge(
    defaults: &Settings,
    file: Option<&Path>,
    env: &EnvOverrides,
) -> Result<Value, ConfigError> {
    let mut builder = Config::builder();
    for (key, value) in default_entries(defaults) {
        builder = builder
            .set_default(key, value)
            .map_err(|e| ConfigError::Layering {
                location: Location::Defaults,
                message: e.to_string(),
            })?;
    }
    if let Some(path) = file {
        builder = builder.add_source(File::from(path).format(FileFormat::Toml).required(true));
    }
    builder = builder.add_source(
        Environment::with_prefix("PURSE")
            .prefix_separator("__")
            .separator("__")
            .source(Some(env.vars.clone())),
    );
    let config = builder.build().map_err(|e| {
        let location = match file {
            Some(path) => Location::File {
                path: path.to_path_buf(),
                line: None,
            },
            None => Location::Env {
                var: "PURSE__…".to_string(),
            },
        };
        ConfigError::Layering {
            location,
            message: e.to_string(),
        }
    })?;
    Ok(config.cache)
}

/// The defaults layer: every key with a default, written the way the file would write it.
fn default_entries(d: &Settings) -> Vec<(&'static str, ValueKind)> {
    let quiet_hours = d
        .alerts
        .quiet_hours
        .map_or_else(|| "off".to_string(), |q| q.to_string());
    let path = |p: &Path| ValueKind::from(p.to_string_lossy().into_owned());
    vec![
        ("general.currency", d.general.currency.code().into()),
        (
            "input.decimal_separator",
            d.input.decimal_separator.setting().into(),
        ),
        ("storage.database", path(&d.storage.database)),
        ("sync.interval_minutes", d.sync.interval_minutes.into()),
        ("sync.history_days", d.sync.history_days.into()),
        ("sync.timeout_seconds", d.sync.timeout_seconds.into()),
        (
            "alerts.low_balance",
            d.alerts.low_balance.to_string().into(),
        ),
        ("alerts.bill_due_days", d.alerts.bill_due_days.into()),
        ("alerts.unusual_spend", d.alerts.unusual_spend.into()),
        ("alerts.quiet_hours", quiet_hours.into()),
        ("notifications.desktop", d.notifications.desktop.into()),
        ("logging.file", path(&d.logging.file)),
        ("logging.level", d.logging.level.clone().into()),
        ("keys", Map::<String, Value>::new().into()),
        ("connections", Vec::<Value>::new().into()),
        ("accounts", Vec::<Value>::new().into()),
        (
            "import.watch_dir",
            d.import
                .watch_dir
                .as_deref()
                .map_or_else(|| ValueKind::from(""), path),
        ),
        ("import.csv", Vec::<Value>::new().into()),
    ]
}
