//! `purse alerts ack ID`: acknowledge an alert (it stays listed, marked acknowledged, and is never
//! notified again). Listing (`purse alerts` alone) lives with the other listings in `listings`.

use std::io::Write;

use anyhow::bail;
use clap::Subcommand;

use super::Context;
use super::commands::print_json;
use super::output::AlertJson;

#[derive(Debug, Subcommand)]
pub enum AlertsAction {
    /// Acknowledge alert ID (see `purse alerts` for ids).
    Ack { id: i64 },
}

/// Runs `purse alerts ACTION`.
pub async fn run(
    ctx: &Context,
    action: AlertsAction,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    match action {
        AlertsAction::Ack { id } => {
            if !ctx.store.ack_alert(id).await? {
                bail!("no alert with id {id} (see `purse alerts` for the ids)");
            }
            let Some(alert) = ctx.store.alert(id).await? else {
                bail!("alert {id} vanished while it was acknowledged");
            };
            if json {
                print_json(out, &AlertJson::from(&alert))
            } else {
                writeln!(out, "Acknowledged alert {id}: {}", alert.message)?;
                Ok(())
            }
        }
    }
}
