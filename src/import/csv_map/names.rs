//! The header names and cell words Purse recognises in CSV files when no column is given.

/// Header names tried, in order, for each unmapped column. Headers are compared in lower case
/// with `_`, `-` and `.` read as spaces (`Transaction_Date` is `transaction date`).
pub(in crate::import) const DATE_NAMES: &[&str] = &[
    "date",
    "transaction date",
    "trans date",
    "posting date",
    "posted date",
    "post date",
    "booking date",
    "value date",
];
/// Words that make a date column the transaction's date when no header is one of [`DATE_NAMES`].
pub(in crate::import) const TRANSACTION_DATE_WORDS: &[&str] = &[
    "transaction",
    "trans",
    "booking",
    "booked",
    "posted",
    "posting",
    "post",
];
pub(in crate::import) const CURRENCY_NAMES: &[&str] = &[
    "currency",
    "currency code",
    "ccy",
    "curr",
    "währung",
    "waehrung",
    "valutacode",
    "devise",
    "monnaie",
    "moneda",
];
/// Debit/credit indicator columns, used when every row holds one of the words below (English,
/// Dutch `Af Bij` / `CreditDebet`, German `Soll/Haben`).
pub(in crate::import) const TYPE_NAMES: &[&str] = &[
    "type",
    "transaction type",
    "debit/credit",
    "credit/debit",
    "dr/cr",
    "cr/dr",
    "credit debit indicator",
    "debit credit indicator",
    "af bij",
    "bij af",
    "creditdebet",
    "debetcredit",
    "credit/debet",
    "debet/credit",
    "soll/haben",
];
/// Values of a debit/credit column: money out…
pub const DEBIT_WORDS: &[&str] = &[
    "debit",
    "dr",
    "d",
    "dbit",
    "withdrawal",
    "out",
    "af",
    "debet",
    "soll",
];
/// …and money in.
pub const CREDIT_WORDS: &[&str] = &["credit", "cr", "c", "crdt", "deposit", "in", "bij", "haben"];
pub(in crate::import) const AMOUNT_NAMES: &[&str] = &["amount", "transaction amount", "value"];
pub(in crate::import) const DEBIT_NAMES: &[&str] = &[
    "debit",
    "debits",
    "debit amount",
    "withdrawal",
    "withdrawals",
    "money out",
    "paid out",
    "outflow",
];
pub(in crate::import) const CREDIT_NAMES: &[&str] = &[
    "credit",
    "credits",
    "credit amount",
    "deposit",
    "deposits",
    "money in",
    "paid in",
    "inflow",
];
pub(in crate::import) const PAYEE_NAMES: &[&str] =
    &["payee", "merchant", "name", "counterparty", "beneficiary"];
pub(in crate::import) const DESCRIPTION_NAMES: &[&str] = &[
    "description",
    "transaction description",
    "memo",
    "details",
    "narrative",
    "note",
    "notes",
];
pub(in crate::import) const ID_NAMES: &[&str] = &["transaction id", "fitid", "id"];
