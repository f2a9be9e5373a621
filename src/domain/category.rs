//! Categories: the default tree every new store starts with, and lookups over it.

use std::collections::HashMap;

/// How a category's money counts in budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CategoryKind {
    /// Money coming in (pay, interest, refunds from outside).
    Income,
    /// Spending that budgets track.
    Expense,
    /// Moves between the user's own accounts; never spending.
    Transfer,
}

impl CategoryKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            CategoryKind::Income => "income",
            CategoryKind::Expense => "expense",
            CategoryKind::Transfer => "transfer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "income" => Some(CategoryKind::Income),
            "expense" => Some(CategoryKind::Expense),
            "transfer" => Some(CategoryKind::Transfer),
            _ => None,
        }
    }
}

/// A category: a unique name and an optional parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub name: String,
    pub parent: Option<String>,
    pub kind: CategoryKind,
}

pub const UNCATEGORIZED: &str = "Uncategorized";
pub const TRANSFERS: &str = "Transfers";
pub const INCOME: &str = "Income";

/// The default tree: (name, parent, kind). Top-level names first.
pub const DEFAULT_CATEGORIES: &[(&str, Option<&str>, CategoryKind)] = {
    use CategoryKind::*;
    &[
        ("Income", None, Income),
        ("Housing", None, Expense),
        ("Utilities", None, Expense),
        ("Groceries", None, Expense),
        ("Dining", None, Expense),
        ("Transport", None, Expense),
        ("Shopping", None, Expense),
        ("Subscriptions", None, Expense),
        ("Health", None, Expense),
        ("Entertainment", None, Expense),
        ("Travel", None, Expense),
        ("Fees", None, Expense),
        ("Transfers", None, Transfer),
        ("Uncategorized", None, Expense),
        ("Paycheck", Some("Income"), Income),
        ("Interest", Some("Income"), Income),
        ("Rent", Some("Housing"), Expense),
        ("Mortgage", Some("Housing"), Expense),
        ("Electricity", Some("Utilities"), Expense),
        ("Internet", Some("Utilities"), Expense),
        ("Phone", Some("Utilities"), Expense),
        ("Water", Some("Utilities"), Expense),
        ("Coffee", Some("Dining"), Expense),
        ("Restaurants", Some("Dining"), Expense),
        ("Fuel", Some("Transport"), Expense),
        ("Public transit", Some("Transport"), Expense),
        ("Rideshare", Some("Transport"), Expense),
        ("Streaming", Some("Subscriptions"), Expense),
        ("Software", Some("Subscriptions"), Expense),
        ("Pharmacy", Some("Health"), Expense),
        ("Fitness", Some("Health"), Expense),
        ("Credit card payment", Some("Transfers"), Transfer),
        ("Savings transfer", Some("Transfers"), Transfer),
    ]
};

/// The default categories as owned values.
pub fn default_categories() -> Vec<Category> {
    DEFAULT_CATEGORIES
        .iter()
        .map(|(name, parent, kind)| Category {
            name: (*name).to_string(),
            parent: parent.map(str::to_string),
            kind: *kind,
        })
        .collect()
}

/// A category tree for lookups: parents, kinds, top-level ancestors.
#[derive(Debug, Clone, Default)]
pub struct CategoryTree {
    by_name: HashMap<String, Category>,
}

impl CategoryTree {
    pub fn new(categories: impl IntoIterator<Item = Category>) -> Self {
        CategoryTree {
            by_name: categories
                .into_iter()
                .map(|c| (c.name.clone(), c))
                .collect(),
        }
    }

    pub fn defaults() -> Self {
        CategoryTree::new(default_categories())
    }

    pub fn get(&self, name: &str) -> Option<&Category> {
        self.by_name.get(name)
    }

    /// Finds a category by name, ignoring case.
    pub fn find(&self, name: &str) -> Option<&Category> {
        self.get(name).or_else(|| {
            let lower = name.trim().to_lowercase();
            self.by_name
                .values()
                .find(|c| c.name.to_lowercase() == lower)
        })
    }

    /// The kind of a category; unknown names count as expenses.
    pub fn kind(&self, name: &str) -> CategoryKind {
        self.get(name).map_or(CategoryKind::Expense, |c| c.kind)
    }

    /// True when `name` is `ancestor` or lies beneath it.
    pub fn is_within(&self, name: &str, ancestor: &str) -> bool {
        let mut current = Some(name);
        let mut hops = 0;
        while let Some(n) = current {
            if n == ancestor {
                return true;
            }
            current = self.get(n).and_then(|c| c.parent.as_deref());
            hops += 1;
            if hops > 32 {
                break;
            }
        }
        false
    }

    /// All category names, sorted: top-level names in tree order first is left to callers.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.by_name.keys().map(String::as_str).collect();
        names.sort_unstable();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_tree_has_the_required_top_level() {
        let tree = CategoryTree::defaults();
        for name in [
            "Income",
            "Housing",
            "Utilities",
            "Groceries",
            "Dining",
            "Transport",
            "Shopping",
            "Subscriptions",
            "Health",
            "Entertainment",
            "Travel",
            "Fees",
            "Transfers",
            "Uncategorized",
        ] {
            let cat = tree.get(name);
            assert!(
                cat.is_some_and(|c| c.parent.is_none()),
                "{name} missing or not top-level"
            );
        }
    }

    #[test]
    fn every_parent_exists() {
        let tree = CategoryTree::defaults();
        for c in default_categories() {
            if let Some(p) = &c.parent {
                assert!(tree.get(p).is_some(), "parent {p} of {} missing", c.name);
            }
        }
    }

    #[test]
    fn ancestry_and_kinds() {
        let tree = CategoryTree::defaults();
        assert!(tree.is_within("Coffee", "Dining"));
        assert!(tree.is_within("Dining", "Dining"));
        assert!(!tree.is_within("Dining", "Coffee"));
        assert_eq!(tree.kind("Credit card payment"), CategoryKind::Transfer);
        assert_eq!(tree.kind("Paycheck"), CategoryKind::Income);
        assert_eq!(tree.kind("Something new"), CategoryKind::Expense);
        assert_eq!(
            tree.find("groceries").map(|c| c.name.as_str()),
            Some("Groceries")
        );
    }
}
