//! Single-charge rules: a charge far above its merchant's history, and a large first charge at a
//! merchant never paid before.
//!
//! *Far above*: against the merchant's earlier charges (at least [`MIN_HISTORY`]), median `m` and
//! median absolute deviation `MAD`; the spread is `MAD`, but at least 5% of `m` (and one minor
//! unit), so a merchant that always charges the same amount (MAD = 0) is not flagged for cents.
//! The charge `x` is flagged when `0.6745·(x − m)/spread > 3.5` and also `x ≥ 2·m` and
//! `x − m ≥ 10` currency units: a $9 coffee where $5 is usual is not news, and neither is a big
//! shop at a grocer whose receipts range widely (a few visits give a MAD that is too small, and
//! any amount in a range is less than twice its middle).
//!
//! *New merchant, large*: no transaction at the merchant before it, in the history or before it,
//! and at least the larger of 250 currency units and the 95th percentile of the account's
//! everyday charges before the judged period (when it has 20 or more; recurring bills such as
//! rent are not everyday charges): large for anyone, and large for this account, so a household
//! whose card routinely carries big purchases is not told about each new shop.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::{Finding, MIN_HISTORY, UnusualInput, Z_THRESHOLD};
use crate::domain::account::AccountId;
use crate::domain::history::merchant_key;
use crate::domain::money::Money;
use crate::domain::stats::{mad, median, modified_z, percentile};
use crate::domain::transaction::{Transaction, TransactionId};

/// The smallest first charge at a new merchant worth reporting, in currency units.
const NEW_MERCHANT_FLOOR: i64 = 250;
const NEW_MERCHANT_PERCENTILE: u32 = 95;
/// Fewest charges on an account for its percentile to count.
const PERCENTILE_MIN_CHARGES: usize = 20;

/// Charges grouped for lookups.
struct Index<'a> {
    by_merchant: HashMap<String, Vec<&'a Transaction>>,
    first_seen: HashMap<String, (chrono::NaiveDate, TransactionId)>,
    large: HashMap<AccountId, (Decimal, Option<Decimal>)>,
}

impl<'a> Index<'a> {
    fn new(input: &UnusualInput<'_>, charges: &[&'a Transaction]) -> Self {
        let mut by_merchant: HashMap<String, Vec<&Transaction>> = HashMap::new();
        for t in charges {
            by_merchant
                .entry(merchant_key(&t.payee))
                .or_default()
                .push(t);
        }
        let mut first_seen: HashMap<String, (chrono::NaiveDate, TransactionId)> = HashMap::new();
        for t in input.history {
            let seen = first_seen
                .entry(merchant_key(&t.payee))
                .or_insert((t.date, t.id));
            *seen = (*seen).min((t.date, t.id));
        }
        let recurring = input.recurring_ids();
        let mut usual: HashMap<AccountId, Vec<Decimal>> = HashMap::new();
        for t in charges
            .iter()
            .filter(|t| t.date < input.recent_from() && !recurring.contains(&t.id))
        {
            usual
                .entry(t.account_id)
                .or_default()
                .push(-t.amount.amount);
        }
        let floor = Decimal::from(NEW_MERCHANT_FLOOR);
        let large = input
            .accounts
            .iter()
            .map(|a| {
                let p = usual
                    .get(&a.id)
                    .filter(|v| v.len() >= PERCENTILE_MIN_CHARGES)
                    .and_then(|v| percentile(v, NEW_MERCHANT_PERCENTILE));
                (a.id, (p.map_or(floor, |p| p.max(floor)), p))
            })
            .collect();
        Index {
            by_merchant,
            first_seen,
            large,
        }
    }

    /// The earlier charges at `t`'s merchant, in its currency.
    fn earlier(&self, t: &Transaction) -> Vec<Decimal> {
        self.by_merchant
            .get(&merchant_key(&t.payee))
            .into_iter()
            .flatten()
            .take_while(|e| (e.date, e.id) < (t.date, t.id))
            .filter(|e| e.amount.currency == t.amount.currency)
            .map(|e| -e.amount.amount)
            .collect()
    }

    fn is_first(&self, input: &UnusualInput<'_>, t: &Transaction) -> bool {
        let key = merchant_key(&t.payee);
        self.first_seen.get(&key) == Some(&(t.date, t.id)) && !input.known_merchants.contains(&key)
    }

    fn large_for(&self, account: AccountId) -> (Decimal, Option<Decimal>) {
        self.large
            .get(&account)
            .copied()
            .unwrap_or((Decimal::from(NEW_MERCHANT_FLOOR), None))
    }
}

