//! Strings of the popups (help, details, picker, note, yes/no) and of saved edits.

/// Help lines for keys that are not rebindable.
pub const HELP_FIXED: &[(&str, &str)] = &[
    (
        "Mouse",
        "click: focus a pane and select a row · wheel: scroll",
    ),
    (
        "Enter  Esc",
        "in an editor, search or picker: accept / cancel",
    ),
    (
        "↓ ↑  PgDn PgUp",
        "in search or the picker: move the selection",
    ),
    (
        "Tab",
        "in the picker: also always for this payee (makes a rule)",
    ),
    ("Ctrl-C", "quit, always"),
];

pub const NOTE_SAVED: &str = "Note saved";
pub const NOTE_CLEARED: &str = "Note removed";
pub const NOTE_FOOTER: &str = "Enter save · Esc cancel · empty removes it";

pub const DETAIL_TXN_TITLE: &str = "Transaction";
pub const DETAIL_PENDING: &str = "Pending: the bank has not posted it yet";
pub const DETAIL_POSTED: &str = "Posted";
pub const DETAIL_NO_NOTE: &str = "none";
pub const DETAIL_RAW: &str = "Provider payload";
pub const DETAIL_NO_RAW: &str = "The provider sent none for this transaction.";

pub const DETAIL_ALERT_TITLE: &str = "Alert";
pub const ALERT_GONE: &str = "This alert is no longer stored.";
pub const ALERT_READ: &str = "read";
pub const ALERT_UNREAD: &str = "unread";

pub const PICKER_FILTER_TITLE: &str = "Show only the category";
pub const PICKER_FOOTER: &str = "Enter choose · Esc cancel";
pub const PICKER_NO_MATCH: &str = "No category matches.";
pub const PICKER_ALL: &str = "All categories";

pub const CONFIRM_TITLE: &str = "Delete budget";
pub const CONFIRM_DELETE_TITLE: &str = "Delete";
pub const CONFIRM_FOOTER: &str = "y yes · n no";

pub fn detail_footer(category_key: &str, note_key: &str) -> String {
    format!("{category_key} category · {note_key} note · Esc close")
}

pub fn alert_footer(ack_key: &str) -> String {
    format!("{ack_key} mark read · Esc close")
}

pub fn picker_title(payee: &str) -> String {
    format!("Category for {payee}")
}

pub fn always_for(payee: &str) -> String {
    format!("Always for “{payee}” (makes a rule)")
}

pub fn note_title(payee: &str) -> String {
    format!("Note for {payee}")
}

pub fn confirm_delete_budget(category: &str, amount: &str, from: &str) -> String {
    format!(
        "Delete the {category} budget of {amount}, set from {from} on? Months before keep theirs."
    )
}
