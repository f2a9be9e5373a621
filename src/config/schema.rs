//! The config schema: every section and key the file (and `PURSE__…` variables) may contain, in
//! one table. The unknown-key checks, "did you mean" suggestions and [`known_keys`] all read it,
//! so adding a key means adding it here, to the extraction in `config/extract.rs`, and to
//! `config.example.toml` (a test checks the last).

/// What a key holds. Leaf kinds are checked in detail by the extraction; the structural kinds
/// (`Section`, `List`, `Map`) and `Decimal` (no floats) are checked while walking the raw file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Str,
    Secret,
    Decimal,
    Count,
    Bool,
    Path,
    /// A `[section]` table with fixed keys.
    Section(&'static [Field]),
    /// An array of tables (`[[connections]]`) with fixed keys.
    List(&'static [Field]),
    /// A free-form table of string values (`[keys]`).
    Map,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Field {
    pub name: &'static str,
    pub kind: Kind,
}

const fn f(name: &'static str, kind: Kind) -> Field {
    Field { name, kind }
}

pub(crate) const CONNECTION: &[Field] = &[
    f("name", Kind::Str),
    f("provider", Kind::Str),
    f("enabled", Kind::Bool),
    f("base_url", Kind::Str),
    f("environment", Kind::Str),
    f("client_id", Kind::Secret),
    f("secret", Kind::Secret),
    f("access_token", Kind::Secret),
    f("access_url", Kind::Secret),
];

pub(crate) const ACCOUNT: &[Field] = &[f("match", Kind::Str), f("low_balance", Kind::Decimal)];

/// One `[[bills]]` entry (checked in detail by `config/bills.rs`).
pub(crate) const BILL: &[Field] = &[
    f("name", Kind::Str),
    f("amount", Kind::Decimal),
    f("due", Kind::Str),
    f("every", Kind::Str),
    f("account", Kind::Str),
    f("currency", Kind::Str),
];

/// One `[[import.csv]]` preset (checked in detail by `config/import.rs`).
pub(crate) const CSV_PRESET: &[Field] = &[
    f("name", Kind::Str),
    f("account", Kind::Str),
    f("date", Kind::Str),
    f("date_format", Kind::Str),
    f("amount", Kind::Str),
    f("debit", Kind::Str),
    f("credit", Kind::Str),
    f("payee", Kind::Str),
    f("description", Kind::Str),
    f("id", Kind::Str),
    f("type", Kind::Str),
    f("currency_column", Kind::Str),
    f("sign", Kind::Str),
    f("decimal_comma", Kind::Bool),
    f("delimiter", Kind::Str),
    f("skip_rows", Kind::Count),
    f("skip_footer", Kind::Count),
    f("header", Kind::Bool),
    f("currency", Kind::Str),
    f("kind", Kind::Str),
];

pub(crate) const ROOT: &[Field] = &[
    f("general", Kind::Section(&[f("currency", Kind::Str)])),
    f("input", Kind::Section(&[f("decimal_separator", Kind::Str)])),
    f("storage", Kind::Section(&[f("database", Kind::Path)])),
    f(
        "sync",
        Kind::Section(&[
            f("interval_minutes", Kind::Count),
            f("history_days", Kind::Count),
            f("timeout_seconds", Kind::Count),
        ]),
    ),
    f(
        "alerts",
        Kind::Section(&[
            f("low_balance", Kind::Decimal),
            f("bill_due_days", Kind::Count),
            f("unusual_spend", Kind::Bool),
            f("quiet_hours", Kind::Str),
        ]),
    ),
    f("notifications", Kind::Section(&[f("desktop", Kind::Bool)])),
    f(
        "logging",
        Kind::Section(&[f("file", Kind::Path), f("level", Kind::Str)]),
    ),
    f("keys", Kind::Map),
    f("connections", Kind::List(CONNECTION)),
    f("accounts", Kind::List(ACCOUNT)),
    f("bills", Kind::List(BILL)),
    f(
        "import",
        Kind::Section(&[f("watch_dir", Kind::Str), f("csv", Kind::List(CSV_PRESET))]),
    ),
];

pub(crate) fn find(fields: &'static [Field], name: &str) -> Option<&'static Field> {
    fields.iter().find(|f| f.name == name)
}

pub(crate) fn names(fields: &[Field]) -> Vec<String> {
    fields.iter().map(|f| f.name.to_string()).collect()
}

/// Every key the config accepts as a dotted path; entries of `[[connections]]` and
/// `[[accounts]]` appear as `connections[].name` (`import.csv[].name` inside a section), and the
/// free-form `[keys]` table as `keys`.
pub fn known_keys() -> Vec<String> {
    let mut out = Vec::new();
    for field in ROOT {
        match field.kind {
            Kind::Section(sub) => {
                for s in sub {
                    match s.kind {
                        Kind::List(items) => out.extend(
                            items
                                .iter()
                                .map(|i| format!("{}.{}[].{}", field.name, s.name, i.name)),
                        ),
                        _ => out.push(format!("{}.{}", field.name, s.name)),
                    }
                }
            }
            Kind::List(sub) => {
                out.extend(sub.iter().map(|s| format!("{}[].{}", field.name, s.name)))
            }
            _ => out.push(field.name.to_string()),
        }
    }
    out
}

/// The candidate closest to `word` if it looks like a typo of it (case, or a few edits).
pub(crate) fn suggest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let word_lower = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| {
            // A prefix of a longer key ("interval" for "interval_minutes") counts as close.
            let prefix = word_lower.len() >= 3 && c.starts_with(&word_lower);
            (
                if prefix {
                    1
                } else {
                    edit_distance(&word_lower, c)
                },
                c,
            )
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let c = ["access_token", "access_url", "secret"];
        assert_eq!(suggest("acess_token", c).as_deref(), Some("access_token"));
        assert_eq!(suggest("Secret", c).as_deref(), Some("secret"));
        assert_eq!(suggest("colour", c), None);
    }

    #[test]
    fn known_keys_cover_sections_and_lists() {
        let keys = known_keys();
        assert!(keys.contains(&"alerts.quiet_hours".to_string()));
        assert!(keys.contains(&"connections[].access_url".to_string()));
        assert!(keys.contains(&"accounts[].match".to_string()));
        assert!(keys.contains(&"bills[].every".to_string()));
        assert!(keys.contains(&"keys".to_string()));
    }
}
