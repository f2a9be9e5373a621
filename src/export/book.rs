//! What a journal holds, whatever its syntax: the accounts with their journal names and their
//! opening and closing balances, the category accounts, and the date span; then the transactions,
//! oldest first, page by page. The syntaxes implement [`Syntax`].

use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};

use chrono::NaiveDate;

use super::names::{Names, component};
use super::{ExportError, ExportOptions, ExportStats, PAGE};
use crate::domain::{CategoryKind, CategoryTree, Currency, Money, Transaction};
use crate::store::{Store, TxnCursor};

/// The equity account opening balances come from.
pub(super) const OPENING: &str = "Equity:Opening-Balances";

/// One Purse account in the journal.
#[derive(Debug, Clone)]
pub(super) struct BookAccount {
    pub id: i64,
    /// The journal's account name.
    pub name: String,
    /// The account's name in Purse.
    pub purse_name: String,
    pub currency: Currency,
    /// The balance before the first exported day.
    pub opening: Money,
    /// The balance after the last exported day (Purse's balance when there is no `--until`).
    pub closing: Money,
}

/// Everything but the transactions.
#[derive(Debug, Clone)]
pub(super) struct Book {
    pub accounts: Vec<BookAccount>,
    /// Category journal names, sorted.
    pub categories: Vec<String>,
    category_of: HashMap<String, String>,
    pub currencies: BTreeSet<Currency>,
    /// The first exported day: opening balances and account declarations are dated here.
    pub first: NaiveDate,
    /// The last exported day: balance assertions hold at its end.
    pub last: NaiveDate,
}

/// A journal syntax.
pub(super) trait Syntax {
    fn preamble(
        &mut self,
        out: &mut dyn Write,
        book: &Book,
        options: &ExportOptions,
    ) -> io::Result<()>;
    fn opening(
        &mut self,
        out: &mut dyn Write,
        date: NaiveDate,
        account: &BookAccount,
    ) -> io::Result<()>;
    fn transaction(
        &mut self,
        out: &mut dyn Write,
        t: &Transaction,
        account: &str,
        category: &str,
    ) -> io::Result<()>;
    fn assertions(
        &mut self,
        out: &mut dyn Write,
        last: NaiveDate,
        accounts: &[BookAccount],
    ) -> io::Result<()>;
}

pub(super) async fn write(
    store: &Store,
    options: &ExportOptions,
    syntax: &mut dyn Syntax,
    out: &mut dyn Write,
) -> Result<ExportStats, ExportError> {
    let book = build(store, options).await?;
    syntax.preamble(out, &book, options)?;
    for account in book.accounts.iter().filter(|a| !a.opening.amount.is_zero()) {
        syntax.opening(out, book.first, account)?;
    }
    let names: HashMap<i64, &str> = book
        .accounts
        .iter()
        .map(|a| (a.id, a.name.as_str()))
        .collect();
    let filter = options.filter();
    let mut after: Option<TxnCursor> = None;
    let mut transactions = 0;
    loop {
        let page = store
            .transactions_oldest_first(&filter, after, PAGE)
            .await?;
        for t in &page {
            let account = names
                .get(&t.account_id)
                .copied()
                .unwrap_or("Assets:Unknown");
            syntax.transaction(out, t, account, book.category(&t.category))?;
        }
        transactions += page.len();
        match page.last() {
            Some(last) if page.len() == PAGE as usize => after = Some(TxnCursor::of(last)),
            _ => break,
        }
    }
    if options.assertions {
        syntax.assertions(out, book.last, &book.accounts)?;
    }
    out.flush()?;
    Ok(ExportStats {
        transactions,
        accounts: book.accounts.len(),
    })
}

impl Book {
    /// The journal account of a Purse category.
    pub fn category(&self, name: &str) -> &str {
        self.category_of
            .get(name)
            .map_or("Expenses:Uncategorized", String::as_str)
    }
}

