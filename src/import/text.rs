//! Turning a statement's bytes into text: a byte-order mark wins; else valid UTF-8 is UTF-8 (banks
//! that write `CHARSET:1252` over UTF-8 text exist); else the charset the file declares (OFX
//! `CHARSET:` or XML `encoding="…"`); else Windows-1252, the charset of most OFX 1.x files.
//! Decoding is `encoding_rs`'s (the WHATWG tables, as browsers use).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decodes `bytes`; never fails (undecodable bytes become U+FFFD).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let encoding = declared(bytes).unwrap_or(WINDOWS_1252);
    let encoding = if encoding == UTF_8 {
        // Declared UTF-8 but invalid: the bytes are most likely Windows-1252.
        WINDOWS_1252
    } else {
        encoding
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text
}

/// The charset the file's header declares, if any and if known.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let head: String = head.iter().map(|b| char::from(*b)).collect();
    let upper = head.to_ascii_uppercase();
    let label = if let Some(at) = upper.find("CHARSET:") {
        let rest = &head[at + "CHARSET:".len()..];
        rest.lines().next().unwrap_or("").trim().to_string()
    } else if let Some(at) = upper.find("ENCODING=") {
        let rest = head[at + "ENCODING=".len()..].trim_start_matches(['"', '\'']);
        rest.split(['"', '\'', '?', ' '])
            .next()
            .unwrap_or("")
            .to_string()
    } else {
        return None;
    };
    match label.as_str() {
        "1252" => Some(WINDOWS_1252),
        other => Encoding::for_label(other.as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp1252_bytes_decode_to_their_characters() {
        let bytes = b"CHARSET:1252\n<NAME>Caf\xe9 \x80 \x93ok\x94";
        assert_eq!(decode(bytes), "CHARSET:1252\n<NAME>Café € “ok”");
        // Undeclared and invalid UTF-8: still Windows-1252.
        assert_eq!(decode(b"Z\xfcrich"), "Zürich");
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let bytes = "CHARSET:1252\n<NAME>Café".as_bytes();
        assert_eq!(decode(bytes), "CHARSET:1252\n<NAME>Café");
    }

    #[test]
    fn byte_order_marks_are_honoured_and_dropped() {
        assert_eq!(decode(b"\xef\xbb\xbfDate,Amount"), "Date,Amount");
        assert_eq!(decode(b"\xff\xfeD\x00a\x00"), "Da");
    }

    #[test]
    fn declared_latin1_is_read() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><NAME>Caf\xe9";
        assert!(decode(bytes).ends_with("Café"));
    }
}
