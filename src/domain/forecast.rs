//! Projected low balance: the bills due before the next expected income would take a cash
//! account below its low-balance threshold.
//!
//! The next income is the earliest predicted date of the account's recurring inflows (a
//! paycheck); without one there is nothing to project to, and no alert. The bills counted are the
//! unpaid ones due from today up to (not including) that date: predictions and the user's bills
//! on the account, and card statements the account pays (the paying side of the card's last
//! detected payment, see [`super::transfers::card_payers`]), each at its full amount. An account
//! already below its threshold gets the plain low-balance alert instead. One alert per account
//! and pay period.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::account::{Account, AccountId};
use super::alert::{AlertKind, NewAlert};
use super::bill::{Bill, BillSource};
use super::money::Money;
use super::recurring::Stream;

/// Bill names listed in the message (the rest are summarised as "and N more").
const LISTED: usize = 3;

/// What the projection needs besides accounts, bills and streams.
pub struct ForecastSettings<'a> {
    pub today: NaiveDate,
    /// The low-balance threshold for an account.
    pub low_balance: &'a dyn Fn(&Account) -> Decimal,
    /// Card account → the account that pays it.
    pub payers: &'a HashMap<AccountId, AccountId>,
}

/// Projected low-balance alerts.
pub fn projected_low_alerts(
    accounts: &[Account],
    bills: &[Bill],
    streams: &[Stream],
    settings: &ForecastSettings<'_>,
) -> Vec<NewAlert> {
    accounts
        .iter()
        .filter(|a| !a.kind.is_liability())
        .filter_map(|a| {
            let threshold = (settings.low_balance)(a);
            let balance = a.spendable();
            if balance.amount < threshold {
                return None;
            }
            let income = streams
                .iter()
                .filter(|s| s.inflow && s.account_id == a.id)
                .map(|s| s.next.max(settings.today))
                .min()?;
            let mut due: Vec<&Bill> = bills
                .iter()
                .filter(|b| !b.paid && b.due >= settings.today && b.due < income)
                .filter(|b| b.amount.currency == a.currency && paid_from(b, settings.payers) == Some(a.id))
                .collect();
            due.sort_by(|x, y| y.amount.amount.cmp(&x.amount.amount).then(x.due.cmp(&y.due)));
            let total: Decimal = due.iter().map(|b| b.amount.amount).sum();
            let left = balance.amount - total;
            if due.is_empty() || left >= threshold {
                return None;
            }
            let money = |d: Decimal| Money::new(d, a.currency).display();
            let mut names: Vec<String> = due
                .iter()
                .take(LISTED)
                .map(|b| format!("{} {} on {}", b.name, b.amount.display(), b.due))
                .collect();
            if due.len() > LISTED {
                names.push(format!("and {} more", due.len() - LISTED));
            }
            Some(NewAlert {
                kind: AlertKind::LowBalance,
                key: format!("low_balance:projected:{}:{income}", a.id),
                message: format!(
                    "{} may run low: {} available, but {} of bills due before your next income on {income} ({}) would leave {}, below your {} threshold",
                    a.name,
                    balance.display(),
                    money(total),
                    names.join(", "),
                    money(left),
                    money(threshold)
                ),
            })
        })
        .collect()
}

/// The account a bill's money leaves from.
fn paid_from(bill: &Bill, payers: &HashMap<AccountId, AccountId>) -> Option<AccountId> {
    match bill.source {
        BillSource::Liability => bill.account_id.and_then(|card| payers.get(&card).copied()),
        BillSource::Recurring | BillSource::Manual => bill.account_id,
    }
}

#[cfg(test)]
mod tests;
