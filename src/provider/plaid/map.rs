//! Plaid wire types → domain types: account snapshots (kinds, liability signs) and transactions
//! (sign flip, rounding to the currency's own minor unit, payee, category hint). Bills live in
//! `bills`.
//!
//! Purse convention: money in positive, money out negative, liabilities negative. Plaid reports
//! money out as positive and a card's or loan's `current` (the amount owed) as positive.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

use super::{category_for, wire};
use crate::domain::{AccountKind, AccountSnapshot, Currency, IncomingTransaction, Money};
use crate::provider::ProviderError;

/// What the mapping needs to know about the item's accounts: the ones `/accounts/get` and the
/// `/transactions/sync` pages list, and the ones left out of this sync (an unreadable currency).
#[derive(Debug, Default, Clone)]
pub(super) struct Book {
    accounts: HashMap<String, (Currency, String)>,
    left_out: HashSet<String>,
    /// In the order they were listed.
    pub ids: Vec<String>,
}

impl Book {
    #[cfg(test)]
    pub fn new(snapshots: &[AccountSnapshot]) -> Self {
        let mut book = Book::default();
        snapshots.iter().for_each(|a| book.add(a));
        book
    }

    pub fn add(&mut self, a: &AccountSnapshot) {
        if !self.knows(&a.provider_account_id) {
            self.ids.push(a.provider_account_id.clone());
        }
        self.accounts
            .insert(a.provider_account_id.clone(), (a.currency, a.name.clone()));
    }

    /// Marks an account whose snapshot could not be read: its data is left out of this sync.
    pub fn leave_out(&mut self, account_id: &str) {
        self.left_out.insert(account_id.to_string());
    }

    pub fn knows(&self, account_id: &str) -> bool {
        self.accounts.contains_key(account_id)
    }

    pub fn is_left_out(&self, account_id: &str) -> bool {
        self.left_out.contains(account_id)
    }

    pub fn currency(&self, account_id: &str) -> Currency {
        self.accounts
            .get(account_id)
            .map_or(Currency::USD, |(c, _)| *c)
    }

    pub fn name(&self, account_id: &str) -> Option<&str> {
        self.accounts.get(account_id).map(|(_, n)| n.as_str())
    }
}

/// `iso_currency_code`, else `unofficial_currency_code` (any code of Plaid's list: BTC, DOGE,
/// USDT, …, each with its own precision), else `fallback`.
pub(super) fn currency(
    endpoint: &str,
    what: &str,
    iso: Option<&str>,
    unofficial: Option<&str>,
    fallback: Currency,
) -> Result<Currency, ProviderError> {
    match [iso, unofficial]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|c| !c.is_empty())
    {
        None => Ok(fallback),
        Some(code) => Currency::new(code).map_err(|_| {
            wire::malformed(
                endpoint,
                format!("{what} is in \"{code}\", which is not a currency code"),
            )
        }),
    }
}

/// Plaid `type` / `subtype` → account kind.
pub(super) fn kind(kind: Option<&str>, subtype: Option<&str>) -> AccountKind {
    let kind = kind.unwrap_or("").trim().to_ascii_lowercase();
    let subtype = subtype.unwrap_or("").trim().to_ascii_lowercase();
    match (kind.as_str(), subtype.as_str()) {
        ("depository", "checking" | "cash management" | "paypal" | "prepaid") => {
            AccountKind::Checking
        }
        ("depository", "savings" | "money market" | "cd" | "hsa") => AccountKind::Savings,
        ("credit", _) => AccountKind::CreditCard,
        ("loan", _) => AccountKind::Loan,
        ("investment" | "brokerage", _) => AccountKind::Investment,
        _ => AccountKind::Other,
    }
}