async fn build(store: &Store, options: &ExportOptions) -> Result<Book, ExportError> {
    let accounts: Vec<_> = store
        .accounts()
        .await?
        .into_iter()
        .filter(|a| options.account_id.is_none_or(|id| id == a.id))
        .collect();
    let all = store.sums_since(None).await?;
    let from = match options.since {
        Some(since) => store.sums_since(Some(since)).await?,
        None => all.clone(),
    };
    let after = match options.until.and_then(|u| u.succ_opt()) {
        Some(day) => store.sums_since(Some(day)).await?,
        None => Vec::new(),
    };
    let sum = |rows: &[(i64, Money, NaiveDate, NaiveDate)], id: i64, currency: Currency| {
        rows.iter()
            .filter(|(a, m, _, _)| *a == id && m.currency == currency)
            .map(|(_, m, _, _)| m.amount)
            .sum::<rust_decimal::Decimal>()
    };
    let exported = |id: i64| accounts.iter().any(|a| a.id == id);
    let first = options.since.unwrap_or_else(|| {
        all.iter()
            .filter(|r| exported(r.0))
            .map(|r| r.2)
            .min()
            .unwrap_or(options.today)
    });
    let last = options
        .until
        .unwrap_or_else(|| {
            all.iter()
                .filter(|r| exported(r.0))
                .map(|r| r.3)
                .max()
                .unwrap_or(first)
        })
        .max(first);

    let mut names = Names::default();
    names.unique(OPENING.to_string());
    let mut currencies: BTreeSet<Currency> = all
        .iter()
        .filter(|r| exported(r.0))
        .map(|r| r.1.currency)
        .collect();
    let mut book_accounts = Vec::with_capacity(accounts.len());
    for a in &accounts {
        let root = if a.kind.is_liability() {
            "Liabilities"
        } else {
            "Assets"
        };
        let name = format!(
            "{root}:{}:{}",
            component(&a.connection, "Bank"),
            component(&a.name, "Account")
        );
        currencies.insert(a.currency);
        book_accounts.push(BookAccount {
            id: a.id,
            name: names.unique(name),
            purse_name: a.name.clone(),
            currency: a.currency,
            opening: Money::new(a.balance.amount - sum(&from, a.id, a.currency), a.currency),
            closing: Money::new(a.balance.amount - sum(&after, a.id, a.currency), a.currency),
        });
    }
    let tree = store.categories().await?;
    let mut category_of = HashMap::new();
    for name in tree.names() {
        category_of.insert(
            name.to_string(),
            names.unique(category_account(&tree, name)),
        );
    }
    let mut categories: Vec<String> = category_of.values().cloned().collect();
    categories.sort();
    Ok(Book {
        accounts: book_accounts,
        categories,
        category_of,
        currencies,
        first,
        last,
    })
}

/// `Expenses:Dining:Coffee`, `Income:Paycheck`, `Equity:Transfers:Savings-Transfer`.
fn category_account(tree: &CategoryTree, name: &str) -> String {
    let mut path = vec![name.to_string()];
    let mut current = tree.get(name).and_then(|c| c.parent.clone());
    while let Some(parent) = current.filter(|_| path.len() < 16) {
        current = tree.get(&parent).and_then(|c| c.parent.clone());
        path.push(parent);
    }
    path.reverse();
    let root = match tree.kind(name) {
        CategoryKind::Income => "Income",
        CategoryKind::Expense => "Expenses",
        CategoryKind::Transfer => "Equity",
    };
    if path.first().is_some_and(|p| p.eq_ignore_ascii_case(root)) {
        path.remove(0);
    }
    if path.is_empty() {
        path.push("Other".to_string());
    }
    let parts: Vec<String> = path.iter().map(|p| component(p, "Other")).collect();
    format!("{root}:{}", parts.join(":"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_follow_the_tree_under_their_kind() {
        let tree = CategoryTree::defaults();
        assert_eq!(category_account(&tree, "Coffee"), "Expenses:Dining:Coffee");
        assert_eq!(category_account(&tree, "Paycheck"), "Income:Paycheck");
        assert_eq!(category_account(&tree, "Income"), "Income:Other");
        assert_eq!(
            category_account(&tree, "Uncategorized"),
            "Expenses:Uncategorized"
        );
        assert_eq!(
            category_account(&tree, "Savings transfer"),
            "Equity:Transfers:Savings-Transfer"
        );
        assert_eq!(
            category_account(&tree, "Public transit"),
            "Expenses:Transport:Public-Transit"
        );
    }
}
