//! Budgets pane: the month's budget lines (budgeted, spent, left, a coloured use bar), the
//! unbudgeted and total rows pinned at the bottom, and the inline editor with its error message.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Row, Table, TableState, Wrap};

use crate::domain::{BudgetLine, BudgetReport, Money};
use crate::tui::app::{App, BudgetEditor, BudgetView, EditStage, Pane};
use crate::tui::layout::EDITOR_ROWS;
use crate::tui::panes::{self, Col, GAP, charts};
use crate::tui::theme::Theme;
use crate::tui::{format, text};

/// "100%" plus a space before the bar.
const PCT_W: u16 = 5;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let state = &app.budgets;
    let extra = Span::styled(format!("· {}", app.month.label()), theme.bold());
    let block = panes::block(app, Pane::Budgets, Some(extra), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let editor_h = if state.editor.is_some() {
        EDITOR_ROWS
    } else {
        0
    };
    let [table_area, editor_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(editor_h)]).areas(inner);
    if let Some(editor) = &state.editor {
        render_editor(app, editor, frame, editor_area, theme);
    }
    if state.view == BudgetView::Charts {
        charts::render(app, frame, table_area, theme);
        return;
    }
    match &state.report {
        None => panes::message(frame, table_area, text::LOADING, theme),
        Some(r) if r.lines.is_empty() => {
            let mut msg = text::NO_BUDGETS.to_string();
            if !r.total_spent.amount.is_zero() {
                msg.push_str(&format!(" Spent so far: {}.", r.total_spent.display()));
            }
            panes::message(frame, table_area, &msg, theme);
        }
        Some(r) => render_table(app, r, frame, table_area, theme),
    }
}

