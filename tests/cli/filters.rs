//! Search and category filters as a user types them: `--search` ignores case over all of
//! Unicode, and `--category` takes in the categories beneath the one named.

use super::{Env, s};

#[test]
fn search_ignores_case_beyond_ascii() {
    let env = Env::new();
    let file = env.path("statement.csv");
    std::fs::write(
        &file,
        "Date,Description,Amount\n\
         2026-11-02,Ñandú Parrilla,-42.10\n\
         2026-11-03,Müller Bäckerei,-7.50\n\
         2026-11-04,Пятёрочка,-3.00\n\
         2026-11-05,Corner Shop,-1.25\n",
    )
    .unwrap();
    env.ok(&["import", file.to_str().unwrap(), "--account", "Checking"]);
    for (typed, payee) in [
        ("ñandú", "Ñandú Parrilla"),
        ("MÜLLER", "Müller Bäckerei"),
        ("пятёрочка", "Пятёрочка"),
    ] {
        let found = env.json(&["transactions", "--search", typed, "--json"]);
        let payees: Vec<&str> = found.iter().map(|t| s(t, "payee")).collect();
        assert_eq!(payees, [payee], "--search {typed}");
    }
}

#[test]
fn a_parent_category_takes_in_its_children() {
    let env = Env::new();
    env.ok(&["--demo", "sync"]);
    let dining = env.json(&["--demo", "transactions", "--category", "Dining", "--json"]);
    assert!(!dining.is_empty(), "--category Dining lists nothing");
    let categories: std::collections::BTreeSet<&str> =
        dining.iter().map(|t| s(t, "category")).collect();
    assert!(
        categories
            .iter()
            .all(|c| ["Dining", "Coffee", "Restaurants"].contains(c)),
        "{categories:?}"
    );
    let coffee = env.json(&["--demo", "transactions", "--category", "coffee", "--json"]);
    assert!(!coffee.is_empty() && coffee.len() < dining.len());
    assert!(coffee.iter().all(|t| s(t, "category") == "Coffee"));
}
