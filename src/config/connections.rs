//! `[[connections]]`: one entry per linked bank or card login. Checks the provider, unique
//! non-empty names (ignoring case), which keys each provider takes and which it requires, the
//! plaid `environment` and `base_url`, and resolves the secrets (leniently for disabled entries).

use std::collections::HashMap;

use config::Value;

use super::error::ConfigError;
use super::extract::sorted;
use super::leaf::Ctx;
use super::schema::{self, Kind};
use super::{ConnectionConfig, ProviderKind};

pub(crate) fn connections(
    ctx: &Ctx<'_>,
    items: &[Value],
) -> Result<Vec<ConnectionConfig>, ConfigError> {
    let mut out = Vec::with_capacity(items.len());
    let mut first_with_name: HashMap<String, String> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("connections[{i}]");
        let conn = connection(ctx, &at, item)?;
        let name_key = format!("{at}.name");
        if let Some(first) = first_with_name.get(&conn.name.to_lowercase()) {
            return Err(ConfigError::DuplicateName {
                location: ctx.location(&name_key, item),
                key: name_key,
                name: conn.name,
                first: first.clone(),
            });
        }
        first_with_name.insert(conn.name.to_lowercase(), at);
        out.push(conn);
    }
    Ok(out)
}

fn connection(ctx: &Ctx<'_>, at: &str, item: &Value) -> Result<ConnectionConfig, ConfigError> {
    let t = ctx.table(at, item)?;
    let key = |name: &str| format!("{at}.{name}");
    let expected = "give each connection a name, like name = \"Chase\"";
    let name = match t.get("name") {
        Some(v) => ctx.choice(&key("name"), v, expected, non_empty)?,
        None => return Err(missing(ctx, at, item, "name", expected.to_string())),
    };
    let expected = "expected one of: plaid | simplefin | demo";
    let provider = match t.get("provider") {
        Some(v) => ctx.choice(&key("provider"), v, expected, ProviderKind::parse)?,
        None => {
            let expected = "add provider = \"plaid\", \"simplefin\" or \"demo\"".to_string();
            return Err(missing(ctx, at, item, "provider", expected));
        }
    };
    let allowed = provider.keys();
    for (k, v) in sorted(t) {
        if !allowed.contains(&k.as_str()) {
            let expected = format!(
                "`{k}` does not apply to {provider} connections (they take: {}); remove it",
                allowed.join(", ")
            );
            let secret =
                schema::find(schema::CONNECTION, k).is_some_and(|f| f.kind == Kind::Secret);
            return Err(ctx.bad(&key(k), v, secret, expected));
        }
    }
    let enabled = t
        .get("enabled")
        .map_or(Ok(true), |v| ctx.boolean(&key("enabled"), v))?;
    let is_url =
        |s: &str| (s.starts_with("https://") || s.starts_with("http://")).then(|| s.to_string());
    let base_url = t
        .get("base_url")
        .map(|v| {
            ctx.choice(
                &key("base_url"),
                v,
                "expected a URL starting with https://",
                is_url,
            )
        })
        .transpose()?;
    let environment = match t.get("environment") {
        Some(v) => Some(ctx.choice(
            &key("environment"),
            v,
            "expected \"sandbox\" or \"production\"",
            |s| {
                let s = s.to_ascii_lowercase();
                matches!(s.as_str(), "sandbox" | "production").then_some(s)
            },
        )?),
        None => None,
    };
    // A disabled connection may still lack its secrets (e.g. the variable is not exported yet).
    let secret = |name: &str| match t.get(name) {
        None => Ok(None),
        Some(v) => match ctx.secret(&key(name), v) {
            Ok(s) => Ok(Some(s)),
            Err(ConfigError::MissingEnvVar { .. }) if !enabled => Ok(None),
            Err(e) => Err(e),
        },
    };
    let conn = ConnectionConfig {
        client_id: secret("client_id")?,
        secret: secret("secret")?,
        access_token: secret("access_token")?,
        access_url: secret("access_url")?,
        name,
        provider,
        base_url,
        environment,
        enabled,
    };
    if enabled {
        let required = provider.required();
        for name in required {
            if !t.contains_key(*name) {
                let expected = format!(
                    "{provider} connections need {}; add {name} = \"env:VARNAME\" (or set enabled = \
                     false until you have it)",
                    required.join(", ")
                );
                return Err(missing(ctx, at, item, name, expected));
            }
        }
    }
    Ok(conn)
}

pub(crate) fn missing(
    ctx: &Ctx<'_>,
    at: &str,
    entry: &Value,
    name: &str,
    expected: String,
) -> ConfigError {
    ConfigError::MissingKey {
        location: ctx.location(at, entry),
        key: format!("{at}.{name}"),
        expected,
    }
}

/// For [`Ctx::choice`]: any non-empty text (already trimmed).
pub(crate) fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}
