//! The ledger journal syntax, which hledger reads as well: `commodity` and `account` declarations
//! (so `hledger check --strict` passes too), one transaction per Purse transaction with both
//! postings' amounts written out, `!` for pending, the Purse id as the transaction code, and
//! balance assertions (`= AMOUNT` on a zero posting) at the end.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::ExportOptions;
use super::book::{Book, BookAccount, OPENING, Syntax};
use crate::domain::{Money, Transaction};

pub(super) struct Ledger;

impl Syntax for Ledger {
    fn preamble(
        &mut self,
        out: &mut dyn Write,
        book: &Book,
        options: &ExportOptions,
    ) -> io::Result<()> {
        writeln!(out, "; Exported from Purse on {}.", options.today)?;
        writeln!(
            out,
            "; Accounts open on {} with their balance before that day (from {OPENING}).\n",
            book.first
        )?;
        for c in &book.currencies {
            let sample = Money::new(rust_decimal::Decimal::new(1000, 0), *c).amount_string();
            writeln!(out, "commodity {sample} {c}")?;
        }
        writeln!(out)?;
        for a in &book.accounts {
            writeln!(
                out,
                "account {}\n    ; purse-account-id: {}, purse-account: {}",
                a.name,
                a.id,
                text(&a.purse_name).replace(',', " ")
            )?;
        }
        writeln!(out, "account {OPENING}")?;
        for c in &book.categories {
            writeln!(out, "account {c}")?;
        }
        writeln!(out)
    }

    fn opening(&mut self, out: &mut dyn Write, date: NaiveDate, a: &BookAccount) -> io::Result<()> {
        writeln!(out, "{date} * Opening balance")?;
        posting(out, &a.name, a.opening)?;
        posting(out, OPENING, a.opening.neg())?;
        writeln!(out)
    }

    fn transaction(
        &mut self,
        out: &mut dyn Write,
        t: &Transaction,
        account: &str,
        category: &str,
    ) -> io::Result<()> {
        let status = if t.pending { '!' } else { '*' };
        writeln!(out, "{} {status} ({}) {}", t.date, t.id, text(&t.payee))?;
        if !t.description.is_empty() && t.description != t.payee {
            writeln!(out, "    ; {}", text(&t.description))?;
        }
        if let Some(note) = t.notes.as_deref().filter(|n| !n.trim().is_empty()) {
            writeln!(out, "    ; note: {}", text(note))?;
        }
        posting(out, category, t.amount.neg())?;
        posting(out, account, t.amount)?;
        writeln!(out)
    }

    fn assertions(
        &mut self,
        out: &mut dyn Write,
        last: NaiveDate,
        accounts: &[BookAccount],
    ) -> io::Result<()> {
        if accounts.is_empty() {
            return Ok(());
        }
        writeln!(out, "{last} * Balances in Purse")?;
        for a in accounts {
            let zero = Money::zero(a.currency);
            writeln!(
                out,
                "    {}  {} {} = {} {}",
                a.name,
                zero.amount_string(),
                a.currency,
                a.closing.amount_string(),
                a.currency
            )?;
        }
        writeln!(out)
    }
}

fn posting(out: &mut dyn Write, account: &str, amount: Money) -> io::Result<()> {
    writeln!(
        out,
        "    {account}  {} {}",
        amount.amount_string(),
        amount.currency
    )
}

/// Free text on one line, without what the journal would read as syntax: `;` starts a comment
/// and `|` splits payee from note in hledger.
fn text(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| match c {
            ';' => ',',
            '|' => '/',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let joined = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.is_empty() {
        "(no payee)".to_string()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A transaction whose payee, description and note try to add a posting and a comment.
    fn hostile() -> Transaction {
        Transaction {
            id: 7,
            provider_id: "p".into(),
            account_id: 1,
            account: "Checking".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default(),
            amount: Money::from_minor(-450, crate::domain::Currency::USD),
            payee: "Evil \"Cafe\"; x\n    Expenses:Hack  -1000 USD\r\n\u{1b}[2J".into(),
            description: "desc | y\n  Assets:Hack  1000 USD".into(),
            category: "Dining".into(),
            pending: false,
            notes: Some("note\n2026-11-03 * \"Injected\"".into()),
        }
    }

    #[test]
    fn a_hostile_payee_stays_one_transaction_with_two_postings() {
        let mut out = Vec::new();
        Ledger
            .transaction(&mut out, &hostile(), "Assets:Checking", "Expenses:Dining")
            .unwrap_or(());
        let text = String::from_utf8_lossy(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "2026-11-02 * (7) Evil \"Cafe\", x Expenses:Hack -1000 USD [2J",
                "    ; desc / y Assets:Hack 1000 USD",
                "    ; note: note 2026-11-03 * \"Injected\"",
                "    Expenses:Dining  4.50 USD",
                "    Assets:Checking  -4.50 USD",
                "",
            ]
        );
    }

    #[test]
    fn text_stays_on_one_line_without_syntax() {
        assert_eq!(text("A;B|C\nD"), "A,B/C D");
        assert_eq!(text("  "), "(no payee)");
    }
}
