//! What a statement file says, in Purse's terms but before any account is chosen: the account it
//! is for, its balances and period, and its transactions with the line each came from.

use chrono::NaiveDate;

use crate::domain::{AccountKind, Currency, Money};

/// One account's statement (an OFX `STMTRS`/`CCSTMTRS`, or a whole CSV file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The statement's own account id: `ofx:BANKID:ACCTID` for bank accounts, `ofx:cc:ACCTID`
    /// for cards; `None` for CSV, which names no account.
    pub account_key: Option<String>,
    /// The account number as written (for naming new accounts, masked).
    pub account_number: Option<String>,
    /// The institution (`FI/ORG`), when the file names it.
    pub institution: Option<String>,
    pub kind: AccountKind,
    pub currency: Currency,
    /// The dates the statement covers (`DTSTART`..`DTEND`, or the first and last transaction).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// `LEDGERBAL`: the booked balance at the end of the statement.
    pub ledger: Option<StatementBalance>,
    /// `AVAILBAL`.
    pub available: Option<StatementBalance>,
    pub transactions: Vec<StatementTxn>,
}

impl Statement {
    /// A short human name for the account: "Checking …6789", "Credit card …0004".
    pub fn display_name(&self) -> String {
        let kind = match self.kind {
            AccountKind::Checking => "Checking",
            AccountKind::Savings => "Savings",
            AccountKind::CreditCard => "Credit card",
            AccountKind::Loan => "Credit line",
            AccountKind::Investment => "Investment",
            AccountKind::Other => "Account",
        };
        let number = self.account_number.as_deref().map(|n| {
            let tail: String = n
                .chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            format!(" …{tail}")
        });
        match &self.institution {
            Some(org) => format!("{org} {kind}{}", number.unwrap_or_default()),
            None => format!("{kind}{}", number.unwrap_or_default()),
        }
    }

    /// The statement's period, else the span of its transactions' dates.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.period.or_else(|| {
            let dates = self.transactions.iter().map(|t| t.date);
            Some((dates.clone().min()?, dates.max()?))
        })
    }
}

/// A balance as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementBalance {
    pub amount: Money,
    pub as_of: NaiveDate,
}

/// One transaction as the file states it. Money in is positive, money out negative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementTxn {
    /// Where it is in the file (the `<STMTTRN>` tag, or the CSV record's line).
    pub line: usize,
    /// The bank's id: OFX `FITID`, or a CSV id column.
    pub id: Option<String>,
    pub date: NaiveDate,
    pub amount: Money,
    pub payee: String,
    pub description: String,
    /// A category name suggested by the transaction type (OFX `INT` → Interest, …).
    pub category: Option<String>,
    /// OFX `CORRECTFITID` + `CORRECTACTION`: this entry corrects an earlier one.
    pub correction: Option<Correction>,
    /// The fields as read (JSON), kept as the stored row's raw payload.
    pub raw: String,
}

/// A correction of an earlier transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The `FITID` being corrected.
    pub fitid: String,
    pub action: CorrectAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorrectAction {
    /// This transaction replaces the one named.
    Replace,
    /// The one named is deleted; this entry adds nothing.
    Delete,
}
