//! The key map: which key means which [`KeyAction`], built from the defaults and the config's
//! `[keys]` table (action name → keys, e.g. `quit = "q, ctrl-q"`), validated at start-up with an
//! error that names the entry and quotes the value.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::bindings::{BINDINGS, KeyAction};
use super::parse::{KeyChord, parse_keys};

/// A `[keys]` entry that cannot be used; the message names it and says how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("config [keys]: {0}")]
pub struct KeymapError(pub String);

/// Key chords → actions, and each action's keys in order (for help and hints).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    by_key: HashMap<KeyChord, KeyAction>,
    keys: BTreeMap<KeyAction, Vec<KeyChord>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::from_config(&BTreeMap::new()).unwrap_or_else(|_| Keymap {
            by_key: HashMap::new(),
            keys: BTreeMap::new(),
        })
    }
}

impl Keymap {
    /// The defaults with `overrides` (action name → keys) applied. A rebound action loses its
    /// default keys; a key taken by an override is taken away from the action that had it.
    pub fn from_config(overrides: &BTreeMap<String, String>) -> Result<Keymap, KeymapError> {
        let mut keys: BTreeMap<KeyAction, Vec<KeyChord>> = BTreeMap::new();
        for row in BINDINGS {
            let chords = parse_keys(row.default)
                .map_err(|e| KeymapError(format!("default for {}: {e}", row.name)))?;
            keys.insert(row.action, chords);
        }
        let mut claimed: HashMap<KeyChord, &str> = HashMap::new();
        for (name, value) in overrides {
            let entry = format!("{name} = \"{value}\"");
            let action = KeyAction::from_name(name).ok_or_else(|| {
                KeymapError(format!(
                    "{entry}: there is no action \"{name}\". Actions: {}",
                    BINDINGS
                        .iter()
                        .map(|b| b.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            let chords = parse_keys(value).map_err(|e| KeymapError(format!("{entry}: {e}")))?;
            for chord in &chords {
                if chord.is_ctrl_c() && action != KeyAction::Quit {
                    return Err(KeymapError(format!(
                        "{entry}: ctrl-c always quits; pick another key"
                    )));
                }
                if let Some(other) = claimed.insert(*chord, name) {
                    return Err(KeymapError(format!(
                        "{entry}: \"{chord}\" is also given to {other}; give each action its own key"
                    )));
                }
            }
            keys.insert(action, chords);
        }
        // Keys an override took are removed from the actions that had them by default.
        for (action, chords) in keys.iter_mut() {
            let mine = action.name();
            chords.retain(|c| claimed.get(c).is_none_or(|owner| *owner == mine));
        }
        let mut by_key = HashMap::new();
        for (action, chords) in &keys {
            for chord in chords {
                by_key.insert(*chord, *action);
            }
        }
        Ok(Keymap { by_key, keys })
    }

    /// The action `key` is bound to.
    pub fn action(&self, key: KeyEvent) -> Option<KeyAction> {
        self.by_key.get(&KeyChord::of(key)).copied()
    }

    /// The action's keys as shown to the user ("j ↓"), or "—" when it has none.
    pub fn label(&self, action: KeyAction) -> String {
        match self.keys.get(&action).map(Vec::as_slice) {
            Some([]) | None => "—".to_string(),
            Some(chords) => chords
                .iter()
                .map(KeyChord::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// The action's first key, for the status bar.
    pub fn short(&self, action: KeyAction) -> String {
        self.keys
            .get(&action)
            .and_then(|c| c.first())
            .map_or_else(|| "—".to_string(), KeyChord::to_string)
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        s.push_str(&name);
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> Result<Keymap, KeymapError> {
        let overrides = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Keymap::from_config(&overrides)
    }

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn defaults_cover_vim_keys_arrows_and_shifted_letters() {
        let k = Keymap::default();
        let none = KeyModifiers::NONE;
        assert_eq!(
            k.action(key(KeyCode::Char('j'), none)),
            Some(KeyAction::Down)
        );
        assert_eq!(k.action(key(KeyCode::Down, none)), Some(KeyAction::Down));
        // Terminals report G with or without SHIFT; both are "G".
        let shift = KeyModifiers::SHIFT;
        assert_eq!(
            k.action(key(KeyCode::Char('G'), shift)),
            Some(KeyAction::Bottom)
        );
        assert_eq!(
            k.action(key(KeyCode::BackTab, shift)),
            Some(KeyAction::PrevPane)
        );
        assert_eq!(
            k.action(key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(KeyAction::PageDown)
        );
        assert_eq!(k.label(KeyAction::Down), "j ↓");
    }

    #[test]
    fn overrides_replace_defaults_and_take_keys_from_others() {
        let k = map(&[("quit", "ctrl-q, f10"), ("search", "n")]).unwrap_or_default();
        let none = KeyModifiers::NONE;
        assert_eq!(k.action(key(KeyCode::Char('q'), none)), None);
        assert_eq!(
            k.action(key(KeyCode::Char('q'), KeyModifiers::CONTROL)),
            Some(KeyAction::Quit)
        );
        assert_eq!(k.action(key(KeyCode::F(10), none)), Some(KeyAction::Quit));
        assert_eq!(
            k.action(key(KeyCode::Char('n'), none)),
            Some(KeyAction::Search)
        );
        assert_eq!(k.label(KeyAction::Note), "—", "n was taken from note");
        assert_eq!(k.label(KeyAction::Quit), "Ctrl-q F10");
    }

    #[test]
    fn bad_entries_name_the_entry_and_quote_the_value() {
        let err = |pairs: &[(&str, &str)]| map(pairs).err().map(|e| e.to_string());
        let unknown = err(&[("quitt", "q")]).unwrap_or_default();
        assert!(
            unknown.contains("quitt = \"q\"") && unknown.contains("Actions: next_pane,"),
            "{unknown}"
        );
        let bad = err(&[("quit", "ctrl-")]).unwrap_or_default();
        assert!(bad.starts_with("config [keys]: quit = \"ctrl-\""), "{bad}");
        let twice = err(&[("quit", "x"), ("refresh", "x")]).unwrap_or_default();
        assert!(twice.contains("\"x\" is also given to quit"), "{twice}");
        let ctrl_c = err(&[("search", "ctrl-c")]).unwrap_or_default();
        assert!(ctrl_c.contains("ctrl-c always quits"), "{ctrl_c}");
        assert!(err(&[("help", "")]).is_some());
    }
}
