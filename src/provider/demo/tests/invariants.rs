//! Properties that hold for every seed and anchor, not just the fixed example.

use chrono::Days;
use proptest::prelude::*;

use super::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_seed_and_anchor_plants_the_trouble(seed in any::<u64>(), offset in 0u64..5_000) {
        let anchor = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Days::new(offset);
        let delta = DemoBank::new(seed).fetch(None, &ctx(anchor)).unwrap();
        let checking = account(&delta, "demo-checking");
        let available = cents(&checking.available.unwrap());
        prop_assert!((0..10_000).contains(&cents(&checking.balance)));
        prop_assert!((4_000..7_000).contains(&available), "available {}", available);
        let card = account(&delta, "demo-card");
        prop_assert!(card.balance.is_negative() && cents(&card.balance) > -800_000);
        prop_assert!(cents(&account(&delta, "demo-savings").balance) > 0);
        prop_assert_eq!(delta.bills.len(), 1);
        prop_assert!((2..=5).contains(&(delta.bills[0].due - anchor).num_days()));
        let at = |n: u64, payee: &str, amount: i64| {
            let day = anchor - Days::new(n);
            delta.upserts.iter().any(|t| t.date == day && t.payee == payee && cents(&t.amount) == amount)
        };
        prop_assert!(at(4, "Blue Bottle Coffee", -18_240));
        prop_assert!(at(3, "Riverside Auto Body", -138_642));
        prop_assert!(at(6, "Netflix", -1_799));
        prop_assert!(delta.upserts.iter().all(|t| t.amount.to_minor().is_ok()));
    }
}
