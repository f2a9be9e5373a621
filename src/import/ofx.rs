//! OFX and QFX statements out of the tag tree: every bank (`STMTTRNRS/STMTRS`) and card
//! (`CCSTMTTRNRS/CCSTMTRS`) statement in the file, with its account, currency, period, ledger and
//! available balances. Unknown tags (Intuit's `INTU.*`, signon details) are ignored. A statement
//! the bank marked failed (non-zero `STATUS/CODE`) that carries no transactions is skipped with a
//! note; a file with no statement left is an error that quotes the bank's status. A file of
//! investment statements only is an error saying they are not supported yet. Every `STMTTRN` in
//! the file must end up in a statement: one that does not stops the import, naming its line.

mod stmtrs;
mod stmttrn;

use self::stmtrs::statement;
use super::messages::{INVESTMENT_ONLY, STRAY_STMTTRN};
use super::sgml::{self, Element, MAX_DEPTH};
use super::values::{AMOUNT_HINT, Radix, ofx_date, parse_amount};
use super::{Format, ParseError, ParsedFile, Position};
use crate::domain::{Currency, Money};

/// True when the text is OFX (1.x header, or an `<OFX>` element near the start).
pub fn looks_like_ofx(text: &str) -> bool {
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].trim_start().to_ascii_uppercase();
    head.starts_with("OFXHEADER") || head.contains("<OFX>") || head.contains("<?OFX")
}

/// Reads every statement in an OFX/QFX document.
pub fn parse(text: &str, default_currency: Currency) -> Result<ParsedFile, ParseError> {
    let xml = text.trim_start().starts_with("<?");
    let tree = sgml::parse(text, 1)?;
    let Some(ofx) = tree.iter().find(|e| e.name == "OFX") else {
        return Err(ParseError::file(
            "has no <OFX> element: not an OFX statement",
        ));
    };
    let format = if text.contains("<INTU.") || text.contains("<intu.") {
        Format::Qfx
    } else if xml {
        Format::OfxXml
    } else {
        Format::OfxSgml
    };
    let institution = ofx
        .child("SIGNONMSGSRSV1")
        .and_then(|s| s.child("SONRS"))
        .and_then(|s| s.child("FI"))
        .and_then(|fi| fi.leaf("ORG"))
        .map(|(org, _)| org.to_string());

    let mut responses = Vec::new();
    find(ofx, &["STMTTRNRS", "CCSTMTTRNRS"], 0, &mut responses);
    let mut bare = Vec::new();
    if responses.is_empty() {
        find(ofx, &["STMTRS", "CCSTMTRS"], 0, &mut bare);
    }
    let mut statements = Vec::new();
    let mut notes = Vec::new();
    let mut failures = Vec::new();
    for rs in bare {
        statements.push(statement(
            rs,
            institution.as_deref(),
            default_currency,
            &mut notes,
        )?);
    }
    for trnrs in responses {
        let status = status(trnrs);
        // One statement per response, but some writers (csv2ofx) put several in one.
        let bodies: Vec<&Element> = trnrs
            .children
            .iter()
            .filter(|c| c.name == "STMTRS" || c.name == "CCSTMTRS")
            .collect();
        let mut parsed = Vec::with_capacity(bodies.len());
        for rs in bodies {
            parsed.push(statement(
                rs,
                institution.as_deref(),
                default_currency,
                &mut notes,
            )?);
        }
        if parsed.is_empty() {
            match &status {
                Some(failed) => failures.push(format!(
                    "a statement: the bank reported {failed} and sent no transactions (line {})",
                    trnrs.line
                )),
                None => notes.push(format!(
                    "an empty statement response at line {} was skipped",
                    trnrs.line
                )),
            }
        }
        for s in parsed {
            match &status {
                None => statements.push(s),
                Some(failed) if !s.transactions.is_empty() => {
                    notes.push(format!(
                        "{}: the bank reported {failed} (line {}), but sent transactions; they were read",
                        s.display_name(),
                        trnrs.line
                    ));
                    statements.push(s);
                }
                Some(failed) => failures.push(format!(
                    "{}: the bank reported {failed} and sent no transactions (line {})",
                    s.display_name(),
                    trnrs.line
                )),
            }
        }
    }
    let mut investments = Vec::new();
    find(ofx, &["INVSTMTRS"], 0, &mut investments);
    let mut listed = Vec::new();
    find(ofx, &["STMTTRN", "INVSTMTRS"], 0, &mut listed);
    let read: std::collections::HashSet<usize> = statements
        .iter()
        .flat_map(|s| s.transactions.iter().map(|t| t.line))
        .collect();
    if let Some(stray) = listed
        .iter()
        .find(|e| e.name == "STMTTRN" && !read.contains(&e.line))
    {
        return Err(ParseError::new(Position::line(stray.line), STRAY_STMTTRN));
    }
    if statements.is_empty() && failures.is_empty() && !investments.is_empty() {
        return Err(ParseError::file(INVESTMENT_ONLY));
    }
    if !investments.is_empty() {
        notes.push(format!(
            "{} investment statement(s) skipped: Purse imports bank and card statements",
            investments.len()
        ));
    }
    if statements.is_empty() {
        let signon = ofx.child("SIGNONMSGSRSV1").and_then(|s| s.child("SONRS"));
        let message = if let Some(failed) = signon.and_then(status) {
            format!("the bank refused the sign-on: {failed}; the file holds no statement")
        } else if !failures.is_empty() {
            format!("nothing to import: {}", failures.join("; "))
        } else {
            "holds no bank or credit-card statement (<STMTRS> or <CCSTMTRS>)".to_string()
        };
        return Err(ParseError::file(message));
    }
    notes.extend(failures);
    Ok(ParsedFile {
        format,
        statements,
        notes,
    })
}

