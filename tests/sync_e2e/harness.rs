//! The real `purse` binary in an isolated home (temp HOME and XDG dirs, `--db` in the temp dir,
//! nothing inherited from the caller's environment, trace logging on), with every output kept so
//! a test can prove at the end that no secret ever reached a terminal, a JSON answer or the log.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Mutex;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use purse::store::{Store, TxnFilter};
use serde_json::Value;
use tempfile::TempDir;

pub const TODAY: &str = "2026-11-21";

/// One finished command.
#[derive(Debug)]
pub struct Out {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

/// One isolated Purse installation.
pub struct Env {
    dir: TempDir,
    /// Every stdout and stderr of every command, for the secrets check.
    seen: Mutex<Vec<String>>,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["home", "data", "config", "state", "cache", "db"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        Env {
            dir,
            seen: Mutex::new(Vec::new()),
        }
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    pub fn db(&self) -> PathBuf {
        self.path("db").join("purse.db")
    }

    pub fn credentials(&self) -> PathBuf {
        self.path("db").join("credentials.toml")
    }

    fn command(&self, today: &str, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_purse"));
        // env_clear: no PURSE__* overrides, no PLAID_CLIENT_ID / PLAID_SECRET from the caller.
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("PURSE_TODAY", today)
            .env("PURSE_LOG", "trace")
            .arg("--db")
            .arg(self.db())
            .args(args)
            .stdin(Stdio::null());
        cmd
    }

    /// Runs `purse --db DB ARGS…` on [`TODAY`] (off the async runtime, which serves the fakes).
    pub async fn run(&self, args: &[&str]) -> Out {
        self.run_on(TODAY, args).await
    }

    pub async fn run_on(&self, today: &str, args: &[&str]) -> Out {
        let mut cmd = self.command(today, args);
        let out = tokio::task::spawn_blocking(move || cmd.output())
            .await
            .unwrap()
            .unwrap();
        let out = Out {
            ok: out.status.success(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        };
        let mut seen = self.seen.lock().unwrap();
        seen.push(out.stdout.clone());
        seen.push(out.stderr.clone());
        out
    }

    /// Runs and expects success; returns stdout.
    pub async fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args).await;
        assert!(out.ok, "purse {args:?} failed: {out:#?}");
        out.stdout
    }

    /// Runs and expects failure; returns stderr.
    pub async fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args).await;
        assert!(!out.ok, "purse {args:?} should have failed: {out:#?}");
        out.stderr
    }

    pub async fn json(&self, args: &[&str]) -> Value {
        let mut with_json = args.to_vec();
        with_json.push("--json");
        let text = self.ok(&with_json).await;
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: {e}\n{text}"))
    }

    pub async fn transactions(&self) -> Vec<Value> {
        self.json(&["transactions"])
            .await
            .as_array()
            .unwrap()
            .clone()
    }

    pub async fn status(&self) -> Value {
        let all = self.json(&["status"]).await;
        assert_eq!(all.as_array().map(Vec::len), Some(1), "{all}");
        all[0].clone()
    }

    /// The store, opened through the library (only while no `purse` runs).
    pub async fn store(&self) -> Store {
        Store::open(&self.db()).await.unwrap()
    }

    /// Provider transaction ids in the store, sorted (the JSON contract does not show them).
    pub async fn provider_ids(&self) -> Vec<String> {
        let store = self.store().await;
        let rows = store
            .transactions(&TxnFilter::default(), None, 100_000)
            .await
            .unwrap();
        store.close().await;
        let mut ids: Vec<String> = rows.into_iter().map(|t| t.provider_id).collect();
        ids.sort();
        ids
    }

    /// The log file (`$XDG_STATE_HOME/purse/purse.log` or wherever `directories` puts it).
    fn log_text(&self) -> String {
        let mut text = String::new();
        let mut dirs = vec![self.path("state")];
        while let Some(d) = dirs.pop() {
            for entry in std::fs::read_dir(&d).unwrap().flatten() {
                let p = entry.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.file_name().is_some_and(|n| n == "purse.log") {
                    text.push_str(&std::fs::read_to_string(&p).unwrap());
                }
            }
        }
        text
    }

    /// No secret (nor its base64 inside a Basic auth header) in any command's output or in the
    /// trace log; the credentials file, if any, is private.
    pub fn assert_secrets_kept(&self, secrets: &[&str]) {
        let log = self.log_text();
        assert!(
            log.contains("TRACE") || log.contains("DEBUG"),
            "the trace log was written: {} bytes",
            log.len()
        );
        let seen = self.seen.lock().unwrap();
        for secret in secrets {
            assert!(!secret.is_empty());
            let encoded = STANDARD.encode(secret);
            for (what, text) in seen
                .iter()
                .map(|t| ("command output", t))
                .chain([("log file", &log)])
            {
                assert!(!text.contains(secret), "{what} shows a secret:\n{text}");
                assert!(
                    !text.contains(&encoded),
                    "{what} shows a base64 secret:\n{text}"
                );
            }
        }
        if self.credentials().exists() {
            let mode = std::fs::metadata(self.credentials())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "credentials.toml mode {mode:o}");
        }
    }
}
