//! Duplicate charges: the same amount at the same merchant on the same account twice within
//! [`DUPLICATE_DAYS`] days (both posted, or one still pending). A pending row and the posted row
//! that replaces it never meet here: the store reconciles them into one.
//!
//! Merchants where the same amount often repeats within two days (a transit fare, a daily
//! parking meter) are left alone: when the history before the pair already holds two such
//! repeats, a third is habit, not a mistake.

use std::collections::HashMap;

use super::{DUPLICATE_DAYS, Finding, UnusualInput};
use crate::domain::history::merchant_key;
use crate::domain::transaction::Transaction;

/// Repeats before the pair that make a merchant's repeats habitual.
const HABIT: usize = 2;

pub(super) fn duplicates(input: &UnusualInput<'_>, charges: &[&Transaction]) -> Vec<Finding> {
    let mut groups: HashMap<(i64, String), Vec<&Transaction>> = HashMap::new();
    for t in charges {
        groups
            .entry((t.account_id, merchant_key(&t.payee)))
            .or_default()
            .push(t);
    }
    let mut found = Vec::new();
    for ((account, merchant), group) in groups {
        // `group` is oldest first; pair each charge with the latest earlier one of equal amount.
        let repeats: Vec<(usize, usize)> = (0..group.len())
            .filter_map(|i| {
                (0..i)
                    .rev()
                    .take_while(|j| (group[i].date - group[*j].date).num_days() <= DUPLICATE_DAYS)
                    .find(|j| group[*j].amount == group[i].amount)
                    .map(|j| (j, i))
            })
            .collect();
        for (n, (first, second)) in repeats.iter().enumerate() {
            let (a, b) = (group[*first], group[*second]);
            if !input.is_recent(b) {
                continue;
            }
            let habit = repeats[..n]
                .iter()
                .filter(|(_, s)| group[*s].date < a.date)
                .count();
            if habit >= HABIT {
                continue;
            }
            let when = if a.date == b.date {
                format!("twice on {}", a.date)
            } else {
                format!("on {} and again on {}", a.date, b.date)
            };
            found.push(Finding {
                rule: "duplicate",
                account,
                date: b.date,
                detail: format!("{} {merchant}", b.amount.amount_string()),
                message: format!(
                    "{} at {} charged {when} on {}: a duplicate?",
                    b.amount.abs().display(),
                    b.payee,
                    input.account_name(account)
                ),
            });
        }
    }
    found.sort_by(|x, y| (x.date, &x.detail).cmp(&(y.date, &y.detail)));
    found
}
