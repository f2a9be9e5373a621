//! Smaller things a user trips over: how bills say when they are due, quiet closed pipes, date
//! ranges that cannot hold anything, errors that say things once, and refusals at link time.

use super::{Env, closed_stdout};

#[test]
fn bills_say_when_in_words() {
    let env = Env::new();
    for (name, due) in [
        ("Rent", "2026-11-21"),
        ("Gym", "2026-11-22"),
        ("Water", "2026-11-26"),
        ("Old tax", "2026-11-10"),
    ] {
        env.ok(&["bills", "add", name, "10", "--due", due]);
    }
    let out = env.ok(&["bills"]);
    let line = |name: &str| {
        out.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no {name} in\n{out}"))
            .to_string()
    };
    assert!(line("Rent").contains("today"), "{out}");
    assert!(line("Gym").contains("tomorrow"), "{out}");
    assert!(line("Water").contains("in 5 days"), "{out}");
    assert!(
        line("Old tax").contains("overdue since 2026-11-10"),
        "{out}"
    );
    let negative = regex::Regex::new(r"-\d+ days").unwrap();
    assert!(
        !out.contains(" 1 days") && !negative.is_match(&out),
        "{out}"
    );
}

#[test]
fn every_command_that_prints_is_quiet_on_a_closed_pipe() {
    let env = Env::new();
    env.ok(&["--demo", "sync"]);
    let commands: &[&[&str]] = &[
        &["export", "--format", "csv"],
        &["export", "--format", "json"],
        &["export", "--format", "ledger"],
        &["export", "--format", "beancount"],
        &["transactions"],
        &["transactions", "--json"],
        &["accounts"],
        &["budgets"],
        &["budgets", "--json"],
        &["alerts"],
        &["alerts", "--json"],
        &["rules"],
        &["rules", "--json"],
        &["bills"],
        &["bills", "--json"],
        &["categories"],
        &["status"],
    ];
    let mut noisy = Vec::new();
    for args in commands {
        let args: Vec<&str> = ["--demo"].iter().chain(args.iter()).copied().collect();
        let out = closed_stdout(&env, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if !stderr.is_empty() || !out.status.success() {
            noisy.push(format!("purse {args:?}: {:?} {stderr}", out.status));
        }
    }
    assert!(noisy.is_empty(), "{noisy:#?}");
}

#[test]
fn a_date_range_that_ends_before_it_starts_is_refused() {
    let env = Env::new();
    env.ok(&["--demo", "sync"]);
    for args in [
        &[
            "--demo",
            "transactions",
            "--since",
            "2026-11-10",
            "--until",
            "2026-11-01",
        ][..],
        &[
            "--demo",
            "export",
            "--format",
            "csv",
            "--since",
            "2026-11-10",
            "--until",
            "2026-11-01",
        ][..],
    ] {
        let err = env.fails(args);
        assert!(
            err.contains("--since 2026-11-10") && err.contains("--until 2026-11-01"),
            "purse {args:?}: {err}"
        );
    }
    // The same day at both ends is a range of one day.
    env.ok(&[
        "--demo",
        "transactions",
        "--since",
        "2026-11-10",
        "--until",
        "2026-11-10",
    ]);
}

#[test]
fn the_dashboard_without_a_terminal_says_it_needs_one() {
    let env = Env::new();
    for args in [&[][..], &["--demo"][..]] {
        let out = env.run(args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "purse {args:?}: {:?}", out.status);
        assert!(
            stdout.is_empty(),
            "purse {args:?} wrote to stdout: {stdout:?}"
        );
        assert!(!stderr.contains('\u{1b}'), "escape codes: {stderr:?}");
        assert!(
            stderr.contains(purse::tui::text::NEEDS_TERMINAL),
            "purse {args:?}: {stderr:?}"
        );
    }
}

#[test]
fn link_refuses_an_address_sync_would_refuse() {
    let env = Env::new();
    for url in ["http://10.0.0.1", "ftp://plaid.example.com", "not a url"] {
        let err = env.fails(&[
            "link",
            "plaid",
            "--name",
            "Bank",
            "--access-token",
            "access-sandbox-123",
            "--client-id",
            "id",
            "--secret",
            "shh",
            "--base-url",
            url,
        ]);
        assert!(err.contains("--base-url"), "{url}: {err}");
        assert!(
            !err.contains("shh") && !err.contains("access-sandbox-123"),
            "{err}"
        );
        assert!(
            !env.data_dir().join("credentials.toml").exists(),
            "{url}: credentials were stored"
        );
    }
    let err = env.fails(&[
        "link",
        "plaid",
        "--name",
        "Bank",
        "--access-token",
        "t",
        "--client-id",
        "id",
        "--secret",
        "s",
        "--base-url",
        "http://10.0.0.1",
    ]);
    assert!(err.contains("https://"), "{err}");
    // What sync accepts, link accepts: https, and plain http on loopback.
    env.ok(&[
        "link",
        "plaid",
        "--name",
        "Local",
        "--access-token",
        "t",
        "--client-id",
        "id",
        "--secret",
        "s",
        "--base-url",
        "http://127.0.0.1:9",
    ]);
    assert!(env.data_dir().join("credentials.toml").exists());
}
