//! Keys for the add form open in the bills or rules overlay: typing, moving between fields,
//! cancelling back to the list, and Enter, which checks the form (see `app/lists/forms.rs`) and
//! either sends the write with the reloads it affects or leaves the refusal in the form.

use crate::tui::action::{Command, EditorInput};
use crate::tui::app::lists::{forms, manual_names};
use crate::tui::app::{App, ListMode, Overlay};

/// Keys for an open add form; `None` when no form is open.
pub(super) fn editor(app: &mut App, input: EditorInput) -> Option<Vec<Command>> {
    let mut overlay = app.overlay.take();
    let commands = match &mut overlay {
        Some(Overlay::Bills(b)) => form_key(&mut b.mode, input, |form| {
            let taken = manual_names(b.rows.as_deref().unwrap_or_default());
            let bill = forms::bill_from_form(form, app.currency, app.decimal_mark, &taken)?;
            Ok(vec![
                Command::AddBill {
                    bill,
                    today: app.today,
                },
                Command::LoadBillList,
                Command::LoadBills,
            ])
        }),
        Some(Overlay::Rules(r)) => form_key(&mut r.mode, input, |form| {
            let (currency, mark) = (app.currency, app.decimal_mark);
            let accounts = &app.accounts.accounts;
            let rule = forms::rule_from_form(form, &app.categories, accounts, currency, mark)?;
            Ok(vec![Command::AddRule(rule), Command::LoadRules])
        }),
        _ => None,
    };
    app.overlay = overlay;
    commands
}

/// One key in a list's form: edits, moves between fields, cancels, or submits through
/// `submit` (a refusal stays in the form, with the focus on the field to fix).
fn form_key(
    mode: &mut ListMode,
    input: EditorInput,
    submit: impl FnOnce(&crate::tui::app::Form) -> Result<Vec<Command>, forms::Refusal>,
) -> Option<Vec<Command>> {
    let ListMode::Form(form) = mode else {
        return None;
    };
    match input {
        EditorInput::Char(c) => form.type_char(c),
        EditorInput::Backspace => form.backspace(),
        EditorInput::Toggle => form.move_focus(1),
        EditorInput::Move(delta) => form.move_focus(delta.signum()),
        EditorInput::Cancel => *mode = ListMode::Browse,
        EditorInput::Submit => match submit(form) {
            Ok(commands) => {
                *mode = ListMode::Browse;
                return Some(commands);
            }
            Err((at, message)) => form.refuse(at, message),
        },
    }
    Some(Vec::new())
}
