//! Maps SimpleFIN answers into domain types and merges the answers of one sync's windows.
//!
//! Signs need no flipping: SimpleFIN, like Purse, counts money in as positive and reports card
//! balances owed as negative. SimpleFIN reports no account type: an account holding securities
//! (`holdings`) is an investment account, any other is guessed from its name. Dates are calendar
//! dates in UTC. An account whose `currency` is not an ISO 4217 code (SimpleFIN allows the URL of
//! a custom currency such as miles) is skipped with a message that says so.
//!
//! **Account keys.** A SimpleFIN account id is unique only within its connection or organization:
//! two banks behind one Access URL may both number an account `2930002`. Accounts are therefore
//! stored under [`account_key`] (`{conn_id or org}/{id}`); stores written under the bare id are
//! carried over by `rekey`.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde_json::Value;

use super::names::{clean_payee, display_name, guess_kind};
use super::wire::{self, AccountSet};
use crate::domain::money::parse_decimal;
use crate::domain::{
    AccountKind, AccountSnapshot, Currency, IncomingTransaction, Money, MoneyError,
};
use crate::provider::{FetchContext, ProviderError};

/// Larger amounts are refused: they cannot be real, and scaling them to minor units overflows.
const MAX_AMOUNT: Decimal = rust_decimal::dec!(1_000_000_000_000_000);

/// Everything one sync has gathered so far, across its windows.
#[derive(Debug, Default)]
pub(super) struct Merged {
    pub accounts: Vec<AccountSnapshot>,
    pub upserts: Vec<IncomingTransaction>,
    /// Unsanitised, in order of appearance, without repeats.
    pub messages: Vec<String>,
    /// Whether the Bridge reported any error (its data may then be incomplete).
    pub server_errors: bool,
    /// The Bridge's own id of each of `accounts`, in the same order (for `rekey`).
    pub bare_ids: Vec<String>,
    seen_accounts: HashSet<String>,
    skipped_accounts: HashSet<String>,
    seen_transactions: HashSet<(String, String)>,
}

impl Merged {
    /// Adds one window's answer. The first answer to mention an account gives its snapshot (windows
    /// come newest first); a transaction seen again in a later window is ignored.
    pub fn add(&mut self, set: &AccountSet, ctx: &FetchContext) -> Result<(), ProviderError> {
        let reported = set.messages();
        self.server_errors |= !reported.is_empty();
        for msg in reported {
            self.note(msg);
        }
        for account in &set.accounts {
            let key = account_key(account);
            if self.skipped_accounts.contains(&key) {
                continue;
            }
            let Ok(currency) = Currency::new(&account.currency) else {
                self.skipped_accounts.insert(key);
                self.note(currency_note(&account.name, &account.currency));
                continue;
            };
            if self.seen_accounts.insert(key.clone()) {
                let snapshot = self.snapshot(set, account, &key, currency, ctx)?;
                self.accounts.push(snapshot);
                self.bare_ids.push(account.id.clone());
            }
            for raw in &account.transactions {
                let txn = self.transaction(account, &key, raw, currency, ctx)?;
                if self
                    .seen_transactions
                    .insert((txn.provider_account_id.clone(), txn.provider_id.clone()))
                {
                    self.upserts.push(txn);
                }
            }
        }
        Ok(())
    }

    fn note(&mut self, msg: String) {
        if !self.messages.contains(&msg) {
            self.messages.push(msg);
        }
    }

    fn snapshot(
        &mut self,
        set: &AccountSet,
        account: &wire::Account,
        key: &str,
        currency: Currency,
        ctx: &FetchContext,
    ) -> Result<AccountSnapshot, ProviderError> {
        let what = format!("account \"{}\"", account.id);
        let balance = self.money(&account.balance, currency, &format!("{what} balance"))?;
        let available = match &account.available_balance {
            None | Some(Value::Null) => None,
            Some(v) => Some(self.money(v, currency, &format!("{what} available-balance"))?),
        };
        let as_of = account
            .balance_date
            .filter(|t| *t > 0)
            .and_then(|t| DateTime::<Utc>::from_timestamp(t, 0))
            .unwrap_or(ctx.now);
        Ok(AccountSnapshot {
            provider_account_id: key.to_string(),
            name: display_name(&account.name, set.org_name(account).as_deref()),
            kind: if account.holdings.is_empty() {
                guess_kind(&account.name)
            } else {
                AccountKind::Investment
            },
            currency,
            balance,
            available,
            limit: None,
            as_of,
        })
    }

