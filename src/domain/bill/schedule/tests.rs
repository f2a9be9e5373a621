#![allow(clippy::unwrap_used)]

use proptest::prelude::*;

use super::*;
use crate::domain::{Clock, FixedClock};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Today as the injected clock reports it.
fn today(y: i32, m: u32, day: u32) -> NaiveDate {
    FixedClock::on(d(y, m, day)).today()
}

#[test]
fn monthly_on_the_31st_clamps_and_comes_back() {
    let first = d(2026, 1, 31);
    let dues: Vec<NaiveDate> = (0..4)
        .map(|n| Every::Monthly.nth(first, n).unwrap())
        .collect();
    assert_eq!(
        dues,
        [
            d(2026, 1, 31),
            d(2026, 2, 28),
            d(2026, 3, 31),
            d(2026, 4, 30)
        ]
    );
    assert_eq!(Every::Monthly.nth(d(2028, 1, 31), 1), Some(d(2028, 2, 29)));
    assert_eq!(
        Every::Quarterly.nth(d(2026, 11, 30), 1),
        Some(d(2027, 2, 28))
    );
    assert_eq!(
        Every::Quarterly.nth(d(2026, 11, 30), 2),
        Some(d(2027, 5, 30))
    );
}

#[test]
fn annually_on_29_february_falls_on_the_28th_in_other_years() {
    let first = d(2028, 2, 29);
    let dues: Vec<NaiveDate> = (0..5)
        .map(|n| Every::Annually.nth(first, n).unwrap())
        .collect();
    assert_eq!(
        dues,
        [
            d(2028, 2, 29),
            d(2029, 2, 28),
            d(2030, 2, 28),
            d(2031, 2, 28),
            d(2032, 2, 29)
        ]
    );
}

#[test]
fn weekly_biweekly_and_once() {
    let first = d(2026, 11, 2);
    assert_eq!(Every::Weekly.nth(first, 3), Some(d(2026, 11, 23)));
    assert_eq!(Every::Biweekly.nth(first, 2), Some(d(2026, 11, 30)));
    assert_eq!(Every::Once.nth(first, 0), Some(first));
    assert_eq!(Every::Once.nth(first, 1), None);
    assert_eq!(Every::Monthly.nth(NaiveDate::MAX, 1), None);
}

#[test]
fn names_parse_in_any_case() {
    for e in Every::ALL {
        assert_eq!(Every::parse(e.as_str()), Some(e));
        assert_eq!(Every::parse(&e.as_str().to_uppercase()), Some(e));
    }
    assert_eq!(Every::parse("fortnightly"), None);
    assert_eq!(Every::Annually.next(), Every::Once);
    assert_eq!(BillOrigin::parse("user"), Some(BillOrigin::User));
    assert_eq!(BillOrigin::parse("x"), None);
}

#[test]
fn a_new_future_bill_stores_its_first_due_date() {
    let got = occurrences_to_store(d(2026, 11, 23), Every::Monthly, &[], today(2026, 11, 21));
    assert_eq!(got, [d(2026, 11, 23)]);
    let got = occurrences_to_store(d(2026, 11, 21), Every::Once, &[], today(2026, 11, 21));
    assert_eq!(got, [d(2026, 11, 21)], "due today is the next one");
}

#[test]
fn an_old_anchor_stores_the_recent_past_due_one_and_the_next() {
    // Monthly on the 17th since 2025: the 17th (4 days ago) may be overdue; the 17 December next.
    let got = occurrences_to_store(d(2025, 3, 17), Every::Monthly, &[], today(2026, 11, 21));
    assert_eq!(got, [d(2026, 11, 17), d(2026, 12, 17)]);
    // On the 1st: three weeks ago is too long ago to call overdue now.
    let got = occurrences_to_store(d(2025, 3, 1), Every::Monthly, &[], today(2026, 11, 21));
    assert_eq!(got, [d(2026, 12, 1)]);
}

#[test]
fn the_first_due_date_is_owed_however_long_ago() {
    let got = occurrences_to_store(d(2026, 9, 1), Every::Once, &[], today(2026, 11, 21));
    assert_eq!(got, [d(2026, 9, 1)]);
    let got = occurrences_to_store(d(2026, 11, 1), Every::Monthly, &[], today(2026, 11, 21));
    assert_eq!(got, [d(2026, 11, 1), d(2026, 12, 1)]);
    // Not once a later occurrence has passed too.
    let got = occurrences_to_store(d(2026, 10, 1), Every::Monthly, &[], today(2026, 11, 21));
    assert_eq!(got, [d(2026, 12, 1)]);
}

#[test]
fn paying_moves_on_to_the_next_occurrence() {
    let first = d(2026, 11, 23);
    let t = today(2026, 11, 21);
    assert!(occurrences_to_store(first, Every::Monthly, &[(first, false)], t).is_empty());
    // Paid early: the next month is created now.
    let got = occurrences_to_store(first, Every::Monthly, &[(first, true)], t);
    assert_eq!(got, [d(2026, 12, 23)]);
    // A one-off that is paid is done.
    assert!(occurrences_to_store(first, Every::Once, &[(first, true)], t).is_empty());
}

#[test]
fn an_unpaid_overdue_occurrence_stays_and_the_next_is_added() {
    let first = d(2026, 11, 14);
    let got = occurrences_to_store(first, Every::Weekly, &[(first, false)], today(2026, 11, 21));
    assert_eq!(got, [d(2026, 11, 21)]);
}

fn every() -> impl Strategy<Value = Every> {
    prop::sample::select(Every::ALL.to_vec())
}

proptest! {
    /// Whatever is stored, what is returned is new, on the schedule, in order, never after the
    /// first unpaid one due from today on, and storing it leaves nothing more to add.
    #[test]
    fn occurrences_are_new_scheduled_and_settle(
        first_offset in -800i64..400,
        every in every(),
        paid_mask in prop::collection::vec(any::<bool>(), 0..6),
    ) {
        let t = today(2026, 11, 21);
        let first = t + chrono::Duration::days(first_offset);
        let schedule: Vec<NaiveDate> = (0..2000).map_while(|n| every.nth(first, n)).collect();
        // Store some scheduled occurrences around today, paid or not.
        let near: Vec<NaiveDate> = schedule
            .iter()
            .copied()
            .filter(|x| (*x - t).num_days().abs() <= 60)
            .collect();
        let stored: Vec<(NaiveDate, bool)> =
            near.iter().copied().zip(paid_mask.iter().copied()).collect();
        let got = occurrences_to_store(first, every, &stored, t);
        for w in got.windows(2) {
            prop_assert!(w[0] < w[1]);
        }
        for due in &got {
            prop_assert!(schedule.contains(due));
            prop_assert!(!stored.iter().any(|(s, _)| s == due));
        }
        prop_assert!(got.iter().filter(|x| **x >= t).count() <= 1);
        let mut after = stored.clone();
        after.extend(got.iter().map(|x| (*x, false)));
        prop_assert!(occurrences_to_store(first, every, &after, t).is_empty());
        // A recurring bill always has something unpaid from today on once settled.
        if every != Every::Once {
            prop_assert!(after.iter().any(|(x, paid)| *x >= t && !paid));
        }
    }
}
