//! Recognising one bank transaction that reached an account twice, from two sources (a statement
//! import and a live sync, or two kinds of statement file): the same account, amount and
//! currency, dated at most [`MATCH_DAYS`] apart, and either on the same day or with similar payees
//! (at least [`MIN_SIMILARITY`] percent of their words shared). Pairs are taken closest first
//! (fewest days apart, then most similar payees) and each row is used at most once, so two
//! identical purchases need two rows on the other side to match.
//!
//! Used by import planning (rule 5 in `import/plan.rs`: a statement row the account already holds
//! from elsewhere is not imported) and by the store (a synced row replaces the imported row it
//! duplicates).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::payee_similarity;
use crate::domain::{AccountId, Money};

/// How far apart (days) two rows of the same transaction may be dated.
pub const MATCH_DAYS: i64 = 3;
/// How similar (percent, see [`payee_similarity`]) payees on different days must be.
pub const MIN_SIMILARITY: u32 = 50;

/// One row as the matcher sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen<'a> {
    pub account: AccountId,
    pub date: NaiveDate,
    pub amount: Money,
    pub payee: &'a str,
    /// A second text that may name the payee (a statement row's description); the better of the
    /// two counts.
    pub description: Option<&'a str>,
}

impl Seen<'_> {
    fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.payee).chain(self.description)
    }
}

