//! Checks on the config file before the layers are merged, while the exact text is at hand:
//! reading it (unreadable, not UTF-8, TOML syntax errors with line and column), then walking its
//! raw TOML against the schema (unknown keys with suggestions, wrong structure, unquoted decimal
//! amounts), recording the line of every key for later messages.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::error::{ConfigError, Location};
use super::schema::{self, Field, Kind};

/// Line numbers of the keys found in the file, by key path (`connections[0].name`).
pub(crate) type KeyLines = HashMap<String, usize>;

/// Reads and checks the file; returns the line of every key for later error messages.
pub(crate) fn check_file(path: &Path) -> Result<KeyLines, ConfigError> {
    let bytes = std::fs::read(path).map_err(|source| ConfigError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let (line, column) = line_col(&valid, valid.len());
        ConfigError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column,
        }
    })?;
    let table = DeTable::parse(text).map_err(|e| {
        let (line, column) = line_col(text, e.span().map_or(0, |s| s.start));
        let message = e.message().trim().to_string();
        ConfigError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    })?;
    let mut walker = Walker {
        path,
        text,
        lines: KeyLines::new(),
    };
    walker.table("", table.get_ref(), schema::ROOT)?;
    Ok(walker.lines)
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

struct Walker<'a> {
    path: &'a Path,
    text: &'a str,
    lines: KeyLines,
}

impl Walker<'_> {
    fn location(&self, span: Range<usize>) -> Location {
        let path = self.path.to_path_buf();
        Location::File {
            path,
            line: Some(line_col(self.text, span.start).0),
        }
    }

    fn table(
        &mut self,
        prefix: &str,
        table: &DeTable<'_>,
        fields: &'static [Field],
    ) -> Result<(), ConfigError> {
        for (k, v) in table.iter() {
            let name: &str = k.get_ref();
            let key = if prefix.is_empty() {
                name.to_string()
            } else {
                format!("{prefix}.{name}")
            };
            let location = self.location(k.span());
            let Some(field) = schema::find(fields, name) else {
                let suggestion = schema::suggest(name, fields.iter().map(|f| f.name));
                let known = schema::names(fields);
                return Err(ConfigError::UnknownKey {
                    location,
                    key,
                    suggestion,
                    known,
                });
            };
            self.lines
                .insert(key.clone(), line_col(self.text, k.span().start).0);
            let value = v.get_ref();
            match (field.kind, value) {
                (Kind::Section(sub), DeValue::Table(t)) => self.table(&key, t, sub)?,
                (Kind::Section(_), _) => {
                    let expected = format!("expected a table; write it as a [{key}] section");
                    return Err(bad(location, key, value, expected));
                }
                (Kind::List(sub), DeValue::Array(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        let item_key = format!("{key}[{i}]");
                        self.lines
                            .insert(item_key.clone(), line_col(self.text, item.span().start).0);
                        match item.get_ref() {
                            DeValue::Table(t) => self.table(&item_key, t, sub)?,
                            other => {
                                let expected =
                                    format!("expected a table; write it as a [[{key}]] entry");
                                return Err(bad(
                                    self.location(item.span()),
                                    item_key,
                                    other,
                                    expected,
                                ));
                            }
                        }
                    }
                }
                (Kind::List(_), _) => {
                    let expected =
                        format!("expected a list of tables; write each as a [[{key}]] entry");
                    return Err(bad(location, key, value, expected));
                }
                (Kind::Map, DeValue::Table(t)) => {
                    for (action, binding) in t.iter() {
                        let entry_key = format!("{key}.{}", action.get_ref());
                        self.lines.insert(
                            entry_key.clone(),
                            line_col(self.text, action.span().start).0,
                        );
                        if !binding.get_ref().is_str() {
                            let expected =
                                "expected a key in quotes, like \"q\" or \"ctrl-r\"".to_string();
                            return Err(bad(
                                self.location(action.span()),
                                entry_key,
                                binding.get_ref(),
                                expected,
                            ));
                        }
                    }
                }
                (Kind::Map, _) => {
                    let expected = format!("expected a table; write it as a [{key}] section");
                    return Err(bad(location, key, value, expected));
                }
                (Kind::Decimal, DeValue::Float(float)) => {
                    let text = float.as_str();
                    let expected = format!(
                        "amounts must be quoted so they are read exactly, not as a binary float; \
                         write {name} = \"{text}\""
                    );
                    return Err(bad(location, key, value, expected));
                }
                _ => {}
            }
        }
        Ok(())
    }
}

fn bad(location: Location, key: String, value: &DeValue<'_>, expected: String) -> ConfigError {
    ConfigError::BadValue {
        location,
        key,
        value: show_raw(value),
        expected,
    }
}

/// A raw TOML value as the user wrote it (strings quoted); aggregates are described, not dumped.
fn show_raw(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("{s:?}"),
        DeValue::Integer(i) => i.as_str().to_string(),
        DeValue::Float(x) => x.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Array(_) => "(a list)".to_string(),
        DeValue::Table(_) => "(a table)".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_col("a = 1\nbb = 2\n", 0), (1, 1));
        assert_eq!(line_col("a = 1\nbb = 2\n", 9), (2, 4));
    }
}
