//! A predicted bill charged while the charge is still pending shows paid, not gone.

use super::*;

#[test]
fn a_pending_charge_pays_the_prediction_it_matches() {
    let due = day(2026, 12, 1);
    let predicted = bill(
        9,
        "Parkside Apartments",
        1,
        185_000,
        due,
        BillSource::Recurring,
    );
    let mut txns = rent_history(12);
    let mut charge = txn(200, 1, due, -185_000, "Parkside Apartments", "Rent");
    charge.pending = true;
    txns.push(charge);
    let p = plan(&[predicted], &txns, due);
    assert_eq!(p.paid, [9], "{p:?}");
    assert!(p.dropped.is_empty(), "{p:?}");
    // The stream moves on to the next month's prediction.
    assert_eq!(
        p.upsert.iter().map(|b| b.due).collect::<Vec<_>>(),
        [day(2027, 1, 1)]
    );
}

#[test]
fn a_pending_charge_that_does_not_match_leaves_the_prediction_alone() {
    let due = day(2026, 12, 1);
    let predicted = bill(
        9,
        "Parkside Apartments",
        1,
        185_000,
        due,
        BillSource::Recurring,
    );
    let mut txns = rent_history(12);
    let mut other = txn(200, 2, due, -185_000, "Parkside Apartments", "Rent");
    other.pending = true;
    txns.push(other);
    let p = plan(&[predicted], &txns, day(2026, 11, 28));
    assert!(p.paid.is_empty(), "{p:?}");
}
