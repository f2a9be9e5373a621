//! The pace rule: a category's month on course to far exceed its usual month.

use super::*;

/// Shopping totals for the last twelve months (two Amazon orders a month), then this month's.
fn shopping(months: [i64; 12], now: &[(u32, i64)]) -> History {
    let mut h = History::default();
    for (i, total) in months.iter().enumerate() {
        let month = Month::new(2025, 11).unwrap().plus(i as i32);
        h.add(2, month.day_clamped(5), -(total / 2), "Amazon", "Shopping");
        h.add(
            2,
            month.day_clamped(19),
            -(total - total / 2),
            "Amazon",
            "Shopping",
        );
    }
    for (d, cents) in now {
        h.add(2, day(2026, 11, *d), -cents, "Amazon", "Shopping");
    }
    h
}

const STEADY: [i64; 12] = [
    22_000, 25_000, 23_500, 24_000, 26_000, 23_000, 22_500, 24_500, 23_000, 25_500, 24_000, 23_500,
];

fn pace_messages(h: &History, today: NaiveDate) -> Vec<String> {
    h.alerts_on(today)
        .into_iter()
        .filter(|a| a.key.starts_with("unusual_spend:pace:"))
        .map(|a| format!("{} | {}", a.key, a.message))
        .collect()
}

#[test]
fn a_month_running_far_above_usual() {
    let h = shopping(
        STEADY,
        &[(2, 15_000), (8, 15_000), (12, 15_000), (19, 15_000)],
    );
    assert_eq!(
        pace_messages(&h, today()),
        [
            "unusual_spend:pace:Shopping:2026-11 | Shopping: $600.00 spent so far in Nov 2026 \
          is on pace for $671.25; usually $237.50 a month"
        ]
    );
}

#[test]
fn months_that_are_not_far_above() {
    type Case<'a> = (&'a str, [i64; 12], Vec<(u32, i64)>, NaiveDate);
    let cases: Vec<Case> = vec![
        (
            "a little above usual",
            STEADY,
            vec![(4, 12_500), (18, 12_500)],
            today(),
        ),
        (
            "a few purchases early in the month",
            STEADY,
            vec![(1, 5_000), (2, 5_000)],
            day(2026, 11, 3),
        ),
        (
            "a category that swings a lot must swing further",
            [
                10_000, 40_000, 15_000, 50_000, 20_000, 45_000, 10_000, 40_000, 15_000, 50_000,
                20_000, 45_000,
            ],
            vec![(3, 25_000), (17, 25_000)],
            today(),
        ),
        (
            "not above the year's biggest month",
            [
                5_000, 5_000, 5_000, 30_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000, 5_000,
            ],
            vec![(3, 12_500), (17, 12_500)],
            today(),
        ),
        (
            "no usual month",
            [0; 12],
            vec![(3, 25_000), (17, 25_000)],
            today(),
        ),
    ];
    for (why, months, now, today) in cases {
        let h = shopping(months, &now);
        assert!(
            pace_messages(&h, today).is_empty(),
            "{why}: {:?}",
            pace_messages(&h, today)
        );
    }
}

#[test]
fn too_little_history_means_no_usual_month() {
    let h = shopping(
        STEADY,
        &[(2, 15_000), (8, 15_000), (12, 15_000), (19, 15_000)],
    );
    let tree = CategoryTree::defaults();
    let input = UnusualInput {
        today: today(),
        history: &h.txns,
        tree: &tree,
        accounts: &[],
        streams: &[],
        known_merchants: &HashSet::new(),
        covered_from: day(2026, 8, 15),
    };
    let alerts = unusual_spend_alerts(&input);
    assert!(
        alerts.iter().all(|a| !a.key.contains(":pace:")),
        "only Sep and Oct are covered"
    );
}

#[test]
fn a_charge_reported_on_its_own_is_not_reported_again_as_a_pace() {
    let h = shopping(STEADY, &[(2, 5_000), (18, 90_000)]);
    let keys: Vec<String> = h.alerts().into_iter().map(|a| a.key).collect();
    assert_eq!(keys, ["unusual_spend:above:2:2026-11-18:amazon"]);
}
