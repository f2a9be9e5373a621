//! Settings loading end to end: good and bad fixtures under `tests/fixtures/config/`, the
//! `PURSE__…` layer, `env:` secrets, and `config.example.toml` itself. Every error is checked to
//! name the file (or variable), the key and the value, and never to contain a secret.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use purse::config::{ConfigError, ProviderKind, Settings, known_keys};
use purse::domain::{Currency, DecimalMark, Every, Money};
use rust_decimal::Decimal;

const SECRETS: &[(&str, &str)] = &[
    ("PLAID_CLIENT_ID", "client-id-s3cr3t"),
    ("PLAID_SECRET", "plaid-s3cr3t"),
    ("CHASE_TOKEN", "chase-s3cr3t"),
    (
        "SIMPLEFIN_URL",
        "https://user:simplefin-s3cr3t@bridge.example/simplefin",
    ),
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml")
}

fn load_path(path: &Path, extra: &[(&str, &str)]) -> Result<Settings, ConfigError> {
    let env = SECRETS
        .iter()
        .chain(extra)
        .map(|(k, v)| (k.to_string(), v.to_string()));
    Settings::load_with_env(Some(path), env)
}

fn load(name: &str, extra: &[(&str, &str)]) -> Result<Settings, ConfigError> {
    load_path(&fixture(name), extra)
}

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn home() -> PathBuf {
    directories::BaseDirs::new()
        .unwrap()
        .home_dir()
        .to_path_buf()
}

/// Asserts the message contains each part and no secret, in `Display` or `Debug`.
fn check_message(err: &ConfigError, parts: &[&str]) -> String {
    let msg = err.to_string();
    for part in parts {
        assert!(msg.contains(part), "message lacks {part:?}: {msg}");
    }
    let debug = format!("{err:?}");
    for (_, secret) in SECRETS {
        assert!(
            !msg.contains(secret) && !debug.contains(secret),
            "secret leaked: {msg}"
        );
    }
    msg
}

/// Loads a bad fixture; the message must name the file, and contain `parts` (key, value, fix).
fn bad_fixture(name: &str, parts: &[&str]) -> String {
    let err = load(name, &[]).unwrap_err();
    let path = fixture(name).display().to_string();
    check_message(&err, &[&[path.as_str()][..], parts].concat())
}

