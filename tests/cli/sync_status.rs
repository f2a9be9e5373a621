//! A sync that fails shows as failed in `purse status` (and `--json`), with its reason, even when
//! the failure came after the bank's data had landed.

use super::{Env, runtime};

#[test]
fn status_shows_a_sync_that_failed_after_its_data_landed() {
    let env = Env::new();
    env.ok(&["--demo", "sync"]);
    let db = env.data_dir().join("demo.db");
    // The last step of every sync (saving the bank's messages) fails from now on.
    runtime().block_on(async {
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&db);
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .unwrap();
        sqlx::query(
            "CREATE TRIGGER fail_messages BEFORE UPDATE OF last_messages ON connections \
             BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    });
    let err = env.fails(&["--demo", "sync"]);
    assert!(err.contains("simulated write failure"), "{err}");

    let status = env.json(&["--demo", "status", "--json"]);
    let demo = status
        .iter()
        .find(|c| c["connection"] == "Demo Bank")
        .unwrap_or_else(|| panic!("{status:?}"));
    assert_eq!(demo["health"], "error", "{demo}");
    assert!(
        demo["last_error"]
            .as_str()
            .is_some_and(|e| e.contains("simulated write failure")),
        "{demo}"
    );
    let table = env.ok(&["--demo", "status"]);
    assert!(
        table.contains("error") && table.contains("simulated write failure"),
        "{table}"
    );
}
