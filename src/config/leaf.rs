//! Single values of the merged `config` tree: where each came from (defaults, the file and line,
//! or a `PURSE__…` variable), resolving `"env:VARNAME"`, showing a value in a message (secrets
//! hidden), and the table/list accessors. The typed readers are in `config/typed.rs`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use config::{Map, Value, ValueKind};

use super::check::KeyLines;
use super::env::env_var_for;
use super::error::{ConfigError, Location};

/// The origin the `config` crate gives values from its environment source.
const ENV_ORIGIN: &str = "the environment";

/// Everything needed to say where a value came from and to resolve `env:` references.
pub(crate) struct Ctx<'a> {
    pub file: Option<&'a Path>,
    pub lines: &'a KeyLines,
    /// Key path → the `PURSE__…` variable that overrode it.
    pub env_names: &'a HashMap<String, String>,
    /// The whole environment, for `env:` references.
    pub env: &'a HashMap<String, String>,
}

pub(crate) enum Scalar {
    Str(String),
    Int(i128),
    Float(f64),
    Bool(bool),
    List,
    Table,
}

/// One value with its key path and origin, ready to be typed or reported.
pub(crate) struct Leaf {
    pub key: String,
    pub location: Location,
    pub value: Scalar,
    /// The variable an `"env:VAR"` value was read from.
    pub via: Option<String>,
    pub secret: bool,
}

impl Leaf {
    fn shown(&self) -> String {
        match (&self.via, &self.value) {
            (Some(var), _) => format!("\"env:{var}\" (value hidden)"),
            _ if self.secret => "(hidden)".to_string(),
            (None, Scalar::Str(s)) => format!("{s:?}"),
            (None, Scalar::Int(i)) => i.to_string(),
            (None, Scalar::Float(x)) => x.to_string(),
            (None, Scalar::Bool(b)) => b.to_string(),
            (None, Scalar::List) => "(a list)".to_string(),
            (None, Scalar::Table) => "(a table)".to_string(),
        }
    }

    pub fn bad(&self, expected: impl Into<String>) -> ConfigError {
        ConfigError::BadValue {
            location: self.location.clone(),
            key: self.key.clone(),
            value: self.shown(),
            expected: expected.into(),
        }
    }
}

impl Ctx<'_> {
    pub fn location(&self, key: &str, value: &Value) -> Location {
        match value.origin() {
            None => Location::Defaults,
            Some(ENV_ORIGIN) => Location::Env {
                var: self
                    .env_names
                    .get(key)
                    .cloned()
                    .unwrap_or_else(|| env_var_for(key)),
            },
            Some(other) => Location::File {
                path: self
                    .file
                    .map_or_else(|| PathBuf::from(other), Path::to_path_buf),
                line: self.lines.get(key).copied(),
            },
        }
    }

    fn raw(&self, key: &str, value: &Value, secret: bool) -> Leaf {
        let value_kind = match &value.kind {
            ValueKind::String(s) => Scalar::Str(s.clone()),
            ValueKind::I64(i) => Scalar::Int(i128::from(*i)),
            ValueKind::U64(i) => Scalar::Int(i128::from(*i)),
            ValueKind::I128(i) => Scalar::Int(*i),
            ValueKind::U128(i) => Scalar::Int(i128::try_from(*i).unwrap_or(i128::MAX)),
            ValueKind::Float(x) => Scalar::Float(*x),
            ValueKind::Boolean(b) => Scalar::Bool(*b),
            ValueKind::Array(_) => Scalar::List,
            ValueKind::Table(_) | ValueKind::Nil => Scalar::Table,
        };
        let location = self.location(key, value);
        Leaf {
            key: key.to_string(),
            location,
            value: value_kind,
            via: None,
            secret,
        }
    }

    /// The value with `"env:VAR"` replaced by the variable's value.
    pub fn leaf(&self, key: &str, value: &Value, secret: bool) -> Result<Leaf, ConfigError> {
        let mut leaf = self.raw(key, value, secret);
        let Scalar::Str(text) = &leaf.value else {
            return Ok(leaf);
        };
        let Some(var) = text.strip_prefix("env:").map(str::trim) else {
            return Ok(leaf);
        };
        if var.is_empty() {
            return Err(
                leaf.bad("name the variable to read after \"env:\", like \"env:PLAID_SECRET\"")
            );
        }
        let var = var.to_string();
        let missing = |empty| ConfigError::MissingEnvVar {
            location: leaf.location.clone(),
            key: key.to_string(),
            var: var.clone(),
            empty,
        };
        let resolved = match self.env.get(&var) {
            None => return Err(missing(false)),
            Some(v) if v.is_empty() && secret => return Err(missing(true)),
            Some(v) => v.clone(),
        };
        leaf.value = Scalar::Str(resolved);
        leaf.via = Some(var);
        Ok(leaf)
    }

    /// An error about `value` at `key`, without reading it (for wrong shapes and misplaced keys).
    pub fn bad(
        &self,
        key: &str,
        value: &Value,
        secret: bool,
        expected: impl Into<String>,
    ) -> ConfigError {
        self.raw(key, value, secret).bad(expected)
    }

    pub fn table<'v>(
        &self,
        key: &str,
        value: &'v Value,
    ) -> Result<&'v Map<String, Value>, ConfigError> {
        match &value.kind {
            ValueKind::Table(t) => Ok(t),
            _ => Err(self.bad(
                key,
                value,
                false,
                format!("expected a table; write it as a [{key}] section"),
            )),
        }
    }

    pub fn list<'v>(&self, key: &str, value: &'v Value) -> Result<&'v [Value], ConfigError> {
        match &value.kind {
            ValueKind::Array(items) => Ok(items),
            _ => Err(self.bad(key, value, false, format!("expected [[{key}]] entries"))),
        }
    }
}
