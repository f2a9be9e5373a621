//! The demo household in an in-memory store: seeded budgets, syncs on chosen days, evaluations.

use chrono::{Days, NaiveDate};
use purse::alerts;
use purse::config::Settings;
use purse::domain::money::parse_decimal;
use purse::domain::{Account, Alert, AlertKind, Currency, FixedClock, Money, Month};
use purse::provider::demo::DEMO_BUDGETS;
use purse::store::Store;
use purse::sync::{self, Connection, ProviderSpec, SyncOptions};

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
}

pub struct Demo {
    pub store: Store,
    pub settings: Settings,
    pub anchor: NaiveDate,
    conn: Connection,
}

impl Demo {
    /// A demo store whose first sync is on `anchor`, with the household's budgets set a year
    /// earlier (as `purse --demo` does). Nothing is evaluated yet.
    pub async fn first_sync(seed: u64, anchor: NaiveDate) -> Demo {
        let store = Store::open_in_memory().await.expect("store");
        let from = Month::of(anchor).plus(-12);
        for (category, amount) in DEMO_BUDGETS {
            let amount = Money::new(parse_decimal(amount).expect("amount"), Currency::USD);
            store
                .set_budget(category, from, amount)
                .await
                .expect("budget");
        }
        let demo = Demo {
            store,
            settings: Settings::default(),
            anchor,
            conn: Connection {
                name: "Demo Bank".into(),
                provider: ProviderSpec::Demo { seed },
            },
        };
        demo.sync_on(anchor).await;
        demo
    }

    pub async fn sync_on(&self, day: NaiveDate) {
        sync::sync_one(
            &self.store,
            &self.conn,
            &FixedClock::on(day),
            SyncOptions::DEFAULT,
        )
        .await
        .expect("the demo bank syncs");
    }

    pub async fn evaluate_on(&self, day: NaiveDate) -> Vec<Alert> {
        alerts::evaluate(&self.store, &self.settings, &FixedClock::on(day))
            .await
            .expect("evaluate")
    }

    pub async fn account(&self, name: &str) -> Account {
        self.store.find_account(name).await.expect("account")
    }

    pub fn before(&self, days: u64) -> NaiveDate {
        self.anchor - Days::new(days)
    }

    /// The keys of the three planted unusual charges.
    pub async fn planted_keys(&self) -> [String; 3] {
        let card = self.account("Visa Signature").await.id;
        let checking = self.account("Everyday Checking").await.id;
        [
            format!(
                "unusual_spend:above:{card}:{}:blue bottle coffee",
                self.before(4)
            ),
            format!(
                "unusual_spend:new_merchant:{checking}:{}:riverside auto body",
                self.before(3)
            ),
            format!(
                "unusual_spend:price_rise:{card}:{}:17.99 netflix",
                self.before(6)
            ),
        ]
    }
}

pub fn of_kind(alerts: &[Alert], kind: AlertKind) -> Vec<&Alert> {
    alerts.iter().filter(|a| a.kind == kind).collect()
}
