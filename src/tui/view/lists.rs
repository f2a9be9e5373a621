//! The bills and rules overlays: a table over the dashboard (bills: name, due date, days left or
//! late, amount, where it came from, paid; rules: id, priority, conditions, category), with the
//! add form or the delete question drawn over it when open (`view/form.rs`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Row, Table, TableState};

use crate::domain::{BillOrigin, BillSource};
use crate::store::BillRow;
use crate::tui::app::{App, BillsOverlay, ListMode, RulesOverlay};
use crate::tui::keys::KeyAction;
use crate::tui::panes::{self, Col, GAP};
use crate::tui::theme::Theme;
use crate::tui::{format, text};

const LIST_W: u16 = 100;

/// The popup for a list of `len` rows (with a header, and a line for "loading" or "none").
fn list_popup(area: Rect, len: usize) -> Rect {
    let rows = u16::try_from(len.max(1)).unwrap_or(u16::MAX);
    super::popup_area(area, LIST_W, rows.saturating_add(3))
}

/// Where a bill came from, in words: "card statement", "predicted", "you · monthly".
fn source(r: &BillRow) -> String {
    match (r.bill.source, r.origin, r.every) {
        (BillSource::Liability, ..) => "card statement".to_string(),
        (BillSource::Recurring, ..) => "predicted".to_string(),
        (BillSource::Manual, origin, every) => {
            let who = match origin {
                Some(BillOrigin::Config) => "config",
                _ => "you",
            };
            every.map_or(who.to_string(), |e| format!("{who} · {e}"))
        }
    }
}

pub(super) fn bills(app: &App, b: &BillsOverlay, frame: &mut Frame, area: Rect, theme: Theme) {
    let popup = list_popup(area, b.len());
    let k = |a: KeyAction| app.keymap.short(a);
    let footer = text::bills_footer(
        &k(KeyAction::Add),
        &k(KeyAction::Delete),
        &k(KeyAction::Paid),
    );
    let inner = super::popup_block(frame, popup, text::BILLS_TITLE, &footer, theme);
    match &b.rows {
        None => panes::message(frame, inner, text::LOADING, theme),
        Some(rows) if rows.is_empty() => panes::message(frame, inner, text::NO_BILLS_LISTED, theme),
        Some(rows) => {
            let sources: Vec<String> = rows.iter().map(source).collect();
            let amounts: Vec<String> = rows.iter().map(|r| r.bill.amount.display()).collect();
            let whens: Vec<String> = rows
                .iter()
                .map(|r| match r.bill.paid {
                    true => String::new(),
                    false => r.bill.when_due(app.today),
                })
                .collect();
            let [name, due, when, amount, src, paid] = text::BILL_COLUMNS;
            let cols = [
                Col::flex(12),
                Col::fixed(10, 0),
                Col::fixed(panes::width_of(when, whens.iter().map(String::as_str)), 2),
                Col::fixed(
                    panes::width_of(amount, amounts.iter().map(String::as_str)),
                    0,
                ),
                Col::fixed(panes::width_of(src, sources.iter().map(String::as_str)), 3),
                Col::fixed(4, 1),
            ];
            let fit = panes::fit(inner.width, &cols);
            let header = [name, due, when, amount, src, paid]
                .map(|h| Line::styled(h, theme.column_header()));
            let table_rows = rows.iter().enumerate().map(|(i, r)| {
                let style = match (r.bill.paid, r.bill.days_left(app.today)) {
                    (true, _) => theme.dim(),
                    (false, d) if d < 0 => theme.bad(),
                    (false, d) if d <= 3 => theme.warn(),
                    _ => theme.plain(),
                };
                let cells = [
                    Line::from(format::truncate(&r.bill.name, usize::from(fit.flex))),
                    Line::from(r.bill.due.to_string()),
                    Line::styled(whens[i].clone(), style),
                    Line::from(amounts[i].clone()).right_aligned(),
                    Line::styled(sources[i].clone(), theme.dim()),
                    Line::from(if r.bill.paid { text::PAID_MARK } else { "" }),
                ];
                let row = Row::new(panes::pick(&fit.keep, cells));
                if r.bill.paid {
                    row.style(theme.dim())
                } else {
                    row
                }
            });
            table(frame, inner, table_rows, header, &fit, b.selected, theme);
        }
    }
    super::form::over_list(&b.mode, text::BILL_FORM_TITLE, frame, area, theme, |name| {
        text::confirm_delete_bill(name)
    });
}

pub(super) fn rules(app: &App, r: &RulesOverlay, frame: &mut Frame, area: Rect, theme: Theme) {
    let popup = list_popup(area, r.len());
    let k = |a: KeyAction| app.keymap.short(a);
    let footer = text::rules_footer(
        &k(KeyAction::Add),
        &k(KeyAction::Delete),
        &k(KeyAction::Apply),
    );
    let inner = super::popup_block(frame, popup, text::RULES_TITLE, &footer, theme);
    match &r.rules {
        None => panes::message(frame, inner, text::LOADING, theme),
        Some(rules) if rules.is_empty() => panes::message(frame, inner, text::NO_RULES, theme),
        Some(rules) => {
            let ids: Vec<String> = rules.iter().map(|r| r.id.to_string()).collect();
            let categories: Vec<&str> = rules.iter().map(|r| r.category.as_str()).collect();
            let [priority, when, category, id] = text::RULE_COLUMNS;
            let cols = [
                Col::fixed(panes::width_of(id, ids.iter().map(String::as_str)), 2),
                Col::fixed(priority.chars().count() as u16, 1),
                Col::flex(16),
                Col::fixed(
                    panes::width_of(category, categories.iter().copied()).min(24),
                    0,
                ),
            ];
            let fit = panes::fit(inner.width, &cols);
            let header =
                [id, priority, when, category].map(|h| Line::styled(h, theme.column_header()));
            let table_rows = rules.iter().zip(&ids).map(|(rule, id)| {
                let cells = [
                    Line::styled(id.clone(), theme.dim()),
                    Line::from(rule.priority.to_string()).right_aligned(),
                    Line::from(format::truncate(&rule.conditions(), usize::from(fit.flex))),
                    Line::from(format::truncate(&rule.category, 24)),
                ];
                Row::new(panes::pick(&fit.keep, cells))
            });
            table(frame, inner, table_rows, header, &fit, r.selected, theme);
        }
    }
    super::form::over_list(&r.mode, text::RULE_FORM_TITLE, frame, area, theme, |name| {
        text::confirm_delete_rule(confirming_id(&r.mode), name)
    });
}

fn confirming_id(mode: &ListMode) -> i64 {
    match mode {
        ListMode::Confirm { id, .. } => *id,
        _ => 0,
    }
}

fn table<'a>(
    frame: &mut Frame,
    area: Rect,
    rows: impl IntoIterator<Item = Row<'a>>,
    header: impl IntoIterator<Item = Line<'a>>,
    fit: &panes::Fit,
    selected: usize,
    theme: Theme,
) {
    let table = Table::new(rows, fit.widths.clone())
        .header(Row::new(panes::pick(&fit.keep, header)))
        .column_spacing(GAP)
        .row_highlight_style(theme.selected(true));
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, area, &mut state);
}
