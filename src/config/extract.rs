//! Turns the merged `config` tree into typed [`Settings`]: every section in turn, with its ranges,
//! currency, `[input]` decimal mark, quiet hours, log level, `[keys]` and `[[accounts]]`. `[[connections]]` are in
//! `config/connections.rs`, `[[bills]]` in `config/bills.rs`.

use std::collections::BTreeMap;

use config::{Map, Value};

use super::connections;
use super::error::{ConfigError, Location};
use super::leaf::Ctx;
use super::quiet_hours::{QUIET_HOURS_HINT, QuietHours};
use super::{
    AccountOverride, AlertSettings, General, Input, Logging, Notifications, Settings, Storage,
    SyncSettings,
};
use crate::domain::amount_input::DECIMAL_SEPARATOR_HINT;
use crate::domain::money::currency;
use crate::domain::{Currency, DecimalMark};

const LOG_LEVELS: [&str; 6] = ["error", "warn", "info", "debug", "trace", "off"];

/// Reads the merged tree; the `source` field is left for the caller.
pub(crate) fn settings(ctx: &Ctx<'_>, root: &Value) -> Result<Settings, ConfigError> {
    let root = ctx.table("", root)?;
    let empty = Map::new();
    let section = |name: &str| root.get(name).map_or(Ok(&empty), |v| ctx.table(name, v));
    let get = |t: &Map<String, Value>,
               section: &str,
               name: &str|
     -> Result<(String, Value), ConfigError> {
        let key = format!("{section}.{name}");
        match t.get(name) {
            Some(v) => Ok((key, v.clone())),
            None => Err(ConfigError::MissingKey {
                location: Location::Defaults,
                key,
                expected: "this key has no built-in default; add it to the config file".to_string(),
            }),
        }
    };

    let t = section("general")?;
    let (key, v) = get(t, "general", "currency")?;
    let currency = ctx.choice(&key, &v, currency::EXPECTED, |s| Currency::known(s).ok())?;
    let general = General { currency };

    let t = section("input")?;
    let (key, v) = get(t, "input", "decimal_separator")?;
    let input = Input {
        decimal_separator: ctx.choice(
            &key,
            &v,
            DECIMAL_SEPARATOR_HINT,
            DecimalMark::from_setting,
        )?,
    };
    let mark = input.decimal_separator;

    let t = section("storage")?;
    let (key, v) = get(t, "storage", "database")?;
    let storage = Storage {
        database: ctx.path(&key, &v)?,
    };

    let t = section("sync")?;
    let count = |name: &str, max: u32| {
        let (key, v) = get(t, "sync", name)?;
        ctx.count(&key, &v, 1..=max)
    };
    let sync = SyncSettings {
        interval_minutes: count("interval_minutes", 7 * 24 * 60)?,
        history_days: count("history_days", 36_500)?,
        timeout_seconds: count("timeout_seconds", 3_600)?,
    };

    let t = section("alerts")?;
    let (key, v) = get(t, "alerts", "low_balance")?;
    let low_balance = ctx.amount(&key, &v, currency, mark)?;
    let (key, v) = get(t, "alerts", "bill_due_days")?;
    let bill_due_days = ctx.count(&key, &v, 0..=365)?;
    let (key, v) = get(t, "alerts", "unusual_spend")?;
    let unusual_spend = ctx.boolean(&key, &v)?;
    let (key, v) = get(t, "alerts", "quiet_hours")?;
    let quiet_hours = ctx.choice(&key, &v, QUIET_HOURS_HINT, |s| {
        QuietHours::parse_setting(s).ok()
    })?;
    let alerts = AlertSettings {
        low_balance,
        bill_due_days,
        unusual_spend,
        quiet_hours,
    };

    let t = section("notifications")?;
    let (key, v) = get(t, "notifications", "desktop")?;
    let notifications = Notifications {
        desktop: ctx.boolean(&key, &v)?,
    };

    let t = section("logging")?;
    let (key, v) = get(t, "logging", "file")?;
    let file = ctx.path(&key, &v)?;
    let (key, v) = get(t, "logging", "level")?;
    let level = ctx.choice(
        &key,
        &v,
        "expected one of: error | warn | info | debug | trace | off",
        |s| {
            let s = s.to_ascii_lowercase();
            LOG_LEVELS.contains(&s.as_str()).then_some(s)
        },
    )?;
    let logging = Logging { file, level };

    let mut keys = BTreeMap::new();
    for (action, v) in sorted(section("keys")?) {
        keys.insert(action.clone(), ctx.string(&format!("keys.{action}"), v)?);
    }

    let list = |name: &str| root.get(name).map_or(Ok(&[][..]), |v| ctx.list(name, v));
    let connections = connections::connections(ctx, list("connections")?)?;
    let accounts = accounts(ctx, list("accounts")?, currency, mark)?;
    let bills = super::bills::bills(ctx, list("bills")?, currency, mark)?;
    let import = super::import::import(ctx, section("import")?)?;

    Ok(Settings {
        storage,
        sync,
        alerts,
        notifications,
        general,
        input,
        logging,
        connections,
        accounts,
        bills,
        import,
        keys,
        source: None,
    })
}

pub(crate) fn sorted(t: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<_> = t.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

/// `[[accounts]]`; a `low_balance` is read in `currency` (`general.currency`).
fn accounts(
    ctx: &Ctx<'_>,
    items: &[Value],
    currency: Currency,
    mark: DecimalMark,
) -> Result<Vec<AccountOverride>, ConfigError> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("accounts[{i}]");
        let t = ctx.table(&at, item)?;
        let expected =
            "name the account (or its id) to override, like match = \"Checking\"".to_string();
        let r#match = match t.get("match") {
            Some(v) => ctx.choice(&format!("{at}.match"), v, &expected, connections::non_empty)?,
            None => return Err(connections::missing(ctx, &at, item, "match", expected)),
        };
        let low_balance = match t.get("low_balance") {
            Some(v) => Some(ctx.amount(&format!("{at}.low_balance"), v, currency, mark)?),
            None => None,
        };
        out.push(AccountOverride {
            r#match,
            low_balance,
        });
    }
    Ok(out)
}
