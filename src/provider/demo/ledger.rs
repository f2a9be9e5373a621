//! The running books: replays the plan day by day from the start of history, keeps each account's
//! posted balance, and adds the balance-dependent transactions: card statements and their autopay,
//! savings interest, the monthly sweep to savings, and overdraft protection.

use chrono::{Datelike, Days, NaiveDate};

use super::event::{Acct, Event, Label};
use super::planted::{self, SWEEP_DAYS_BEFORE};
use super::schedule::Plan;

/// Posted balances at the start of history, in cents, by [`Acct::index`].
pub(super) const OPENING_CENTS: [i64; 3] = [320_000, 925_000, 0];
/// A regular sweep moves checking's balance above this plus the card balance to savings
/// (in $50 steps).
const SWEEP_BUFFER_CENTS: i64 = 250_000;
/// Savings interest, APY in basis points, paid on the last day of each month.
const INTEREST_BPS: i64 = 410;
const INTEREST_SLOT: u32 = 54;

/// A closed card statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Statement {
    pub closed: NaiveDate,
    pub due: NaiveDate,
    /// What was owed at closing (positive).
    pub cents: i64,
}

impl Statement {
    /// The minimum payment: 2% of the balance, at least $35, never more than the balance.
    pub(super) fn minimum_cents(&self) -> i64 {
        ((self.cents * 2 + 50) / 100).max(3_500).min(self.cents)
    }
}

/// The books as of one day.
#[derive(Debug, Clone)]
pub(super) struct Ledger {
    /// Every transaction dated from the start of history to `today`, by date then account and slot.
    pub events: Vec<Event>,
    /// Posted balances at `today`, in cents, by [`Acct::index`].
    pub balance: [i64; 3],
    /// The most recently closed card statement.
    pub statement: Option<Statement>,
}

impl Ledger {
    /// Holds of pending debits on `acct` at `today` (positive cents).
    pub(super) fn pending_debits(&self, acct: Acct, today: NaiveDate) -> i64 {
        pending_debits(&self.events, acct, today)
    }
}

/// Replays history from `plan.start` to `today` (inclusive).
pub(super) fn simulate(plan: &Plan, today: NaiveDate) -> Ledger {
    let mut events = Vec::new();
    for day in plan.start.iter_days().take_while(|d| *d <= today) {
        plan.events_on(day, &mut events);
    }
    let mut by_post: Vec<(NaiveDate, usize)> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.post_date(), i))
        .collect();
    by_post.sort_unstable();
    let low_point = low_point_sweep_input(plan, &events);

    let mut books = Books {
        balance: OPENING_CENTS,
        added: Vec::new(),
        statement: None,
    };
    let mut next = 0;
    for day in plan.start.iter_days().take_while(|d| *d <= today) {
        while let Some(&(_, i)) = by_post.get(next).filter(|(post, _)| *post == day) {
            books.balance[events[i].acct.index()] += events[i].posted_cents;
            next += 1;
        }
        books.end_of_day(plan, day, low_point);
    }
    events.append(&mut books.added);
    events.sort_by_key(|e| (e.date, e.acct, e.slot));
    Ledger {
        events,
        balance: books.balance,
        statement: books.statement,
    }
}

/// What the low-point sweep at `anchor − 13` needs to know about the days after it: the sum of
/// checking postings in (sweep day, anchor] and the pending debit holds at the anchor.
fn low_point_sweep_input(plan: &Plan, events: &[Event]) -> i64 {
    let sweep_day = plan.anchor - Days::new(SWEEP_DAYS_BEFORE);
    let later: i64 = events
        .iter()
        .filter(|e| {
            e.acct == Acct::Checking && e.post_date() > sweep_day && e.post_date() <= plan.anchor
        })
        .map(|e| e.posted_cents)
        .sum();
    later - pending_debits(events, Acct::Checking, plan.anchor)
}

fn pending_debits(events: &[Event], acct: Acct, today: NaiveDate) -> i64 {
    events
        .iter()
        .filter(|e| e.acct == acct && e.is_pending(today) && e.cents < 0)
        .map(|e| -e.cents)
        .sum()
}

/// A movement between checking and another of the household's accounts: checking pays `cents`
/// (negative: receives) and `other` receives it. Both legs post at once.
struct Pair {
    slots: (u32, u32),
    other: Acct,
    labels: (Label, Label),
}

