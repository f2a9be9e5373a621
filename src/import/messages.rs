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
