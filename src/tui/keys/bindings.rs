//! The rebindable actions: each [`KeyAction`] with its `[keys]` name, default keys and the line
//! the help overlay shows. Text typed into an editor, search or picker is not rebindable, and
//! Ctrl-C always quits.

/// An action a key can be bound to (in the config's `[keys]` table by [`KeyAction::name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyAction {
    Quit,
    Help,
    NextPane,
    PrevPane,
    Accounts,
    Transactions,
    Budgets,
    Alerts,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    PrevMonth,
    NextMonth,
    Select,
    Zoom,
    Back,
    Search,
    FilterCategory,
    FilterMonth,
    Recategorize,
    Note,
    Edit,
    Add,
    Delete,
    Charts,
    Acknowledge,
    Bills,
    Rules,
    Paid,
    Apply,
    Sync,
    Refresh,
}

/// One row of the table below.
pub struct Binding {
    pub action: KeyAction,
    /// The name in `[keys]`.
    pub name: &'static str,
    /// Default keys, comma-separated, in the `[keys]` syntax.
    pub default: &'static str,
    /// What it does, for the help overlay.
    pub help: &'static str,
}

const fn b(
    action: KeyAction,
    name: &'static str,
    default: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        action,
        name,
        default,
        help,
    }
}

/// Every rebindable action, in the order the help overlay lists them.
pub const BINDINGS: &[Binding] = {
    use KeyAction::*;
    &[
        b(NextPane, "next_pane", "tab", "next pane"),
        b(PrevPane, "prev_pane", "shift-tab", "previous pane"),
        b(Accounts, "accounts", "1", "go to Accounts"),
        b(Transactions, "transactions", "2", "go to Transactions"),
        b(Budgets, "budgets", "3", "go to Budgets"),
        b(Alerts, "alerts", "4", "go to Alerts & bills"),
        b(Down, "down", "j, down", "move down (mouse wheel too)"),
        b(Up, "up", "k, up", "move up"),
        b(PageDown, "page_down", "pagedown, ctrl-d", "a page down"),
        b(PageUp, "page_up", "pageup, ctrl-u", "a page up"),
        b(Top, "top", "g, home", "first row"),
        b(Bottom, "bottom", "G, end", "last row"),
        b(PrevMonth, "prev_month", "[", "previous month"),
        b(NextMonth, "next_month", "]", "next month"),
        b(
            Select,
            "select",
            "enter",
            "Accounts: filter by it · Transactions, Alerts: details · Budgets: edit",
        ),
        b(Zoom, "zoom", "z", "zoom the pane to full screen and back"),
        b(Back, "back", "esc", "close; clear filters; leave zoom"),
        b(
            Search,
            "search",
            "/",
            "Transactions: search payee, description, category, amount",
        ),
        b(
            FilterCategory,
            "filter_category",
            "f",
            "Transactions: only one category",
        ),
        b(
            FilterMonth,
            "filter_month",
            "m",
            "Transactions: only the selected month",
        ),
        b(
            Recategorize,
            "recategorize",
            "c",
            "Transactions: change the category (or a rule)",
        ),
        b(Note, "note", "n", "Transactions: edit the note"),
        b(Edit, "edit", "e", "Budgets: edit the amount"),
        b(
            Add,
            "add",
            "a",
            "Budgets: add a category's budget · Bills, Rules: add one",
        ),
        b(
            Delete,
            "delete",
            "d",
            "Budgets: delete the budget · Bills, Rules: delete one",
        ),
        b(Charts, "charts", "v", "Budgets: table / charts"),
        b(Acknowledge, "acknowledge", "x", "Alerts: mark read"),
        b(
            Bills,
            "bills",
            "b",
            "Bills: yours, the bank's and predicted (add, delete, mark paid)",
        ),
        b(
            Rules,
            "rules",
            "R",
            "Rules: categorisation rules (add, delete, apply to the past)",
        ),
        b(Paid, "paid", "p", "Bills: mark the selected bill paid"),
        b(
            Apply,
            "apply",
            "A",
            "Rules: re-categorise past transactions by the selected rule",
        ),
        b(Sync, "sync", "s", "sync now"),
        b(Refresh, "refresh", "r", "reload from the database"),
        b(Help, "help", "?", "this help"),
        b(Quit, "quit", "q", "quit (Ctrl-C always quits)"),
    ]
};

impl KeyAction {
    /// The binding row of this action.
    pub fn binding(self) -> &'static Binding {
        // Every action has a row (checked by a test); the first row is a harmless fallback.
        BINDINGS
            .iter()
            .find(|b| b.action == self)
            .unwrap_or(&BINDINGS[0])
    }

    pub fn name(self) -> &'static str {
        self.binding().name
    }

    /// The action called `name` in `[keys]`.
    pub fn from_name(name: &str) -> Option<KeyAction> {
        BINDINGS.iter().find(|b| b.name == name).map(|b| b.action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_row_and_a_unique_name() {
        let mut names: Vec<&str> = BINDINGS.iter().map(|b| b.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), BINDINGS.len());
        for row in BINDINGS {
            assert_eq!(row.action.binding().name, row.name);
            assert_eq!(KeyAction::from_name(row.name), Some(row.action));
        }
        assert_eq!(BINDINGS.len(), 35, "a new KeyAction needs a row here");
    }
}
