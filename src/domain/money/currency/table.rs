//! The currency codes Purse knows and their exponents (digits after the decimal point).
//!
//! * ISO 4217 List One, active codes only (withdrawn codes such as HRK or BGN are not in it), from
//!   the ISO 4217 maintenance agency's table as published in github.com/datasets/currency-codes
//!   (`data/codes-all.csv`, rows without a withdrawal date). ISO gives the funds and metals codes
//!   (XAU, XDR, …) no minor unit; Purse keeps two decimals for them, as it always has.
//! * Provider codes: Plaid's `unofficial_currency_code` list (the `UnofficialCurrencyCodeList`
//!   schema of github.com/plaid/plaid-openapi `2020-09-14.yml`). Plaid does not state their
//!   precision: the crypto-currencies get 8 decimals (a satoshi for BTC; finer fractions of ETH or
//!   XRP are rounded by the exchanges Plaid reads anyway, and an i64 of minor units at 8 decimals
//!   still holds 92 billion units), CNH (offshore yuan) and GBX (pence sterling) get 2.
//!
//! Every list is sorted, so lookups are binary searches.

/// ISO 4217 codes with no minor unit.
pub(super) const ISO_0: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
    "VUV", "XAF", "XOF", "XPF",
];

/// ISO 4217 codes with three decimals.
pub(super) const ISO_3: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

/// ISO 4217 codes with four decimals.
pub(super) const ISO_4: &[&str] = &["CLF", "UYW"];

/// ISO 4217 codes with two decimals, and the ones without a minor unit (metals, funds, test).
pub(super) const ISO_2: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BMD",
    "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF",
    "CHW", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD", "EGP", "ERN",
    "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL",
    "HTG", "HUF", "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT",
    "LAK", "LBP", "LKR", "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU",
    "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
    "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "USN", "UYU", "UZS", "VED",
    "VES", "WST", "XAD", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XPD",
    "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
];

/// Provider (non-ISO) codes with two decimals.
pub(super) const PROVIDER_2: &[&str] = &["CNH", "GBX"];

/// Provider (non-ISO) codes with eight decimals: Plaid's crypto-currencies.
pub(super) const PROVIDER_8: &[&str] = &[
    "ADA", "BAT", "BCH", "BNB", "BSV", "BTC", "BTG", "DASH", "DOGE", "ETC", "ETH", "LSK", "NEO",
    "OMG", "QTUM", "USDT", "XLM", "XMR", "XRP", "ZEC", "ZRX",
];

/// (list, exponent) for ISO 4217.
pub(super) const ISO: &[(&[&str], u32)] = &[(ISO_2, 2), (ISO_0, 0), (ISO_3, 3), (ISO_4, 4)];

/// (list, exponent) for the known provider codes.
pub(super) const PROVIDER: &[(&[&str], u32)] = &[(PROVIDER_8, 8), (PROVIDER_2, 2)];

/// The exponent of `code` in `tables`, if it is listed there.
pub(super) fn lookup(tables: &[(&[&str], u32)], code: &str) -> Option<u32> {
    tables
        .iter()
        .find(|(list, _)| list.binary_search(&code).is_ok())
        .map(|(_, exponent)| *exponent)
}
