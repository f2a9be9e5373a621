//! Planted trouble: the few deliberately odd things in the demo history, all placed relative to
//! the anchor (the day of the first sync), so they are visible right after it.
//!
//! With anchor `A` (the first sync's `today`) and seed `s`:
//!
//! | When       | What                                                                            |
//! |------------|---------------------------------------------------------------------------------|
//! | `A − 13`   | a payday; the month's "Transfer to savings" sweep is sized so that checking's   |
//! |            | **available balance at `A` is [`target_available_cents`]`(s)`** (in $40–$70)     |
//! | `A − 6`    | **Netflix $17.99** on the card: the first charge at the new price; every earlier|
//! |            | monthly Netflix charge (same day of month, back to `A − 730`) is $15.49          |
//! | `A − 4`    | **Blue Bottle Coffee $182.40** (catering) on the card; ordinary visits are      |
//! |            | $4.50–$6.80                                                                     |
//! | `A − 3`    | **Riverside Auto Body $1,386.42**, debit card on checking: a merchant never     |
//! |            | seen before; pending one day, posts at `A − 2`                                  |
//! | `A − 1`    | Nopalito $40.00 on the card, pending two days, posts at `A + 1` as **$47.20**   |
//! |            | (tip added)                                                                     |
//! | `A + 1`    | the next paycheck (+$2,451.38): checking recovers                               |
//! | `A + d(s)` | the card statement is due, `d(s)` in 2..=5 ([`due_offset_days`]); it closed 23  |
//! |            | days earlier and autopay pays it in full from checking on the due date          |
//!
//! Between `A − 13` and `A` checking only has debits, so the balance falls steadily to the low
//! point and never below it; at `A` the balance is the available balance plus small pending coffee
//! holds (under $14), so both are in $40–$84.

use chrono::{Days, NaiveDate};

use super::catalog::{BLUE_BOTTLE, MERCHANTS, NOPALITO};
use super::event::{Acct, Event, Label};
use super::rng::Draw;

/// Days before the anchor of the price-rise Netflix charge.
pub(super) const NETFLIX_RISE_DAYS_BEFORE: u64 = 6;
pub(super) const NETFLIX_OLD_CENTS: i64 = 1_549;
pub(super) const NETFLIX_NEW_CENTS: i64 = 1_799;
/// Days before the anchor of the catering charge at Blue Bottle Coffee.
pub(super) const CATERING_DAYS_BEFORE: u64 = 4;
pub(super) const CATERING_CENTS: i64 = 18_240;
/// Days before the anchor of the new merchant's large charge.
pub(super) const AUTO_BODY_DAYS_BEFORE: u64 = 3;
pub(super) const AUTO_BODY_CENTS: i64 = 138_642;
pub(super) const AUTO_BODY: Label = Label::new(
    "Riverside Auto Body",
    "DEBIT CARD PURCHASE RIVERSIDE AUTO BODY INC OAKLAND CA",
    "Transport",
);
/// Days before the anchor of the dinner whose tip is added when it posts.
pub(super) const TIP_DAYS_BEFORE: u64 = 1;
pub(super) const TIP_PENDING_CENTS: i64 = 4_000;
pub(super) const TIP_POSTED_CENTS: i64 = 4_720;
/// Days before the anchor of the sweep that leaves checking low (a payday).
pub(super) const SWEEP_DAYS_BEFORE: u64 = 13;
/// Days between a statement's closing date and its due date.
pub(super) const STATEMENT_TO_DUE_DAYS: u64 = 23;

/// Slots (provider-id suffixes) of the planted events.
pub(super) const CATERING_SLOT: u32 = 90;
pub(super) const AUTO_BODY_SLOT: u32 = 91;
pub(super) const TIP_SLOT: u32 = 92;

/// Days from the anchor to the card's payment due date (2..=5, per seed).
pub(super) fn due_offset_days(seed: u64) -> u64 {
    2 + Draw::for_seed(seed, 1).below(4)
}

/// Checking's available balance at the anchor, in cents: $40.00..$69.00 per seed (the sweep is
/// rounded to whole dollars, so the result lies within a dollar above this).
pub(super) fn target_available_cents(seed: u64) -> i64 {
    4_000 + 100 * Draw::for_seed(seed, 2).below(30) as i64
}

/// The planted events dated `day` (none on most days).
pub(super) fn planted_on(anchor: NaiveDate, day: NaiveDate, out: &mut Vec<Event>) {
    let before = |n: u64| anchor - Days::new(n);
    if day == before(CATERING_DAYS_BEFORE) {
        let coffee = MERCHANTS[BLUE_BOTTLE].label;
        out.push(
            Event::new(Acct::Card, day, CATERING_SLOT, -CATERING_CENTS, coffee).pending_for(1),
        );
    }
    if day == before(AUTO_BODY_DAYS_BEFORE) {
        let event = Event::new(
            Acct::Checking,
            day,
            AUTO_BODY_SLOT,
            -AUTO_BODY_CENTS,
            AUTO_BODY,
        );
        out.push(event.pending_for(1));
    }
    if day == before(TIP_DAYS_BEFORE) {
        let dinner = MERCHANTS[NOPALITO].label;
        let event = Event::new(Acct::Card, day, TIP_SLOT, -TIP_PENDING_CENTS, dinner);
        out.push(event.pending_for(2).posting_as(-TIP_POSTED_CENTS));
    }
}

/// Keeps ordinary visits to the planted dinner's restaurant away from it (no look-alike charges).
pub(super) fn blocks_ordinary_visit(anchor: NaiveDate, merchant: usize, day: NaiveDate) -> bool {
    let dinner = anchor - Days::new(TIP_DAYS_BEFORE);
    merchant == NOPALITO && day + Days::new(2) >= dinner && day <= dinner + Days::new(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_seed_constants_stay_in_their_documented_ranges() {
        for seed in 0..500 {
            assert!((2..=5).contains(&due_offset_days(seed)));
            assert!((4_000..=6_900).contains(&target_available_cents(seed)));
        }
    }

    #[test]
    fn planted_events_fall_on_their_days_only() {
        let anchor = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
        let mut all = Vec::new();
        for day in (anchor - Days::new(30)).iter_days().take(40) {
            planted_on(anchor, day, &mut all);
        }
        let found: Vec<(u32, i64)> = all
            .iter()
            .map(|e| (e.slot, (anchor - e.date).num_days()))
            .collect();
        assert_eq!(
            found,
            vec![(CATERING_SLOT, 4), (AUTO_BODY_SLOT, 3), (TIP_SLOT, 1)]
        );
        assert!(blocks_ordinary_visit(anchor, NOPALITO, anchor));
        assert!(!blocks_ordinary_visit(
            anchor,
            NOPALITO,
            anchor - Days::new(4)
        ));
        assert!(!blocks_ordinary_visit(anchor, BLUE_BOTTLE, anchor));
    }
}
