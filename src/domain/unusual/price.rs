//! Subscription price rises: a monthly or yearly outflow stream with a fixed price (its two
//! charges before the latest agree within 2%) whose latest, recent charge is more than
//! [`PRICE_RISE_PERCENT`]% above the previous one. A utility bill that varies is no subscription.

use rust_decimal::Decimal;

use super::{Finding, PRICE_RISE_PERCENT, UnusualInput};
use crate::domain::history::merchant_key;
use crate::domain::recurring::Cadence;
use crate::domain::transaction::TransactionId;

pub(super) fn price_rises(input: &UnusualInput<'_>) -> Vec<(TransactionId, Finding)> {
    input
        .streams
        .iter()
        .filter(|s| !s.inflow && matches!(s.cadence, Cadence::Monthly | Cadence::Annual))
        .filter(|s| s.fixed_before_latest())
        .filter_map(|s| {
            let latest = s.latest();
            let was = s.previous()?.amount.abs();
            let now = latest.amount.abs();
            let limit = was.amount * Decimal::from(100 + PRICE_RISE_PERCENT) / Decimal::ONE_HUNDRED;
            let recent = latest.date >= input.recent_from() && latest.date <= input.today;
            if !recent || now.amount <= limit {
                return None;
            }
            let percent =
                ((now.amount - was.amount) / was.amount * Decimal::ONE_HUNDRED).round_dp(1);
            let per = match s.cadence {
                Cadence::Annual => "a year",
                _ => "a month",
            };
            Some((
                latest.id,
                Finding {
                    rule: "price_rise",
                    account: s.account_id,
                    date: latest.date,
                    detail: format!("{} {}", now.amount_string(), merchant_key(&s.payee)),
                    message: format!(
                        "{} went up {percent}%: {} on {}, was {} {per}",
                        s.payee,
                        now.display(),
                        latest.date,
                        was.display()
                    ),
                },
            ))
        })
        .collect()
}
