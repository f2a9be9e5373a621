//! Starting the dashboard from an opened [`Context`]: validates the `[keys]` table, starts the
//! background sync task (syncing at once when a connection is due or has never synced) and runs
//! the dashboard with it.

use chrono::Duration;

use crate::cli::Context;
use crate::sync::task::{self, TaskConfig};

use super::keys::Keymap;
use super::runtime::{RunOptions, run};

/// Runs the dashboard for `ctx` until the user quits. A bad `[keys]` entry stops it before the
/// terminal is touched, with an error naming the file, the entry and the value.
pub async fn launch(ctx: Context) -> anyhow::Result<()> {
    let mut opts = RunOptions::new(ctx.demo, ctx.clock.clone(), ctx.currency());
    opts.decimal_mark = ctx.settings.input.decimal_separator;
    opts.keymap =
        Keymap::from_config(&ctx.settings.keys).map_err(|e| match ctx.settings.source() {
            Some(path) => anyhow::anyhow!("{}: {e}", path.display()),
            None => anyhow::anyhow!(e),
        })?;
    if !ctx.connections.is_empty() {
        let handle = task::spawn(TaskConfig {
            store: ctx.store.clone(),
            connections: ctx.connections.clone(),
            settings: ctx.settings.clone(),
            clock: ctx.clock.clone(),
            sync_at_start: sync_due(&ctx).await,
        });
        opts.sync_commands = Some(handle.commands);
        opts.sync_events = Some(handle.events);
    }
    run(ctx.store.clone(), opts).await
}

/// True when some configured connection never synced or last synced longer ago than the interval.
async fn sync_due(ctx: &Context) -> bool {
    let interval = Duration::minutes(i64::from(ctx.settings.sync.interval_minutes.max(1)));
    let now = ctx.clock.now();
    let Ok(statuses) = ctx.store.connections().await else {
        return true;
    };
    ctx.connections.iter().any(|conn| {
        statuses
            .iter()
            .find(|s| s.name == conn.name)
            .and_then(|s| s.last_success)
            .is_none_or(|last| now - last >= interval)
    })
}
