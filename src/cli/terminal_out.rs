//! The one way human output reaches stdout: a writer that passes text through
//! [`terminal_safe_lines`], so a payee, account name or server message that slipped into a
//! `writeln!` unescaped still cannot drive the terminal (newlines stay line breaks). Tables escape
//! their cells themselves (so a newline in a cell shows as `␊` instead of breaking the row); this is
//! the net under everything else. `--json` and exports bypass it: they keep the exact bytes.

use std::io::{self, Write};

use crate::domain::terminal_safe_lines;

/// Wraps `inner`; bytes of a character split across two writes are held until it is whole.
pub struct TerminalOut<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> TerminalOut<W> {
    pub fn new(inner: W) -> Self {
        TerminalOut {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for TerminalOut<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // The common case: whole, clean text goes straight through, uncopied.
        if self.pending.is_empty()
            && let Ok(text) = std::str::from_utf8(buf)
        {
            self.inner.write_all(terminal_safe_lines(text).as_bytes())?;
            return Ok(buf.len());
        }
        self.pending.extend_from_slice(buf);
        let mut start = 0;
        let mut text = String::new();
        while start < self.pending.len() {
            match std::str::from_utf8(&self.pending[start..]) {
                Ok(s) => {
                    text.push_str(s);
                    start = self.pending.len();
                }
                Err(e) => {
                    let good = start + e.valid_up_to();
                    text.push_str(&String::from_utf8_lossy(&self.pending[start..good]));
                    match e.error_len() {
                        // An invalid sequence: shown as U+FFFD, never as raw bytes.
                        Some(n) => {
                            text.push(char::REPLACEMENT_CHARACTER);
                            start = good + n;
                        }
                        // The start of a character whose rest comes with the next write.
                        None => {
                            start = good;
                            break;
                        }
                    }
                }
            }
        }
        self.pending.drain(..start);
        self.inner
            .write_all(terminal_safe_lines(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `eprintln!` through [`TerminalOut`]: for messages that quote outside text (errors, warnings).
pub fn eprintln_safe(args: std::fmt::Arguments<'_>) {
    let _ = writeln!(TerminalOut::new(io::stderr().lock()), "{args}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_but_newlines() {
        let mut out = TerminalOut::new(Vec::new());
        let payee = "\u{1b}]0;x\u{7}";
        let category = "Café\u{202e}";
        writeln!(out, "Rule 3 added: payee {payee} → {category}").unwrap_or(());
        assert_eq!(
            String::from_utf8_lossy(&out.inner),
            "Rule 3 added: payee ␛]0;x␇ → Café\\u{202e}\n"
        );
    }

    #[test]
    fn a_character_split_across_writes_is_kept_whole() {
        let mut out = TerminalOut::new(Vec::new());
        let bytes = "é\u{9b}".as_bytes();
        for b in bytes {
            out.write_all(&[*b]).unwrap_or(());
        }
        out.write_all(b"\xffok").unwrap_or(());
        assert_eq!(String::from_utf8_lossy(&out.inner), "é\\u{9b}\u{fffd}ok");
    }
}
