//! `purse sync` (one pass over every connection) and `purse daemon` (syncing on the configured
//! interval until stopped).

use std::io::Write;
use std::process::ExitCode;

use super::Context;
use super::commands::print_json;
use super::output::AlertJson;
use super::terminal_out::eprintln_safe;
use crate::sync;

/// Syncs on the configured interval until interrupted (Ctrl-C or SIGTERM).
pub(super) async fn daemon(ctx: Context) -> anyhow::Result<ExitCode> {
    use crate::sync::task::{self, SyncCommand, SyncEvent, TaskConfig};
    let mut handle = task::spawn(TaskConfig {
        store: ctx.store.clone(),
        connections: ctx.connections.clone(),
        settings: ctx.settings.clone(),
        clock: ctx.clock.clone(),
        sync_at_start: true,
    });
    eprintln!(
        "purse daemon: syncing {} connection(s) every {} minutes; Ctrl-C to stop.",
        ctx.connections.len(),
        ctx.settings.sync.interval_minutes
    );
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    loop {
        tokio::select! {
            event = handle.events.recv() => match event {
                Some(SyncEvent::Completed { connection, added, updated, removed }) => {
                    tracing::info!(%connection, added, updated, removed, "synced");
                }
                Some(SyncEvent::Failed { connection, error }) => eprintln_safe(format_args!("{connection}: sync failed: {error}")),
                Some(SyncEvent::Alerts(alerts)) => {
                    for a in alerts {
                        eprintln_safe(format_args!("alert: {}", a.message));
                    }
                }
                Some(SyncEvent::NotifyFailed { warning }) => eprintln_safe(format_args!("purse daemon: {warning}")),
                Some(_) => {}
                None => break,
            },
            _ = tokio::signal::ctrl_c() => break,
            _ = term.recv() => break,
        }
    }
    let _ = handle.commands.send(SyncCommand::Stop);
    let _ = handle.join.await;
    ctx.store.close().await;
    Ok(ExitCode::SUCCESS)
}

pub(super) async fn run(
    ctx: &Context,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    if ctx.connections.is_empty() {
        writeln!(
            out,
            "No connections configured: add [[connections]] to the config, or run with --demo."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let outcomes = sync::sync_all(
        &ctx.store,
        &ctx.connections,
        ctx.clock.as_ref(),
        ctx.sync_options(),
    )
    .await;
    let raised = crate::alerts::evaluate(&ctx.store, &ctx.settings, ctx.clock.as_ref()).await?;
    let delivery =
        crate::notify::deliver_to_desktop(&ctx.store, &ctx.settings, ctx.clock.as_ref()).await?;
    if let Some(warning) = delivery.warning() {
        eprintln_safe(format_args!("purse: {warning}"));
    }
    let mut failed = false;
    let mut report = Vec::new();
    for o in &outcomes {
        match &o.result {
            Ok(s) => {
                if !json {
                    match &o.note {
                        Some(note) => writeln!(out, "{}: {note}", o.connection)?,
                        None => writeln!(
                            out,
                            "{}: {} new, {} updated, {} removed",
                            o.connection, s.added, s.updated, s.removed
                        )?,
                    }
                }
                for m in &o.messages {
                    eprintln_safe(format_args!("{}: the bank says: {m}", o.connection));
                }
                report.push(serde_json::json!({"connection": o.connection, "ok": true, "added": s.added, "updated": s.updated, "removed": s.removed, "messages": o.messages, "note": o.note}));
            }
            Err(e) => {
                failed = true;
                eprintln_safe(format_args!("{}: sync failed: {e}", o.connection));
                report.push(serde_json::json!({"connection": o.connection, "ok": false, "error": e.to_string()}));
            }
        }
    }
    if json {
        print_json(
            out,
            &serde_json::json!({"connections": report, "alerts": raised.iter().map(AlertJson::from).collect::<Vec<_>>()}),
        )?;
    } else {
        for a in &raised {
            writeln!(out, "alert: {}", a.message)?;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