/// Pairs `(index in a, index in b)` of rows that are the same transaction, one-to-one, closest
/// first; ties go to the earlier row of `a`, then of `b`.
pub fn same_transactions(a: &[Seen<'_>], b: &[Seen<'_>]) -> Vec<(usize, usize)> {
    // Candidates by account and amount, so a large list is not compared with every row.
    let mut by_amount: HashMap<(AccountId, Money), Vec<usize>> = HashMap::new();
    for (bi, row) in b.iter().enumerate() {
        by_amount
            .entry((row.account, row.amount))
            .or_default()
            .push(bi);
    }
    let mut pairs = Vec::new();
    for (ai, x) in a.iter().enumerate() {
        for &bi in by_amount.get(&(x.account, x.amount)).into_iter().flatten() {
            let y = &b[bi];
            let days = (x.date - y.date).num_days().abs();
            if days > MATCH_DAYS {
                continue;
            }
            let similarity = x
                .texts()
                .flat_map(|s| y.texts().map(move |t| payee_similarity(s, t)))
                .max()
                .unwrap_or(0);
            if days == 0 || similarity >= MIN_SIMILARITY {
                pairs.push((days, 100 - similarity, ai, bi));
            }
        }
    }
    pairs.sort_unstable();
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut out = Vec::new();
    for (_, _, ai, bi) in pairs {
        if !used_a[ai] && !used_b[bi] {
            used_a[ai] = true;
            used_b[bi] = true;
            out.push((ai, bi));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;
    use proptest::prelude::*;

    fn row(account: AccountId, day: u32, cents: i64, payee: &str) -> Seen<'_> {
        Seen {
            account,
            date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap_or_default(),
            amount: Money::from_minor(cents, Currency::USD),
            payee,
            description: None,
        }
    }

    #[test]
    fn the_rule_case_by_case() {
        let base = row(1, 10, -4250, "TRADER JOE'S #552 OAKLAND CA");
        let eur = Seen {
            amount: Money::from_minor(-4250, Currency::EUR),
            ..row(1, 10, -4250, "Trader Joe's")
        };
        let described = Seen {
            description: Some("Trader Joe's"),
            ..row(1, 13, -4250, "POS PURCHASE")
        };
        // (case, other row, matches?)
        let table: [(&str, Seen<'_>, bool); 10] = [
            (
                "same day, other payee",
                row(1, 10, -4250, "Card payment"),
                true,
            ),
            (
                "a day later, similar payee",
                row(1, 11, -4250, "Trader Joe's"),
                true,
            ),
            (
                "3 days earlier, similar payee",
                row(1, 7, -4250, "Trader Joes"),
                true,
            ),
            (
                "a day later, other payee",
                row(1, 11, -4250, "Safeway"),
                false,
            ),
            (
                "4 days later, same payee",
                row(1, 14, -4250, "TRADER JOE'S"),
                false,
            ),
            ("other amount", row(1, 10, -4251, "TRADER JOE'S"), false),
            (
                "refund, not the purchase",
                row(1, 10, 4250, "TRADER JOE'S"),
                false,
            ),
            ("other currency", eur, false),
            ("other account", row(2, 10, -4250, "TRADER JOE'S"), false),
            ("the payee is in the description", described, true),
        ];
        for (case, other, expected) in table {
            let pairs = same_transactions(&[base], &[other]);
            assert_eq!(!pairs.is_empty(), expected, "{case}");
            // The test is symmetric.
            assert_eq!(
                same_transactions(&[other], &[base]),
                pairs,
                "{case} (swapped)"
            );
        }
    }

    #[test]
    fn closest_pairs_win_and_each_row_is_used_once() {
        let statement = [
            row(1, 10, -550, "Blue Bottle"),
            row(1, 10, -550, "Blue Bottle"),
        ];
        // One of the two identical purchases synced: one pair only.
        let one = [row(1, 11, -550, "Blue Bottle Coffee")];
        assert_eq!(same_transactions(&statement, &one), vec![(0, 0)]);
        // The same-day row is closer than the one two days off, whatever the order.
        let two = [row(1, 12, -550, "Blue Bottle"), row(1, 10, -550, "Other")];
        let mut pairs = same_transactions(&statement[..1], &two);
        pairs.sort_unstable();
        assert_eq!(pairs, vec![(0, 1)]);
        // At equal distance the more similar payee wins.
        let payees = [
            row(1, 11, -550, "Blue Sky Bakery"),
            row(1, 11, -550, "Blue Bottle"),
        ];
        assert_eq!(same_transactions(&statement[..1], &payees), vec![(0, 1)]);
    }

    proptest! {
        #[test]
        fn pairs_are_one_to_one_and_obey_the_rule(
            a in proptest::collection::vec((0i64..2, 1u32..15, -3i64..0, 0usize..3), 0..10),
            b in proptest::collection::vec((0i64..2, 1u32..15, -3i64..0, 0usize..3), 0..10),
        ) {
            let payees = ["Blue Bottle", "Blue Bottle Coffee", "Shell"];
            let seen = |v: &[(i64, u32, i64, usize)]| -> Vec<Seen<'static>> {
                v.iter().map(|&(acct, day, amt, p)| row(acct, day, amt * 100, payees[p])).collect()
            };
            let (sa, sb) = (seen(&a), seen(&b));
            let pairs = same_transactions(&sa, &sb);
            let mut left: Vec<usize> = pairs.iter().map(|p| p.0).collect();
            let mut right: Vec<usize> = pairs.iter().map(|p| p.1).collect();
            left.sort_unstable(); left.dedup(); right.sort_unstable(); right.dedup();
            prop_assert_eq!(left.len(), pairs.len());
            prop_assert_eq!(right.len(), pairs.len());
            for &(ai, bi) in &pairs {
                let (x, y) = (&sa[ai], &sb[bi]);
                let days = (x.date - y.date).num_days().abs();
                prop_assert!(x.account == y.account && x.amount == y.amount && days <= MATCH_DAYS);
                prop_assert!(days == 0 || payee_similarity(x.payee, y.payee) >= MIN_SIMILARITY);
            }
            // Maximal: no unused pair of rows that would match is left over.
            for (ai, x) in sa.iter().enumerate().filter(|(i, _)| !left.contains(i)) {
                for (bi, y) in sb.iter().enumerate().filter(|(i, _)| !right.contains(i)) {
                    prop_assert!(same_transactions(&[*x], &[*y]).is_empty(), "{} {} left unpaired", ai, bi);
                }
            }
        }
    }
}
