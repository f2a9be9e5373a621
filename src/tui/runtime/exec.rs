//! Executing [`Command`]s for the runtime. Reads run each in their own task, side by side (a new
//! transactions page cancels the one still loading); a batch with a write runs in one task in
//! order, so a save is followed by its reload. Answers and failures come back as [`Action`]s.
//! Timers sleep in a task; sync requests go over the sync task's channel.

use tokio::sync::mpsc::UnboundedSender;
use tokio::task::AbortHandle;

use crate::domain::Currency;
use crate::store::Store;
use crate::tui::action::{Action, Command, Data, Saved, SyncCommand};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    Continue,
    Quit,
}

/// Months of money in vs out the chart shows.
const FLOW_MONTHS: u32 = 12;

pub(super) struct Executor {
    store: Store,
    currency: Currency,
    actions: UnboundedSender<Action>,
    sync: Option<UnboundedSender<SyncCommand>>,
    /// The transactions page being loaded, cancelled when a newer one is asked for.
    page: Option<AbortHandle>,
}

impl Executor {
    pub(super) fn new(
        store: Store,
        currency: Currency,
        actions: UnboundedSender<Action>,
        sync: Option<UnboundedSender<SyncCommand>>,
    ) -> Self {
        Executor {
            store,
            currency,
            actions,
            sync,
            page: None,
        }
    }

    pub(super) fn execute(&mut self, commands: Vec<Command>) -> Flow {
        let ordered = commands.iter().any(Command::writes);
        let mut batch = Vec::new();
        for command in commands {
            match command {
                Command::Quit => return Flow::Quit,
                Command::SyncNow => self.sync_now(),
                Command::Later { delay, timer } => {
                    let tx = self.actions.clone();
                    tokio::spawn(async move {
                        tokio::time::sleep(delay).await;
                        let _ = tx.send(Action::Timer(timer));
                    });
                }
                Command::LoadTransactions { .. } if !ordered => {
                    if let Some(previous) = self.page.take() {
                        previous.abort();
                    }
                    self.page = Some(self.spawn(vec![command]));
                }
                other if ordered => batch.push(other),
                other => {
                    self.spawn(vec![other]);
                }
            }
        }
        if !batch.is_empty() {
            self.spawn(batch);
        }
        Flow::Continue
    }

    /// Stops the sync task (it finishes the connection in hand) and any page still loading.
    pub(super) fn stop(&mut self) {
        if let Some(page) = self.page.take() {
            page.abort();
        }
        if let Some(sync) = &self.sync {
            // An error means the task has already stopped.
            let _ = sync.send(SyncCommand::Stop);
        }
    }

    fn sync_now(&self) {
        let sent = self
            .sync
            .as_ref()
            .is_some_and(|tx| tx.send(SyncCommand::SyncNow).is_ok());
        if !sent {
            let _ = self.actions.send(Action::Failed {
                command: Command::SyncNow,
                error: "the sync task is not running".to_string(),
            });
        }
    }

    /// Runs `commands` in order in one task, sending each answer back.
    fn spawn(&self, commands: Vec<Command>) -> AbortHandle {
        let (store, currency, tx) = (self.store.clone(), self.currency, self.actions.clone());
        tokio::spawn(async move {
            for command in commands {
                for action in run_store_command(&store, command, currency).await {
                    if tx.send(action).is_err() {
                        return;
                    }
                }
            }
        })
        .abort_handle()
    }
}

/// Runs one store command; the answers (or the failure) come back as actions.
async fn run_store_command(store: &Store, command: Command, currency: Currency) -> Vec<Action> {
    let result = answer(store, &command, currency).await;
    result.unwrap_or_else(|e| {
        tracing::warn!(command = command.describe(), error = %e, "dashboard command failed");
        vec![Action::Failed {
            command,
            error: e.to_string(),
        }]
    })
}

