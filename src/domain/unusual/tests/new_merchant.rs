//! A large first charge at a merchant never paid before.

use super::*;

fn checking_history() -> History {
    let mut h = History::default();
    for i in 0..40 {
        let date = day(2026, 11, 1) - Days::new(3 * i);
        h.add(
            1,
            date,
            -(2_000 + (i as i64 * 211) % 9_000),
            &format!("Store {}", i % 5),
            "Shopping",
        );
    }
    h
}

#[test]
fn a_large_first_charge_at_a_new_merchant() {
    let mut h = checking_history();
    h.add(
        1,
        day(2026, 11, 18),
        -138_642,
        "Riverside Auto Body",
        "Transport",
    );
    let alerts = h.alerts();
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(
        alerts[0].key,
        "unusual_spend:new_merchant:1:2026-11-18:riverside auto body"
    );
    assert_eq!(
        alerts[0].message,
        "$1,386.42 at Riverside Auto Body on 2026-11-18, a merchant you have not paid before; \
         95% of Everyday Checking's charges are under $98.07"
    );
    let tree = CategoryTree::defaults();
    let input = UnusualInput {
        today: today(),
        history: &h.txns,
        tree: &tree,
        accounts: &[],
        streams: &[],
        known_merchants: &HashSet::new(),
        covered_from: today() - Days::new(400),
    };
    assert_eq!(new_merchant_candidates(&input), ["riverside auto body"]);
}

#[test]
fn new_merchants_that_are_not_reported() {
    let small = {
        let mut h = checking_history();
        h.add(1, day(2026, 11, 18), -20_000, "Corner Florist", "Shopping");
        h
    };
    assert!(messages(&small).is_empty(), "under $250");
    let known = {
        let mut h = checking_history();
        h.add(
            1,
            day(2026, 11, 18),
            -138_642,
            "Riverside Auto Body",
            "Transport",
        );
        h.known.insert("riverside auto body".into());
        h
    };
    assert!(messages(&known).is_empty(), "paid before the window");
    let second = {
        let mut h = checking_history();
        h.add(
            1,
            day(2026, 10, 2),
            -5_000,
            "Riverside Auto Body",
            "Transport",
        );
        h.add(
            1,
            day(2026, 11, 18),
            -138_642,
            "Riverside Auto Body",
            "Transport",
        );
        h
    };
    assert!(
        messages(&second)
            .iter()
            .all(|m| !m.contains("not paid before")),
        "seen in October"
    );
    let big_spender = {
        let mut h = History::default();
        for i in 0..30 {
            h.add(
                1,
                day(2026, 11, 1) - Days::new(4 * i),
                -(150_000 + i as i64),
                &format!("Supplier {i}"),
                "Shopping",
            );
        }
        h.add(1, day(2026, 11, 18), -60_000, "New Supplier", "Shopping");
        h
    };
    assert!(
        messages(&big_spender).is_empty(),
        "$600 is usual for this account"
    );
}