/// One `/accounts/get` account. Card and loan balances (amount owed) become negative; a card's
/// `available` stays Plaid's available credit (positive).
pub(super) fn account(
    a: &wire::Account,
    as_of: DateTime<Utc>,
) -> Result<AccountSnapshot, ProviderError> {
    let kind = kind(a.kind.as_deref(), a.subtype.as_deref());
    let b = &a.balances;
    let what = format!("account \"{}\"", a.account_id);
    let currency = currency(
        "/accounts/get",
        &what,
        b.iso_currency_code.as_deref(),
        b.unofficial_currency_code.as_deref(),
        Currency::USD,
    )?;
    let money = |d: Decimal| money("/accounts/get", &what, d, currency);
    // `current` may be null; Plaid then guarantees `available`. For an asset that is the nearest
    // figure; for a card or loan it is the credit left, so what is owed is `limit − available`.
    // Without them the balance is unknown: the account is left out rather than shown as 0.
    let current = match (b.current, kind.is_liability(), b.limit, b.available) {
        (Some(current), ..) => current,
        (None, false, _, Some(available)) => available,
        (None, true, Some(limit), Some(available)) => limit - available,
        (None, ..) => {
            return Err(wire::malformed(
                "/accounts/get",
                format!("{what} has no current balance (null) and nothing to work it out from"),
            ));
        }
    };
    let balance = if kind.is_liability() && !current.is_zero() {
        -current
    } else {
        current
    };
    let base = [&a.name, &a.official_name]
        .into_iter()
        .flatten()
        .map(|n| n.trim())
        .find(|n| !n.is_empty())
        .unwrap_or("Plaid account");
    let name = match a.mask.as_deref().map(str::trim) {
        Some(mask) if !mask.is_empty() => format!("{base} ••{mask}"),
        _ => base.to_string(),
    };
    Ok(AccountSnapshot {
        provider_account_id: a.account_id.clone(),
        name,
        kind,
        currency,
        balance: money(balance)?,
        available: b.available.map(money).transpose()?,
        limit: b.limit.map(money).transpose()?,
        as_of,
    })
}

/// `amount` in `currency`, rounded to its minor unit. A code Purse knows no precision for (not
/// ISO 4217, not in Plaid's list) keeps two decimals; an amount with more is an error rather than
/// cut short, so the data is left out and asked for again instead of stored wrong.
fn money(
    endpoint: &str,
    what: &str,
    amount: Decimal,
    currency: Currency,
) -> Result<Money, ProviderError> {
    let money = Money::new(amount, currency);
    if !currency.is_known() && money.to_minor().is_err() {
        return Err(wire::malformed(
            endpoint,
            format!(
                "{what} has {amount} {currency}, more decimals than Purse knows {currency} to have"
            ),
        ));
    }
    Ok(money.rounded())
}

/// One `added`/`modified` transaction; `raw` is its JSON text.
pub(super) fn transaction(
    t: wire::Transaction,
    raw: String,
    book: &Book,
) -> Result<IncomingTransaction, ProviderError> {
    let what = format!("transaction \"{}\"", t.transaction_id);
    let currency = currency(
        "/transactions/sync",
        &what,
        t.iso_currency_code.as_deref(),
        t.unofficial_currency_code.as_deref(),
        book.currency(&t.account_id),
    )?;
    let merchant = t
        .merchant_name
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty());
    let description = t
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .or(merchant)
        .unwrap_or("")
        .to_string();
    let payee = match merchant {
        Some(m) => m.to_string(),
        None => clean_payee(&description),
    };
    let category = t
        .personal_finance_category
        .as_ref()
        .and_then(|c| category_for(&c.primary, c.detailed.as_deref()));
    Ok(IncomingTransaction {
        provider_account_id: t.account_id,
        provider_id: t.transaction_id,
        date: t.date,
        amount: money("/transactions/sync", &what, -t.amount, currency)?,
        payee,
        description,
        category: category.map(str::to_string),
        pending: t.pending,
        pending_provider_id: t.pending_transaction_id.filter(|id| !id.is_empty()),
        raw: Some(raw),
    })
}

/// A payee from a raw bank description: whitespace collapsed, card-terminal prefixes and store
/// or reference numbers (`#1234`, `063015`, `06/15`) dropped. Falls back to the description.
pub(super) fn clean_payee(description: &str) -> String {
    const PREFIXES: &[&str] = &["POS", "CHECKCARD", "DEBIT", "CARD", "PURCHASE"];
    let words: Vec<&str> = description.split_whitespace().collect();
    let start = words
        .iter()
        .take_while(|w| PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(w)))
        .count();
    let is_number = |w: &&str| {
        let bare = w.trim_start_matches('#');
        let numeric = bare
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'));
        !bare.is_empty()
            && numeric
            && bare.chars().any(|c| c.is_ascii_digit())
            && (w.starts_with('#') || bare.len() >= 4)
    };
    let kept: Vec<&str> = words[start.min(words.len())..]
        .iter()
        .copied()
        .filter(|w| !is_number(w))
        .collect();
    if kept.is_empty() {
        words.join(" ")
    } else {
        kept.join(" ")
    }
}