const TRANSFER: &str = "Savings transfer";
const CARD_PAYMENT: Pair = Pair {
    slots: (52, 53),
    other: Acct::Card,
    labels: (
        Label::new(
            "Visa Signature payment",
            "ONLINE PMT VISA SIGNATURE XXXXXX7788",
            "Credit card payment",
        ),
        Label::new(
            "Payment received",
            "PAYMENT RECEIVED - THANK YOU",
            "Credit card payment",
        ),
    ),
};
const TO_SAVINGS: Pair = Pair {
    slots: (50, 51),
    other: Acct::Savings,
    labels: (
        Label::new(
            "Transfer to savings",
            "ONLINE TRANSFER TO SAV XXXXXX4821",
            TRANSFER,
        ),
        Label::new(
            "Transfer from checking",
            "ONLINE TRANSFER FROM CHK XXXXXX1193",
            TRANSFER,
        ),
    ),
};
const FROM_SAVINGS: Pair = Pair {
    labels: (
        Label::new(
            "Transfer from savings",
            "ONLINE TRANSFER FROM SAV XXXXXX4821",
            TRANSFER,
        ),
        Label::new(
            "Transfer to checking",
            "ONLINE TRANSFER TO CHK XXXXXX1193",
            TRANSFER,
        ),
    ),
    ..TO_SAVINGS
};
const OVERDRAFT: Pair = Pair {
    slots: (55, 56),
    labels: (
        Label::new(
            "Transfer from savings",
            "OVERDRAFT PROTECTION FROM SAV XXXXXX4821",
            TRANSFER,
        ),
        Label::new(
            "Transfer to checking",
            "OVERDRAFT PROTECTION TO CHK XXXXXX1193",
            TRANSFER,
        ),
    ),
    ..TO_SAVINGS
};
const INTEREST: Label = Label::new("Interest paid", "INTEREST PAYMENT", "Interest");

/// Posted balances while replaying, and the transactions they cause.
struct Books {
    balance: [i64; 3],
    added: Vec<Event>,
    statement: Option<Statement>,
}

impl Books {
    fn end_of_day(&mut self, plan: &Plan, day: NaiveDate, low_point: i64) {
        self.close_statement(plan, day);
        if let Some(statement) = self.statement.filter(|s| s.due == day && s.cents > 0) {
            self.pair(day, &CARD_PAYMENT, statement.cents);
        }
        if (day + Days::new(1)).day() == 1 {
            self.pay_interest(day);
        }
        if plan.is_sweep_day(day) {
            self.sweep(plan, day, low_point);
        }
        let checking = self.balance[Acct::Checking.index()];
        if checking < 0 {
            // Overdraft protection: back to at least $500, in $100 steps.
            self.pair(
                day,
                &OVERDRAFT,
                -((-checking + 50_000 + 9_999) / 10_000 * 10_000),
            );
        }
    }

    /// Statements close `STATEMENT_TO_DUE_DAYS` before each due date, owing the card's balance.
    fn close_statement(&mut self, plan: &Plan, day: NaiveDate) {
        let due = day + Days::new(planted::STATEMENT_TO_DUE_DAYS);
        if plan.is_due_day(due) {
            let cents = (-self.balance[Acct::Card.index()]).max(0);
            self.statement = Some(Statement {
                closed: day,
                due,
                cents,
            });
        }
    }

    fn pay_interest(&mut self, day: NaiveDate) {
        let savings = self.balance[Acct::Savings.index()].max(0);
        let cents = (savings * INTEREST_BPS + 60_000) / 120_000;
        if cents > 0 {
            self.post(Event::new(
                Acct::Savings,
                day,
                INTEREST_SLOT,
                cents,
                INTEREST,
            ));
        }
    }

    /// The monthly sweep: checking above a buffer plus the card balance goes to savings. The sweep
    /// at `anchor − 13` instead leaves checking's available balance at the anchor within a dollar
    /// above the seed's target (moving money back from savings if it has to).
    fn sweep(&mut self, plan: &Plan, day: NaiveDate, low_point: i64) {
        let checking = self.balance[Acct::Checking.index()];
        let cents = if day == plan.anchor - Days::new(SWEEP_DAYS_BEFORE) {
            (checking + low_point - planted::target_available_cents(plan.seed)).div_euclid(100)
                * 100
        } else {
            let card_owed = (-self.balance[Acct::Card.index()]).max(0);
            ((checking - SWEEP_BUFFER_CENTS - card_owed).div_euclid(5_000) * 5_000).max(0)
        };
        match cents {
            0 => {}
            c if c > 0 => self.pair(day, &TO_SAVINGS, c),
            c => self.pair(day, &FROM_SAVINGS, c),
        }
    }

    fn pair(&mut self, day: NaiveDate, pair: &Pair, cents: i64) {
        let ((chk, other), (chk_label, other_label)) = (pair.slots, pair.labels);
        self.post(Event::new(Acct::Checking, day, chk, -cents, chk_label));
        self.post(Event::new(pair.other, day, other, cents, other_label));
    }

    fn post(&mut self, event: Event) {
        self.balance[event.acct.index()] += event.posted_cents;
        self.added.push(event);
    }
}
