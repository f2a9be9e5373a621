//! Text hygiene for the SimpleFIN adapter: messages from the Bridge are shown to the user, so they
//! are cleaned first (no control characters, bounded length, no credentials), and the access URL's
//! percent-encoded userinfo is decoded for HTTP Basic auth.

/// The longest message shown to the user, in characters.
pub(super) const MAX_MESSAGE_CHARS: usize = 300;

/// Secrets shorter than this are not masked by value (masking "a" would garble every message);
/// real SimpleFIN credentials are long random strings.
const MIN_MASKED_SECRET: usize = 6;

/// Cleans text from the server (or an error built from it) for display: control characters become
/// spaces, whitespace runs collapse, `scheme://user:pass@host` loses its userinfo, each of
/// `secrets` is masked wherever it appears, and the result is capped at [`MAX_MESSAGE_CHARS`].
pub(super) fn sanitize(text: &str, secrets: &[&str]) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    out = redact_userinfo(&out);
    for secret in secrets
        .iter()
        .filter(|s| s.chars().count() >= MIN_MASKED_SECRET)
    {
        out = out.replace(secret, "***");
    }
    if out.chars().count() > MAX_MESSAGE_CHARS {
        out = out.chars().take(MAX_MESSAGE_CHARS - 1).collect::<String>() + "…";
    }
    out
}

/// Replaces the userinfo of every `scheme://userinfo@host` in `text` with `***`, without needing
/// the URL to parse (it may be cut off or followed by punctuation).
fn redact_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("://") {
        let (head, tail) = rest.split_at(pos + 3);
        out.push_str(head);
        let authority_len = tail.find(['/', '?', '#', ' ']).unwrap_or(tail.len());
        match tail[..authority_len].rfind('@') {
            Some(at) => {
                out.push_str("***");
                rest = &tail[at..];
            }
            None => rest = tail,
        }
    }
    out.push_str(rest);
    out
}

/// Decodes `%XX` escapes (as found in a URL's userinfo); invalid escapes are kept as written.
pub(super) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(hi), Some(lo)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((hi * 16 + lo) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_control_characters_and_collapses_space() {
        assert_eq!(
            sanitize("  Bank\x1b[31m down\r\n\tagain\u{7}  ", &[]),
            "Bank [31m down again"
        );
    }

    #[test]
    fn redacts_userinfo_and_known_secrets() {
        let msg = sanitize(
            "see https://alice:hunter22@bridge.example/simplefin/accounts, or hunter22",
            &["hunter22"],
        );
        assert_eq!(
            msg,
            "see https://***@bridge.example/simplefin/accounts, or ***"
        );
        assert_eq!(
            sanitize("mail me@x.org at http://host/a@b", &[]),
            "mail me@x.org at http://host/a@b"
        );
        assert_eq!(sanitize("cut http://u:p@", &[]), "cut http://***@");
        assert_eq!(sanitize("short pw a stays", &["a"]), "short pw a stays");
    }

    #[test]
    fn caps_length() {
        let long = "x".repeat(1000);
        let out = sanitize(&long, &[]);
        assert_eq!(out.chars().count(), MAX_MESSAGE_CHARS);
        assert!(out.ends_with('…'));
    }

    #[test]
    fn percent_decodes_userinfo() {
        assert_eq!(percent_decode("p%40ss%3Aw%2"), "p@ss:w%2");
        assert_eq!(percent_decode("plain"), "plain");
        assert_eq!(percent_decode("%"), "%");
    }
}
