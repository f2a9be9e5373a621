//! Budgets pane state: the selected month's report, the selection, and the inline budget editor
//! (edit an amount in place, or add a budget: category name first, then amount).

use crate::domain::{BudgetReport, Currency, DecimalMark, Money, Month, parse_amount};
use crate::store::{CategorySpend, MonthFlow};
use crate::tui::action::Command;
use crate::tui::text;

use super::cursor::ListCursor;

/// What the editor is asking for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditStage {
    /// A new budget's category name.
    Category,
    /// The amount for `category`.
    Amount { category: String },
}

/// The inline editor; while it is open every key goes to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetEditor {
    pub stage: EditStage,
    pub input: String,
    /// The input is a pre-filled value: the first typed character replaces it.
    pub fresh: bool,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

/// What the Budgets pane shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BudgetView {
    #[default]
    Table,
    Charts,
}

#[derive(Debug, Clone, Default)]
pub struct BudgetsState {
    /// The report for the App's month, once loaded.
    pub report: Option<BudgetReport>,
    /// Selection over `report.lines`.
    pub cursor: ListCursor,
    pub editor: Option<BudgetEditor>,
    pub view: BudgetView,
    /// The month's spending per top-level category, for the bar chart.
    pub spending: Option<(Month, Vec<CategorySpend>)>,
    /// Money in vs out for the twelve months ending with the given one.
    pub flows: Option<(Month, Vec<MonthFlow>)>,
}

impl BudgetsState {
    pub fn lines_len(&self) -> usize {
        self.report.as_ref().map_or(0, |r| r.lines.len())
    }

    pub fn selected_line(&self) -> Option<&crate::domain::BudgetLine> {
        self.report
            .as_ref()
            .and_then(|r| r.lines.get(self.cursor.selected))
    }

    /// Opens the editor on the selected line's amount (written with `mark`); false when there is
    /// no line.
    pub fn edit_selected(&mut self, mark: DecimalMark) -> bool {
        let Some(line) = self.selected_line() else {
            return false;
        };
        self.editor = Some(BudgetEditor {
            stage: EditStage::Amount {
                category: line.category.clone(),
            },
            input: mark.plain(line.budgeted.amount),
            fresh: true,
            error: None,
        });
        true
    }

    /// Opens the editor asking for a new budget's category.
    pub fn add(&mut self) {
        self.editor = Some(BudgetEditor {
            stage: EditStage::Category,
            input: String::new(),
            fresh: false,
            error: None,
        });
    }

    pub fn type_char(&mut self, c: char) {
        if let Some(ed) = &mut self.editor {
            if ed.fresh {
                ed.input.clear();
                ed.fresh = false;
            }
            if ed.input.chars().count() < text::EDITOR_MAX_CHARS {
                ed.input.push(c);
            }
            ed.error = None;
        }
    }

    pub fn backspace(&mut self) {
        if let Some(ed) = &mut self.editor {
            ed.input.pop();
            ed.fresh = false;
            ed.error = None;
        }
    }

    pub fn cancel(&mut self) {
        self.editor = None;
    }

    /// Enter: moves from category to amount, or validates the amount. A valid amount closes the
    /// editor and returns the commands to save it and reload the month; anything else leaves an
    /// error in the editor and changes nothing.
    pub fn submit(&mut self, month: Month, currency: Currency, mark: DecimalMark) -> Vec<Command> {
        let Some(ed) = self.editor.as_mut() else {
            return Vec::new();
        };
        match ed.stage.clone() {
            EditStage::Category => {
                let name = ed.input.trim().to_string();
                if name.is_empty() {
                    ed.error = Some(text::EMPTY_CATEGORY.to_string());
                    return Vec::new();
                }
                // An existing line is edited instead of added twice.
                let existing = self.report.as_ref().and_then(|r| {
                    r.lines
                        .iter()
                        .find(|l| l.category.eq_ignore_ascii_case(&name))
                });
                let (category, input) = match existing {
                    Some(l) => (l.category.clone(), mark.plain(l.budgeted.amount)),
                    None => (name, String::new()),
                };
                let fresh = !input.is_empty();
                *ed = BudgetEditor {
                    stage: EditStage::Amount { category },
                    input,
                    fresh,
                    error: None,
                };
                Vec::new()
            }
            EditStage::Amount { category } => match validate_amount(&ed.input, currency, mark) {
                Ok(amount) => {
                    self.editor = None;
                    vec![
                        Command::SetBudget {
                            category,
                            month,
                            amount,
                        },
                        Command::LoadBudgets(month),
                    ]
                }
                Err(message) => {
                    ed.error = Some(message);
                    Vec::new()
                }
            },
        }
    }
}

/// Parses a budget amount typed by the user (see [`parse_amount`]); the error quotes the bad value
/// and says what to type.
pub fn validate_amount(
    input: &str,
    currency: Currency,
    mark: DecimalMark,
) -> Result<Money, String> {
    let money = parse_amount(input, currency, mark).map_err(|e| e.to_string())?;
    if money.is_negative() {
        return Err(text::negative_budget(input.trim()));
    }
    Ok(money)
}
