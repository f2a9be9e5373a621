#![allow(clippy::unwrap_used)]

use super::*;
use crate::domain::Currency;
use chrono::TimeZone;
use proptest::prelude::*;
use rust_decimal::{Decimal, dec};

fn usd(d: Decimal) -> Money {
    Money::new(d, Currency::USD)
}

fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_790_000_000 + secs, 0).unwrap()
}

fn rule(id: i64, new: NewRule) -> Rule {
    Rule {
        id,
        payee: new.validate().unwrap(),
        category: new.category,
        min: new.min,
        max: new.max,
        account: new.account,
        account_name: None,
        priority: new.priority,
        created: at(id),
    }
}

fn contains(text: &str, category: &str) -> NewRule {
    NewRule::for_payee(text, category)
}

#[test]
fn payee_text_matches_payee_or_description_ignoring_case() {
    let rules = [rule(1, contains("Blue Bottle", "Coffee"))];
    let m = |payee, desc| categorize(&rules, payee, desc, usd(dec!(-5.20)), 1);
    assert_eq!(m("BLUE BOTTLE COFFEE #12", ""), Some("Coffee"));
    assert_eq!(m("Square", "SQ *blue bottle oakland"), Some("Coffee"));
    assert_eq!(m("Philz Coffee", "PHILZ"), None);
}

#[test]
fn non_ascii_text_matches_ignoring_case() {
    let rules = [rule(1, contains("café", "Coffee"))];
    assert_eq!(
        categorize(&rules, "CAFÉ TACUBA", "", usd(dec!(-9)), 1),
        Some("Coffee")
    );
}

#[test]
fn regex_matches_ignoring_case() {
    let new = NewRule {
        category: "Rideshare".into(),
        payee_regex: Some(r"^(uber|lyft)\b".into()),
        ..NewRule::default()
    };
    let rules = [rule(1, new)];
    let m = |payee| categorize(&rules, payee, "", usd(dec!(-18)), 1);
    assert_eq!(m("UBER *TRIP"), Some("Rideshare"));
    assert_eq!(m("Lyft ride"), Some("Rideshare"));
    assert_eq!(m("Uber Eats"), Some("Rideshare"));
    assert_eq!(m("Suber"), None);
}

#[test]
fn amount_range_compares_the_size_inclusively_in_its_currency() {
    let new = NewRule {
        category: "Shopping".into(),
        payee_contains: Some("amazon".into()),
        min: Some(usd(dec!(100))),
        max: Some(usd(dec!(500))),
        ..NewRule::default()
    };
    let rules = [rule(1, new)];
    let m = |amount: Money| categorize(&rules, "Amazon", "", amount, 1);
    assert_eq!(
        m(usd(dec!(-100))),
        Some("Shopping"),
        "lower bound inclusive"
    );
    assert_eq!(
        m(usd(dec!(-500))),
        Some("Shopping"),
        "upper bound inclusive"
    );
    assert_eq!(
        m(usd(dec!(250))),
        Some("Shopping"),
        "a refund has a size too"
    );
    assert_eq!(m(usd(dec!(-99.99))), None);
    assert_eq!(m(usd(dec!(-500.01))), None);
    let eur = Currency::new("EUR").unwrap();
    assert_eq!(m(Money::new(dec!(-200), eur)), None, "other currency");
}

#[test]
fn account_condition_alone_is_a_rule() {
    let new = NewRule {
        category: "Travel".into(),
        account: Some(7),
        ..NewRule::default()
    };
    let rules = [rule(1, new)];
    assert_eq!(
        categorize(&rules, "anything", "", usd(dec!(-1)), 7),
        Some("Travel")
    );
    assert_eq!(categorize(&rules, "anything", "", usd(dec!(-1)), 8), None);
}

#[test]
fn higher_priority_wins_then_newest() {
    let mut low = contains("shell", "Fuel");
    low.priority = 0;
    let mut high = contains("shell oil", "Transport");
    high.priority = 5;
    let newer_equal = contains("shell", "Shopping");
    let rules = [rule(1, low), rule(2, high), rule(3, newer_equal)];
    assert_eq!(
        categorize(&rules, "SHELL OIL 123", "", usd(dec!(-40)), 1),
        Some("Transport"),
        "priority 5 beats newer priority 0"
    );
    assert_eq!(
        categorize(&rules, "Shell station", "", usd(dec!(-40)), 1),
        Some("Shopping"),
        "same priority: the newest"
    );
    assert_eq!(
        best_rule(&rules, "Shell", "", usd(dec!(-40)), 1).map(|r| r.id),
        Some(3)
    );
    assert_eq!(categorize(&[], "Shell", "", usd(dec!(-40)), 1), None);
}

