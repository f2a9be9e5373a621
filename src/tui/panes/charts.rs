//! The Budgets pane's charts (`v`): the month's spending by top-level category as horizontal
//! bars (what does not fit is summed into "Other"), and money in vs out for the twelve months
//! ending with it as paired columns (ratatui's `BarChart`, as many recent months as the width
//! allows). Bar lengths come from integer minor units; every amount shown is formatted
//! [`Money`].

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};
use rust_decimal::Decimal;

use crate::domain::{Money, Month};
use crate::store::{CategorySpend, MonthFlow};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::{format, panes, text};

/// Below this width the two charts are stacked instead of side by side.
const SIDE_BY_SIDE: u16 = 80;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let spending = app
        .budgets
        .spending
        .as_ref()
        .filter(|(m, _)| *m == app.month);
    let flows = app.budgets.flows.as_ref().filter(|(m, _)| *m == app.month);
    let (left, right) = if area.width >= SIDE_BY_SIDE {
        let [l, r] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(2)
            .areas(area);
        (l, r)
    } else if area.height >= 10 {
        let [t, b] = Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(1)
            .areas(area);
        (t, b)
    } else {
        (area, Rect::default())
    };
    match spending {
        None => panes::message(frame, left, text::LOADING, theme),
        Some((month, rows)) => spending_chart(*month, rows, frame, left, theme),
    }
    if !right.is_empty() {
        match flows {
            None => panes::message(frame, right, text::LOADING, theme),
            Some((_, rows)) => flows_chart(rows, frame, right, theme),
        }
    }
}

/// Minor units as a bar length (negative and unrepresentable amounts are no bar).
fn units(m: &Money) -> u64 {
    m.to_minor()
        .ok()
        .and_then(|v| u64::try_from(v).ok())
        .unwrap_or(0)
}

fn title_area(area: Rect) -> (Rect, Rect) {
    let [title, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    (title, body)
}

fn spending_chart(
    month: Month,
    rows: &[CategorySpend],
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let (title_rect, body) = title_area(area);
    let total: Decimal = rows.iter().map(|r| r.spent.amount).sum();
    let currency = rows.first().map(|r| r.spent.currency);
    let mut title = vec![Span::styled(
        format!("{} · {}", text::CHART_SPENDING, month.label()),
        theme.heading(),
    )];
    if let Some(c) = currency {
        title.push(Span::styled(
            format!(" · {}", Money::new(total, c).display()),
            theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(title)), title_rect);
    if rows.is_empty() {
        panes::message(frame, body, text::NO_SPENDING, theme);
        return;
    }
    // As many categories as fit; the rest summed into one last bar.
    let room = usize::from(body.height).max(1);
    let mut shown: Vec<(String, Money)> = rows
        .iter()
        .take(room)
        .map(|r| (r.category.clone(), r.spent))
        .collect();
    if rows.len() > room && room > 1 {
        shown.truncate(room - 1);
        let rest: Decimal = rows[room - 1..].iter().map(|r| r.spent.amount).sum();
        if let Some(c) = currency {
            shown.push((text::CHART_OTHER.to_string(), Money::new(rest, c)));
        }
    }
    // Name, amount, then the bar in the width left (scaled to the largest).
    let amounts: Vec<String> = shown.iter().map(|(_, m)| format::compact(m)).collect();
    let amount_w = amounts.iter().map(|a| a.chars().count()).max().unwrap_or(0);
    let name_w = shown
        .iter()
        .map(|(n, _)| format::shown(n).chars().count())
        .max()
        .unwrap_or(0)
        .min(usize::from(body.width / 3).max(4));
    let bar_w = usize::from(body.width).saturating_sub(name_w + amount_w + 2);
    let max = shown.iter().map(|(_, m)| units(m)).max().unwrap_or(0);
    let lines: Vec<Line> = shown
        .iter()
        .zip(&amounts)
        .map(|((name, spent), amount)| {
            let name = format::truncate(name, name_w);
            Line::from(vec![
                Span::raw(format!("{name:<name_w$} ")),
                Span::styled(format!("{amount:>amount_w$} "), theme.bold()),
                Span::styled(format::hbar(units(spent), max, bar_w), theme.warn()),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

/// "Nov" when three letters fit under a month's columns, else "N".
fn month_label(m: Month, width: u16) -> String {
    let name = m.first_day().format("%b").to_string();
    let keep = if width >= 3 { 3 } else { 1 };
    name.chars().take(keep).collect()
}

fn flows_chart(rows: &[MonthFlow], frame: &mut Frame, area: Rect, theme: Theme) {
    let (title_rect, body) = title_area(area);
    // Two bars per month plus a gap; as many recent months as fit.
    let bar_w = ((body.width / 12).saturating_sub(1) / 2).clamp(1, 4);
    let per_month = 2 * bar_w + 1;
    let fit = usize::from(body.width / per_month).min(rows.len());
    let shown = &rows[rows.len() - fit..];
    // The name, then as much of the legend, scale and range as fits.
    let mut title = vec![Span::styled(text::CHART_FLOWS.to_string(), theme.heading())];
    let mut extras = vec![vec![
        Span::raw("  "),
        Span::styled("█", theme.chart_in()),
        Span::raw(format!(" {} ", text::CHART_IN)),
        Span::styled("█", theme.chart_out()),
        Span::raw(format!(" {}", text::CHART_OUT)),
    ]];
    if let (Some(first), Some(last)) = (shown.first(), shown.last()) {
        let top = shown
            .iter()
            .flat_map(|f| [f.money_in, f.money_out])
            .max_by_key(|m| m.amount)
            .unwrap_or(first.money_in);
        extras.push(vec![Span::styled(
            format!(" · {} {}", text::CHART_TOP, format::compact(&top)),
            theme.dim(),
        )]);
        extras.push(vec![Span::styled(
            format!(" · {}–{}", first.month.label(), last.month.label()),
            theme.dim(),
        )]);
    }
    for extra in extras {
        let width: usize = title.iter().chain(&extra).map(Span::width).sum();
        if width <= usize::from(title_rect.width) {
            title.extend(extra);
        }
    }
    frame.render_widget(Paragraph::new(Line::from(title)), title_rect);
    if shown.is_empty() {
        return;
    }
    let groups: Vec<BarGroup> = shown
        .iter()
        .map(|f| {
            BarGroup::default()
                .label(Line::from(month_label(f.month, 2 * bar_w)).centered())
                .bars(&[
                    Bar::default()
                        .value(units(&f.money_in))
                        .text_value("")
                        .style(theme.chart_in()),
                    Bar::default()
                        .value(units(&f.money_out))
                        .text_value("")
                        .style(theme.chart_out()),
                ])
        })
        .collect();
    let mut chart = BarChart::default().bar_width(bar_w).bar_gap(0).group_gap(1);
    for group in groups {
        chart = chart.data(group);
    }
    frame.render_widget(chart, body);
}
