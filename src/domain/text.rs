//! Text from outside (payees, descriptions, notes, account, institution and category names,
//! servers' error messages) made safe to show on a terminal, without changing what is stored.
//!
//! Anyone who can name a merchant can put bytes in a payee, and a terminal obeys some of them:
//! `ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears it, a C1 `CSI` (U+009B) does the
//! same on some terminals, and the bidi overrides reorder what follows so that text reads as
//! something else. [`terminal_safe`] shows each such character visibly instead:
//!
//! - C0 controls U+0000–U+001F as their Unicode control pictures (`ESC` → `␛`, `BEL` → `␇`,
//!   newline → `␊`, tab → `␉`), DEL U+007F as `␡`;
//! - C1 controls U+0080–U+009F, the bidi embeddings/overrides U+202A–U+202E and isolates
//!   U+2066–U+2069, and the line/paragraph separators U+2028/U+2029 as `\u{…}` (e.g. `\u{202e}`).
//!
//! Everything else (accents, CJK, emoji, right-to-left letters) passes unchanged, and clean text
//! comes back borrowed, untouched. Stored data and `--json` keep the exact bytes; only what is
//! drawn for a person goes through here.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` would act on a terminal (or reorder the text after it) rather than just show.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` on one line with every unsafe character shown visibly (see the module doc).
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    neutralise(text, false)
}

/// Like [`terminal_safe`], but newlines stay line breaks: for multi-line messages (errors).
pub fn terminal_safe_lines(text: &str) -> Cow<'_, str> {
    neutralise(text, true)
}

fn neutralise(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let Some(first) = first_unsafe(text.as_bytes(), keep_newlines) else {
        return Cow::Borrowed(text);
    };
    let bad = |c: char| is_unsafe(c) && !(keep_newlines && c == '\n');
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if bad(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Where the first unsafe character starts, found on the UTF-8 bytes (listings of a million rows
/// go through here): C0 and DEL are single bytes, C1 is `C2 80`–`C2 9F`, U+2028–U+202E are
/// `E2 80 A8`–`E2 80 AE` and U+2066–U+2069 are `E2 81 A6`–`E2 81 A9`.
fn first_unsafe(bytes: &[u8], keep_newlines: bool) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        let unsafe_here = match b {
            b'\n' => !keep_newlines,
            0x00..=0x1F | 0x7F => true,
            0xC2 => (0x80..=0x9F).contains(&next(1)),
            0xE2 => match next(1) {
                0x80 => (0xA8..=0xAE).contains(&next(2)),
                0x81 => (0xA6..=0xA9).contains(&next(2)),
                _ => false,
            },
            _ => false,
        };
        if unsafe_here {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The visible stand-in for one unsafe character.
fn push_visible(out: &mut String, c: char) {
    let code = u32::from(c);
    let picture = match code {
        0x00..=0x1F => char::from_u32(0x2400 + code),
        0x7F => Some('\u{2421}'),
        _ => None,
    };
    match picture {
        Some(p) => out.push(p),
        None => {
            let _ = write!(out, "\\u{{{code:x}}}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shows_each_kind_of_unsafe_character_visibly() {
        let cases = [
            ("\u{1b}]0;pwned\u{7}\u{1b}[2J", "␛]0;pwned␇␛[2J"),
            ("Coffee\r\nShop\tNYC", "Coffee␍␊Shop␉NYC"),
            ("nul\0 del\u{7f}", "nul␀ del␡"),
            ("csi\u{9b}31m", "csi\\u{9b}31m"),
            ("evil\u{202e}fdp.exe", "evil\\u{202e}fdp.exe"),
            ("iso\u{2066}late\u{2069}", "iso\\u{2066}late\\u{2069}"),
            ("line\u{2028}sep", "line\\u{2028}sep"),
        ];
        for (raw, shown) in cases {
            assert_eq!(terminal_safe(raw), shown, "{raw:?}");
        }
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        for clean in [
            "",
            "Café Ébène",
            "東京 ☕ 🍣",
            "שלום",
            "Joe's \"Deli\" <3 & co ;|",
        ] {
            assert!(matches!(terminal_safe(clean), Cow::Borrowed(s) if s == clean));
        }
    }

    #[test]
    fn the_lines_form_keeps_only_newlines() {
        assert_eq!(
            terminal_safe_lines("a\u{1b}[2J\nb\r\n"),
            "a␛[2J\nb␍\n".to_string()
        );
    }

    /// Any characters, with the dangerous ones made common.
    fn hostile() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            '\u{1b}', '\u{7}', '\0', '\n', '\r', '\t', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}',
            '\u{2066}', '\u{2028}', '␛', '\u{80}', '\u{9f}', '\u{a0}', '\u{202a}', '\u{2029}',
            '\u{2069}', '\u{2027}', '\u{202f}', '\u{2065}', '\u{206a}',
        ]);
        prop::collection::vec(prop_oneof![any::<char>(), special], 0..40)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #[test]
        fn output_never_holds_an_unsafe_character(s in hostile()) {
            let out = terminal_safe(&s);
            prop_assert!(!out.chars().any(is_unsafe), "{:?}", out);
            let lines = terminal_safe_lines(&s);
            prop_assert!(!lines.chars().any(|c| is_unsafe(c) && c != '\n'));
        }

        #[test]
        fn identity_on_text_without_unsafe_characters(s in hostile()) {
            let clean: String = s.chars().filter(|&c| !is_unsafe(c)).collect();
            prop_assert_eq!(terminal_safe(&clean), clean.as_str());
        }

        #[test]
        fn the_byte_scan_agrees_with_the_character_rule(s in hostile(), keep in any::<bool>()) {
            let by_char = s.find(|c: char| is_unsafe(c) && !(keep && c == '\n'));
            prop_assert_eq!(first_unsafe(s.as_bytes(), keep), by_char);
        }

        #[test]
        fn nothing_is_dropped(s in hostile()) {
            let out = terminal_safe(&s);
            prop_assert!(out.chars().count() >= s.chars().count());
        }
    }
}
