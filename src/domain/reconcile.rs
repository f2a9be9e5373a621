//! Reconciliation for providers that give no pending→posted link (SimpleFIN, the demo bank, file
//! imports): match each newly posted transaction to the open pending one it settles, one-to-one.
//!
//! A posted transaction settles a pending one when they are on the same account, the posted date
//! is on or up to [`MAX_POSTING_DAYS`] after the pending date, and either the amounts are equal or
//! the posted amount is within a tip-sized tolerance of the pending one with a similar payee.
//! Pairs are chosen best-first (closest amount, then closest date, then most similar payee) and
//! each transaction is used at most once, so two identical genuine purchases both survive.
//!
//! [`same`] recognises one posted transaction that arrived from two sources (a statement import
//! and a live sync); [`payee_similarity`] is shared by both.

pub mod same;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::money::Money;

/// Longest time a pending charge takes to post.
pub const MAX_POSTING_DAYS: i64 = 7;

/// A transaction as the matcher sees it (pending or posted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// Any key the caller uses to find the row again (store id, provider id…).
    pub key: &'a str,
    pub account: &'a str,
    pub date: NaiveDate,
    pub amount: Money,
    pub payee: &'a str,
}

/// A pending transaction settled by a posted one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settlement {
    pub pending: String,
    pub posted: String,
    pub reason: String,
}

/// Pairs posted transactions with the pending ones they settle.
pub fn settle(pending: &[Candidate<'_>], posted: &[Candidate<'_>]) -> Vec<Settlement> {
    let mut pairs: Vec<(Score, usize, usize)> = Vec::new();
    for (pi, p) in pending.iter().enumerate() {
        for (qi, q) in posted.iter().enumerate() {
            if let Some(score) = score(p, q) {
                pairs.push((score, pi, qi));
            }
        }
    }
    pairs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut pending_used = vec![false; pending.len()];
    let mut posted_used = vec![false; posted.len()];
    let mut out = Vec::new();
    for (score, pi, qi) in pairs {
        if pending_used[pi] || posted_used[qi] {
            continue;
        }
        pending_used[pi] = true;
        posted_used[qi] = true;
        let (p, q) = (&pending[pi], &posted[qi]);
        let reason = if score.amount_diff.is_zero() {
            format!(
                "same amount {}, posted {} day(s) after pending",
                q.amount.display(),
                score.days
            )
        } else {
            format!(
                "posted {} vs pending {} (tip-sized difference) at a similar payee, {} day(s) later",
                q.amount.display(),
                p.amount.display(),
                score.days
            )
        };
        out.push(Settlement {
            pending: p.key.to_string(),
            posted: q.key.to_string(),
            reason,
        });
    }
    out
}

/// Lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    amount_diff: Decimal,
    days: i64,
    /// 100 − similarity percent.
    dissimilarity: u32,
}

fn score(p: &Candidate<'_>, q: &Candidate<'_>) -> Option<Score> {
    if p.account != q.account || p.amount.currency != q.amount.currency {
        return None;
    }
    let days = (q.date - p.date).num_days();
    if !(0..=MAX_POSTING_DAYS).contains(&days) {
        return None;
    }
    let similarity = payee_similarity(p.payee, q.payee);
    let amount_diff = (q.amount.amount - p.amount.amount).abs();
    if amount_diff.is_zero() {
        return Some(Score {
            amount_diff,
            days,
            dissimilarity: 100 - similarity,
        });
    }
    (within_tip(p.amount.amount, q.amount.amount) && similarity >= 50).then_some(Score {
        amount_diff,
        days,
        dissimilarity: 100 - similarity,
    })
}

/// Same direction, and the settled amount is at most 30% larger (a tip) or a few cents off
/// (currency rounding, small adjustments).
fn within_tip(pending: Decimal, posted: Decimal) -> bool {
    if pending.is_sign_negative() != posted.is_sign_negative() || pending.is_zero() {
        return false;
    }
    let (p, q) = (pending.abs(), posted.abs());
    let small = Decimal::new(100, 2);
    (q >= p && q - p <= p * Decimal::new(30, 2)) || (p - q).abs() <= small
}

