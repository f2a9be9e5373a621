//! The household's ordinary days: paychecks, fixed bills, subscriptions and ad-hoc purchases.
//! Everything dated on a day is a pure function of (seed, anchor, day); nothing here depends on
//! balances (the ledger adds transfers and card payments on top).

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::catalog::{
    ELECTRIC_BY_MONTH, ELECTRIC_DAY, MERCHANTS, MONTHLY, Merchant, PAYCHECK_CENTS, Pay,
};
use super::event::{Acct, Event, Label};
use super::planted::{
    self, NETFLIX_NEW_CENTS, NETFLIX_OLD_CENTS, NETFLIX_RISE_DAYS_BEFORE, SWEEP_DAYS_BEFORE,
};
use super::rng::Draw;
use crate::domain::Month;

/// Days of history before the anchor.
pub(super) const HISTORY_DAYS: u64 = 730;

const PAYCHECK_SLOT: u32 = 1;
const ELECTRIC_SLOT: u32 = 3;
const NETFLIX_SLOT: u32 = 10;
const PAYCHECK: Label = Label::new(
    "ACME Corp Payroll",
    "ACME CORP PAYROLL PPD ID: 9876543210",
    "Paycheck",
);
const ELECTRIC: Label = Label::new("PG&E", "PGANDE WEB ONLINE ACH PMT", "Electricity");
const NETFLIX: Label = Label::new("Netflix", "NETFLIX.COM LOS GATOS CA", "Streaming");
/// Ad-hoc merchant `i` uses slot `MERCHANT_SLOT_BASE + i` (at most one visit a day each).
const MERCHANT_SLOT_BASE: u32 = 100;

/// The fixed shape of one demo household: seed, anchor and the days things recur on.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan {
    pub seed: u64,
    pub anchor: NaiveDate,
    /// First day of history (`anchor − 730 days`).
    pub start: NaiveDate,
    /// Card statements fall due on this day of each month.
    pub due_day: u32,
    /// Monthly savings sweeps happen on this day of each month.
    pub sweep_day: u32,
    /// Netflix bills on this day of each month.
    pub netflix_day: u32,
}

impl Plan {
    pub(super) fn new(seed: u64, anchor: NaiveDate) -> Self {
        Plan {
            seed,
            anchor,
            start: anchor - Days::new(HISTORY_DAYS),
            due_day: (anchor + Days::new(planted::due_offset_days(seed))).day(),
            sweep_day: (anchor - Days::new(SWEEP_DAYS_BEFORE)).day(),
            netflix_day: (anchor - Days::new(NETFLIX_RISE_DAYS_BEFORE)).day(),
        }
    }

    /// Paydays are every other week, with one the day after the anchor.
    pub(super) fn is_payday(&self, day: NaiveDate) -> bool {
        (day - (self.anchor + Days::new(1)))
            .num_days()
            .rem_euclid(14)
            == 0
    }

    pub(super) fn is_sweep_day(&self, day: NaiveDate) -> bool {
        is_monthly(day, self.sweep_day)
    }

    /// Card statements fall due on this day (each closes `STATEMENT_TO_DUE_DAYS` before).
    pub(super) fn is_due_day(&self, day: NaiveDate) -> bool {
        is_monthly(day, self.due_day)
    }

    /// All balance-independent events dated `day`, ordinary and planted.
    pub(super) fn events_on(&self, day: NaiveDate, out: &mut Vec<Event>) {
        if self.is_payday(day) {
            out.push(Event::new(
                Acct::Checking,
                day,
                PAYCHECK_SLOT,
                PAYCHECK_CENTS,
                PAYCHECK,
            ));
        }
        for bill in MONTHLY.iter().filter(|b| is_monthly(day, b.day)) {
            let event = match bill.pay {
                Pay::CheckingAch => {
                    Event::new(Acct::Checking, day, bill.slot, -bill.cents, bill.label)
                }
                Pay::Card => Event::new(Acct::Card, day, bill.slot, -bill.cents, bill.label)
                    .pending_for(self.card_lag(day, bill.slot)),
            };
            out.push(event);
        }
        if is_monthly(day, ELECTRIC_DAY) {
            let typical = ELECTRIC_BY_MONTH[day.month0() as usize];
            let percent = Draw::new(self.seed, day, u64::from(ELECTRIC_SLOT)).range(920, 1080);
            let cents = typical * percent / 1000;
            out.push(Event::new(
                Acct::Checking,
                day,
                ELECTRIC_SLOT,
                -cents,
                ELECTRIC,
            ));
        }
        if is_monthly(day, self.netflix_day) {
            let rise = self.anchor - Days::new(NETFLIX_RISE_DAYS_BEFORE);
            let cents = if day < rise {
                NETFLIX_OLD_CENTS
            } else {
                NETFLIX_NEW_CENTS
            };
            let lag = self.card_lag(day, NETFLIX_SLOT);
            out.push(Event::new(Acct::Card, day, NETFLIX_SLOT, -cents, NETFLIX).pending_for(lag));
        }
        for (i, merchant) in MERCHANTS.iter().enumerate() {
            if let Some(event) = self.visit(i, merchant, day) {
                out.push(event);
            }
        }
        planted::planted_on(self.anchor, day, out);
    }

