//! The bills (`b`) and rules (`R`) overlays: opening them (each loads its list), moving the
//! selection, the add forms (checked here, so nothing is sent until they are valid), deleting
//! after a y/n question, marking a bill paid and applying a rule to past transactions (the add
//! forms' keys are in `update/forms.rs`). Writes go out as commands followed by the reloads they
//! affect; results come back as `Saved`.

use crate::domain::{BillSource, Rule};
use crate::store::BillRow;
use crate::tui::action::{Command, Saved};
use crate::tui::app::lists::forms;
use crate::tui::app::lists::move_selection;
use crate::tui::app::{App, BillsOverlay, ListMode, Overlay, RulesOverlay};
use crate::tui::text;

/// `b`: opens the bills overlay (loading the list), or closes it.
pub(super) fn open_bills(app: &mut App) -> Vec<Command> {
    if matches!(app.overlay, Some(Overlay::Bills(_))) {
        app.overlay = None;
        return Vec::new();
    }
    app.overlay = Some(Overlay::Bills(BillsOverlay::default()));
    vec![Command::LoadBillList]
}

/// `R`: opens the rules overlay (loading the rules, and the categories its form checks), or
/// closes it.
pub(super) fn open_rules(app: &mut App) -> Vec<Command> {
    if matches!(app.overlay, Some(Overlay::Rules(_))) {
        app.overlay = None;
        return Vec::new();
    }
    app.overlay = Some(Overlay::Rules(RulesOverlay::default()));
    let mut commands = vec![Command::LoadRules];
    if app.categories.is_empty() {
        commands.push(Command::LoadCategories);
    }
    commands
}

/// What to reload for an open list when the store may have changed (refresh, a sync).
pub(super) fn reloads(app: &App) -> Vec<Command> {
    match app.overlay {
        Some(Overlay::Bills(_)) => vec![Command::LoadBillList],
        Some(Overlay::Rules(_)) => vec![Command::LoadRules],
        _ => Vec::new(),
    }
}

/// Moves the selection of an open list; false when no list is open.
pub(super) fn step(app: &mut App, delta: isize) -> bool {
    match &mut app.overlay {
        Some(Overlay::Bills(b)) => {
            let len = b.len();
            move_selection(&mut b.selected, delta, len);
        }
        Some(Overlay::Rules(r)) => {
            let len = r.len();
            move_selection(&mut r.selected, delta, len);
        }
        _ => return false,
    }
    true
}

pub(super) fn loaded_bills(app: &mut App, rows: Vec<BillRow>) {
    if let Some(Overlay::Bills(b)) = &mut app.overlay {
        b.set_rows(rows);
    }
}

pub(super) fn loaded_rules(app: &mut App, rules: Vec<Rule>) {
    if let Some(Overlay::Rules(r)) = &mut app.overlay {
        r.set_rules(rules);
    }
}

/// `a`: opens the add form of the open list.
pub(super) fn add(app: &mut App) -> Vec<Command> {
    match &mut app.overlay {
        Some(Overlay::Bills(b)) => b.mode = ListMode::Form(forms::bill_form(app.today)),
        Some(Overlay::Rules(r)) => r.mode = ListMode::Form(forms::rule_form()),
        _ => {}
    }
    Vec::new()
}

/// `d`: asks before deleting the selected bill (only the user's own, not the config's) or rule.
pub(super) fn ask_delete(app: &mut App) -> Vec<Command> {
    let refusal = match &mut app.overlay {
        Some(Overlay::Bills(b)) => match b.selected_row() {
            None => Some(text::NO_BILL_SELECTED),
            Some(r) if r.bill.source != BillSource::Manual => Some(text::BILL_NOT_MANUAL),
            Some(r) if r.origin == Some(crate::domain::BillOrigin::Config) => {
                Some(text::BILL_FROM_CONFIG)
            }
            Some(r) => {
                let (id, name) = (r.bill.id, r.bill.name.clone());
                b.mode = ListMode::Confirm { id, name };
                None
            }
        },
        Some(Overlay::Rules(r)) => match r.selected_rule() {
            None => Some(text::NO_RULE_SELECTED),
            Some(rule) => {
                let (id, name) = (rule.id, rule.to_string());
                r.mode = ListMode::Confirm { id, name };
                None
            }
        },
        _ => None,
    };
    if let Some(message) = refusal {
        app.error(message);
    }
    Vec::new()
}

/// The answer to a list's delete question; `None` when no list is asking.
pub(super) fn confirm(app: &mut App, yes: bool) -> Option<Vec<Command>> {
    let (mode, bills) = match &mut app.overlay {
        Some(Overlay::Bills(b)) => (&mut b.mode, true),
        Some(Overlay::Rules(r)) => (&mut r.mode, false),
        _ => return None,
    };
    let ListMode::Confirm { id, .. } = std::mem::take(mode) else {
        return None;
    };
    Some(match (yes, bills) {
        (false, _) => Vec::new(),
        (true, true) => vec![
            Command::DeleteBill(id),
            Command::LoadBillList,
            Command::LoadBills,
        ],
        (true, false) => vec![Command::DeleteRule(id), Command::LoadRules],
    })
}

/// `p`: marks the selected bill paid (shown at once, saved by the runtime).
pub(super) fn mark_paid(app: &mut App) -> Vec<Command> {
    let Some(Overlay::Bills(b)) = &mut app.overlay else {
        return Vec::new();
    };
    let Some(row) = b.rows.as_mut().and_then(|rows| rows.get_mut(b.selected)) else {
        app.error(text::NO_BILL_SELECTED);
        return Vec::new();
    };
    if row.bill.paid {
        return Vec::new();
    }
    row.bill.paid = true;
    vec![
        Command::PayBill {
            id: row.bill.id,
            today: app.today,
        },
        Command::LoadBillList,
        Command::LoadBills,
    ]
}

/// `A` or Enter: applies the selected rule to past transactions, then reloads what shows them.
pub(super) fn apply_rule(app: &mut App) -> Vec<Command> {
    let Some(Overlay::Rules(r)) = &app.overlay else {
        return Vec::new();
    };
    let Some(id) = r.selected_rule().map(|rule| rule.id) else {
        app.error(text::NO_RULE_SELECTED);
        return Vec::new();
    };
    let mut commands = vec![
        Command::ApplyRule(id),
        app.transactions.reload(app.transactions.filter.clone()),
        Command::LoadBudgets(app.month),
    ];
    commands.extend(super::panes::refresh_charts(app));
    commands
}

/// A list write succeeded: say so (a new bill or rule gets selected when the list reloads).
pub(super) fn saved(app: &mut App, saved: Saved) {
    match (&mut app.overlay, &saved) {
        (Some(Overlay::Bills(b)), Saved::BillAdded { id, .. }) => b.follow = Some(*id),
        (Some(Overlay::Rules(r)), Saved::RuleAdded { id, .. }) => r.follow = Some(*id),
        _ => {}
    }
    let message = match saved {
        Saved::BillAdded { name, due, .. } => text::bill_added(&name, &due.to_string()),
        Saved::BillDeleted { name } => text::bill_deleted(&name),
        Saved::BillPaid { name, due } => text::bill_paid(&name, &due.to_string()),
        Saved::RuleAdded { id, rule } => text::rule_added(id, &rule),
        Saved::RuleDeleted(id) => text::rule_deleted(id),
        Saved::RuleApplied { id, changed } => text::rule_applied(id, changed),
        _ => return,
    };
    app.info(message);
}