/// Similarity of two payee strings in percent (0–100): shared words over the smaller word set,
/// ignoring case, punctuation, numbers (store ids) and very short words.
pub fn payee_similarity(a: &str, b: &str) -> u32 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return 0;
    }
    let shared = wa
        .iter()
        .filter(|w| {
            wb.iter()
                .any(|v| v == *w || v.starts_with(w.as_str()) || w.starts_with(v.as_str()))
        })
        .count();
    let smaller = wa.len().min(wb.len());
    u32::try_from(shared.min(smaller) * 100 / smaller).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;
    use proptest::prelude::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default()
    }

    fn c<'a>(
        key: &'a str,
        account: &'a str,
        day: u32,
        cents: i64,
        payee: &'a str,
    ) -> Candidate<'a> {
        Candidate {
            key,
            account,
            date: d(day),
            amount: Money::from_minor(cents, Currency::USD),
            payee,
        }
    }

    #[test]
    fn same_amount_posts_a_day_later() {
        let s = settle(
            &[c("p1", "chk", 10, -4250, "TRADER JOE'S #552")],
            &[c("t1", "chk", 11, -4250, "Trader Joe's")],
        );
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].pending.as_str(), s[0].posted.as_str()), ("p1", "t1"));
        assert!(s[0].reason.contains("same amount"));
    }

    #[test]
    fn a_tip_is_matched_with_a_similar_payee_only() {
        let s = settle(
            &[c("p", "card", 10, -4000, "Nopa Restaurant")],
            &[c("t", "card", 12, -4720, "NOPA RESTAURANT SF")],
        );
        assert_eq!(s.len(), 1, "18% tip");
        assert!(s[0].reason.contains("tip-sized"));
        let none = settle(
            &[c("p", "card", 10, -4000, "Nopa Restaurant")],
            &[c("t", "card", 12, -4720, "Shell Oil")],
        );
        assert!(none.is_empty(), "different payee, different amount");
        let too_big = settle(
            &[c("p", "card", 10, -4000, "Nopa")],
            &[c("t", "card", 12, -6000, "Nopa")],
        );
        assert!(too_big.is_empty(), "50% more is not a tip");
    }

    #[test]
    fn window_account_and_direction_are_respected() {
        let p = [c("p", "chk", 10, -1000, "Cafe")];
        assert!(
            settle(&p, &[c("t", "chk", 9, -1000, "Cafe")]).is_empty(),
            "posted before pending"
        );
        assert!(
            settle(&p, &[c("t", "chk", 18, -1000, "Cafe")]).is_empty(),
            "8 days later"
        );
        assert_eq!(
            settle(&p, &[c("t", "chk", 17, -1000, "Cafe")]).len(),
            1,
            "7 days later"
        );
        assert!(
            settle(&p, &[c("t", "sav", 11, -1000, "Cafe")]).is_empty(),
            "other account"
        );
        assert!(
            settle(&p, &[c("t", "chk", 11, 1000, "Cafe")]).is_empty(),
            "refund is not a settlement"
        );
    }

    #[test]
    fn two_identical_purchases_both_survive() {
        let pending = [c("p1", "card", 10, -550, "Blue Bottle")];
        let posted = [
            c("t1", "card", 11, -550, "Blue Bottle"),
            c("t2", "card", 11, -550, "Blue Bottle"),
        ];
        let s = settle(&pending, &posted);
        assert_eq!(
            s.len(),
            1,
            "one pending settles one posted; the other is a genuine second purchase"
        );
        let both = settle(
            &[
                c("p1", "card", 10, -550, "Blue Bottle"),
                c("p2", "card", 10, -550, "Blue Bottle"),
            ],
            &posted,
        );
        assert_eq!(both.len(), 2);
        assert_ne!(both[0].posted, both[1].posted);
    }

    #[test]
    fn best_pairs_win() {
        // The exact-amount pair must be chosen over the tip pair.
        let pending = [
            c("p40", "card", 10, -4000, "Zuni Cafe"),
            c("p47", "card", 10, -4700, "Zuni Cafe"),
        ];
        let posted = [c("t47", "card", 11, -4700, "Zuni Cafe")];
        let s = settle(&pending, &posted);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].pending, "p47");
    }

    #[test]
    fn payee_similarity_ignores_noise() {
        assert_eq!(
            payee_similarity("BLUE BOTTLE COFFEE #0412 OAKLAND CA", "Blue Bottle Coffee"),
            100
        );
        assert_eq!(payee_similarity("Shell", "Chevron"), 0);
        assert_eq!(payee_similarity("", "x"), 0);
    }

    proptest! {
        #[test]
        fn settlement_is_one_to_one(pending in proptest::collection::vec((0u32..3, 1u32..10, -3000i64..-100), 0..12),
                                    posted in proptest::collection::vec((0u32..3, 1u32..20, -3000i64..-100), 0..12)) {
            let accts = ["a", "b", "c"];
            let pk: Vec<String> = (0..pending.len()).map(|i| format!("p{i}")).collect();
            let qk: Vec<String> = (0..posted.len()).map(|i| format!("t{i}")).collect();
            let p: Vec<Candidate> = pending.iter().enumerate().map(|(i, (a, day, amt))| c(&pk[i], accts[*a as usize], *day, *amt, "Store")).collect();
            let q: Vec<Candidate> = posted.iter().enumerate().map(|(i, (a, day, amt))| c(&qk[i], accts[*a as usize], *day, *amt, "Store")).collect();
            let s = settle(&p, &q);
            let mut ps: Vec<&String> = s.iter().map(|x| &x.pending).collect();
            let mut qs: Vec<&String> = s.iter().map(|x| &x.posted).collect();
            ps.sort(); ps.dedup(); qs.sort(); qs.dedup();
            prop_assert_eq!(ps.len(), s.len());
            prop_assert_eq!(qs.len(), s.len());
            prop_assert!(s.len() <= p.len().min(q.len()));
        }
    }
}