async fn answer(
    store: &Store,
    command: &Command,
    currency: Currency,
) -> crate::store::Result<Vec<Action>> {
    let loaded = |d: Data| vec![Action::Loaded(d)];
    let saved = |s: Saved| vec![Action::Saved(s)];
    Ok(match command {
        Command::LoadAccounts => loaded(Data::Accounts(store.accounts().await?)),
        Command::LoadConnections => loaded(Data::Connections(store.connections().await?)),
        Command::LoadTransactions {
            filter,
            after,
            limit,
        } => loaded(Data::Transactions {
            filter: filter.clone(),
            after: *after,
            rows: store.transactions(filter, *after, *limit).await?,
        }),
        Command::LoadBudgets(month) => {
            loaded(Data::Budgets(store.budget_report(*month, currency).await?))
        }
        Command::LoadAlerts => loaded(Data::Alerts(store.alerts().await?)),
        Command::LoadBills => loaded(Data::Bills(store.bills().await?)),
        Command::LoadCategories => {
            let tree = store.categories().await?;
            let all = tree
                .names()
                .into_iter()
                .filter_map(|n| tree.get(n).cloned())
                .collect();
            loaded(Data::Categories(all))
        }
        Command::LoadRawPayload(id) => {
            let raw = store.raw_payload(*id).await?.map(|raw| pretty(&raw));
            loaded(Data::RawPayload { id: *id, raw })
        }
        Command::LoadCharts(month) => {
            let spending = store.spending_by_category(*month, currency).await?;
            let flows = store.monthly_in_out(*month, FLOW_MONTHS, currency).await?;
            vec![
                Action::Loaded(Data::Spending {
                    month: *month,
                    rows: spending,
                }),
                Action::Loaded(Data::Flows {
                    last: *month,
                    rows: flows,
                }),
            ]
        }
        Command::SetBudget {
            category,
            month,
            amount,
        } => {
            let category = store.set_budget(category, *month, *amount).await?;
            saved(Saved::Budget {
                category,
                month: *month,
                amount: *amount,
            })
        }
        Command::DeleteBudget { category, from } => {
            store.delete_budget(category, *from).await?;
            saved(Saved::BudgetDeleted {
                category: category.clone(),
                from: *from,
            })
        }
        Command::SetCategory { id, category } => {
            store.set_category(*id, category).await?;
            saved(Saved::Category {
                id: *id,
                category: category.clone(),
            })
        }
        Command::AlwaysCategorize { payee, category } => {
            let (rule, changed) = store.always_categorize_payee(payee, category).await?;
            saved(Saved::Rule {
                payee: payee.clone(),
                category: rule.category,
                changed,
            })
        }
        Command::SetNote { id, note } => {
            store.set_note(*id, note.as_deref()).await?;
            saved(Saved::Note { id: *id })
        }
        Command::AckAlert(id) => {
            store.ack_alert(*id).await?;
            Vec::new()
        }
        Command::LoadBillList => loaded(Data::BillList(store.bill_list().await?)),
        Command::LoadRules => loaded(Data::Rules(store.rules().await?)),
        Command::AddBill { bill, today } => {
            let stored = store.add_manual_bill(bill, *today).await?;
            saved(Saved::BillAdded {
                id: stored.first().map_or(0, |b| b.id),
                name: bill.name.clone(),
                due: stored.first().map_or(bill.first_due, |b| b.due),
            })
        }
        Command::DeleteBill(id) => {
            let bill = store.delete_manual_bill(*id).await?;
            saved(Saved::BillDeleted { name: bill.name })
        }
        Command::PayBill { id, today } => {
            let (bill, _) = store.mark_bill_paid(*id, *today).await?;
            saved(Saved::BillPaid {
                name: bill.name,
                due: bill.due,
            })
        }
        Command::AddRule(new) => {
            let rule = store.add_rule(new).await?;
            saved(Saved::RuleAdded {
                id: rule.id,
                rule: rule.to_string(),
            })
        }
        Command::DeleteRule(id) => {
            if !store.delete_rule(*id).await? {
                return Err(crate::store::StoreError::UnknownRule(*id));
            }
            saved(Saved::RuleDeleted(*id))
        }
        Command::ApplyRule(id) => {
            let changed = store.apply_rule(*id).await?;
            saved(Saved::RuleApplied { id: *id, changed })
        }
        Command::Later { .. } | Command::SyncNow | Command::Quit => Vec::new(),
    })
}

/// JSON pretty-printed (numbers kept exactly); anything else as it came.
fn pretty(raw: &str) -> String {
    serde_json::from_str::<serde_json::Value>(raw)
        .and_then(|v| serde_json::to_string_pretty(&v))
        .unwrap_or_else(|_| raw.to_string())
}