    fn transaction(
        &mut self,
        account: &wire::Account,
        key: &str,
        raw: &Value,
        currency: Currency,
        ctx: &FetchContext,
    ) -> Result<IncomingTransaction, ProviderError> {
        let t = wire::Transaction::from_raw(raw).map_err(|e| {
            ProviderError::Malformed(format!(
                "a transaction of SimpleFIN account \"{}\" is not valid: {e}",
                account.id
            ))
        })?;
        let what = format!("transaction \"{}\" of account \"{}\"", t.id, account.id);
        let amount = self.money(&t.amount, currency, &format!("{what}: amount"))?;
        let pending = t.pending == Some(true) || t.posted == 0;
        let stamp = t
            .transacted_at
            .filter(|s| *s > 0)
            .or(Some(t.posted).filter(|s| *s > 0));
        let date = match stamp {
            Some(s) => utc_date(s).ok_or_else(|| {
                ProviderError::Malformed(format!("{what}: {s} is not a unix time"))
            })?,
            None => ctx.today,
        };
        let description = t.description.clone().unwrap_or_default().trim().to_string();
        let payee = match t.payee.as_deref().map(str::trim) {
            Some(p) if !p.is_empty() => p.to_string(),
            _ => clean_payee(if description.is_empty() {
                t.memo.as_deref().unwrap_or("")
            } else {
                &description
            }),
        };
        Ok(IncomingTransaction {
            provider_account_id: key.to_string(),
            provider_id: t.id,
            date,
            amount,
            payee,
            description,
            category: None,
            pending,
            pending_provider_id: None,
            raw: Some(raw.to_string()),
        })
    }

    /// Reads an exact amount. More decimals than the currency has (the store keeps minor units)
    /// are rounded half away from zero, with a message; unreadable amounts fail the sync.
    fn money(
        &mut self,
        value: &Value,
        currency: Currency,
        what: &str,
    ) -> Result<Money, ProviderError> {
        let text = wire::decimal_text(value).ok_or_else(|| {
            ProviderError::Malformed(format!("{what} is {value}, not a decimal string"))
        })?;
        let amount =
            parse_decimal(&text).map_err(|e| ProviderError::Malformed(format!("{what}: {e}")))?;
        if amount.abs() > MAX_AMOUNT {
            return Err(ProviderError::Malformed(format!(
                "{what}: {text} is too large to be an amount"
            )));
        }
        let money = Money::new(amount, currency);
        match money.to_minor() {
            Ok(_) => Ok(money),
            Err(MoneyError::TooPrecise { .. }) => {
                let rounded = money.rounded();
                self.note(format!(
                    "SimpleFIN {what} {text} has more decimals than {currency}; rounded to {}",
                    rounded.amount_string()
                ));
                Ok(rounded)
            }
            Err(e) => Err(ProviderError::Malformed(format!("{what}: {e}"))),
        }
    }
}

/// Why an account whose `currency` Purse cannot keep is left out. The spec allows the URL of a
/// custom currency (points, miles, …): not money, and Purse fetches no URL a bank names.
fn currency_note(name: &str, currency: &str) -> String {
    let code = currency.trim();
    if code.starts_with("https://") || code.starts_with("http://") {
        format!(
            "Skipped SimpleFIN account \"{name}\": it counts a custom currency ({code}), such as points or miles, not money; Purse keeps ISO 4217 currencies only"
        )
    } else {
        format!(
            "Skipped SimpleFIN account \"{name}\": its currency \"{code}\" is not an ISO 4217 code"
        )
    }
}

/// The key an account is stored under: `{scope}/{id}` (see [`AccountSet::scope`]), or the bare
/// id when the answer names no connection or organization.
pub(super) fn account_key(account: &wire::Account) -> String {
    match AccountSet::scope(account) {
        Some(scope) => format!("{scope}/{}", account.id),
        None => account.id.clone(),
    }
}

/// The UTC calendar date of a unix time (no local-midnight shift).
fn utc_date(unix: i64) -> Option<NaiveDate> {
    DateTime::<Utc>::from_timestamp(unix, 0).map(|t| t.date_naive())
}
