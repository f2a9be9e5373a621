//! The category picker: type to filter the category tree, move, Enter to choose. Used to
//! recategorise a transaction (optionally "always for this payee", which creates a rule) and to
//! filter the Transactions pane by category.

use crate::domain::{Category, TransactionId};

/// Most characters the filter takes.
pub const PICKER_MAX_CHARS: usize = 40;

/// What the chosen category is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerPurpose {
    Recategorize {
        id: TransactionId,
        payee: String,
        current: String,
    },
    /// Filter Transactions (offers "All categories" first).
    Filter { current: Option<String> },
}

/// One line of the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice<'a> {
    All,
    Category(&'a Category),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryPicker {
    pub purpose: PickerPurpose,
    pub input: String,
    /// Index into [`CategoryPicker::choices`].
    pub selected: usize,
    /// Recategorise: also create a rule for every transaction from this payee.
    pub always: bool,
}

impl CategoryPicker {
    /// Opens with the current category selected.
    pub fn new(purpose: PickerPurpose, categories: &[Category]) -> Self {
        let mut picker = CategoryPicker {
            purpose,
            input: String::new(),
            selected: 0,
            always: false,
        };
        let current = match &picker.purpose {
            PickerPurpose::Recategorize { current, .. } => Some(current.clone()),
            PickerPurpose::Filter { current } => current.clone(),
        };
        if let Some(current) = current {
            let choices = picker.choices(categories);
            picker.selected = choices
                .iter()
                .position(|c| matches!(c, Choice::Category(cat) if cat.name == current))
                .unwrap_or(0);
        }
        picker
    }

    /// The lines shown for the typed filter: categories whose name (or parent's name) contains
    /// it, in tree order.
    pub fn choices<'a>(&self, categories: &'a [Category]) -> Vec<Choice<'a>> {
        let needle = self.input.trim().to_lowercase();
        let hit = |c: &Category| {
            c.name.to_lowercase().contains(&needle)
                || c.parent
                    .as_deref()
                    .is_some_and(|p| p.to_lowercase().contains(&needle))
        };
        let mut out = Vec::new();
        if matches!(self.purpose, PickerPurpose::Filter { .. }) && needle.is_empty() {
            out.push(Choice::All);
        }
        out.extend(categories.iter().filter(|c| hit(c)).map(Choice::Category));
        out
    }

    pub fn chosen<'a>(&self, categories: &'a [Category]) -> Option<Choice<'a>> {
        self.choices(categories).get(self.selected).copied()
    }

    /// Types a character: the selection jumps to the first name starting with the filter.
    pub fn type_char(&mut self, c: char, categories: &[Category]) {
        if self.input.chars().count() < PICKER_MAX_CHARS {
            self.input.push(c);
        }
        self.reselect(categories);
    }

    pub fn backspace(&mut self, categories: &[Category]) {
        self.input.pop();
        self.reselect(categories);
    }

    fn reselect(&mut self, categories: &[Category]) {
        let needle = self.input.trim().to_lowercase();
        if needle.is_empty() {
            self.selected = 0;
            return;
        }
        self.selected = self
            .choices(categories)
            .iter()
            .position(|c| matches!(c, Choice::Category(cat) if cat.name.to_lowercase().starts_with(&needle)))
            .unwrap_or(0);
    }

    pub fn move_by(&mut self, delta: isize, categories: &[Category]) {
        let len = self.choices(categories).len();
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
    }

    /// The payee "always" would make a rule for (none when the transaction has no payee).
    pub fn rule_payee(&self) -> Option<&str> {
        match &self.purpose {
            PickerPurpose::Recategorize { payee, .. } if !payee.trim().is_empty() => Some(payee),
            _ => None,
        }
    }
}

/// Categories in tree order: top-level names alphabetically, each followed by its children.
pub fn tree_order(mut categories: Vec<Category>) -> Vec<Category> {
    categories.sort_by_cached_key(|c| c.name.to_lowercase());
    let (tops, children): (Vec<Category>, Vec<Category>) =
        categories.into_iter().partition(|c| c.parent.is_none());
    let mut out = Vec::with_capacity(tops.len() + children.len());
    let mut placed = vec![false; children.len()];
    for top in tops {
        let name = top.name.clone();
        out.push(top);
        for (i, child) in children.iter().enumerate() {
            if child.parent.as_deref() == Some(name.as_str()) {
                out.push(child.clone());
                placed[i] = true;
            }
        }
    }
    // Deeper levels or orphans go at the end rather than disappear.
    out.extend(
        children
            .into_iter()
            .zip(placed)
            .filter(|(_, p)| !p)
            .map(|(c, _)| c),
    );
    out
}