fn temp_config(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn full_fixture_sets_every_key() {
    let s = load("full.toml", &[]).unwrap();
    assert_eq!(s.source(), Some(fixture("full.toml").as_path()));
    assert_eq!(s.general.currency, Currency::EUR);
    assert_eq!(s.storage.database, home().join("purse-test/budget.db"));
    assert_eq!(
        (
            s.sync.interval_minutes,
            s.sync.history_days,
            s.sync.timeout_seconds
        ),
        (15, 90, 10)
    );
    assert_eq!(s.alerts.low_balance, dec("50.25"));
    assert_eq!(s.alerts.low_balance.to_string(), "50.25");
    assert_eq!(s.alerts.bill_due_days, 5);
    assert!(!s.alerts.unusual_spend);
    assert_eq!(s.alerts.quiet_hours, None);
    assert!(!s.notifications.desktop);
    assert_eq!(s.logging.file, PathBuf::from("/tmp/purse-test.log"));
    assert_eq!(s.logging.level, "debug");
    assert_eq!(s.keys.get("quit").map(String::as_str), Some("x"));
    assert_eq!(s.keys.get("next_pane").map(String::as_str), Some("tab"));

    let names: Vec<&str> = s.connections.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Chase", "Credit union", "Old card", "Demo"]);
    let chase = &s.connections[0];
    assert_eq!(chase.provider, ProviderKind::Plaid);
    assert_eq!(chase.environment.as_deref(), Some("production"));
    assert_eq!(
        chase.base_url.as_deref(),
        Some("https://production.plaid.com")
    );
    assert_eq!(
        chase.client_id.as_ref().unwrap().expose(),
        "client-id-s3cr3t"
    );
    assert_eq!(chase.secret.as_ref().unwrap().expose(), "plaid-s3cr3t");
    assert_eq!(
        chase.access_token.as_ref().unwrap().expose(),
        "chase-s3cr3t"
    );
    assert!(chase.enabled);
    let union = &s.connections[1];
    assert_eq!(union.provider, ProviderKind::Simplefin);
    assert_eq!(union.access_url.as_ref().unwrap().expose(), SECRETS[3].1);
    // A disabled connection may reference a variable that is not set.
    let old = &s.connections[2];
    assert!(!old.enabled);
    assert!(old.access_token.is_none());
    assert!(old.client_id.is_some());
    assert_eq!(s.connections[3].provider, ProviderKind::Demo);

    assert_eq!(s.low_balance_for("checking", "acc-1"), dec("250.00"));
    assert_eq!(s.low_balance_for("Savings", "acc-42"), dec("1000"));
    assert_eq!(s.low_balance_for("Savings", "acc-2"), dec("50.25"));
}

#[test]
fn minimal_file_keeps_the_other_defaults() {
    let s = load("minimal.toml", &[]).unwrap();
    let d = Settings::default();
    assert_eq!(s.sync.interval_minutes, 15);
    assert_eq!(
        (s.sync.history_days, s.sync.timeout_seconds),
        (d.sync.history_days, d.sync.timeout_seconds)
    );
    assert_eq!(
        (s.general, s.alerts, s.notifications),
        (d.general, d.alerts, d.notifications)
    );
    assert_eq!(
        (&s.storage, &s.logging, &s.keys),
        (&d.storage, &d.logging, &d.keys)
    );
    assert!(s.connections.is_empty() && s.accounts.is_empty());
}

#[test]
fn environment_overrides_the_file() {
    let env = [
        ("PURSE__SYNC__INTERVAL_MINUTES", "5"),
        ("PURSE__ALERTS__LOW_BALANCE", "42.50"),
        ("PURSE__ALERTS__QUIET_HOURS", "off"),
        ("PURSE__ALERTS__BILL_DUE_DAYS", "env:DUE_DAYS"),
        ("DUE_DAYS", "7"),
        ("PURSE__NOTIFICATIONS__DESKTOP", "false"),
        ("PURSE__GENERAL__CURRENCY", "gbp"),
        ("PURSE__KEYS__QUIT", "x"),
        ("PURSE_NOT_OURS", "ignored"),
    ];
    let s = load("env_override.toml", &env).unwrap();
    assert_eq!(s.sync.interval_minutes, 5);
    assert_eq!(
        s.sync.history_days, 90,
        "the file's value stays when not overridden"
    );
    assert_eq!(s.alerts.low_balance, dec("42.50"));
    assert_eq!(s.alerts.quiet_hours, None);
    assert_eq!(s.alerts.bill_due_days, 7);
    assert!(!s.notifications.desktop);
    assert_eq!(s.general.currency, Currency::GBP);
    assert_eq!(s.keys.get("quit").map(String::as_str), Some("x"));
}

#[test]
fn bad_environment_values_name_the_variable() {
    let err = load(
        "env_override.toml",
        &[("PURSE__SYNC__INTERVAL_MINUTES", "abc")],
    )
    .unwrap_err();
    check_message(
        &err,
        &[
            "environment variable PURSE__SYNC__INTERVAL_MINUTES",
            "`sync.interval_minutes`",
            "\"abc\"",
            "whole number",
        ],
    );
    let err = load("env_override.toml", &[("PURSE__SYNC__INTERVAL", "5")]).unwrap_err();
    check_message(
        &err,
        &[
            "PURSE__SYNC__INTERVAL",
            "`sync.interval`",
            "did you mean `interval_minutes`",
        ],
    );
    let err = load("env_override.toml", &[("PURSE__CONNECTIONS__NAME", "x")]).unwrap_err();
    check_message(
        &err,
        &["PURSE__CONNECTIONS__NAME", "`connections`", "config file"],
    );
}

#[test]
fn unknown_keys_suggest_the_right_spelling() {
    let msg = bad_fixture(
        "unknown_key.toml",
        &[
            "`connections[0].acess_token`",
            "(line 6)",
            "did you mean `access_token`?",
        ],
    );
    assert!(msg.starts_with("unknown key"), "{msg}");
    bad_fixture(
        "unknown_section.toml",
        &["unknown key `alert`", "(line 1)", "did you mean `alerts`?"],
    );
    bad_fixture(
        "misplaced_key.toml",
        &[
            "`connections[0].client_id`",
            "(hidden)",
            "does not apply to simplefin",
            "access_url",
        ],
    );
    let msg = load("misplaced_key.toml", &[]).unwrap_err().to_string();
    assert!(!msg.contains("inline-client-secret-value"), "{msg}");
}

#[test]
fn bad_values_name_file_key_and_value() {
    bad_fixture(
        "bad_decimal.toml",
        &["`alerts.low_balance`", "(line 2)", "\"abc\"", "1,234.56"],
    );
    bad_fixture(
        "float_decimal.toml",
        &["`alerts.low_balance`", "100.5", "low_balance = \"100.5\""],
    );
    bad_fixture(
        "bad_provider.toml",
        &[
            "`connections[0].provider`",
            "\"chase\"",
            "plaid | simplefin | demo",
        ],
    );
    bad_fixture(
        "bad_quiet_hours.toml",
        &["`alerts.quiet_hours`", "\"25:00-07:00\"", "HH:MM-HH:MM"],
    );
    bad_fixture(
        "zero_interval.toml",
        &["`sync.interval_minutes`", "invalid value 0 ", "from 1 to"],
    );
    bad_fixture(
        "wrong_type.toml",
        &["`notifications.desktop`", "\"yes\"", "true or false"],
    );
    bad_fixture(
        "not_a_table.toml",
        &["`alerts`", "invalid value 5 ", "[alerts] section"],
    );
    bad_fixture(
        "bad_currency.toml",
        &["`general.currency`", "\"dollars\"", "\"USD\""],
    );
    bad_fixture(
        "empty_name.toml",
        &["`connections[0].name`", "\"  \"", "name = "],
    );
}

#[test]
fn connection_rules() {
    bad_fixture(
        "duplicate_names.toml",
        &[
            "`connections[1].name`",
            "\"demo\"",
            "`connections[0]`",
            "unique",
        ],
    );
    bad_fixture(
        "missing_required.toml",
        &[
            "`connections[0].access_token`",
            "client_id, secret, access_token",
            "enabled = false",
        ],
    );
}

#[test]
fn bills_read_every_key_with_defaults() {
    let s = load("bills.toml", &[]).unwrap();
    assert_eq!(s.bills.len(), 2);
    let rent = &s.bills[0];
    assert_eq!(rent.name, "Rent");
    assert_eq!(rent.amount, Money::new(dec("1850.00"), Currency::USD));
    assert_eq!(
        rent.first_due,
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    );
    assert_eq!(rent.every, Every::Monthly);
    assert_eq!(rent.account.as_deref(), Some("Checking"));
    let car = &s.bills[1];
    assert_eq!(
        car.amount,
        Money::new(dec("640"), Currency::EUR),
        "general.currency"
    );
    assert_eq!(car.every, Every::Once);
    assert_eq!(car.account, None);
    assert!(load("minimal.toml", &[]).unwrap().bills.is_empty());
}

/// Issue 12, defect 1: config amounts are read like typed ones, with `[input] decimal_separator`.
#[test]
fn amounts_follow_the_decimal_separator_and_never_guess() {
    let bill = |amount: &str| {
        format!("[[bills]]\nname = \"Rent\"\namount = \"{amount}\"\ndue = \"2026-12-01\"\n")
    };
    let (_d, path) = temp_config(&bill("1,50"));
    let err = load_path(&path, &[]).unwrap_err();
    check_message(
        &err,
        &[
            "`bills[0].amount`",
            "(line 3)",
            "\"1,50\" is ambiguous: write 1.50",
            "decimal_separator = \",\"",
        ],
    );
    let (_d, path) = temp_config(&bill("1850.555"));
    let err = load_path(&path, &[]).unwrap_err();
    check_message(
        &err,
        &["`bills[0].amount`", "3 decimal places", "USD allows 2"],
    );
    let (_d, path) = temp_config(&bill("1,850.50"));
    let s = load_path(&path, &[]).unwrap();
    assert_eq!(s.bills[0].amount, Money::new(dec("1850.50"), Currency::USD));

    let text = format!(
        "[input]\ndecimal_separator = \",\"\n[alerts]\nlow_balance = \"1.000,5\"\n{}",
        bill("1.850,50")
    );
    let (_d, path) = temp_config(&text);
    let s = load_path(&path, &[]).unwrap();
    assert_eq!(s.input.decimal_separator, DecimalMark::Comma);
    assert_eq!(s.alerts.low_balance, dec("1000.5"));
    assert_eq!(s.bills[0].amount, Money::new(dec("1850.50"), Currency::USD));
    // The built-in default ("100.00") is not read with the user's mark.
    let (_d, path) = temp_config("[input]\ndecimal_separator = \",\"\n");
    assert_eq!(
        load_path(&path, &[]).unwrap().alerts.low_balance,
        dec("100.00")
    );
    let s = load_path(&path, &[("PURSE__ALERTS__LOW_BALANCE", "12,5")]).unwrap();
    assert_eq!(s.alerts.low_balance, dec("12.5"));

    let (_d, path) = temp_config("[input]\ndecimal_separator = \"comma\"\n");
    let err = load_path(&path, &[]).unwrap_err();
    check_message(
        &err,
        &[
            "`input.decimal_separator`",
            "(line 2)",
            "\"comma\"",
            "\",\" (1.234,56)",
        ],
    );
}

#[test]
fn bad_bills_name_file_key_and_value() {
    bad_fixture(
        "bill_float_amount.toml",
        &[
            "`bills[0].amount`",
            "(line 3)",
            "1850.5",
            "amount = \"1850.5\"",
        ],
    );
    bad_fixture(
        "bill_negative_amount.toml",
        &["`bills[0].amount`", "\"-5\"", "above zero"],
    );
    bad_fixture(
        "bill_bad_every.toml",
        &["`bills[0].every`", "(line 5)", "\"fortnightly\"", "monthly"],
    );
    bad_fixture(
        "bill_bad_due.toml",
        &["`bills[0].due`", "\"12/01/2026\"", "YYYY-MM-DD"],
    );
    bad_fixture(
        "bill_missing_due.toml",
        &["missing key `bills[0].due`", "due = \"2026-12-01\""],
    );
    bad_fixture(
        "bill_duplicate_names.toml",
        &[
            "`bills[1].name`",
            "(line 7)",
            "\"RENT\"",
            "`bills[0]` already uses",
        ],
    );
    bad_fixture(
        "bill_unknown_key.toml",
        &["unknown key `bills[0].day`", "(line 5)", "due"],
    );
}

#[test]
fn missing_and_empty_env_secrets_name_key_and_variable() {
    bad_fixture(
        "missing_env.toml",
        &[
            "`connections[0].access_url`",
            "\"env:PURSE_TEST_UNSET_URL\"",
            "not set",
        ],
    );
    let err = load("full.toml", &[("CHASE_TOKEN", "")]).unwrap_err();
    check_message(
        &err,
        &["`connections[0].access_token`", "env:CHASE_TOKEN", "empty"],
    );
}

#[test]
fn values_read_through_env_are_never_shown() {
    let (_dir, path) = temp_config(
        "[[connections]]\nname = \"C\"\nprovider = \"simplefin\"\naccess_url = \"env:SIMPLEFIN_URL\"\n\
         base_url = \"env:BRIDGE\"\n",
    );
    let err = load_path(&path, &[("BRIDGE", "ftp://hidden-bridge-value")]).unwrap_err();
    let msg = check_message(
        &err,
        &[
            "`connections[0].base_url`",
            "\"env:BRIDGE\" (value hidden)",
            "https://",
        ],
    );
    assert!(!msg.contains("hidden-bridge-value"), "{msg}");
}

#[test]
fn unreadable_files_name_the_file() {
    let msg = bad_fixture("syntax_error.toml", &["TOML syntax error", "line 3"]);
    assert!(msg.contains("column"), "{msg}");

    let missing = fixture("does_not_exist.toml");
    let err = load_path(&missing, &[]).unwrap_err();
    assert!(matches!(err, ConfigError::NotFound { .. }));
    check_message(&err, &[&missing.display().to_string(), "--config"]);

    let dir = tempfile::tempdir().unwrap();
    let err = load_path(dir.path(), &[]).unwrap_err();
    assert!(matches!(err, ConfigError::Unreadable { .. }), "{err:?}");
    check_message(&err, &[&dir.path().display().to_string()]);

    let path = dir.path().join("latin1.toml");
    std::fs::write(&path, b"[sync]\ninterval_minutes = 30\n# caf\xe9\n").unwrap();
    let err = load_path(&path, &[]).unwrap_err();
    check_message(&err, &[&path.display().to_string(), "UTF-8", "line 3"]);
}

#[test]
fn debug_never_shows_secrets() {
    let s = load("full.toml", &[]).unwrap();
    let debug = format!("{s:?}");
    for (_, secret) in SECRETS {
        assert!(!debug.contains(secret), "{debug}");
    }
    assert!(debug.contains("<redacted>"));
}

#[test]
fn example_loads_as_is_with_the_defaults() {
    let s = load_path(&example(), &[]).unwrap();
    let d = Settings::default();
    assert!(s.connections.is_empty() && s.accounts.is_empty() && s.keys.is_empty());
    assert!(s.bills.is_empty());
    assert_eq!(
        (s.general, s.sync, s.alerts, s.notifications),
        (d.general, d.sync, d.alerts, d.notifications)
    );
    assert_eq!(s.logging.level, d.logging.level);
    assert_eq!(
        s.storage.database,
        home().join(".local/share/purse/purse.db")
    );
    assert_eq!(s.logging.file, home().join(".local/state/purse/purse.log"));
    assert!(d.storage.database.ends_with("purse/purse.db"));
    assert!(d.logging.file.ends_with("purse/purse.log"));
}

/// Un-comments the example's commented-out settings (`#key = …`, `#[[…]]`), leaving prose.
fn uncomment(text: &str) -> String {
    let is_setting = |rest: &str| {
        rest.starts_with('[')
            || rest
                .split_once(" = ")
                .is_some_and(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    };
    text.lines()
        .map(|line| match line.strip_prefix('#') {
            Some(rest) if is_setting(rest) => rest,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn example_connections_load_when_uncommented() {
    let text = uncomment(&std::fs::read_to_string(example()).unwrap());
    let (_dir, path) = temp_config(&text);
    let s = load_path(&path, &[]).unwrap();
    let kinds: Vec<ProviderKind> = s.connections.iter().map(|c| c.provider).collect();
    assert_eq!(
        kinds,
        [
            ProviderKind::Plaid,
            ProviderKind::Simplefin,
            ProviderKind::Demo
        ]
    );
    assert_eq!(
        s.connections[0].access_token.as_ref().unwrap().expose(),
        "chase-s3cr3t"
    );
    assert_eq!(s.low_balance_for("Checking", ""), dec("250.00"));
    assert_eq!(s.keys.get("quit").map(String::as_str), Some("q"));
    assert_eq!(s.bills.len(), 1);
    assert_eq!(s.bills[0].every, Every::Monthly);
}

#[test]
fn example_documents_every_key() {
    let text = std::fs::read_to_string(example()).unwrap();
    let table: toml::Table = toml::from_str(&text).unwrap();
    for key in known_keys() {
        if let Some((list, leaf)) = key.split_once("[].") {
            assert!(
                text.contains(&format!("[[{list}]]")),
                "example lacks [[{list}]]"
            );
            let documented = text
                .lines()
                .any(|l| l.trim_start_matches('#').starts_with(&format!("{leaf} = ")));
            assert!(documented, "example lacks `{key}`");
        } else {
            let mut value = table.get(key.split('.').next().unwrap());
            for part in key.split('.').skip(1) {
                value = value.and_then(|v| v.get(part));
            }
            assert!(value.is_some(), "example lacks `{key}` with its default");
        }
    }
}

#[test]
fn default_path_is_under_the_config_dir() {
    if let Some(path) = Settings::default_path() {
        assert!(path.ends_with("purse/config.toml"), "{}", path.display());
    }
}

#[test]
fn currency_codes_a_person_types_must_be_known() {
    let cases = [
        ("[general]\ncurrency = \"XYZ\"\n", "`general.currency`"),
        (
            "[[bills]]\nname = \"Gym\"\namount = \"40\"\ndue = \"2026-12-01\"\ncurrency = \"XYZ\"\n",
            "`bills[0].currency`",
        ),
        (
            "[[import.csv]]\nname = \"bank\"\ncurrency = \"XYZ\"\n",
            "`import.csv[0].currency`",
        ),
    ];
    for (text, key) in cases {
        let (_dir, path) = temp_config(text);
        let err = load_path(&path, &[]).unwrap_err();
        check_message(&err, &[key, "\"XYZ\"", "ISO 4217", "\"BTC\""]);
    }
    let (_dir, path) = temp_config("[general]\ncurrency = \"btc\"\n");
    let s = load_path(&path, &[]).unwrap();
    assert_eq!(s.general.currency.code(), "BTC");
    assert_eq!(s.general.currency.exponent(), 8);
}
