use proptest::prelude::*;
use rust_decimal::{Decimal, dec};

use super::{AmountError, DecimalMark, parse_amount};
use crate::domain::Currency;

const POINT: DecimalMark = DecimalMark::Point;
const COMMA: DecimalMark = DecimalMark::Comma;

fn usd(text: &str, mark: DecimalMark) -> Result<Decimal, AmountError> {
    parse_amount(text, Currency::USD, mark).map(|m| m.amount)
}

#[test]
fn accepts_plain_grouped_signed_and_symbol_amounts() {
    let cases: &[(&str, DecimalMark, Decimal)] = &[
        ("12.34", POINT, dec!(12.34)),
        ("  450 ", POINT, dec!(450)),
        ("1,234.56", POINT, dec!(1234.56)),
        ("12,345", POINT, dec!(12345)),
        ("1,000,000.5", POINT, dec!(1000000.5)),
        ("-$12.34", POINT, dec!(-12.34)),
        ("$-12.34", POINT, dec!(-12.34)),
        ("+$5", POINT, dec!(5)),
        ("$450", POINT, dec!(450)),
        (".5", POINT, dec!(0.5)),
        ("0.1", POINT, dec!(0.1)),
        ("1,50", COMMA, dec!(1.50)),
        ("1.234,56", COMMA, dec!(1234.56)),
        ("12.345", COMMA, dec!(12345)),
        ("-1.000.000", COMMA, dec!(-1000000)),
        ("450", COMMA, dec!(450)),
    ];
    for (text, mark, want) in cases {
        assert_eq!(usd(text, *mark), Ok(*want), "{text:?} with {mark:?}");
    }
}

#[test]
fn refuses_what_could_be_read_two_ways_showing_the_accepted_form() {
    let cases: &[(&str, DecimalMark, &str)] = &[
        ("1,50", POINT, "1.50"),
        ("1.000,00", POINT, "1,000.00"),
        ("-1,5", POINT, "-1.5"),
        (",75", POINT, "0.75"),
        ("0,500", POINT, "0.500"),
        ("1.50", COMMA, "1,50"),
        ("1,234.56", COMMA, "1.234,56"),
    ];
    for (text, mark, form) in cases {
        let err = usd(text, *mark).unwrap_err();
        assert_eq!(
            err,
            AmountError::Ambiguous {
                value: (*text).to_string(),
                suggestion: (*form).to_string(),
                mark: *mark,
            },
            "{text:?} with {mark:?}"
        );
    }
    assert_eq!(
        usd("1,50", POINT).unwrap_err().to_string(),
        "\"1,50\" is ambiguous: write 1.50 (decimal point) — or set [input] decimal_separator = \",\""
    );
    assert_eq!(
        usd("1.50", COMMA).unwrap_err().to_string(),
        "\"1.50\" is ambiguous: write 1,50 (decimal comma) — or set [input] decimal_separator = \".\""
    );
}

#[test]
fn refuses_grouping_that_is_not_by_threes_and_other_text() {
    for (text, mark) in [
        ("1,2,3", POINT),
        ("12,34,567", POINT),
        ("1,2345.6", POINT),
        ("1.2.3", POINT),
        ("1.", POINT),
        ("", POINT),
        ("-", POINT),
        ("abc", POINT),
        ("1e5", POINT),
        ("1_000", POINT),
        ("1 000", POINT),
        ("$ 5", POINT),
        ("--5", POINT),
        ("5-", POINT),
        ("1.2.3", COMMA),
    ] {
        assert!(
            matches!(usd(text, mark), Err(AmountError::NotAnAmount { .. })),
            "{text:?} with {mark:?}: {:?}",
            usd(text, mark)
        );
    }
    assert_eq!(
        usd("1,2,3", POINT).unwrap_err().to_string(),
        "\"1,2,3\" is not an amount: type one like 1234.56 or 1,234.56 (groups of three)"
    );
}

#[test]
fn more_decimals_than_the_currency_has_is_refused_never_rounded() {
    assert_eq!(
        usd("12.345", POINT).unwrap_err().to_string(),
        "\"12.345\" has 3 decimal places, but USD allows 2 (or write 12,345 for the whole number)"
    );
    assert_eq!(
        usd("10.555", POINT).unwrap_err().to_string(),
        "\"10.555\" has 3 decimal places, but USD allows 2 (or write 10,555 for the whole number)"
    );
    assert_eq!(
        usd("1,234.567", POINT).unwrap_err().to_string(),
        "\"1,234.567\" has 3 decimal places, but USD allows 2"
    );
    assert_eq!(
        usd("0,001", COMMA).unwrap_err().to_string(),
        "\"0,001\" has 3 decimal places, but USD allows 2"
    );
    let jpy = Currency::new("JPY").unwrap();
    assert_eq!(
        parse_amount("1.5", jpy, POINT).unwrap_err().to_string(),
        "\"1.5\" has 1 decimal place, but JPY allows 0"
    );
    assert_eq!(
        parse_amount("1,500", jpy, POINT).map(|m| m.amount),
        Ok(dec!(1500))
    );
    let kwd = Currency::new("KWD").unwrap();
    assert_eq!(
        parse_amount("1.234", kwd, POINT).map(|m| m.amount),
        Ok(dec!(1.234))
    );
}

#[test]
fn a_symbol_must_be_the_currency_s_own() {
    assert_eq!(
        usd("€5", POINT).unwrap_err().to_string(),
        "\"€5\" is written in €, but this amount is in USD; leave out the symbol"
    );
    assert_eq!(
        parse_amount("€5,50", Currency::EUR, COMMA).map(|m| m.amount),
        Ok(dec!(5.50))
    );
}

#[test]
fn too_large_is_refused() {
    assert!(matches!(
        usd("99999999999999999999999999999999", POINT),
        Err(AmountError::TooLarge { .. })
    ));
    assert!(matches!(
        usd("1,000,000,000,000,000,000", POINT),
        Err(AmountError::TooLarge { .. })
    ));
}

#[test]
fn settings_and_formats() {
    assert_eq!(DecimalMark::from_setting(","), Some(COMMA));
    assert_eq!(DecimalMark::from_setting(" . "), Some(POINT));
    assert_eq!(DecimalMark::from_setting("comma"), None);
    assert_eq!(COMMA.plain(dec!(-1234.50)), "-1234,50");
    assert_eq!(POINT.grouped(dec!(-1234567.5)), "-1,234,567.5");
    assert_eq!(COMMA.grouped(dec!(1234)), "1.234");
    assert_eq!(COMMA.grouped(dec!(123)), "123");
}

proptest! {
    #[test]
    fn grouped_and_plain_amounts_read_back_exactly(
        minor in -10_000_000_000_000i64..10_000_000_000_000,
        comma in any::<bool>(),
    ) {
        let mark = if comma { COMMA } else { POINT };
        let amount = Decimal::new(minor, 2);
        for text in [mark.grouped(amount), mark.plain(amount)] {
            prop_assert_eq!(usd(&text, mark), Ok(amount), "{}", text);
        }
    }

    #[test]
    fn whole_amounts_read_back_with_either_mark(whole in 0i64..10_000_000_000, comma in any::<bool>()) {
        let mark = if comma { COMMA } else { POINT };
        let amount = Decimal::from(whole);
        prop_assert_eq!(usd(&mark.grouped(amount), mark), Ok(amount));
    }
}
