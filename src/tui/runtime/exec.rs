//! Executing [`Command`]s for the runtime: store queries run in a spawned task (the commands of
//! one `update` in order, so a save is followed by its reload) and report back as [`Action`]s;
//! sync requests go over the sync task's channel.

use tokio::sync::mpsc::UnboundedSender;

use crate::domain::Currency;
use crate::store::Store;
use crate::tui::action::{Action, Command, Data, SyncCommand};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    Continue,
    Quit,
}

/// Runs commands: store work in a spawned task (the commands of one update in order, so a save
/// is followed by its reload), sync requests over the channel.
pub(super) struct Executor {
    pub(super) store: Store,
    pub(super) currency: Currency,
    pub(super) actions: UnboundedSender<Action>,
    pub(super) sync: Option<UnboundedSender<SyncCommand>>,
}

impl Executor {
    pub(super) fn execute(&self, commands: Vec<Command>) -> Flow {
        let mut store_work = Vec::new();
        for command in commands {
            match command {
                Command::Quit => return Flow::Quit,
                Command::SyncNow => {
                    let sent = self
                        .sync
                        .as_ref()
                        .is_some_and(|tx| tx.send(SyncCommand::SyncNow).is_ok());
                    if !sent {
                        let error = "the sync task is not running".to_string();
                        let _ = self.actions.send(Action::Failed {
                            command: Command::SyncNow,
                            error,
                        });
                    }
                }
                other => store_work.push(other),
            }
        }
        if !store_work.is_empty() {
            let (store, currency, tx) = (self.store.clone(), self.currency, self.actions.clone());
            tokio::spawn(async move {
                for command in store_work {
                    if let Some(action) = run_store_command(&store, command, currency).await
                        && tx.send(action).is_err()
                    {
                        break;
                    }
                }
            });
        }
        Flow::Continue
    }
}

/// Runs one store command; the answer (or the failure) comes back as an action.
async fn run_store_command(store: &Store, command: Command, currency: Currency) -> Option<Action> {
    let loaded = |d: Data| Some(Action::Loaded(d));
    let result = match &command {
        Command::LoadAccounts => store.accounts().await.map(|v| loaded(Data::Accounts(v))),
        Command::LoadConnections => store
            .connections()
            .await
            .map(|v| loaded(Data::Connections(v))),
        Command::LoadTransactions {
            filter,
            after,
            limit,
        } => store
            .transactions(filter, *after, *limit)
            .await
            .map(|rows| {
                loaded(Data::Transactions {
                    filter: filter.clone(),
                    after: *after,
                    rows,
                })
            }),
        Command::LoadBudgets(month) => store
            .budget_report(*month, currency)
            .await
            .map(|r| loaded(Data::Budgets(r))),
        Command::LoadAlerts => store.alerts().await.map(|v| loaded(Data::Alerts(v))),
        Command::LoadBills => store.bills().await.map(|v| loaded(Data::Bills(v))),
        Command::SetBudget {
            category,
            month,
            amount,
        } => store
            .set_budget(category, *month, *amount)
            .await
            .map(|name| {
                Some(Action::BudgetSaved {
                    category: name,
                    month: *month,
                    amount: *amount,
                })
            }),
        Command::AckAlert(id) => store.ack_alert(*id).await.map(|_| None),
        Command::SyncNow | Command::Quit => Ok(None),
    };
    result.unwrap_or_else(|e| {
        tracing::warn!(command = command.describe(), error = %e, "dashboard command failed");
        Some(Action::Failed {
            command,
            error: e.to_string(),
        })
    })
}