/// Far-above and new-merchant findings for the recent charges.
pub(super) fn single_charge_findings(
    input: &UnusualInput<'_>,
    charges: &[&Transaction],
) -> Vec<(TransactionId, Finding)> {
    let index = Index::new(input, charges);
    charges
        .iter()
        .filter(|t| input.is_recent(t))
        .filter_map(|t| {
            far_above(&index, t)
                .or_else(|| new_merchant(input, &index, t))
                .map(|f| (t.id, f))
        })
        .collect()
}

/// Charges dated `from` on that either rule flags, recent or not (the pace leaves them out).
pub(super) fn outliers(
    input: &UnusualInput<'_>,
    charges: &[&Transaction],
    from: chrono::NaiveDate,
) -> HashSet<TransactionId> {
    let index = Index::new(input, charges);
    charges
        .iter()
        .filter(|t| t.date >= from)
        .filter(|t| far_above(&index, t).is_some() || new_merchant(input, &index, t).is_some())
        .map(|t| t.id)
        .collect()
}

pub(super) fn new_merchant_candidates(
    input: &UnusualInput<'_>,
    charges: &[&Transaction],
) -> Vec<String> {
    let index = Index::new(input, charges);
    let mut keys: Vec<String> = charges
        .iter()
        .filter(|t| input.is_recent(t) && index.is_first(input, t))
        .filter(|t| -t.amount.amount >= index.large_for(t.account_id).0)
        .map(|t| merchant_key(&t.payee))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

fn far_above(index: &Index<'_>, t: &Transaction) -> Option<Finding> {
    let earlier = index.earlier(t);
    if earlier.len() < MIN_HISTORY {
        return None;
    }
    let x = -t.amount.amount;
    let m = median(&earlier)?;
    let unit = Decimal::new(1, t.amount.currency.exponent());
    let spread = mad(&earlier, m)?.max(m / Decimal::from(20)).max(unit);
    let z = modified_z(x, m, spread)?;
    if z <= Z_THRESHOLD || x < m * Decimal::TWO || x - m < Decimal::TEN {
        return None;
    }
    let usual: Vec<Decimal> = earlier
        .iter()
        .copied()
        .filter(|e| modified_z(*e, m, spread).is_some_and(|z| z.abs() <= Z_THRESHOLD))
        .collect();
    let lo = usual.iter().min().copied().unwrap_or(m);
    let hi = usual.iter().max().copied().unwrap_or(m);
    let money = |d: Decimal| Money::new(d, t.amount.currency).display();
    let range = if lo == hi {
        money(lo)
    } else {
        format!("{}–{}", money(lo), money(hi))
    };
    Some(Finding {
        rule: "above",
        account: t.account_id,
        date: t.date,
        detail: merchant_key(&t.payee),
        message: format!(
            "{} at {} on {}; usually {range} over {} visits",
            money(x),
            t.payee,
            t.date,
            earlier.len()
        ),
    })
}

fn new_merchant(input: &UnusualInput<'_>, index: &Index<'_>, t: &Transaction) -> Option<Finding> {
    let x = -t.amount.amount;
    let (large, p95) = index.large_for(t.account_id);
    if x < large || !index.is_first(input, t) {
        return None;
    }
    let money = |d: Decimal| Money::new(d, t.amount.currency).display();
    let account = input.account_name(t.account_id);
    let context = match p95 {
        Some(p) => format!("; 95% of {account}'s charges are under {}", money(p)),
        None => format!(" on {account}"),
    };
    Some(Finding {
        rule: "new_merchant",
        account: t.account_id,
        date: t.date,
        detail: merchant_key(&t.payee),
        message: format!(
            "{} at {} on {}, a merchant you have not paid before{context}",
            money(x),
            t.payee,
            t.date
        ),
    })
}