#[test]
fn bad_rules_are_refused_naming_the_value() {
    let bad_regex = NewRule {
        category: "X".into(),
        payee_regex: Some("(unclosed".into()),
        ..NewRule::default()
    };
    let e = bad_regex.validate().unwrap_err();
    assert!(matches!(&e, RuleError::BadRegex { pattern, .. } if pattern == "(unclosed"));
    assert!(e.to_string().contains("\"(unclosed\""), "{e}");

    let both = NewRule {
        payee_contains: Some("a".into()),
        payee_regex: Some("b".into()),
        ..NewRule::default()
    };
    assert_eq!(both.validate().unwrap_err(), RuleError::BothPatterns);
    assert_eq!(
        NewRule::default().validate().unwrap_err(),
        RuleError::NoCondition
    );
    assert_eq!(
        contains("  ", "X").validate().unwrap_err(),
        RuleError::EmptyPattern
    );
    let negative = NewRule {
        min: Some(usd(dec!(-5))),
        ..NewRule::default()
    };
    let e = negative.validate().unwrap_err();
    assert!(e.to_string().contains("-$5.00"), "{e}");
    let empty = NewRule {
        min: Some(usd(dec!(20))),
        max: Some(usd(dec!(10))),
        ..NewRule::default()
    };
    assert!(matches!(
        empty.validate(),
        Err(RuleError::EmptyRange { .. })
    ));
}

#[test]
fn conditions_read_as_words() {
    let new = NewRule {
        category: "Coffee".into(),
        payee_contains: Some("blue bottle".into()),
        min: Some(usd(dec!(2))),
        max: Some(usd(dec!(20))),
        account: Some(3),
        ..NewRule::default()
    };
    let mut r = rule(1, new);
    r.account_name = Some("Visa".into());
    assert_eq!(
        r.to_string(),
        "payee contains \"blue bottle\", $2.00 to $20.00, on Visa → Coffee"
    );
}

const PAYEES: [&str; 4] = ["Blue Bottle", "Shell", "Amazon", "Uber"];

fn arb_rule() -> impl Strategy<Value = (usize, Option<u32>, Option<i64>, i64)> {
    (
        0..PAYEES.len(),
        prop::option::of(0u32..200),
        prop::option::of(1i64..3),
        -2i64..3,
    )
}

proptest! {
    /// The chosen rule matches, no matching rule outranks it, and the order rules are listed in
    /// never changes the answer.
    #[test]
    fn the_winner_matches_and_outranks_every_other_match(
        specs in prop::collection::vec(arb_rule(), 0..8),
        payee in 0..PAYEES.len(),
        cents in -30_000i64..30_000,
        account in 1i64..3,
    ) {
        let rules: Vec<Rule> = specs.iter().enumerate().map(|(i, (p, min, acct, prio))| {
            let mut new = contains(PAYEES[*p], &format!("C{i}"));
            new.min = min.map(|m| usd(Decimal::from(m)));
            new.account = *acct;
            new.priority = *prio;
            rule(i as i64 + 1, new)
        }).collect();
        let amount = Money::from_minor(cents, Currency::USD);
        let payee = PAYEES[payee];
        let winner = best_rule(&rules, payee, "", amount, account);
        let matching: Vec<&Rule> = rules.iter().filter(|r| r.matches(payee, "", amount, account)).collect();
        prop_assert_eq!(winner.is_some(), !matching.is_empty());
        if let Some(w) = winner {
            prop_assert!(w.matches(payee, "", amount, account));
            for m in &matching {
                prop_assert!((w.priority, w.id) >= (m.priority, m.id));
            }
        }
        let mut reversed = rules.clone();
        reversed.reverse();
        prop_assert_eq!(
            best_rule(&reversed, payee, "", amount, account).map(|r| r.id),
            winner.map(|r| r.id)
        );
    }
}
