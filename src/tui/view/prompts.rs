//! Small popups that ask for something: the category picker (type to filter, the tree indented,
//! "always for this payee"), the note editor and a yes/no question.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use crate::tui::app::{App, CategoryPicker, Choice, Confirm, NoteEditor, PickerPurpose};
use crate::tui::theme::Theme;
use crate::tui::{format, text};

pub(super) fn picker(app: &App, p: &CategoryPicker, frame: &mut Frame, area: Rect, theme: Theme) {
    let choices = p.choices(&app.categories);
    let rule = p.rule_payee();
    let extra = 3 + u16::from(rule.is_some());
    let height = (choices.len() as u16).clamp(3, 16) + extra + 2;
    let popup = super::popup_area(area, 60, height);
    let (title, current) = match &p.purpose {
        PickerPurpose::Recategorize { payee, current, .. } => (
            text::picker_title(&format::truncate(payee, 30)),
            Some(current.as_str()),
        ),
        PickerPurpose::Filter { current } => {
            (text::PICKER_FILTER_TITLE.to_string(), current.as_deref())
        }
    };
    let inner = super::popup_block(frame, popup, &title, text::PICKER_FOOTER, theme);
    let [input, _, list, option] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::from(rule.is_some()) * 2),
    ])
    .areas(inner);
    let typed = Line::from(vec![
        Span::styled("› ", theme.key()),
        Span::styled(format!("{}▏", format::shown(&p.input)), theme.input()),
    ]);
    frame.render_widget(Paragraph::new(typed), input);
    if app.categories.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(text::LOADING, theme.dim())),
            list,
        );
    } else if choices.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(text::PICKER_NO_MATCH, theme.dim())),
            list,
        );
    } else {
        let items = choices.iter().map(|c| {
            let (name, depth) = match c {
                Choice::All => (text::PICKER_ALL.to_string(), 0),
                Choice::Category(cat) => (cat.name.clone(), usize::from(cat.parent.is_some())),
            };
            let mark = if Some(name.as_str()) == current {
                "• "
            } else {
                "  "
            };
            let name = format::shown(&name);
            ListItem::new(Line::from(format!("{mark}{}{name}", "  ".repeat(depth))))
        });
        let list_widget = List::new(items).highlight_style(theme.selected(true));
        let mut state = ListState::default().with_selected(Some(p.selected));
        frame.render_stateful_widget(list_widget, list, &mut state);
    }
    if let Some(payee) = rule {
        let check = if p.always { "[x]" } else { "[ ]" };
        let line = Line::from(vec![
            Span::styled(format!("{check} "), theme.key()),
            Span::raw(text::always_for(&format::truncate(payee, 30))),
        ]);
        let [_, row] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(option);
        frame.render_widget(Paragraph::new(line), row);
    }
}

pub(super) fn note(n: &NoteEditor, frame: &mut Frame, area: Rect, theme: Theme) {
    let popup = super::popup_area(area, 72, 7);
    let title = text::note_title(&format::truncate(&n.payee, 40));
    let inner = super::popup_block(frame, popup, &title, text::NOTE_FOOTER, theme);
    let input = format::shown(&n.input);
    let line = Line::from(vec![Span::styled(format!("{input}▏"), theme.input())]);
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: false }), inner);
}

pub(super) fn confirm(c: &Confirm, frame: &mut Frame, area: Rect, theme: Theme) {
    let question = match c {
        Confirm::DeleteBudget {
            category,
            from,
            amount,
        } => text::confirm_delete_budget(category, &amount.display(), &from.label()),
    };
    let popup = super::popup_area(area, 64, 6);
    let inner = super::popup_block(
        frame,
        popup,
        text::CONFIRM_TITLE,
        text::CONFIRM_FOOTER,
        theme,
    );
    let question = format::shown(&question).into_owned();
    let p = Paragraph::new(Line::styled(question, theme.bold())).wrap(Wrap { trim: true });
    frame.render_widget(p, inner);
}
