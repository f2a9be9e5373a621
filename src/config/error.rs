//! [`ConfigError`] and [`Location`]: every way loading the settings can fail, each message naming
//! where the value came from (file and line, or the `PURSE__…` variable), the key path, the bad
//! value, and how to fix it. Secret values are never part of a message.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The built-in defaults.
    Defaults,
    /// The config file, with the line of the key when known.
    File { path: PathBuf, line: Option<usize> },
    /// An override variable such as `PURSE__SYNC__INTERVAL_MINUTES`.
    Env { var: String },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Defaults => f.write_str("the built-in defaults"),
            Location::File {
                path,
                line: Some(line),
            } => {
                write!(f, "{} (line {line})", path.display())
            }
            Location::File { path, line: None } => write!(f, "{}", path.display()),
            Location::Env { var } => write!(f, "environment variable {var}"),
        }
    }
}

/// Why the settings could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "config file {} does not exist; create it (config.example.toml documents every key) or \
         pass an existing file to --config",
        path.display()
    )]
    NotFound { path: PathBuf },

    #[error(
        "cannot read config file {}: {source}; check that it exists and that you may read it",
        path.display()
    )]
    Unreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error(
        "config file {} is not valid UTF-8 (line {line}, column {column}); save it as UTF-8",
        path.display()
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },

    #[error(
        "TOML syntax error in {} at line {line}, column {column}: {message}; fix the syntax \
         (config.example.toml shows the expected layout)",
        path.display()
    )]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("unknown key `{key}` in {location}; {}", unknown_key_fix(suggestion.as_deref(), known))]
    UnknownKey {
        location: Location,
        key: String,
        /// The closest known key, if one is close enough to be a likely typo.
        suggestion: Option<String>,
        /// The keys allowed at that place.
        known: Vec<String>,
    },

    #[error("invalid value {value} for `{key}` in {location}: {expected}")]
    BadValue {
        location: Location,
        key: String,
        /// The value as written (strings quoted), or a placeholder for secrets.
        value: String,
        /// What would be accepted.
        expected: String,
    },

    #[error(
        "`{key}` in {location} is \"env:{var}\", but environment variable {var} is {}; set \
         {var} before starting purse, or write the value in place of \"env:{var}\"",
        if *empty { "empty" } else { "not set" }
    )]
    MissingEnvVar {
        location: Location,
        key: String,
        var: String,
        empty: bool,
    },

    #[error("missing key `{key}` in {location}: {expected}")]
    MissingKey {
        location: Location,
        key: String,
        expected: String,
    },

    #[error(
        "duplicate connection name {name:?} for `{key}` in {location}: `{first}` already uses \
         it; give each connection a unique name"
    )]
    DuplicateName {
        location: Location,
        key: String,
        name: String,
        first: String,
    },

    #[error(
        "`{key}` cannot be set from {location}; define it in the config file (\"env:VARNAME\" \
         values keep its secrets out of the file)"
    )]
    NotOverridable { location: Location, key: String },

    #[error("cannot combine the configuration layers ({location}): {message}")]
    Layering { location: Location, message: String },
}

fn unknown_key_fix(suggestion: Option<&str>, known: &[String]) -> String {
    match suggestion {
        Some(s) => format!("did you mean `{s}`?"),
        None if known.is_empty() => "remove it".to_string(),
        None => format!("remove it or use one of: {}", known.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_message_suggests() {
        let e = ConfigError::UnknownKey {
            location: Location::File {
                path: "/p/config.toml".into(),
                line: Some(14),
            },
            key: "connections[0].acess_token".into(),
            suggestion: Some("access_token".into()),
            known: vec![],
        };
        assert_eq!(
            e.to_string(),
            "unknown key `connections[0].acess_token` in /p/config.toml (line 14); did you mean \
             `access_token`?"
        );
    }

    #[test]
    fn env_location_names_the_variable() {
        let loc = Location::Env {
            var: "PURSE__SYNC__INTERVAL_MINUTES".into(),
        };
        assert_eq!(
            loc.to_string(),
            "environment variable PURSE__SYNC__INTERVAL_MINUTES"
        );
    }
}
