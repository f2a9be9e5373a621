//! The credentials store: connections linked with `purse link`, with their secrets, in a TOML file
//! readable by the owner only (mode 0600) beside the database. Written atomically (temp file +
//! rename). Secrets are held as [`Secret`]s and never printed.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::{ConnectionConfig, ProviderKind, Secret};

/// File name of the credentials store, in the database's directory.
pub const FILE_NAME: &str = "credentials.toml";

#[derive(Debug, thiserror::Error)]
pub enum CredentialsError {
    #[error("cannot read the credentials file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the credentials file {path} is damaged: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("cannot write the credentials file {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Linked connections, as stored.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    path: PathBuf,
    pub connections: Vec<ConnectionConfig>,
}

#[derive(Serialize, Deserialize, Default)]
struct FileForm {
    #[serde(default)]
    connections: Vec<EntryForm>,
}

#[derive(Serialize, Deserialize)]
struct EntryForm {
    name: String,
    provider: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    environment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    access_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    access_url: Option<String>,
}

impl Credentials {
    /// The credentials file that belongs with the database at `db`.
    pub fn path_for(db: &Path) -> PathBuf {
        db.with_file_name(FILE_NAME)
    }

    /// Loads the store; a missing file is an empty store.
    pub fn load(path: &Path) -> Result<Credentials, CredentialsError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(CredentialsError::Read {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let parse_err = |message: String| CredentialsError::Parse {
            path: path.to_path_buf(),
            message,
        };
        let form: FileForm =
            toml::from_str(&text).map_err(|e| parse_err(e.message().to_string()))?;
        let mut connections = Vec::with_capacity(form.connections.len());
        for e in form.connections {
            let provider = ProviderKind::parse(&e.provider).ok_or_else(|| {
                parse_err(format!(
                    "connection \"{}\" has unknown provider \"{}\"",
                    e.name, e.provider
                ))
            })?;
            connections.push(ConnectionConfig {
                name: e.name,
                provider,
                base_url: e.base_url,
                environment: e.environment,
                client_id: e.client_id.map(Secret::new),
                secret: e.secret.map(Secret::new),
                access_token: e.access_token.map(Secret::new),
                access_url: e.access_url.map(Secret::new),
                enabled: true,
            });
        }
        Ok(Credentials {
            path: path.to_path_buf(),
            connections,
        })
    }

    /// Adds a connection, replacing one with the same name (re-linking).
    pub fn upsert(&mut self, conn: ConnectionConfig) {
        self.connections
            .retain(|c| !c.name.eq_ignore_ascii_case(&conn.name));
        self.connections.push(conn);
    }

    /// Writes the store atomically with mode 0600.
    pub fn save(&self) -> Result<(), CredentialsError> {
        let write_err = |source| CredentialsError::Write {
            path: self.path.clone(),
            source,
        };
        let form = FileForm {
            connections: self
                .connections
                .iter()
                .map(|c| EntryForm {
                    name: c.name.clone(),
                    provider: c.provider.as_str().to_string(),
                    base_url: c.base_url.clone(),
                    environment: c.environment.clone(),
                    client_id: c.client_id.as_ref().map(|s| s.expose().to_string()),
                    secret: c.secret.as_ref().map(|s| s.expose().to_string()),
                    access_token: c.access_token.as_ref().map(|s| s.expose().to_string()),
                    access_url: c.access_url.as_ref().map(|s| s.expose().to_string()),
                })
                .collect(),
        };
        let text =
            toml::to_string(&form).map_err(|e| write_err(std::io::Error::other(e.to_string())))?;
        let dir = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(write_err)?;
        let tmp = self.path.with_extension("toml.tmp");
        {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options.open(&tmp).map_err(write_err)?;
            file.write_all(
                b"# Purse credentials: linked connections and their secrets. Keep private.\n",
            )
            .and_then(|()| file.write_all(text.as_bytes()))
            .and_then(|()| file.sync_all())
            .map_err(write_err)?;
        }
        std::fs::rename(&tmp, &self.path).map_err(write_err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plaid(name: &str, token: &str) -> ConnectionConfig {
        ConnectionConfig {
            name: name.into(),
            provider: ProviderKind::Plaid,
            base_url: None,
            environment: Some("sandbox".into()),
            client_id: Some(Secret::new("client-123")),
            secret: Some(Secret::new("shh-secret")),
            access_token: Some(Secret::new(token)),
            access_url: None,
            enabled: true,
        }
    }

    #[test]
    fn round_trips_with_private_mode_and_relinks_by_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = Credentials::path_for(&dir.path().join("purse.db"));
        let mut creds = Credentials::load(&path).expect("empty");
        assert!(creds.connections.is_empty());
        creds.upsert(plaid("Chase", "access-sandbox-1"));
        creds.save().expect("save");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let mut again = Credentials::load(&path).expect("load");
        assert_eq!(again.connections, vec![plaid("Chase", "access-sandbox-1")]);
        again.upsert(plaid("chase", "access-sandbox-2"));
        assert_eq!(again.connections.len(), 1);
        assert!(
            !format!("{again:?}").contains("access-sandbox-2"),
            "Debug never shows secrets"
        );
    }

    #[test]
    fn damage_is_reported_with_the_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "[[connections]]\nname = \"x\"\nprovider = \"bogus\"\n",
        )
        .expect("write");
        let err = Credentials::load(&path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(FILE_NAME) && err.contains("bogus"), "{err}");
    }
}
