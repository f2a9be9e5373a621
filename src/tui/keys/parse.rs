//! Key chords: a key plus Ctrl/Alt, normalised so a terminal's report of a key press and the
//! `[keys]` spelling of it compare equal ("G" whether or not SHIFT is reported; "shift-tab" is
//! BackTab), and the parser for the `[keys]` syntax: `q`, `G`, `ctrl-c`, `alt-x`, `f5`, `enter`,
//! `pagedown`, several separated by commas (`comma` is the `,` key).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key and its Ctrl/Alt modifiers (Shift is folded into the key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl KeyChord {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        let mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        // Ctrl-letters arrive lower-case from most terminals; store them that way.
        let code = match code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        KeyChord { code, mods }
    }

    /// The chord of a key press.
    pub fn of(key: KeyEvent) -> Self {
        KeyChord::new(key.code, key.modifiers)
    }

    pub fn is_ctrl_c(&self) -> bool {
        self.code == KeyCode::Char('c') && self.mods == KeyModifiers::CONTROL
    }
}

/// Parses a `[keys]` value: one or more keys separated by commas.
pub fn parse_keys(value: &str) -> Result<Vec<KeyChord>, String> {
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    if parts.iter().all(|p| p.is_empty()) {
        return Err("no key given; write a key like \"q\", \"ctrl-r\" or \"f5\"".to_string());
    }
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(parse_key)
        .collect()
}

/// Parses one key: modifiers (`ctrl-`, `alt-`, `shift-`) then a character or a key name.
pub fn parse_key(text: &str) -> Result<KeyChord, String> {
    let mut mods = KeyModifiers::NONE;
    let mut shift = false;
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        let prefix = ["ctrl-", "control-", "alt-", "meta-", "shift-"]
            .into_iter()
            .find(|p| lower.starts_with(p) && rest.len() > p.len());
        let Some(prefix) = prefix else { break };
        match prefix {
            "ctrl-" | "control-" => mods |= KeyModifiers::CONTROL,
            "alt-" | "meta-" => mods |= KeyModifiers::ALT,
            _ => shift = true,
        }
        rest = &rest[prefix.len()..];
    }
    let bad = || {
        format!(
            "\"{text}\" is not a key: use a character (\"q\", \"G\", \"/\"), a name (enter, esc, \
             tab, space, backspace, up, down, left, right, pageup, pagedown, home, end, delete, \
             f1–f12, comma) or a modifier and a key (\"ctrl-r\", \"alt-x\", \"shift-tab\")"
        )
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => {
            let c = if shift { c.to_ascii_uppercase() } else { c };
            KeyCode::Char(c)
        }
        _ => match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if shift => KeyCode::BackTab,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "comma" => KeyCode::Char(','),
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "insert" | "ins" => KeyCode::Insert,
            "delete" | "del" => KeyCode::Delete,
            name => match name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                Some(n @ 1..=12) => KeyCode::F(n),
                _ => return Err(bad()),
            },
        },
    };
    Ok(KeyChord::new(code, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(code: KeyCode, mods: KeyModifiers) -> Result<Vec<KeyChord>, String> {
        Ok(vec![KeyChord::new(code, mods)])
    }

    #[test]
    fn parses_characters_names_and_modifiers() {
        let none = KeyModifiers::NONE;
        assert_eq!(parse_keys("q"), chord(KeyCode::Char('q'), none));
        assert_eq!(parse_keys("G"), chord(KeyCode::Char('G'), none));
        assert_eq!(parse_keys("shift-g"), chord(KeyCode::Char('G'), none));
        assert_eq!(parse_keys("-"), chord(KeyCode::Char('-'), none));
        assert_eq!(
            parse_keys("Ctrl-C"),
            chord(KeyCode::Char('c'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            parse_keys("alt-x"),
            chord(KeyCode::Char('x'), KeyModifiers::ALT)
        );
        assert_eq!(parse_keys("F5"), chord(KeyCode::F(5), none));
        assert_eq!(parse_keys("shift-tab"), chord(KeyCode::BackTab, none));
        assert_eq!(parse_keys("PageDown"), chord(KeyCode::PageDown, none));
        assert_eq!(
            parse_keys("j, down"),
            Ok(vec![
                KeyChord::new(KeyCode::Char('j'), none),
                KeyChord::new(KeyCode::Down, none)
            ])
        );
        assert_eq!(parse_keys("comma"), chord(KeyCode::Char(','), none));
    }

    #[test]
    fn rejects_what_is_not_a_key() {
        for bad in ["", " , ", "ctrl-", "f13", "f0", "enterr", "ctrl-xy"] {
            let err = parse_keys(bad);
            assert!(err.is_err(), "{bad:?} parsed as {err:?}");
        }
        let msg = parse_keys("hyper-x").err().unwrap_or_default();
        assert!(msg.starts_with("\"hyper-x\" is not a key"), "{msg}");
    }

    #[test]
    fn key_presses_normalise_like_the_config() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            KeyChord::of(shifted),
            KeyChord::new(KeyCode::Char('G'), KeyModifiers::NONE)
        );
        let ctrl = KeyEvent::new(
            KeyCode::Char('R'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(
            KeyChord::of(ctrl),
            KeyChord::new(KeyCode::Char('r'), KeyModifiers::CONTROL)
        );
    }
}