    /// Card charges pend for one or two days.
    fn card_lag(&self, day: NaiveDate, slot: u32) -> u8 {
        1 + Draw::new(self.seed, day, 500 + u64::from(slot)).below(2) as u8
    }

    /// Whether the household shops at merchant `i` on `day`, and for how much.
    fn visit(&self, i: usize, merchant: &Merchant, day: NaiveDate) -> Option<Event> {
        let slot = MERCHANT_SLOT_BASE + i as u32;
        let mut draw = Draw::new(self.seed, day, u64::from(slot));
        let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
        let visits = draw.chance(if weekend {
            merchant.weekend
        } else {
            merchant.weekday
        });
        // Every merchant shows up within the first three months, so none is new near the anchor.
        let introduced = day == self.start + Days::new(2 + 3 * i as u64);
        if !(visits || introduced) || planted::blocks_ordinary_visit(self.anchor, i, day) {
            return None;
        }
        let cents = draw.cents_for_day(merchant.lo, merchant.hi, day);
        let acct = if draw.chance(merchant.debit) {
            Acct::Checking
        } else {
            Acct::Card
        };
        let lag = 1 + draw.below(2) as u8;
        let tip = if merchant.tips && draw.chance(400) {
            let tip = cents * draw.range(15, 22) / 100;
            tip - tip % 3
        } else {
            0
        };
        let event = Event::new(acct, day, slot, -cents, merchant.label);
        Some(event.pending_for(lag).posting_as(-(cents + tip)))
    }
}

/// True when `day` is the `day_of_month`-th of its month (clamped to the month's last day).
pub(super) fn is_monthly(day: NaiveDate, day_of_month: u32) -> bool {
    Month::of(day).day_clamped(day_of_month) == day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn monthly_days_clamp_to_short_months() {
        assert!(is_monthly(date(2026, 2, 28), 31));
        assert!(!is_monthly(date(2026, 2, 27), 31));
        assert!(is_monthly(date(2026, 3, 31), 31));
    }

    #[test]
    fn paydays_are_biweekly_with_one_right_after_the_anchor() {
        let plan = Plan::new(1, date(2026, 11, 21));
        assert!(plan.is_payday(date(2026, 11, 22)));
        assert!(plan.is_payday(date(2026, 11, 8)));
        assert!(!plan.is_payday(date(2026, 11, 15)));
        assert_eq!(plan.start, date(2024, 11, 21));
    }

    #[test]
    fn every_merchant_appears_within_the_first_three_months() {
        let plan = Plan::new(9, date(2026, 11, 21));
        let mut events = Vec::new();
        for day in plan.start.iter_days().take(95) {
            plan.events_on(day, &mut events);
        }
        for merchant in MERCHANTS {
            assert!(
                events.iter().any(|e| e.label == merchant.label),
                "{} never seen",
                merchant.label.payee
            );
        }
    }

    #[test]
    fn tips_are_whole_cents_that_keep_the_day_residue() {
        let plan = Plan::new(4, date(2026, 11, 21));
        let mut events = Vec::new();
        for day in plan.start.iter_days().take(400) {
            plan.events_on(day, &mut events);
        }
        let tipped: Vec<&Event> = events
            .iter()
            .filter(|e| e.cents != e.posted_cents)
            .collect();
        assert!(tipped.len() > 5);
        for e in tipped {
            assert_eq!((e.posted_cents - e.cents) % 3, 0);
            assert!(e.posted_cents < e.cents && e.posted_cents * 100 >= e.cents * 123);
        }
    }
}
