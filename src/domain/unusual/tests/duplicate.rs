//! Duplicate charges: the same amount at the same merchant twice within two days.

use super::*;

#[test]
fn the_same_charge_twice_within_two_days() {
    let base = || {
        let mut h = History::default();
        h.visits(10, day(2026, 11, 10), 4, (3_800, 6_800), "Shell", "Fuel");
        h
    };
    let mut twice = base();
    twice.add(2, day(2026, 11, 18), -4_512, "Shell", "Fuel");
    twice.add(2, day(2026, 11, 19), -4_512, "Shell", "Fuel");
    let alerts = twice.alerts();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(
        alerts[0].key,
        "unusual_spend:duplicate:2:2026-11-19:-45.12 shell"
    );
    assert_eq!(
        alerts[0].message,
        "$45.12 at Shell charged on 2026-11-18 and again on 2026-11-19 on Visa Signature: a duplicate?"
    );
    let mut pending = base();
    pending.add(2, day(2026, 11, 20), -4_512, "Shell", "Fuel");
    pending.add(2, day(2026, 11, 20), -4_512, "Shell", "Fuel");
    pending.txns.last_mut().unwrap().pending = true;
    assert_eq!(pending.alerts().len(), 1, "one of them still pending");

    type Case<'a> = (&'a str, (i64, NaiveDate), (i64, NaiveDate), i64);
    let cases: Vec<Case> = vec![
        (
            "three days apart",
            (2, day(2026, 11, 15)),
            (2, day(2026, 11, 18)),
            -4_512,
        ),
        (
            "different accounts",
            (1, day(2026, 11, 18)),
            (2, day(2026, 11, 18)),
            -4_512,
        ),
        (
            "too old",
            (2, day(2026, 11, 1)),
            (2, day(2026, 11, 2)),
            -4_512,
        ),
    ];
    for (why, (a1, d1), (a2, d2), cents) in cases {
        let mut h = base();
        h.add(a1, d1, cents, "Shell", "Fuel");
        h.add(a2, d2, cents, "Shell", "Fuel");
        assert!(h.alerts().is_empty(), "{why}");
    }
}

#[test]
fn habitual_repeats_are_not_duplicates() {
    let fares = |weeks: u64| {
        let mut h = History::default();
        for week in 0..weeks {
            let d = day(2026, 11, 20) - Days::new(7 * week);
            h.add(2, d, -215, "BART", "Public transit");
            h.add(2, d, -215, "BART", "Public transit");
        }
        h.alerts()
    };
    assert_eq!(
        fares(2).len(),
        2,
        "two repeats in two weeks both look like mistakes"
    );
    assert!(
        fares(4).is_empty(),
        "after two repeats before them, they are habit"
    );
}
