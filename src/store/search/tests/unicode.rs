//! Search ignores case over all of Unicode, in both steps and in the plain filter alike.

use super::*;

/// Rows whose text needs more than ASCII case folding, added to the shared fixture.
const UNICODE_ROWS: &[(&str, &str, &str)] = &[
    ("2026-11-08", "Ñandú Parrilla", "PARRILLA ÑANDÚ BS AS"),
    ("2026-11-09", "Müller Bäckerei", "MUELLER BAECKEREI 0815"),
    ("2026-11-10", "Пятёрочка", "ПЯТЁРОЧКА 1234"),
    ("2026-11-11", "Ταβέρνα Όμορφη", "TAVERNA"),
    ("2026-11-12", "ÉCOLE ÎLE", "Øresund Æble"),
];

async fn unicode_store() -> Store {
    let store = store().await;
    for (i, (date, payee, description)) in UNICODE_ROWS.iter().enumerate() {
        sqlx::query(
            "INSERT INTO transactions (account_id, provider_id, date, amount_minor, currency, payee, description, category_id)
             VALUES (1, ?1, ?2, -1000, 'USD', ?3, ?4, (SELECT id FROM categories WHERE name = 'Restaurants'))",
        )
        .bind(format!("u{i}"))
        .bind(*date)
        .bind(*payee)
        .bind(*description)
        .execute(&store.pool)
        .await
        .unwrap();
    }
    store
}

async fn payees(store: &Store, text: &str) -> Vec<String> {
    let found = store
        .transactions(&searching(text), None, 50)
        .await
        .unwrap();
    found.into_iter().map(|t| t.payee).collect()
}

#[tokio::test]
async fn any_case_of_a_non_ascii_letter_finds_the_row() {
    let store = unicode_store().await;
    for (text, payee) in [
        ("ñandú", "Ñandú Parrilla"),
        ("ÑANDÚ", "Ñandú Parrilla"),
        ("MÜLLER", "Müller Bäckerei"),
        ("bÄckerei", "Müller Bäckerei"),
        ("пятёрочка", "Пятёрочка"),
        ("ταβέρνα", "Ταβέρνα Όμορφη"),
        ("όμορφη", "Ταβέρνα Όμορφη"),
        ("école", "ÉCOLE ÎLE"),
        ("île", "ÉCOLE ÎLE"),
        ("øresund", "ÉCOLE ÎLE"),
        ("æ", "ÉCOLE ÎLE"),
    ] {
        assert_eq!(payees(&store, text).await, [payee], "searching {text:?}");
    }
    // Letters still differ from their unaccented cousins, as before.
    assert!(payees(&store, "nandu").await.is_empty());
    assert!(payees(&store, "muller").await.is_empty());
}

#[tokio::test]
async fn both_steps_match_the_plain_filter_for_non_ascii_text() {
    let store = unicode_store().await;
    for text in [
        "ñandú",
        "ÑANDÚ",
        "ñ",
        "Ü",
        "müller",
        "ПЯТЁР",
        "ёр",
        "ΤΑΒΈΡΝΑ",
        "όμ",
        "ÆBLE",
        "ß",
        "ÉCOLE",
        "éc",
        "coffee",
        "100%",
        "e_m",
    ] {
        let expected = plain(&store, &searching(text)).await;
        for (limit, window) in [(50, 10_000), (2, 1), (1, 3)] {
            let got = paged(&store, &searching(text), limit, window).await;
            assert_eq!(
                got, expected,
                "{text:?} with pages of {limit}, window {window}"
            );
        }
    }
    assert_eq!(plain(&store, &searching("ÑANDÚ")).await.len(), 1);
}
