//! Names for what SimpleFIN leaves unsaid: the account kind (guessed from the account's name), the
//! display name (with the institution in front when it adds something), and a payee cleaned from a
//! raw bank description when the Bridge gives no `payee`.

use crate::domain::AccountKind;

/// Guesses the account kind from its name; SimpleFIN does not report one. "Credit union" is an
/// institution, not a card, so it is ignored.
pub(super) fn guess_kind(name: &str) -> AccountKind {
    let lower = name.to_lowercase().replace("credit union", " ");
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    let word = |needles: &[&str]| words.iter().any(|w| needles.contains(w));
    if has(&["card", "visa", "mastercard", "amex", "credit"]) {
        AccountKind::CreditCard
    } else if has(&["loan", "mortgage"]) {
        AccountKind::Loan
    } else if has(&["saving"]) {
        AccountKind::Savings
    } else if has(&["brokerage", "invest", "401k", "403b"]) || word(&["ira", "roth"]) {
        AccountKind::Investment
    } else {
        AccountKind::Checking
    }
}

/// `"{org} — {name}"` when the institution is known and the account name does not already say it.
pub(super) fn display_name(name: &str, org: Option<&str>) -> String {
    let name = name.trim();
    match org.map(str::trim) {
        Some(org) if !org.is_empty() && !name.to_lowercase().contains(&org.to_lowercase()) => {
            if name.is_empty() {
                org.to_string()
            } else {
                format!("{org} — {name}")
            }
        }
        _ => name.to_string(),
    }
}

/// Card-network and processor prefixes that say nothing about who was paid.
const NOISE_PREFIXES: &[&str] = &[
    "debit card purchase ",
    "pos purchase ",
    "pos debit ",
    "purchase authorized on ",
    "purchase ",
    "pos ",
    "sq *",
    "tst* ",
    "tst*",
    "sp * ",
    "sp *",
];

/// A payee from a raw description: known noise prefixes removed, trailing reference numbers
/// ("#1234", "000123456") dropped, all-caps text title-cased. Falls back to the description.
pub(super) fn clean_payee(description: &str) -> String {
    let collapsed = description.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut text = collapsed.as_str();
    for prefix in NOISE_PREFIXES {
        if text.len() > prefix.len()
            && text.is_char_boundary(prefix.len())
            && text[..prefix.len()].eq_ignore_ascii_case(prefix)
        {
            text = text[prefix.len()..].trim_start();
            break;
        }
    }
    let mut words: Vec<&str> = text.split(' ').collect();
    while words.len() > 1 && words.last().is_some_and(|w| is_reference(w)) {
        words.pop();
    }
    let cleaned = words.join(" ");
    let cleaned = if cleaned.chars().any(char::is_lowercase) {
        cleaned
    } else {
        title_case(&cleaned)
    };
    if cleaned.trim().is_empty() {
        collapsed
    } else {
        cleaned
    }
}

fn is_reference(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    word.starts_with('#') || (digits >= 3 && digits * 2 >= word.chars().count())
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        let cases = [
            ("Visa Signature", AccountKind::CreditCard),
            ("Sapphire Credit Card", AccountKind::CreditCard),
            ("AMEX Gold", AccountKind::CreditCard),
            ("Credit Union Share Savings", AccountKind::Savings),
            ("High-Yield Savings", AccountKind::Savings),
            ("Home Mortgage", AccountKind::Loan),
            ("Auto Loan", AccountKind::Loan),
            ("Brokerage", AccountKind::Investment),
            ("Roth IRA", AccountKind::Investment),
            ("Company 401k", AccountKind::Investment),
            ("Miramar Checking", AccountKind::Checking),
            ("Everyday", AccountKind::Checking),
        ];
        for (name, kind) in cases {
            assert_eq!(guess_kind(name), kind, "{name}");
        }
    }

    #[test]
    fn org_prefix_only_when_it_adds_something() {
        assert_eq!(
            display_name("Checking", Some("Credit Union")),
            "Credit Union — Checking"
        );
        assert_eq!(
            display_name("Chase Sapphire", Some("Chase")),
            "Chase Sapphire"
        );
        assert_eq!(display_name("Checking", None), "Checking");
        assert_eq!(display_name("Checking", Some("  ")), "Checking");
    }

    #[test]
    fn payees_lose_noise() {
        assert_eq!(
            clean_payee("POS PURCHASE  STARBUCKS STORE #1234"),
            "Starbucks Store"
        );
        assert_eq!(
            clean_payee("SQ *Blue Bottle Coffee 000123456"),
            "Blue Bottle Coffee"
        );
        assert_eq!(clean_payee("Payroll ACME Corp"), "Payroll ACME Corp");
        assert_eq!(clean_payee("#123"), "#123");
        assert_eq!(clean_payee("   "), "");
        assert_eq!(clean_payee("CAFÉ ÉCLAIR"), "Café Éclair");
    }
}
