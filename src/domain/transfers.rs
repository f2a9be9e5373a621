//! Transfers between the user's own accounts, and credit-card payments: detected from the two legs
//! (the same amount out of one account and into another within [`MAX_TRANSFER_DAYS`]), so they
//! never count as spending even when the provider left them uncategorised.
//!
//! Only legs that are uncategorised or already in a transfer category can pair: a leg the provider
//! or the user put in an expense or income category is taken at its word. Pairs are chosen
//! closest-date first and each transaction is used once. A detected pair's uncategorised legs get
//! the pair's category: "Credit card payment" when money goes into a card, "Savings transfer"
//! when a savings account is involved, else "Transfers".

use std::collections::HashMap;

use super::account::{Account, AccountId, AccountKind};
use super::category::{CategoryKind, CategoryTree, UNCATEGORIZED};
use super::transaction::{Transaction, TransactionId};

/// Longest gap, in days, between the two legs of one transfer.
pub const MAX_TRANSFER_DAYS: i64 = 3;

/// What kind of move a pair is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransferKind {
    /// Money into a credit card from another account.
    CardPayment,
    /// Money to or from a savings account.
    Savings,
    Other,
}

impl TransferKind {
    /// The default category the legs belong in.
    pub fn category(self) -> &'static str {
        match self {
            TransferKind::CardPayment => "Credit card payment",
            TransferKind::Savings => "Savings transfer",
            TransferKind::Other => "Transfers",
        }
    }
}

/// Two legs of one move between the user's accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransferPair {
    /// The leg leaving an account (negative amount).
    pub out: TransactionId,
    /// The leg arriving in another account (positive amount).
    pub into: TransactionId,
    pub kind: TransferKind,
}

/// Finds transfer pairs among posted transactions.
pub fn detect_transfers(
    txns: &[Transaction],
    accounts: &[Account],
    tree: &CategoryTree,
) -> Vec<TransferPair> {
    let kind_of: HashMap<AccountId, AccountKind> =
        accounts.iter().map(|a| (a.id, a.kind)).collect();
    let eligible = |t: &&Transaction| {
        !t.pending
            && !t.amount.amount.is_zero()
            && (t.category == UNCATEGORIZED || tree.kind(&t.category) == CategoryKind::Transfer)
    };
    let mut inflows: HashMap<_, Vec<&Transaction>> = HashMap::new();
    for t in txns
        .iter()
        .filter(eligible)
        .filter(|t| !t.amount.is_negative())
    {
        inflows
            .entry((t.amount.currency, t.amount.amount))
            .or_default()
            .push(t);
    }
    let mut candidates: Vec<(i64, &Transaction, &Transaction)> = Vec::new();
    for out in txns
        .iter()
        .filter(eligible)
        .filter(|t| t.amount.is_negative())
    {
        let key = (out.amount.currency, -out.amount.amount);
        for into in inflows.get(&key).into_iter().flatten() {
            let gap = (into.date - out.date).num_days().abs();
            if into.account_id != out.account_id && gap <= MAX_TRANSFER_DAYS {
                candidates.push((gap, out, into));
            }
        }
    }
    candidates.sort_by_key(|(gap, out, into)| (*gap, out.date, out.id, into.id));
    let mut used = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for (_, out, into) in candidates {
        if used.contains(&out.id) || used.contains(&into.id) {
            continue;
        }
        used.insert(out.id);
        used.insert(into.id);
        let kinds = [kind_of.get(&out.account_id), kind_of.get(&into.account_id)];
        let kind = if kind_of.get(&into.account_id) == Some(&AccountKind::CreditCard) {
            TransferKind::CardPayment
        } else if kinds.contains(&Some(&AccountKind::Savings)) {
            TransferKind::Savings
        } else {
            TransferKind::Other
        };
        pairs.push(TransferPair {
            out: out.id,
            into: into.id,
            kind,
        });
    }
    pairs
}

/// The category changes the pairs call for: each uncategorised leg gets its pair's category.
pub fn recategorisations(
    pairs: &[TransferPair],
    txns: &[Transaction],
) -> Vec<(TransactionId, &'static str)> {
    let by_id: HashMap<TransactionId, &Transaction> = txns.iter().map(|t| (t.id, t)).collect();
    pairs
        .iter()
        .flat_map(|p| [(p.out, p.kind), (p.into, p.kind)])
        .filter(|(id, _)| by_id.get(id).is_some_and(|t| t.category == UNCATEGORIZED))
        .map(|(id, kind)| (id, kind.category()))
        .collect()
}

/// Which account pays each credit card: the paying side of the card's latest detected payment.
pub fn card_payers(pairs: &[TransferPair], txns: &[Transaction]) -> HashMap<AccountId, AccountId> {
    let by_id: HashMap<TransactionId, &Transaction> = txns.iter().map(|t| (t.id, t)).collect();
    let mut latest: HashMap<AccountId, (chrono::NaiveDate, AccountId)> = HashMap::new();
    for p in pairs.iter().filter(|p| p.kind == TransferKind::CardPayment) {
        let (Some(out), Some(into)) = (by_id.get(&p.out), by_id.get(&p.into)) else {
            continue;
        };
        let entry = latest
            .entry(into.account_id)
            .or_insert((into.date, out.account_id));
        if into.date >= entry.0 {
            *entry = (into.date, out.account_id);
        }
    }
    latest
        .into_iter()
        .map(|(card, (_, payer))| (card, payer))
        .collect()
}

#[cfg(test)]
mod tests;
