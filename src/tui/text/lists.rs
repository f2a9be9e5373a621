//! Strings of the bills and rules overlays, their add forms and what their edits report.

pub const BILLS_TITLE: &str = "Bills";
pub const RULES_TITLE: &str = "Categorisation rules";
pub const BILL_FORM_TITLE: &str = "New bill";
pub const RULE_FORM_TITLE: &str = "New rule";
pub const FORM_FOOTER: &str = "Tab next field · Enter save · Esc cancel";
pub const NO_BILLS_LISTED: &str = "No bills yet. Press a to add one.";
pub const NO_RULES: &str =
    "No rules yet. Press a to add one, or c then Tab on a transaction (always for this payee).";
pub const BILL_COLUMNS: [&str; 6] = ["Bill", "Due", "When", "Amount", "Source", "Paid"];
pub const RULE_COLUMNS: [&str; 4] = ["Priority", "When", "Category", "ID"];
pub const PAID_MARK: &str = "✓";

/// (label, placeholder) of the add-a-bill form's fields.
pub const BILL_FIELDS: &[(&str, &str)] = &[
    ("Name", "e.g. Rent"),
    ("Amount", "e.g. 1850.00"),
    ("Due", "YYYY-MM-DD"),
    (
        "Every",
        "once · weekly · biweekly · monthly · quarterly · annually",
    ),
];

/// (label, placeholder) of the add-a-rule form's fields.
pub const RULE_FIELDS: &[(&str, &str)] = &[
    ("Payee contains", "e.g. blue bottle"),
    ("or regex", "e.g. ^uber( eats)?$"),
    ("Category", "e.g. Coffee"),
    ("Min amount", "optional, e.g. 5.00"),
    ("Max amount", "optional"),
    ("Account", "optional: name or id"),
    ("Priority", "0 (higher wins)"),
];

pub const BILL_NEEDS_NAME: &str = "Give the bill a name, like Rent.";
pub const RULE_NEEDS_CATEGORY: &str = "Name the category matching transactions get, like Coffee.";
pub const BILL_NOT_MANUAL: &str =
    "Only bills you added can be deleted: this one comes from the bank or from your payments.";
pub const BILL_FROM_CONFIG: &str =
    "This bill is defined in config.toml ([[bills]]): remove it there.";
pub const NO_BILL_SELECTED: &str = "No bill selected.";
pub const NO_RULE_SELECTED: &str = "No rule selected.";

pub fn bill_name_taken(name: &str) -> String {
    format!("A bill named “{name}” already exists: give this one its own name.")
}

pub fn bill_bad_amount(typed: &str) -> String {
    format!("“{typed}” is not an amount owed: type one above zero, like 1850.00.")
}

pub fn bill_bad_due(typed: &str) -> String {
    format!("“{typed}” is not a date: type it as YYYY-MM-DD, like 2026-12-01.")
}

pub fn bill_bad_every(typed: &str) -> String {
    format!("“{typed}” is not a schedule: once, weekly, biweekly, monthly, quarterly or annually.")
}

pub fn rule_bad_category(typed: &str) -> String {
    format!("No category “{typed}”: type one of the category names (see f on Transactions).")
}

pub fn rule_bad_account(typed: &str) -> String {
    format!("No single account matches “{typed}”: type its name or id.")
}

pub fn rule_bad_priority(typed: &str) -> String {
    format!("“{typed}” is not a whole number: type a priority like 0 or 10.")
}

pub fn confirm_delete_bill(name: &str) -> String {
    format!("Delete the bill “{name}” and its coming occurrences? Paid ones stay as history.")
}

pub fn confirm_delete_rule(id: i64, rule: &str) -> String {
    format!("Delete rule {id} ({rule})? Categories it already gave stay.")
}

pub fn bills_footer(add: &str, delete: &str, paid: &str) -> String {
    format!("{add} add · {delete} delete · {paid} paid · Esc close")
}

pub fn rules_footer(add: &str, delete: &str, apply: &str) -> String {
    format!("{add} add · {delete} delete · {apply} apply to past · Esc close")
}

pub fn bill_added(name: &str, due: &str) -> String {
    format!("Bill added: {name}, due {due}")
}

pub fn bill_deleted(name: &str) -> String {
    format!("Bill deleted: {name}")
}

pub fn bill_paid(name: &str, due: &str) -> String {
    format!("Marked paid: {name} due {due}")
}

pub fn rule_added(id: i64, rule: &str) -> String {
    format!("Rule {id} added: {rule}")
}

pub fn rule_deleted(id: i64) -> String {
    format!("Rule {id} deleted")
}

pub fn rule_applied(id: i64, changed: usize) -> String {
    match changed {
        0 => format!("Rule {id} changed no past transactions"),
        1 => format!("Rule {id} re-categorised 1 past transaction"),
        n => format!("Rule {id} re-categorised {n} past transactions"),
    }
}
