//! The demo bank's three accounts and its internal transaction record ([`Event`]), and how a record
//! becomes a domain [`IncomingTransaction`], pending or posted, under stable provider ids.

use chrono::{Days, NaiveDate};

use crate::domain::{AccountKind, Currency, IncomingTransaction, Money};

/// One of the household's accounts at the demo bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Acct {
    Checking,
    Savings,
    Card,
}

impl Acct {
    pub(super) const ALL: [Acct; 3] = [Acct::Checking, Acct::Savings, Acct::Card];

    pub(super) fn id(self) -> &'static str {
        match self {
            Acct::Checking => "demo-checking",
            Acct::Savings => "demo-savings",
            Acct::Card => "demo-card",
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Acct::Checking => "Everyday Checking",
            Acct::Savings => "High-Yield Savings",
            Acct::Card => "Visa Signature",
        }
    }

    pub(super) fn kind(self) -> AccountKind {
        match self {
            Acct::Checking => AccountKind::Checking,
            Acct::Savings => AccountKind::Savings,
            Acct::Card => AccountKind::CreditCard,
        }
    }

    /// Position in per-account arrays.
    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// One generated transaction. Amounts are in cents: money in positive, money out negative.
/// Who the money went to or came from, as the bank shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Label {
    /// The clean merchant or counterparty name.
    pub payee: &'static str,
    /// The bank-style raw description.
    pub raw: &'static str,
    /// A category from the default tree.
    pub category: &'static str,
}

impl Label {
    pub(super) const fn new(
        payee: &'static str,
        raw: &'static str,
        category: &'static str,
    ) -> Self {
        Label {
            payee,
            raw,
            category,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Event {
    pub acct: Acct,
    /// The day the money moved (purchase date); kept when the transaction posts.
    pub date: NaiveDate,
    /// Distinguishes the events of one day; part of both provider ids.
    pub slot: u32,
    /// Days until it posts: 0 posts at once and is never pending.
    pub lag: u8,
    /// The amount while pending (the authorisation).
    pub cents: i64,
    /// The amount once posted (differs when a tip was added).
    pub posted_cents: i64,
    pub label: Label,
}

impl Event {
    /// An event that posts the day it happens, for the same amount.
    pub(super) fn new(acct: Acct, date: NaiveDate, slot: u32, cents: i64, label: Label) -> Self {
        Event {
            acct,
            date,
            slot,
            lag: 0,
            cents,
            posted_cents: cents,
            label,
        }
    }

    /// Pending for `lag` days before it posts.
    pub(super) fn pending_for(self, lag: u8) -> Self {
        Event { lag, ..self }
    }

    /// Posts for `posted_cents` rather than the authorised amount (a tip was added).
    pub(super) fn posting_as(self, posted_cents: i64) -> Self {
        Event {
            posted_cents,
            ..self
        }
    }

    pub(super) fn post_date(&self) -> NaiveDate {
        self.date + Days::new(u64::from(self.lag))
    }

    /// Still waiting to post on `today`.
    pub(super) fn is_pending(&self, today: NaiveDate) -> bool {
        self.date <= today && today < self.post_date()
    }

    pub(super) fn posted_id(&self) -> String {
        format!("demo-{}-{}", self.date, self.slot)
    }

    pub(super) fn pending_id(&self) -> String {
        format!("demo-p-{}-{}", self.date, self.slot)
    }

    /// The domain transaction as the bank reports it: pending (authorised amount, `demo-p-…` id)
    /// or posted (final amount, `demo-…` id, linked to its pending id when it was ever pending).
    pub(super) fn to_incoming(&self, pending: bool) -> IncomingTransaction {
        let (provider_id, cents) = if pending {
            (self.pending_id(), self.cents)
        } else {
            (self.posted_id(), self.posted_cents)
        };
        let amount = Money::from_minor(cents, Currency::USD);
        let raw = serde_json::json!({
            "id": provider_id,
            "account": self.acct.id(),
            "date": self.date.to_string(),
            "posted": (!pending).then(|| self.post_date().to_string()),
            "status": if pending { "pending" } else { "posted" },
            "amount": amount.amount_string(),
            "merchant": self.label.payee,
            "memo": self.label.raw,
            "category_hint": self.label.category,
        });
        IncomingTransaction {
            provider_account_id: self.acct.id().to_string(),
            provider_id,
            date: self.date,
            amount,
            payee: self.label.payee.to_string(),
            description: self.label.raw.to_string(),
            category: Some(self.label.category.to_string()),
            pending,
            pending_provider_id: (!pending && self.lag > 0).then(|| self.pending_id()),
            raw: Some(raw.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).unwrap_or_default()
    }

    fn dinner() -> Event {
        let label = Label::new("Nopalito", "NOPALITO", "Restaurants");
        Event::new(Acct::Card, day(20), 92, -4000, label)
            .pending_for(2)
            .posting_as(-4720)
    }

    #[test]
    fn pending_and_posted_ids_differ_and_amounts_follow_status() {
        let e = dinner();
        assert!(!e.is_pending(day(19)));
        assert!(e.is_pending(day(20)) && e.is_pending(day(21)));
        assert!(!e.is_pending(day(22)));
        let pending = e.to_incoming(true);
        let posted = e.to_incoming(false);
        assert_eq!(pending.provider_id, "demo-p-2026-11-20-92");
        assert_eq!(posted.provider_id, "demo-2026-11-20-92");
        assert_eq!(pending.amount.to_minor(), Ok(-4000));
        assert_eq!(posted.amount.to_minor(), Ok(-4720));
        assert_eq!(
            posted.pending_provider_id.as_deref(),
            Some("demo-p-2026-11-20-92")
        );
        assert!(
            posted
                .raw
                .is_some_and(|r| r.contains("\"posted\":\"2026-11-22\""))
        );
    }

    #[test]
    fn immediate_events_never_pend_nor_link() {
        let rent = Label::new("Parkside Apartments", "RENT", "Rent");
        let e = Event::new(Acct::Checking, day(1), 2, -185_000, rent);
        assert!(!e.is_pending(day(1)));
        assert_eq!(e.to_incoming(false).pending_provider_id, None);
    }
}
