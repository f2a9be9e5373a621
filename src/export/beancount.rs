//! The beancount syntax: `option` lines, an `open` for every account on the first exported day
//! (Purse accounts carry `purse_account_id` metadata), one transaction per Purse transaction with
//! `purse_id` metadata and both postings' amounts, `!` for pending, and `balance` assertions
//! dated the day after the last exported day (beancount checks a balance at the start of its day).

use std::io::{self, Write};

use chrono::NaiveDate;

use super::ExportOptions;
use super::book::{Book, BookAccount, OPENING, Syntax};
use crate::domain::{Money, Transaction};

pub(super) struct Beancount;

impl Syntax for Beancount {
    fn preamble(
        &mut self,
        out: &mut dyn Write,
        book: &Book,
        options: &ExportOptions,
    ) -> io::Result<()> {
        writeln!(out, "; Exported from Purse on {}.", options.today)?;
        writeln!(out, "option \"title\" \"Purse\"")?;
        writeln!(
            out,
            "option \"operating_currency\" \"{}\"\n",
            options.currency
        )?;
        let day = book.first;
        for c in &book.currencies {
            writeln!(out, "{day} commodity {c}")?;
        }
        writeln!(out)?;
        for a in &book.accounts {
            writeln!(
                out,
                "{day} open {}\n  purse_account_id: {}\n  purse_account: {}",
                a.name,
                a.id,
                quoted(&a.purse_name)
            )?;
        }
        writeln!(out, "{day} open {OPENING}")?;
        for c in &book.categories {
            writeln!(out, "{day} open {c}")?;
        }
        writeln!(out)
    }

    fn opening(&mut self, out: &mut dyn Write, date: NaiveDate, a: &BookAccount) -> io::Result<()> {
        writeln!(out, "{date} * \"Opening balance\"")?;
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
        let flag = if t.pending { '!' } else { '*' };
        writeln!(
            out,
            "{} {flag} {} {}",
            t.date,
            quoted(&t.payee),
            quoted(&t.description)
        )?;
        writeln!(out, "  purse_id: {}", t.id)?;
        if let Some(note) = t.notes.as_deref().filter(|n| !n.trim().is_empty()) {
            writeln!(out, "  purse_note: {}", quoted(note))?;
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
        let day = last.succ_opt().unwrap_or(last);
        for a in accounts {
            writeln!(
                out,
                "{day} balance {}  {} {}",
                a.name,
                a.closing.amount_string(),
                a.currency
            )?;
        }
        Ok(())
    }
}

fn posting(out: &mut dyn Write, account: &str, amount: Money) -> io::Result<()> {
    writeln!(
        out,
        "  {account}  {} {}",
        amount.amount_string(),
        amount.currency
    )
}

/// A beancount string on one line: `"` and `\` escaped, control characters as spaces.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
        Beancount
            .transaction(&mut out, &hostile(), "Assets:Checking", "Expenses:Dining")
            .unwrap_or(());
        let text = String::from_utf8_lossy(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "2026-11-02 * \"Evil \\\"Cafe\\\"; x     Expenses:Hack  -1000 USD   [2J\" \"desc | y   Assets:Hack  1000 USD\"",
                "  purse_id: 7",
                "  purse_note: \"note 2026-11-03 * \\\"Injected\\\"\"",
                "  Expenses:Dining  4.50 USD",
                "  Assets:Checking  -4.50 USD",
                "",
            ]
        );
    }

    #[test]
    fn strings_are_escaped_on_one_line() {
        assert_eq!(
            quoted("Joe's \"best\" \\ deli\n"),
            "\"Joe's \\\"best\\\" \\\\ deli \""
        );
    }
}