fn render_table(app: &App, r: &BudgetReport, frame: &mut Frame, area: Rect, theme: Theme) {
    let editing = match &app.budgets.editor {
        Some(BudgetEditor {
            stage: EditStage::Amount { category },
            input,
            ..
        }) => Some((category, input)),
        _ => None,
    };
    let money_w = |header: &str, items: Vec<&Money>| {
        let texts: Vec<String> = items.into_iter().map(Money::display).collect();
        panes::width_of(header, texts.iter().map(String::as_str))
    };
    let lines = &r.lines;
    let input_w = editing.map_or(0, |(_, i)| i.chars().count() as u16 + 1);
    let budgeted_w = money_w(
        "Budgeted",
        lines
            .iter()
            .map(|l| &l.budgeted)
            .chain([&r.total_budgeted])
            .collect(),
    )
    .max(input_w);
    let spent_w = money_w(
        "Spent",
        lines
            .iter()
            .map(|l| &l.spent)
            .chain([&r.total_spent, &r.unbudgeted])
            .collect(),
    );
    // Rollover only when some line carries something in.
    let rollover = lines.iter().any(|l| !l.rollover.amount.is_zero());
    let rollover_w = money_w("Rollover", lines.iter().map(|l| &l.rollover).collect());
    let left_w = money_w(
        "Left",
        lines
            .iter()
            .map(|l| &l.remaining)
            .chain([&r.total_remaining])
            .collect(),
    );
    // The category gets its widest name (up to 18), the bar the rest, but at least 9 cells
    // ("████ 114%") taken back from a long category name when needed.
    let shown_rollover = if rollover { rollover_w + GAP } else { 0 };
    let rest = area
        .width
        .saturating_sub(budgeted_w + shown_rollover + spent_w + left_w + 4 * GAP);
    let category_w =
        panes::width_of("Category", lines.iter().map(|l| l.category.as_str())).clamp(10, 18);
    let used_w = rest
        .saturating_sub(category_w)
        .max(rest.saturating_sub(10).min(9))
        .clamp(4, PCT_W + 16);
    let cols = [
        Col::flex(10),
        Col::fixed(budgeted_w, 0),
        if rollover {
            Col::fixed(rollover_w, 3)
        } else {
            Col::hidden()
        },
        Col::fixed(spent_w, 0),
        Col::fixed(left_w, 2),
        Col::fixed(used_w, 1),
    ];
    let fit = panes::fit(area.width, &cols);
    let keep = &fit.keep;
    let header = ["Category", "Budgeted", "Rollover", "Spent", "Left", "Used"]
        .map(|h| Line::styled(h, theme.column_header()).right_aligned());
    let mut header = header;
    header[0] = Line::styled("Category", theme.column_header());

    let rows = lines.iter().map(|l| {
        let budgeted = match editing {
            Some((category, input)) if *category == l.category => {
                Line::styled(format!("{input}▏"), theme.input()).right_aligned()
            }
            _ => Line::from(l.budgeted.display()).right_aligned(),
        };
        let cells = [
            Line::from(format::truncate(&l.category, usize::from(fit.flex))),
            budgeted,
            Line::styled(l.rollover.display(), theme.balance(l.rollover.amount)).right_aligned(),
            Line::from(l.spent.display()).right_aligned(),
            Line::styled(l.remaining.display(), theme.balance(l.remaining.amount)).right_aligned(),
            used(l, used_w, theme),
        ];
        Row::new(panes::pick(keep, cells))
    });

    // Of the budgets plus rollover, as each row's Used.
    let total_pct = r.total_percent();
    let footer = [
        Text::from(vec![
            Line::styled(text::UNBUDGETED, theme.dim()),
            Line::styled(text::TOTAL, theme.bold()),
        ]),
        Text::from(vec![
            Line::default(),
            Line::styled(r.total_budgeted.display(), theme.bold()),
        ])
        .right_aligned(),
        Text::default(),
        Text::from(vec![
            Line::styled(r.unbudgeted.display(), theme.dim()),
            Line::styled(r.total_spent.display(), theme.bold()),
        ])
        .right_aligned(),
        Text::from(vec![
            Line::default(),
            Line::styled(
                r.total_remaining.display(),
                theme.balance(r.total_remaining.amount).patch(theme.bold()),
            ),
        ])
        .right_aligned(),
        Text::from(vec![
            Line::default(),
            total_pct.map_or_else(Line::default, |p| {
                Line::styled(format::percent(p), theme.level(p)).right_aligned()
            }),
        ]),
    ];

    let focused = app.focus == Pane::Budgets;
    let table = Table::new(rows, fit.widths.clone())
        .header(Row::new(panes::pick(keep, header)))
        .footer(Row::new(panes::pick(keep, footer)).height(2))
        .column_spacing(GAP)
        .row_highlight_style(theme.selected(focused));
    let cursor = app.budgets.cursor;
    let mut state = TableState::default()
        .with_offset(cursor.offset)
        .with_selected(Some(cursor.selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The use bar and percentage: green under 80%, amber to 100%, red over.
fn used(l: &BudgetLine, width: u16, theme: Theme) -> Line<'static> {
    let Some(pct) = l.percent() else {
        return Line::styled("—", theme.dim()).right_aligned();
    };
    let style = theme.level(pct);
    let label = format!("{:>5}", format::percent(pct));
    let bar_w = usize::from(width).saturating_sub(label.chars().count() + 1);
    if bar_w < 3 {
        return Line::styled(label, style).right_aligned();
    }
    let (filled, empty) = format::bar(pct, bar_w);
    Line::from(vec![
        Span::styled(filled, style),
        Span::styled(empty, theme.dim()),
        Span::styled(format!(" {label}"), style),
    ])
}

fn render_editor(app: &App, ed: &BudgetEditor, frame: &mut Frame, area: Rect, theme: Theme) {
    let prompt = match &ed.stage {
        EditStage::Category => format!("{}: ", text::EDITOR_CATEGORY),
        EditStage::Amount { category } => {
            format!(
                "{} {} from {} ({}): ",
                text::EDITOR_AMOUNT,
                format::shown(category),
                app.month.label(),
                app.currency
            )
        }
    };
    let input = Line::from(vec![
        Span::styled(prompt, theme.bold()),
        Span::styled(format!("{}▏", format::shown(&ed.input)), theme.input()),
    ]);
    let second = match &ed.error {
        Some(e) => Line::styled(format!("✗ {}", format::shown(e)), theme.error()),
        None => Line::styled(text::EDITOR_HINT, theme.dim()),
    };
    frame.render_widget(
        Paragraph::new(vec![input, second]).wrap(Wrap { trim: false }),
        area,
    );
}
