//! Repairs the two slips the SimpleFIN protocol's own example bodies make, so that a server copying
//! them is still understood: a comma before a closing `}` or `]`, and an object written inside an
//! array without its braces (`"connections": [ "conn_id": "…", "name": "…" ]`).
//!
//! Neither slip is valid JSON, so a strict parse is always tried first and a valid body never
//! reaches this module; what it repairs has only one possible reading. Strings are copied as they
//! are (a comma or colon inside one is never touched).

/// The body with the slips repaired, or None when there was nothing to repair (the body is
/// broken in some other way and the strict parser's error is the one to show).
pub(super) fn repair(body: &str) -> Option<String> {
    let mut out = String::with_capacity(body.len());
    // For each open container: whether it is an array, where its contents start in `out`, and
    // whether it was an array given the braces of the object it holds.
    let mut stack: Vec<(bool, usize, bool)> = Vec::new();
    let mut repaired = false;
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push(c);
                copy_string(&mut chars, &mut out);
            }
            '{' | '[' => {
                out.push(c);
                stack.push((c == '[', out.len(), false));
            }
            '}' | ']' => {
                repaired |= drop_trailing_comma(&mut out);
                if let Some((_, _, true)) = stack.pop() {
                    out.push('}');
                }
                out.push(c);
            }
            ':' => {
                if let Some((true, start, wrapped @ false)) = stack.last_mut()
                    && is_one_string(&out[*start..])
                {
                    out.insert(*start, '{');
                    *wrapped = true;
                    repaired = true;
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    repaired.then_some(out)
}

/// Copies the rest of a string literal (after its opening quote) including the closing quote.
fn copy_string(chars: &mut std::str::Chars<'_>, out: &mut String) {
    let mut escaped = false;
    for c in chars.by_ref() {
        out.push(c);
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return,
            _ => escaped = false,
        }
    }
}

/// Removes a comma that is the last thing (but whitespace) written; true if there was one.
fn drop_trailing_comma(out: &mut String) -> bool {
    let kept = out.trim_end().len();
    if out[..kept].ends_with(',') {
        out.replace_range(kept - 1..kept, "");
        true
    } else {
        false
    }
}

/// Whether `text` (an array's contents so far) is exactly one string literal.
fn is_one_string(text: &str) -> bool {
    let t = text.trim();
    let Some(inner) = t.strip_prefix('"') else {
        return false;
    };
    let mut chars = inner.chars();
    let mut rest = String::new();
    copy_string(&mut chars, &mut rest);
    rest.ends_with('"') && chars.as_str().trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_commas_go() {
        assert_eq!(
            repair("{\"a\": [1, 2, ],\n \"b\": {\"c\": \"x,\" ,\n}\n}").as_deref(),
            Some("{\"a\": [1, 2 ],\n \"b\": {\"c\": \"x,\" \n}\n}")
        );
    }

    #[test]
    fn an_object_without_braces_in_an_array_gets_them() {
        let body =
            r#"{"connections": [ "conn_id": "C1", "name": "My \"Bank\": Jill", ], "accounts": []}"#;
        let fixed = repair(body).unwrap_or_default();
        let v: serde_json::Value = serde_json::from_str(&fixed).unwrap_or_default();
        assert_eq!(v["connections"][0]["conn_id"], "C1");
        assert_eq!(v["connections"][0]["name"], "My \"Bank\": Jill");
    }

    #[test]
    fn valid_or_otherwise_broken_bodies_are_left_alone() {
        assert_eq!(repair(r#"{"a": ["x", "y"], "b": "k: v,]"}"#), None);
        assert_eq!(repair("<html>maintenance</html>"), None);
        // Two strings then a colon is not one object missing its braces.
        let broken = r#"["a", "b": 1]"#;
        assert_eq!(repair(broken), None);
    }
}
