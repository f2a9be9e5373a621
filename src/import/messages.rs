//! The statement-import messages that users read and tests match on, in one place.

/// After "<LEDGERBAL> at line N": an empty balance aggregate is skipped, not an error.
pub const EMPTY_BALANCE: &str =
    "is empty (no <BALAMT> and <DTASOF>): the transactions were imported, the balance was skipped";

/// A file holding investment statements only.
pub const INVESTMENT_ONLY: &str = "holds only investment statements (<INVSTMTRS>): investment statements are not supported yet; Purse imports bank and credit-card statements";

/// Before the line of a `<STMTTRN>` that no bank or card statement holds.
pub const STRAY_STMTTRN: &str = "<STMTTRN> lies outside any bank or credit-card statement, so Purse cannot tell which account it belongs to; nothing was imported";

/// A statement without `BANKACCTFROM`/`CCACCTFROM`, imported without `--account`.
pub const NO_ACCOUNT_OFX: &str = "names no account (its <BANKACCTFROM> or <CCACCTFROM> is missing): pass --account NAME, an existing account's name or id or a name for a new one";

/// The `purse import` flag naming the CSV date column.
pub const DATE_COLUMN_FLAG: &str = "--date-column";

/// A CSV file whose date column cannot be chosen from the header.
pub const TWO_DATE_COLUMNS: &str =
    "has several date columns and none is clearly the transaction's date";

/// A CSV row skipped because its date cell is empty (a summary or total line).
pub const NO_DATE_SKIPPED: &str = "skipped: no date (a summary or total line)";

/// CSV records of one cell: titles, section lines, footers (`***END OF FILE***`).
pub const FOOTER_SKIPPED: &str =
    "skipped: a single cell is no transaction (a title, section or footer line)";

/// A CSV file whose currency column holds more than one currency.
pub const MIXED_CURRENCIES: &str = "holds amounts in more than one currency";

/// A value in a debit/credit column that is neither.
pub const NOT_DEBIT_OR_CREDIT: &str = "is neither a debit nor a credit";

/// A one-cell line above a CSV file's header (a title such as "Transactions for account …").
pub const TITLE_SKIPPED: &str = "skipped: a title above the header";

/// A CSV file whose amounts read as different values with a decimal point and a decimal comma.
pub const TWO_DECIMAL_MARKS: &str =
    "its amounts read both with a decimal point and with a decimal comma, as different amounts";
