//! The add-a-bill and add-a-rule forms: their fields, and turning what was typed into a
//! [`NewManualBill`] or a [`NewRule`] — or the field to fix and why, quoting the value.

use chrono::NaiveDate;

use crate::domain::bill::schedule::Every;
use crate::domain::{
    Account, Category, Currency, DecimalMark, Money, NewManualBill, NewRule, RuleError,
    parse_amount,
};
use crate::tui::app::form::Form;
use crate::tui::text;

pub const BILL_NAME: usize = 0;
pub const BILL_AMOUNT: usize = 1;
pub const BILL_DUE: usize = 2;
pub const BILL_EVERY: usize = 3;

pub const RULE_CONTAINS: usize = 0;
pub const RULE_REGEX: usize = 1;
pub const RULE_CATEGORY: usize = 2;
pub const RULE_MIN: usize = 3;
pub const RULE_MAX: usize = 4;
pub const RULE_ACCOUNT: usize = 5;
pub const RULE_PRIORITY: usize = 6;

/// A refused form: the field to fix and why.
pub type Refusal = (usize, String);

pub fn bill_form(today: NaiveDate) -> Form {
    let mut form = Form::new(text::BILL_FIELDS);
    form.set(BILL_DUE, &today.format("%Y-%m-%d").to_string());
    form
}

pub fn rule_form() -> Form {
    Form::new(text::RULE_FIELDS)
}

/// The amount typed in field `at` (see [`parse_amount`]), `None` when empty.
fn amount(
    form: &Form,
    at: usize,
    currency: Currency,
    mark: DecimalMark,
) -> Result<Option<Money>, Refusal> {
    let typed = form.value(at);
    if typed.is_empty() {
        return Ok(None);
    }
    let money = parse_amount(typed, currency, mark).map_err(|e| (at, e.to_string()))?;
    Ok(Some(money))
}

/// The bill the form describes. `taken`: names of the user's bills (a new one must differ,
/// ignoring case).
pub fn bill_from_form(
    form: &Form,
    currency: Currency,
    mark: DecimalMark,
    taken: &[&str],
) -> Result<NewManualBill, Refusal> {
    let name = form.value(BILL_NAME).to_string();
    if name.is_empty() {
        return Err((BILL_NAME, text::BILL_NEEDS_NAME.to_string()));
    }
    if taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        return Err((BILL_NAME, text::bill_name_taken(&name)));
    }
    // Text that is not an amount gets the parser's reason; an empty, zero or negative one this.
    let amount = amount(form, BILL_AMOUNT, currency, mark)?
        .filter(|m| m.amount > rust_decimal::Decimal::ZERO)
        .ok_or_else(|| (BILL_AMOUNT, text::bill_bad_amount(form.value(BILL_AMOUNT))))?;
    let due = form.value(BILL_DUE);
    let first_due = NaiveDate::parse_from_str(due, "%Y-%m-%d")
        .map_err(|_| (BILL_DUE, text::bill_bad_due(due)))?;
    let every = match form.value(BILL_EVERY) {
        "" => Every::Once,
        typed => Every::parse(typed).ok_or_else(|| (BILL_EVERY, text::bill_bad_every(typed)))?,
    };
    Ok(NewManualBill {
        name,
        amount,
        first_due,
        every,
        account: None,
    })
}

/// The category `typed` names: exactly (any case), else the only one starting with it.
fn category<'a>(categories: &'a [Category], typed: &str) -> Option<&'a str> {
    let lower = typed.to_lowercase();
    if let Some(c) = categories.iter().find(|c| c.name.to_lowercase() == lower) {
        return Some(&c.name);
    }
    match categories
        .iter()
        .filter(|c| c.name.to_lowercase().starts_with(&lower))
        .collect::<Vec<_>>()
        .as_slice()
    {
        [one] => Some(&one.name),
        _ => None,
    }
}

/// The account `typed` names: its id, its name (any case), else the only one containing it.
fn account(accounts: &[Account], typed: &str) -> Option<i64> {
    let lower = typed.to_lowercase();
    let exact = accounts
        .iter()
        .find(|a| a.id.to_string() == typed || a.name.to_lowercase() == lower);
    let partial = || {
        let hits: Vec<&Account> = accounts
            .iter()
            .filter(|a| a.name.to_lowercase().contains(&lower))
            .collect();
        (hits.len() == 1).then(|| hits[0])
    };
    exact.or_else(partial).map(|a| a.id)
}

/// The rule the form describes, checked as the store will check it.
pub fn rule_from_form(
    form: &Form,
    categories: &[Category],
    accounts: &[Account],
    currency: Currency,
    mark: DecimalMark,
) -> Result<NewRule, Refusal> {
    let text_of = |at: usize| Some(form.value(at).to_string()).filter(|s| !s.is_empty());
    let typed = form.value(RULE_CATEGORY);
    if typed.is_empty() {
        return Err((RULE_CATEGORY, text::RULE_NEEDS_CATEGORY.to_string()));
    }
    let category = category(categories, typed)
        .ok_or_else(|| (RULE_CATEGORY, text::rule_bad_category(typed)))?
        .to_string();
    let account = match text_of(RULE_ACCOUNT) {
        Some(typed) => Some(
            account(accounts, &typed)
                .ok_or_else(|| (RULE_ACCOUNT, text::rule_bad_account(&typed)))?,
        ),
        None => None,
    };
    let priority = match form.value(RULE_PRIORITY) {
        "" => 0,
        typed => typed
            .parse::<i64>()
            .map_err(|_| (RULE_PRIORITY, text::rule_bad_priority(typed)))?,
    };
    let rule = NewRule {
        category,
        payee_contains: text_of(RULE_CONTAINS),
        payee_regex: text_of(RULE_REGEX),
        min: amount(form, RULE_MIN, currency, mark)?,
        max: amount(form, RULE_MAX, currency, mark)?,
        account,
        priority,
    };
    rule.validate().map_err(|e| {
        let at = match e {
            RuleError::EmptyPattern | RuleError::NoCondition => RULE_CONTAINS,
            RuleError::BadRegex { .. } | RuleError::BothPatterns => RULE_REGEX,
            RuleError::NegativeAmount(_)
            | RuleError::EmptyRange { .. }
            | RuleError::MixedCurrencies { .. } => RULE_MIN,
        };
        (at, e.to_string())
    })?;
    Ok(rule)
}
