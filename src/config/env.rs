//! `PURSE__SECTION__KEY` override variables: picking them out of the environment, checking each
//! names a key that may be overridden (sections and `[keys]`, not `[[connections]]`), and naming
//! the variable behind a key path in messages.

use std::collections::{BTreeMap, HashMap};

use super::error::{ConfigError, Location};
use super::schema::{self, Field, Kind};

/// The `PURSE__SECTION__KEY` overrides that passed [`check_env`].
#[derive(Debug)]
pub(crate) struct EnvOverrides {
    /// Variable name → value, handed to the `config` crate's environment source.
    pub vars: HashMap<String, String>,
    /// Key path (`sync.interval_minutes`) → the variable that set it, for messages.
    pub names: HashMap<String, String>,
}

pub(crate) const ENV_PREFIX: &str = "PURSE__";

/// Picks the `PURSE__…` variables out of `env` and checks each names a known key.
pub(crate) fn check_env(env: &HashMap<String, String>) -> Result<EnvOverrides, ConfigError> {
    let mut out = EnvOverrides {
        vars: HashMap::new(),
        names: HashMap::new(),
    };
    let sorted: BTreeMap<&String, &String> = env.iter().collect();
    for (var, value) in sorted {
        let lower = var.to_lowercase();
        let Some(rest) = lower.strip_prefix(&ENV_PREFIX.to_lowercase()) else {
            continue;
        };
        let key = env_key(var, rest)?;
        out.names.insert(key, var.clone());
        out.vars.insert(var.clone(), value.clone());
    }
    Ok(out)
}

/// The key path an override variable sets, if it is one that may be set that way.
fn env_key(var: &str, rest: &str) -> Result<String, ConfigError> {
    let location = Location::Env {
        var: var.to_string(),
    };
    let parts: Vec<&str> = rest.split("__").collect();
    let section_names = || {
        let overridable = |f: &&Field| matches!(f.kind, Kind::Section(_) | Kind::Map);
        schema::ROOT.iter().filter(overridable).map(|f| f.name)
    };
    let Some(section) = schema::find(schema::ROOT, parts[0]) else {
        let suggestion = schema::suggest(parts[0], section_names());
        let known = section_names()
            .map(|n| format!("{ENV_PREFIX}{}__…", n.to_uppercase()))
            .collect();
        return Err(ConfigError::UnknownKey {
            location,
            key: parts.join("."),
            suggestion,
            known,
        });
    };
    let sub: &[Field] = match section.kind {
        Kind::Section(sub) => sub,
        Kind::Map => &[],
        _ => {
            return Err(ConfigError::NotOverridable {
                location,
                key: section.name.to_string(),
            });
        }
    };
    let unknown = |suggestion, known| ConfigError::UnknownKey {
        location: location.clone(),
        key: parts.join("."),
        suggestion,
        known,
    };
    let env_names = |sub: &[Field]| -> Vec<String> {
        sub.iter()
            .map(|f| format!("{var}__{}", f.name.to_uppercase()))
            .collect()
    };
    match parts.as_slice() {
        [name, key] if section.kind == Kind::Map && !key.is_empty() => Ok(format!("{name}.{key}")),
        [name, key] if schema::find(sub, key).is_some_and(|f| matches!(f.kind, Kind::List(_))) => {
            Err(ConfigError::NotOverridable {
                location: location.clone(),
                key: format!("{name}.{key}"),
            })
        }
        [name, key] if schema::find(sub, key).is_some() => Ok(format!("{name}.{key}")),
        [_, key] => Err(unknown(
            schema::suggest(key, sub.iter().map(|f| f.name)),
            schema::names(sub),
        )),
        [_] => Err(unknown(None, env_names(sub))),
        _ => Err(unknown(None, Vec::new())),
    }
}

/// Where an override for `key` would come from, for messages about values it set.
pub(crate) fn env_var_for(key: &str) -> String {
    format!("{ENV_PREFIX}{}", key.to_uppercase().replace('.', "__"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn env_overrides_map_to_key_paths() {
        let e = env(&[
            ("PURSE__SYNC__INTERVAL_MINUTES", "5"),
            ("PURSE__KEYS__QUIT", "x"),
            ("HOME", "/h"),
        ]);
        let o = check_env(&e).unwrap();
        assert_eq!(
            o.names["sync.interval_minutes"],
            "PURSE__SYNC__INTERVAL_MINUTES"
        );
        assert_eq!(o.names["keys.quit"], "PURSE__KEYS__QUIT");
        assert_eq!(o.vars.len(), 2);
    }

    #[test]
    fn env_rejects_unknown_and_list_keys() {
        let err = check_env(&env(&[("PURSE__SYNC__INTERVAL_MINUTS", "5")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("PURSE__SYNC__INTERVAL_MINUTS"), "{err}");
        assert!(err.contains("did you mean `interval_minutes`"), "{err}");
        let err = check_env(&env(&[("PURSE__CONNECTIONS__NAME", "x")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("config file"), "{err}");
        assert!(check_env(&env(&[("PURSE__SYNC", "5")])).is_err());
        assert!(check_env(&env(&[("PURSE__ALERTS__LOW_BALANCE__X", "5")])).is_err());
    }

    #[test]
    fn env_var_names_round_trip() {
        assert_eq!(
            env_var_for("alerts.low_balance"),
            "PURSE__ALERTS__LOW_BALANCE"
        );
    }
}
