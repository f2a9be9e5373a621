//! One `<STMTTRN>`: date, amount (converted when a `<CURRENCY>` rate says it is in another
//! currency), FITID, payee and memo, corrections, and a category hint from `TRNTYPE`.

use rust_decimal::RoundingStrategy;

use super::super::sgml::Element;
use super::super::statement::{CorrectAction, Correction, StatementTxn};
use super::super::values::{Radix, parse_amount};
use super::super::{ParseError, Position};
use super::{date, money};
use crate::domain::{Currency, Money};

pub(super) fn read(e: &Element, currency: Currency) -> Result<StatementTxn, ParseError> {
    let required = |tag: &str| {
        e.leaf(tag).ok_or_else(|| {
            ParseError::new(Position::tag("STMTTRN", e.line), format!("has no <{tag}>"))
        })
    };
    let (posted, line) = required("DTPOSTED")?;
    let date = date("DTPOSTED", posted, line)?;
    let (amount_text, amount_line) = required("TRNAMT")?;
    let amount = converted(e, money("TRNAMT", amount_text, amount_line, currency)?)?;

    let text = |tag: &str| e.leaf(tag).map(|(t, _)| clean(t)).filter(|t| !t.is_empty());
    let name = text("NAME").or_else(|| {
        e.child("PAYEE")
            .and_then(|p| p.leaf("NAME"))
            .map(|(t, _)| clean(t))
    });
    let memo = text("MEMO");
    let trntype = text("TRNTYPE").map(|t| t.to_ascii_uppercase());
    let payee = name
        .clone()
        .or_else(|| memo.clone())
        .or_else(|| text("CHECKNUM").map(|n| format!("Check {n}")))
        .or_else(|| trntype.clone())
        .unwrap_or_else(|| "Unknown".to_string());
    let description = match (&name, &memo) {
        (Some(n), Some(m)) if n != m => format!("{n} / {m}"),
        (Some(n), _) => n.clone(),
        (None, Some(m)) => m.clone(),
        (None, None) => payee.clone(),
    };
    let category = match trntype.as_deref() {
        Some("INT" | "DIV") => Some("Interest".to_string()),
        Some("FEE" | "SRVCHG") => Some("Fees".to_string()),
        _ => None,
    };
    let correction = match (e.leaf("CORRECTFITID"), e.leaf("CORRECTACTION")) {
        (None, None) => None,
        (Some((fitid, _)), Some((action, action_line))) => Some(Correction {
            fitid: fitid.to_string(),
            action: match action.to_ascii_uppercase().as_str() {
                "REPLACE" => CorrectAction::Replace,
                "DELETE" => CorrectAction::Delete,
                _ => {
                    return Err(ParseError::new(
                        Position::tag("CORRECTACTION", action_line),
                        format!("\"{action}\" is not REPLACE or DELETE"),
                    ));
                }
            },
        }),
        (Some((_, line)), None) => {
            return Err(ParseError::new(
                Position::tag("CORRECTFITID", line),
                "comes without <CORRECTACTION> (REPLACE or DELETE)",
            ));
        }
        (None, Some((_, line))) => {
            return Err(ParseError::new(
                Position::tag("CORRECTACTION", line),
                "comes without <CORRECTFITID>: which transaction does it correct?",
            ));
        }
    };
    let raw: serde_json::Map<String, serde_json::Value> = e
        .children
        .iter()
        .filter_map(|c| Some((c.name.clone(), serde_json::Value::from(c.text.clone()?))))
        .collect();
    Ok(StatementTxn {
        line: e.line,
        id: e.leaf("FITID").map(|(f, _)| f.to_string()),
        date,
        amount,
        payee,
        description,
        category,
        correction,
        raw: serde_json::Value::Object(raw).to_string(),
    })
}

/// `<CURRENCY><CURRATE>r<CURSYM>XXX` means TRNAMT is in XXX and `TRNAMT × r` is the amount in
/// the statement's currency (rounded half away from zero to its minor unit).
fn converted(e: &Element, amount: Money) -> Result<Money, ParseError> {
    let Some(cur) = e.child("CURRENCY") else {
        return Ok(amount);
    };
    let (Some((sym, _)), Some((rate_text, rate_line))) = (cur.leaf("CURSYM"), cur.leaf("CURRATE"))
    else {
        return Ok(amount);
    };
    if sym.eq_ignore_ascii_case(amount.currency.code()) {
        return Ok(amount);
    }
    let rate = parse_amount(rate_text, Radix::Either)
        .filter(|r| r.is_sign_positive() && !r.is_zero())
        .ok_or_else(|| {
            ParseError::new(
                Position::tag("CURRATE", rate_line),
                format!("\"{rate_text}\" is not an exchange rate"),
            )
        })?;
    let value = amount
        .amount
        .checked_mul(rate)
        .ok_or_else(|| ParseError::new(Position::tag("CURRATE", rate_line), "overflows"))?;
    let dp = amount.currency.exponent();
    Ok(Money::new(
        value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero),
        amount.currency,
    ))
}

/// Collapses runs of whitespace (names padded to 32 columns, stray newlines).
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