/// Collects the elements named in `names`, outermost first, in document order.
pub(super) fn find<'a>(e: &'a Element, names: &[&str], depth: usize, out: &mut Vec<&'a Element>) {
    for c in &e.children {
        if names.contains(&c.name.as_str()) {
            out.push(c);
        } else if depth < MAX_DEPTH {
            find(c, names, depth + 1, out);
        }
    }
}

/// A non-zero `STATUS/CODE`, described: `status 2000 (General error)`.
fn status(e: &Element) -> Option<String> {
    let status = e.child("STATUS")?;
    let (code, _) = status.leaf("CODE")?;
    if code == "0" {
        return None;
    }
    let message = status
        .leaf("MESSAGE")
        .map(|(m, _)| format!(": {m}"))
        .unwrap_or_default();
    let severity = status.leaf("SEVERITY").map_or("ERROR", |(s, _)| s);
    Some(format!("status {code} ({severity}{message})"))
}

/// An OFX date leaf, or an error naming the tag and line.
pub(super) fn date(tag: &str, text: &str, line: usize) -> Result<chrono::NaiveDate, ParseError> {
    ofx_date(text).ok_or_else(|| {
        ParseError::new(
            Position::tag(tag, line),
            format!("\"{text}\" is not a date (expected YYYYMMDD, optionally followed by a time)"),
        )
    })
}

/// An OFX amount leaf in `currency`, exact to the currency's minor unit.
pub(super) fn money(
    tag: &str,
    text: &str,
    line: usize,
    currency: Currency,
) -> Result<Money, ParseError> {
    let amount = parse_amount(text, Radix::Either).ok_or_else(|| {
        ParseError::new(
            Position::tag(tag, line),
            format!("\"{text}\" is not an amount {AMOUNT_HINT}"),
        )
    })?;
    let money = Money::new(amount.normalize(), currency);
    money
        .to_minor()
        .map_err(|e| ParseError::new(Position::tag(tag, line), format!("\"{text}\": {e}")))?;
    Ok(money)
}
