//! The `[import] watch_dir` folder: what is imported, where files go, what is left alone.

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use purse::config::Settings;
use purse::domain::FixedClock;
use purse::import::watch::{DONE_DIR, FAILED_DIR, import_dropped};
use purse::notify::RecordingNotifier;
use purse::store::Store;
use purse::sync::Connection;
use purse::sync::task::{SyncCommand, SyncEvent, TaskConfig, spawn_with};

use super::fixture;

#[tokio::test]
async fn dropped_statements_are_imported_once_and_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let watch = dir.path().join("statements");
    std::fs::create_dir_all(watch.join("mybank")).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[import]\nwatch_dir = {:?}\n\n[[import.csv]]\nname = \"mybank\"\naccount = \"Everyday\"\n",
            watch.display().to_string()
        ),
    )
    .unwrap();
    let settings = Settings::load_with_env(Some(&config), Vec::<(String, String)>::new()).unwrap();
    assert_eq!(settings.import.watch_dir.as_deref(), Some(watch.as_path()));
    let copy = |from: &str, to: &str| std::fs::copy(fixture(from), watch.join(to)).unwrap();
    copy("ofx/bank_sgml.ofx", "october.ofx");
    copy("ofx/bad_amount.ofx", "broken.ofx");
    copy("ofx/bank_xml.ofx", "still-downloading.ofx.part");
    copy("csv/checking.csv", "mybank/checking.csv");

    let store = Store::open_in_memory().await.unwrap();
    let now = Utc.with_ymd_and_hms(2023, 12, 1, 0, 0, 0).unwrap();
    let done = import_dropped(&store, &settings, now).await;
    let ok: Vec<String> = done
        .iter()
        .filter(|d| d.result.is_ok())
        .map(|d| d.file.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(ok, ["october.ofx", "checking.csv"]);
    assert_eq!(done.len(), 3);

    assert!(watch.join(DONE_DIR).join("october.ofx").exists());
    assert!(
        watch
            .join("mybank")
            .join(DONE_DIR)
            .join("checking.csv")
            .exists()
    );
    assert!(watch.join(FAILED_DIR).join("broken.ofx").exists());
    let why = std::fs::read_to_string(watch.join(FAILED_DIR).join("broken.ofx.error.txt")).unwrap();
    assert!(why.contains("line 54: <TRNAMT>"), "{why}");
    assert!(watch.join("still-downloading.ofx.part").exists());
    assert_eq!(store.accounts().await.unwrap().len(), 2);

    assert!(
        import_dropped(&store, &settings, now).await.is_empty(),
        "each file is tried once"
    );
}

#[test]
fn a_bad_preset_is_reported_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[[import.csv]]\nname = \"x\"\nsign = \"sideways\"\n",
    )
    .unwrap();
    let err = Settings::load_with_env(Some(&config), Vec::<(String, String)>::new())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("import.csv[0].sign") && err.contains("out-positive"),
        "{err}"
    );
    std::fs::write(
        &config,
        "[[import.csv]]\nname = \"x\"\ndate_formt = \"%d\"\n",
    )
    .unwrap();
    let err = Settings::load_with_env(Some(&config), Vec::<(String, String)>::new())
        .unwrap_err()
        .to_string();
    assert!(err.contains("date_format"), "did you mean: {err}");
}

/// One sync-task pass over no connections (or the demo bank's), with a statement waiting.
async fn pass(demo: bool) -> (Vec<SyncEvent>, std::path::PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let watch = dir.path().join("in");
    std::fs::create_dir_all(&watch).unwrap();
    std::fs::copy(fixture("ofx/bank_sgml.ofx"), watch.join("oct.ofx")).unwrap();
    let config = dir.path().join("config.toml");
    let text = format!("[import]\nwatch_dir = {:?}\n", watch.display().to_string());
    std::fs::write(&config, text).unwrap();
    let settings = Settings::load_with_env(Some(&config), Vec::<(String, String)>::new()).unwrap();
    let store = Store::open_in_memory().await.unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2023, 12, 1).unwrap();
    let mut handle = spawn_with(
        TaskConfig {
            store,
            connections: if demo {
                vec![Connection::demo()]
            } else {
                Vec::new()
            },
            settings,
            clock: Arc::new(FixedClock::on(today)),
            sync_at_start: false,
        },
        RecordingNotifier::default(),
    );
    handle.commands.send(SyncCommand::SyncNow).unwrap();
    let mut events = Vec::new();
    while let Some(e) = handle.events.recv().await {
        let done = matches!(e, SyncEvent::PassFinished { .. });
        events.push(e);
        if done {
            break;
        }
    }
    handle.commands.send(SyncCommand::Stop).unwrap();
    handle.join.await.unwrap();
    (events, watch, dir)
}

#[tokio::test]
async fn the_sync_task_imports_the_watched_folder_but_never_into_the_demo_bank() {
    let (events, watch, _dir) = pass(false).await;
    assert!(
        events.iter().any(|e| matches!(e, SyncEvent::Completed { connection, added: 5, .. } if connection.starts_with("import ") && connection.ends_with("oct.ofx"))),
        "{events:?}"
    );
    assert!(watch.join(DONE_DIR).join("oct.ofx").exists());

    let (events, watch, _dir) = pass(true).await;
    assert!(!events.iter().any(|e| matches!(e, SyncEvent::Completed { connection, .. } if connection.starts_with("import "))));
    assert!(watch.join("oct.ofx").exists(), "left for the real store");
}

#[test]
fn presets_take_the_type_and_currency_columns_and_a_footer() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[[import.csv]]\nname = \"mint\"\ntype = \"Transaction Type\"\ncurrency_column = \"Ccy\"\nskip_footer = 2\n",
    )
    .unwrap();
    let settings = Settings::load_with_env(Some(&config), Vec::<(String, String)>::new()).unwrap();
    let m = &settings.import.csv[0].mapping;
    assert_eq!(
        m.type_column,
        purse::import::ColumnRef::parse("Transaction Type")
    );
    assert_eq!(m.currency_column, purse::import::ColumnRef::parse("Ccy"));
    assert_eq!(m.skip_footer, 2);
}
