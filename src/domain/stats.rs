//! Robust statistics over exact amounts: median, median absolute deviation (MAD), the modified
//! z-score and nearest-rank percentiles. Everything stays in `Decimal`; nothing goes through floats.

use rust_decimal::Decimal;

/// 0.6745: the 0.75 quantile of the standard normal, which makes MAD comparable to a standard
/// deviation in the modified z-score (Iglewicz and Hoaglin).
pub const MAD_SCALE: Decimal = Decimal::from_parts(6745, 0, 0, false, 4);

/// The median of `values` (the mean of the two middle values for an even count); `None` if empty.
pub fn median(values: &[Decimal]) -> Option<Decimal> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / Decimal::TWO),
    }
}

/// The median absolute deviation from `center`.
pub fn mad(values: &[Decimal], center: Decimal) -> Option<Decimal> {
    let deviations: Vec<Decimal> = values.iter().map(|v| (*v - center).abs()).collect();
    median(&deviations)
}

/// The modified z-score `0.6745 · (x − median) / spread`; `None` when `spread` is not positive.
pub fn modified_z(x: Decimal, median: Decimal, spread: Decimal) -> Option<Decimal> {
    (spread > Decimal::ZERO).then(|| MAD_SCALE * (x - median) / spread)
}

/// The nearest-rank `percent` percentile (0–100) of `values`; `None` if empty.
pub fn percentile(values: &[Decimal], percent: u32) -> Option<Decimal> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    let rank = (n * percent.min(100) as usize).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::dec;

    #[test]
    fn medians_of_odd_even_and_empty() {
        assert_eq!(median(&[dec!(3), dec!(1), dec!(2)]), Some(dec!(2)));
        assert_eq!(
            median(&[dec!(4), dec!(1), dec!(2), dec!(3)]),
            Some(dec!(2.5))
        );
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn mad_and_z_score() {
        let v = [
            dec!(1),
            dec!(1),
            dec!(2),
            dec!(2),
            dec!(4),
            dec!(6),
            dec!(9),
        ];
        let m = median(&v).unwrap_or_default();
        assert_eq!(m, dec!(2));
        assert_eq!(mad(&v, m), Some(dec!(1)));
        assert_eq!(modified_z(dec!(12), m, dec!(1)), Some(dec!(6.7450)));
        assert_eq!(modified_z(dec!(12), m, Decimal::ZERO), None);
    }

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<Decimal> = (1..=20).map(Decimal::from).collect();
        assert_eq!(percentile(&v, 95), Some(dec!(19)));
        assert_eq!(percentile(&v, 100), Some(dec!(20)));
        assert_eq!(percentile(&v, 0), Some(dec!(1)));
        assert_eq!(percentile(&[], 50), None);
    }

    proptest! {
        #[test]
        fn median_lies_between_min_and_max(cents in proptest::collection::vec(-100_000i64..100_000, 1..50)) {
            let v: Vec<Decimal> = cents.iter().map(|c| Decimal::new(*c, 2)).collect();
            let m = median(&v).unwrap_or_default();
            let lo = v.iter().min().copied().unwrap_or_default();
            let hi = v.iter().max().copied().unwrap_or_default();
            prop_assert!(lo <= m && m <= hi);
            prop_assert!(mad(&v, m).unwrap_or_default() >= Decimal::ZERO);
        }
    }
}
