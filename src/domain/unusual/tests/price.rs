//! Subscription price rises.

use super::*;
use chrono::Datelike;

fn netflix(rise_to: i64, days_ago: u64) -> History {
    subscription(1_549, rise_to, days_ago)
}

fn subscription(price: i64, rise_to: i64, days_ago: u64) -> History {
    let mut h = History::default();
    let rise = today() - Days::new(days_ago);
    let from = Month::of(rise).plus(-12);
    for i in 0..12 {
        h.add(
            2,
            from.plus(i).day_clamped(rise.day()),
            -price,
            "Netflix",
            "Streaming",
        );
    }
    h.add(2, rise, -rise_to, "Netflix", "Streaming");
    h
}

#[test]
fn subscription_price_rises() {
    let alerts = netflix(1_799, 6).alerts();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(
        alerts[0].key,
        "unusual_spend:price_rise:2:2026-11-15:17.99 netflix"
    );
    assert_eq!(
        alerts[0].message,
        "Netflix went up 16.1%: $17.99 on 2026-11-15, was $15.49 a month"
    );
    assert!(netflix(1_699, 6).alerts().is_empty(), "under 10%");
    assert!(netflix(1_799, 20).alerts().is_empty(), "not recent");
    assert!(netflix(1_399, 6).alerts().is_empty(), "a price cut");
    let mut utility = History::default();
    for (i, cents) in [8_000i64, 9_600, 12_800, 13_500, 11_800, 9_200]
        .iter()
        .enumerate()
    {
        utility.add(
            1,
            Month::new(2026, 5).unwrap().plus(i as i32).day_clamped(12),
            -cents,
            "PG&E",
            "Electricity",
        );
    }
    utility.add(1, day(2026, 11, 12), -12_400, "PG&E", "Electricity");
    assert!(
        utility.alerts().is_empty(),
        "a varying bill is no subscription"
    );
}

#[test]
fn a_rise_that_is_also_far_above_is_reported_once_as_a_rise() {
    let alerts = subscription(2_500, 4_500, 6).alerts();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert!(alerts[0].key.starts_with("unusual_spend:price_rise:"));
}
