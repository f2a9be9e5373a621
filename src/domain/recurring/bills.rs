//! Bills from recurring streams, and every bill marked paid when its payment is charged.
//!
//! Each outflow stream keeps one predicted bill ([`BillSource::Recurring`]) named after the payee,
//! due on the stream's next date for its expected amount. A bill is paid when a payment matches
//! it:
//! - recurring: money out of the same account to the same merchant within the cadence's slack
//!   of the due date, for half to double the amount, posted or still pending (the prediction
//!   came true: it shows paid instead of vanishing while the charge posts);
//! - liability (a card statement): a transfer into the card (a "Credit card payment") of at least
//!   the minimum (else the amount) between 25 days before and 5 days after the due date —
//!   statements close three to four weeks before they are due, so the previous statement's
//!   payment (a month earlier) never matches;
//! - manual: money out to a payee whose name contains the bill's name (or the other way round),
//!   within 10% of the amount, from 10 days before to 5 days after the due date.
//!
//! A recurring bill that is neither paid nor the stream's current prediction (the stream stopped
//! or moved on) is dropped: it was only ever a prediction. So is every prediction for a payee the
//! user keeps a bill for by hand (a manual bill of the same name): the user's word wins.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Stream, within};
use crate::domain::account::{Account, AccountId};
use crate::domain::bill::{Bill, BillSource};
use crate::domain::category::{CategoryKind, CategoryTree};
use crate::domain::history::merchant_key;
use crate::domain::money::Money;
use crate::domain::transaction::Transaction;

/// Slack, in days, when the stream behind a recurring bill is no longer known.
const DEFAULT_SLACK: i64 = 6;

/// A bill predicted from a stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedBill {
    pub name: String,
    pub account_id: AccountId,
    /// Positive.
    pub amount: Money,
    pub due: NaiveDate,
}

/// What to change in the stored bills.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BillPlan {
    /// Predictions to store (or whose amount to refresh while unpaid).
    pub upsert: Vec<PlannedBill>,
    /// Bills whose payment has posted.
    pub paid: Vec<i64>,
    /// Recurring predictions that no longer hold.
    pub dropped: Vec<i64>,
}

/// Plans the bill changes for the current streams and transactions.
pub fn plan_bills(
    streams: &[Stream],
    bills: &[Bill],
    txns: &[Transaction],
    tree: &CategoryTree,
) -> BillPlan {
    let manual: Vec<String> = bills
        .iter()
        .filter(|b| b.source == BillSource::Manual)
        .map(|b| merchant_key(&b.name))
        .collect();
    let outflows: HashMap<(AccountId, String), &Stream> = streams
        .iter()
        .filter(|s| !s.inflow && !manual.contains(&merchant_key(&s.payee)))
        .map(|s| ((s.account_id, merchant_key(&s.payee)), s))
        .collect();
    let posted: Vec<&Transaction> = txns.iter().filter(|t| !t.pending).collect();
    let mut plan = BillPlan::default();
    for bill in bills.iter().filter(|b| !b.paid) {
        let stream = bill
            .account_id
            .and_then(|a| outflows.get(&(a, merchant_key(&bill.name))));
        let paid = match bill.source {
            BillSource::Recurring => {
                // A charge still pending counts: the stream (pending included) has already
                // moved on to the next date, so waiting for it to post would drop the bill.
                let slack = stream.map_or(DEFAULT_SLACK, |s| s.cadence.slack());
                txns.iter().any(|t| pays_recurring(bill, t, slack))
            }
            BillSource::Liability => posted.iter().any(|t| pays_statement(bill, t, tree)),
            BillSource::Manual => posted.iter().any(|t| pays_manual(bill, t)),
        };
        if paid {
            plan.paid.push(bill.id);
        } else if bill.source == BillSource::Recurring && stream.is_none_or(|s| s.next != bill.due)
        {
            plan.dropped.push(bill.id);
        }
    }
    let settled: Vec<(&str, NaiveDate)> = bills
        .iter()
        .filter(|b| b.paid || plan.paid.contains(&b.id))
        .map(|b| (b.name.as_str(), b.due))
        .collect();
    let mut upsert: Vec<PlannedBill> = outflows
        .values()
        .filter(|s| !settled.contains(&(s.payee.as_str(), s.next)))
        .map(|s| PlannedBill {
            name: s.payee.clone(),
            account_id: s.account_id,
            amount: s.expected(),
            due: s.next,
        })
        .collect();
    upsert.sort_by(|a, b| (a.due, &a.name).cmp(&(b.due, &b.name)));
    plan.upsert = upsert;
    plan
}

fn pays_recurring(bill: &Bill, t: &Transaction, slack: i64) -> bool {
    let amount = t.amount.amount.abs();
    t.amount.is_negative()
        && Some(t.account_id) == bill.account_id
        && merchant_key(&t.payee) == merchant_key(&bill.name)
        && (t.date - bill.due).num_days().abs() <= slack
        && amount * rust_decimal::Decimal::TWO >= bill.amount.amount
        && amount <= bill.amount.amount * rust_decimal::Decimal::TWO
}

fn pays_statement(bill: &Bill, t: &Transaction, tree: &CategoryTree) -> bool {
    let owed = bill.minimum.unwrap_or(bill.amount);
    let days = (t.date - bill.due).num_days();
    Some(t.account_id) == bill.account_id
        && !t.amount.is_negative()
        && tree.kind(&t.category) == CategoryKind::Transfer
        && t.amount.currency == owed.currency
        && t.amount.amount >= owed.amount
        && (-25..=5).contains(&days)
}

fn pays_manual(bill: &Bill, t: &Transaction) -> bool {
    let (payee, name) = (merchant_key(&t.payee), merchant_key(&bill.name));
    let days = (t.date - bill.due).num_days();
    t.amount.is_negative()
        && bill.account_id.is_none_or(|a| a == t.account_id)
        && !name.is_empty()
        && (payee.contains(&name) || name.contains(&payee))
        && within(bill.amount.amount, t.amount.amount.abs(), 10)
        && (-10..=5).contains(&days)
}

/// The bills that may raise bill-due alerts: card statements and the user's bills, and recurring
/// predictions paid from a cash account that are not yet past due. A subscription charged to a
/// card is covered by the card's statement, and a prediction cannot be overdue — only late.
pub fn alerting_bills(bills: &[Bill], accounts: &[Account], today: NaiveDate) -> Vec<Bill> {
    let cash = |id: Option<AccountId>| {
        accounts
            .iter()
            .any(|a| Some(a.id) == id && !a.kind.is_liability())
    };
    bills
        .iter()
        .filter(|b| b.source != BillSource::Recurring || (cash(b.account_id) && b.due >= today))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests;
