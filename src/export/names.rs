//! Account names both journal tools accept: `Root:Component:…`, each component starting with a
//! capital letter or digit and holding only ASCII letters, digits and `-` (beancount's rule, which
//! is the stricter one; hledger and ledger read the same names).

use std::collections::HashSet;

/// One name component from free text: words capitalised and joined with `-`
/// ("Everyday checking #2" → "Everyday-Checking-2"); `fallback` when nothing is left.
pub fn component(text: &str, fallback: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect();
    if words.is_empty() {
        fallback.to_string()
    } else {
        words.join("-")
    }
}

/// Hands out unique account names, adding `-2`, `-3`, … on a clash.
#[derive(Debug, Default)]
pub struct Names {
    used: HashSet<String>,
}

impl Names {
    pub fn unique(&mut self, name: String) -> String {
        let mut candidate = name.clone();
        let mut n = 2;
        while !self.used.insert(candidate.to_ascii_lowercase()) {
            candidate = format!("{name}-{n}");
            n += 1;
        }
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_safe_for_both_tools() {
        assert_eq!(
            component("Everyday checking #2", "X"),
            "Everyday-Checking-2"
        );
        assert_eq!(component("Trader Joe's", "X"), "Trader-Joe-S");
        assert_eq!(component("Café & Co", "X"), "Caf-Co");
        assert_eq!(component("  ", "Account"), "Account");
        assert_eq!(component("401k", "X"), "401k");
    }

    #[test]
    fn clashes_get_numbered() {
        let mut names = Names::default();
        assert_eq!(
            names.unique("Assets:Bank:Checking".into()),
            "Assets:Bank:Checking"
        );
        assert_eq!(
            names.unique("Assets:Bank:checking".into()),
            "Assets:Bank:checking-2"
        );
        assert_eq!(
            names.unique("Assets:Bank:Checking".into()),
            "Assets:Bank:Checking-3"
        );
    }
}
