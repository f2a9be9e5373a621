//! One bank (`STMTRS`) or card (`CCSTMTRS`) statement: its account, currency, period, balances
//! and transactions. Tolerant where files in the wild are sloppy: a statement without
//! `BANKACCTFROM`/`CCACCTFROM` names no account (the import then needs `--account`), an empty
//! `LEDGERBAL`/`AVAILBAL` is skipped with a note, and every `STMTTRN` inside the statement is
//! read wherever a missing end tag left it.

use super::super::sgml::Element;
use super::super::statement::{Statement, StatementBalance};
use super::super::{ParseError, Position};
use super::{date, find, money, stmttrn};
use crate::domain::{AccountKind, Currency};

pub(super) fn statement(
    rs: &Element,
    institution: Option<&str>,
    default_currency: Currency,
    notes: &mut Vec<String>,
) -> Result<Statement, ParseError> {
    let card = rs.name == "CCSTMTRS";
    let currency = match rs.leaf("CURDEF") {
        Some((code, line)) => Currency::known(code)
            .map_err(|e| ParseError::new(Position::tag("CURDEF", line), e.to_string()))?,
        None => default_currency,
    };
    let from_tag = if card { "CCACCTFROM" } else { "BANKACCTFROM" };
    let from = rs.child(from_tag);
    let acctid = from.and_then(|f| f.leaf("ACCTID")).map(|(id, _)| id);
    let kind = if card {
        AccountKind::CreditCard
    } else {
        match from
            .and_then(|f| f.leaf("ACCTTYPE"))
            .map(|(t, _)| t.to_ascii_uppercase())
            .as_deref()
        {
            Some("SAVINGS" | "MONEYMRKT" | "CD") => AccountKind::Savings,
            Some("CREDITLINE") => AccountKind::Loan,
            _ => AccountKind::Checking,
        }
    };
    let account_key = acctid.map(|acctid| {
        if card {
            format!("ofx:cc:{acctid}")
        } else {
            let bankid = from.and_then(|f| f.leaf("BANKID")).map_or("", |(b, _)| b);
            format!("ofx:{bankid}:{acctid}")
        }
    });
    let list = rs.child("BANKTRANLIST");
    let date_of = |tag: &str| -> Result<Option<chrono::NaiveDate>, ParseError> {
        list.and_then(|l| l.leaf(tag))
            .map(|(text, line)| date(tag, text, line))
            .transpose()
    };
    let period = match (date_of("DTSTART")?, date_of("DTEND")?) {
        (Some(start), Some(end)) => Some((start.min(end), start.max(end))),
        _ => None,
    };
    let mut found = Vec::new();
    find(rs, &["STMTTRN"], 0, &mut found);
    let transactions = found
        .into_iter()
        .map(|t| stmttrn::read(t, currency))
        .collect::<Result<Vec<_>, _>>()?;
    let mut skipped = Vec::new();
    let mut s = Statement {
        account_key,
        account_number: acctid.map(str::to_string),
        institution: institution.map(str::to_string),
        kind,
        currency,
        period,
        ledger: None,
        available: None,
        transactions,
    };
    s.ledger = balance(rs.child("LEDGERBAL"), currency, &mut skipped)?;
    s.available = balance(rs.child("AVAILBAL"), currency, &mut skipped)?;
    for (tag, line) in skipped {
        notes.push(format!(
            "{}: <{tag}> at line {line} {}",
            s.display_name(),
            crate::import::messages::EMPTY_BALANCE
        ));
    }
    Ok(s)
}

/// A balance aggregate; one without an amount or a date is recorded in `skipped`.
fn balance(
    e: Option<&Element>,
    currency: Currency,
    skipped: &mut Vec<(String, usize)>,
) -> Result<Option<StatementBalance>, ParseError> {
    let Some(e) = e else { return Ok(None) };
    let (Some((amount_text, line)), Some((date_text, date_line))) =
        (e.leaf("BALAMT"), e.leaf("DTASOF"))
    else {
        skipped.push((e.name.clone(), e.line));
        return Ok(None);
    };
    Ok(Some(StatementBalance {
        amount: money("BALAMT", amount_text, line, currency)?,
        as_of: date("DTASOF", date_text, date_line)?,
    }))
}
