//! Everything a command needs, opened once: settings, the clock, the store (real or demo) and the
//! connections to sync. Decides demo mode: `--demo`, or no connections configured and the real
//! store still empty. Demo data lives in `demo.db` beside the real database, never mixed with it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use chrono::NaiveDate;

use super::GlobalArgs;
use crate::config::Settings;
use crate::credentials::Credentials;
use crate::domain::{Clock, Currency, FixedClock, Money, Month, SystemClock};
use crate::domain::{DecimalMark, parse_amount};
use crate::store::Store;
use crate::sync::{self, Connection, SyncOptions};

/// Environment variable that pins "today" (YYYY-MM-DD) for reproducible runs and tests.
pub const TODAY_ENV: &str = "PURSE_TODAY";

/// An opened Purse: what every command works with.
pub struct Context {
    pub settings: Settings,
    pub store: Store,
    pub db_path: PathBuf,
    pub demo: bool,
    pub clock: Arc<dyn Clock>,
    pub connections: Vec<Connection>,
}

impl Context {
    pub async fn open(global: &GlobalArgs) -> anyhow::Result<Context> {
        Context::open_with(global, true).await
    }

    /// Opens Purse; `auto_demo` lets an unconfigured, empty Purse fall back to the demo bank
    /// (commands that link a bank pass false: they must work on the real store).
    pub async fn open_with(global: &GlobalArgs, auto_demo: bool) -> anyhow::Result<Context> {
        let settings = Settings::load(global.config.as_deref())?;
        init_logging(&settings);
        let clock = clock_from_env()?;
        let real_db = global
            .db
            .clone()
            .unwrap_or_else(|| settings.storage.database.clone());
        let linked = Credentials::load(&Credentials::path_for(&real_db))?;
        let demo = global.demo
            || (auto_demo
                && settings.connections.is_empty()
                && linked.connections.is_empty()
                && settings.import.watch_dir.is_none()
                && real_store_is_empty(&real_db).await?);
        let db_path = if demo { demo_path(&real_db) } else { real_db };
        let store = Store::open(&db_path)
            .await
            .with_context(|| format!("opening {}", db_path.display()))?;
        let connections = if demo {
            vec![Connection::demo()]
        } else {
            connections_from(&settings, &linked)
        };
        let ctx = Context {
            settings,
            store,
            db_path,
            demo,
            clock,
            connections,
        };
        if ctx.demo {
            ctx.seed_demo_budgets().await?;
        }
        Ok(ctx)
    }

    /// The currency budgets are kept in.
    pub fn currency(&self) -> Currency {
        self.settings.general.currency
    }

    /// An amount the user typed for `what` (`--min`, "budget amount"), in `currency`, read with
    /// the config's `[input] decimal_separator`; the error names `what` and quotes the value.
    pub fn typed_amount(
        &self,
        what: &str,
        text: &str,
        currency: Currency,
    ) -> anyhow::Result<Money> {
        parse_amount(text, currency, self.settings.input.decimal_separator)
            .with_context(|| what.to_string())
    }

    pub fn sync_options(&self) -> SyncOptions {
        SyncOptions {
            history_days: self.settings.sync.history_days,
            timeout: Duration::from_secs(u64::from(self.settings.sync.timeout_seconds.max(1))),
            ..SyncOptions::DEFAULT
        }
    }

    /// The credentials store that belongs with this database.
    pub fn credentials_path(&self) -> PathBuf {
        Credentials::path_for(&self.db_path)
    }

    /// In demo mode, brings the demo bank up to today before reading (it is a live bank: each day
    /// brings new transactions). Real connections sync only on `purse sync` or in the dashboard.
    pub async fn refresh_demo(&self) -> anyhow::Result<()> {
        if !self.demo {
            return Ok(());
        }
        let today = self.clock.today();
        let fresh = self.store.connections().await?.iter().any(|c| {
            c.name == sync::DEMO_CONNECTION
                && c.last_success.is_some_and(|t| t.date_naive() >= today)
        });
        if !fresh {
            sync::sync_one(
                &self.store,
                &Connection::demo(),
                self.clock.as_ref(),
                self.sync_options(),
            )
            .await?;
            crate::alerts::evaluate(&self.store, &self.settings, self.clock.as_ref()).await?;
        }
        Ok(())
    }
}

impl Context {
    /// Brings the config's `[[bills]]` into the store and adds the occurrences of the user's
    /// bills that have come due (the alerts engine does the same on every run).
    pub async fn sync_bills(&self) -> anyhow::Result<()> {
        self.store.sync_config_bills(&self.settings.bills).await?;
        self.store.refresh_manual_bills(self.clock.today()).await?;
        Ok(())
    }

    /// A new demo store gets the demo household's budgets, so the Budgets pane has something to
    /// show; budgets the user set or removed later are left alone.
    async fn seed_demo_budgets(&self) -> anyhow::Result<()> {
        let never_synced = self
            .store
            .connections()
            .await?
            .iter()
            .all(|c| c.last_success.is_none());
        if !never_synced || !self.store.budgets().await?.is_empty() {
            return Ok(());
        }
        let from = Month::of(self.clock.today());
        for (category, amount) in crate::provider::demo::DEMO_BUDGETS {
            // Written with a decimal point, whatever the user's `[input]` setting.
            let amount = parse_amount(amount, self.currency(), DecimalMark::Point)?;
            self.store.set_budget(category, from, amount).await?;
        }
        Ok(())
    }
}

/// `demo.db` in the same directory as the real database.
pub fn demo_path(real: &Path) -> PathBuf {
    real.with_file_name("demo.db")
}

async fn real_store_is_empty(path: &Path) -> anyhow::Result<bool> {
    if !path.exists() {
        return Ok(true);
    }
    let store = Store::open(path)
        .await
        .with_context(|| format!("opening {}", path.display()))?;
    let empty = store.is_empty().await?;
    store.close().await;
    Ok(empty)
}

fn connections_from(settings: &Settings, linked: &Credentials) -> Vec<Connection> {
    let timeout = Duration::from_secs(u64::from(settings.sync.timeout_seconds.max(1)));
    let configured = settings.connections.iter().filter(|c| c.enabled);
    let extra = linked.connections.iter().filter(|l| {
        let shadowed = settings.connections.iter().any(|c| c.name.eq_ignore_ascii_case(&l.name));
        if shadowed {
            tracing::warn!(connection = %l.name, "a linked connection has the same name as one in the config; the config's is used");
        }
        !shadowed
    });
    configured
        .chain(extra)
        .map(|c| Connection::from_config(c, timeout))
        .collect()
}

fn clock_from_env() -> anyhow::Result<Arc<dyn Clock>> {
    match std::env::var(TODAY_ENV) {
        Ok(text) if !text.trim().is_empty() => {
            let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").with_context(|| {
                format!("{TODAY_ENV}=\"{text}\" is not a date (expected YYYY-MM-DD)")
            })?;
            Ok(Arc::new(FixedClock::on(date)))
        }
        _ => Ok(Arc::new(SystemClock)),
    }
}

/// Logs go to the configured file (never to the terminal the dashboard owns). Best effort: a
/// log file that cannot be opened leaves logging off.
pub fn init_logging(settings: &Settings) {
    use tracing_subscriber::EnvFilter;
    let path = &settings.logging.file;
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    else {
        return;
    };
    let filter = EnvFilter::try_from_env("PURSE_LOG")
        .unwrap_or_else(|_| EnvFilter::new(&settings.logging.level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .try_init();
}
