//! Every user-visible string of the dashboard that tests match on, in one place (the popups'
//! in `text/popups.rs`, the bills and rules overlays' in `text/lists.rs`, re-exported here).

mod lists;
mod popups;

pub use lists::*;
pub use popups::*;

pub const APP_NAME: &str = "Purse";
pub const DEMO_BANNER: &str = "DEMO DATA — not your money. Link a bank: add a [[connections]] entry to config.toml (see README).";
pub const DEMO_SHORT: &str = "DEMO DATA";

pub const TOO_SMALL: &str = "Terminal too small";
pub const NEEDS_TERMINAL: &str = "the dashboard needs a terminal: run `purse` in one (stdin and stdout must both be a terminal), or use a command for scripts, like `purse transactions` (see `purse --help`)";
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub const PANE_ACCOUNTS: &str = "Accounts";
pub const PANE_TRANSACTIONS: &str = "Transactions";
pub const PANE_BUDGETS: &str = "Budgets";
pub const PANE_ALERTS: &str = "Alerts & bills";

pub const LOADING: &str = "Loading…";
pub const NO_ACCOUNTS: &str = "No accounts yet. Link a bank with a [[connections]] entry in config.toml (see README), or try `purse --demo`.";
pub const NO_TRANSACTIONS: &str = "No transactions yet.";
pub const NO_TRANSACTIONS_FILTERED: &str = "No transactions match these filters. Esc clears them.";
pub const NO_SPENDING: &str = "No spending this month.";
pub const CHART_SPENDING: &str = "Spending by category";
pub const CHART_FLOWS: &str = "Money in vs out";
pub const CHART_IN: &str = "in";
pub const CHART_OTHER: &str = "Other";
pub const CHART_TOP: &str = "top";
pub const CHART_OUT: &str = "out";
pub const SEARCH_PROMPT: &str = "Search: ";
pub const NO_BUDGETS: &str = "No budgets this month. Press a to add one.";
pub const NO_ALERTS: &str = "No alerts. All quiet.";
pub const NO_BILLS: &str = "No upcoming bills.";
pub const UNBUDGETED: &str = "Unbudgeted";
pub const TOTAL: &str = "Total";
pub const BILLS: &str = "Upcoming bills";
pub const PENDING_MARK: &str = "⋯";
pub const NOTE_MARK: &str = "✎";
pub const PENDING_LEGEND: &str = "⋯ pending";
pub const MORE_BELOW: &str = "more ↓";
pub const NEWER_ABOVE: &str = "newer ↑";

pub const SYNC_IDLE: &str = "Not synced yet";
pub const SYNC_OK: &str = "Synced";
pub const SYNC_RUNNING: &str = "Syncing";
pub const SYNC_FAILED: &str = "Sync failed";
pub const NEEDS_RELINK: &str = "needs re-link";
pub const SYNC_UNAVAILABLE: &str =
    "Sync isn't running in this session; run `purse sync` from a shell.";
pub const SYNC_REQUESTED: &str = "Sync requested…";

pub const HELP_TITLE: &str = "Keys";
pub const HELP_FOOTER: &str = "Esc or ? closes this help";

pub const EDITOR_CATEGORY: &str = "New budget — category";
pub const EDITOR_AMOUNT: &str = "Budget for";
pub const EDITOR_HINT: &str = "Enter save · Esc cancel";
pub const EDITOR_MAX_CHARS: usize = 40;
pub const EMPTY_CATEGORY: &str = "Type a category name first (e.g. Groceries).";
pub const NO_LINE_SELECTED: &str = "No budget line selected: press a to add one.";

pub fn negative_budget(input: &str) -> String {
    format!("\"{input}\" is negative: a budget is an amount you plan to spend, like 250.00")
}

pub fn budget_saved(category: &str, amount: &str, month: &str) -> String {
    format!("Saved: {category} budget {amount} from {month}")
}

pub fn new_alerts(n: usize) -> String {
    match n {
        1 => "1 new alert: see Alerts & bills (4)".to_string(),
        n => format!("{n} new alerts: see Alerts & bills (4)"),
    }
}

pub fn failed(what: &str, error: &str) -> String {
    format!("Couldn't {what}: {error}")
}

pub fn too_small(width: u16, height: u16) -> String {
    format!(
        "{TOO_SMALL}: {width}×{height}. Purse needs at least {MIN_WIDTH}×{MIN_HEIGHT}; enlarge the window."
    )
}

/// The Transactions title's list of active filters.
pub fn filtered_by(parts: &[String]) -> String {
    format!("{} · Esc clears", parts.join(" · "))
}

pub fn searching_for(text: &str) -> String {
    format!("“{text}”")
}

pub fn budget_deleted(category: &str, from: &str) -> String {
    format!("Deleted: {category} budget from {from} on")
}

pub fn category_set(category: &str) -> String {
    format!("Category set to {category}")
}

pub fn rule_created(payee: &str, category: &str, changed: usize) -> String {
    let past = match changed {
        0 => "no past transactions changed".to_string(),
        1 => "1 past transaction changed".to_string(),
        n => format!("{n} past transactions changed"),
    };
    format!("Rule added: “{payee}” is always {category} ({past})")
}

/// The header while syncing: "⟳ Syncing Demo Bank 1/3…".
pub fn syncing(names: &str, progress: Option<(usize, usize)>) -> String {
    match progress {
        Some((i, n)) if n > 1 => format!("⟳ {SYNC_RUNNING} {names} {i}/{n}…"),
        _ => format!("⟳ {SYNC_RUNNING} {names}…"),
    }
}
