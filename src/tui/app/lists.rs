//! The bills and rules overlays: what each lists (loaded when it opens), the selection, and the
//! add form or the delete question in it. Turning a filled form into a bill or a rule, with the
//! errors shown in the form, is in `app/lists/forms.rs`.

pub mod forms;

use crate::domain::{BillSource, Rule};
use crate::store::BillRow;

use super::form::Form;

/// What a list overlay is doing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ListMode {
    #[default]
    Browse,
    /// Adding one: every typed key goes to the form.
    Form(Form),
    /// Asking y/n before deleting item `id`, called `name`.
    Confirm { id: i64, name: String },
}

/// The bills overlay: every bill (the user's own, the bank's statements, predictions).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BillsOverlay {
    /// Unpaid soonest first, then paid latest first; `None` until loaded.
    pub rows: Option<Vec<BillRow>>,
    pub selected: usize,
    pub mode: ListMode,
    /// Select this bill when the list next arrives (one just added).
    pub follow: Option<i64>,
}

/// The rules overlay: every categorisation rule in the order they are tried.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RulesOverlay {
    /// `None` until loaded.
    pub rules: Option<Vec<Rule>>,
    pub selected: usize,
    pub mode: ListMode,
    /// Select this rule when the list next arrives (one just added).
    pub follow: Option<i64>,
}

impl BillsOverlay {
    /// Takes a fresh list; the selection goes to a bill just added, else stays on the same bill
    /// when it is still there.
    pub fn set_rows(&mut self, mut rows: Vec<BillRow>) {
        let was = self
            .follow
            .take()
            .or(self.selected_row().map(|r| r.bill.id));
        rows.sort_by(|a, b| {
            let (a, b) = (&a.bill, &b.bill);
            a.paid.cmp(&b.paid).then(if a.paid {
                (b.due, &a.name).cmp(&(a.due, &b.name))
            } else {
                (a.due, &a.name).cmp(&(b.due, &b.name))
            })
        });
        self.selected = was
            .and_then(|id| rows.iter().position(|r| r.bill.id == id))
            .unwrap_or(self.selected)
            .min(rows.len().saturating_sub(1));
        self.rows = Some(rows);
    }

    pub fn len(&self) -> usize {
        self.rows.as_ref().map_or(0, Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn selected_row(&self) -> Option<&BillRow> {
        self.rows.as_ref()?.get(self.selected)
    }
}

impl RulesOverlay {
    /// Takes a fresh list; the selection goes to a rule just added, else stays on the same rule
    /// when it is still there.
    pub fn set_rules(&mut self, rules: Vec<Rule>) {
        let was = self.follow.take().or(self.selected_rule().map(|r| r.id));
        self.selected = was
            .and_then(|id| rules.iter().position(|r| r.id == id))
            .unwrap_or(self.selected)
            .min(rules.len().saturating_sub(1));
        self.rules = Some(rules);
    }

    pub fn len(&self) -> usize {
        self.rules.as_ref().map_or(0, Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn selected_rule(&self) -> Option<&Rule> {
        self.rules.as_ref()?.get(self.selected)
    }
}

/// Moves a list selection by `delta` within `len` rows.
pub fn move_selection(selected: &mut usize, delta: isize, len: usize) {
    *selected = selected
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1));
}

/// Names of the bills the user added (a new one must differ, ignoring case).
pub fn manual_names(rows: &[BillRow]) -> Vec<&str> {
    rows.iter()
        .filter(|r| r.bill.source == BillSource::Manual)
        .map(|r| r.bill.name.as_str())
        .collect()
}
