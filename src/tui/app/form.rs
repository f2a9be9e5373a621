//! A small form of labelled text fields (adding a bill, adding a rule): Tab and ↓ move to the
//! next field, Shift-Tab and ↑ back; typing edits the focused field; the last refusal is shown
//! until the next edit. What the fields mean is checked by the owner (see `app/lists.rs`).

/// Most characters a field takes.
pub const FIELD_MAX_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub label: &'static str,
    /// Shown dimmed while the field is empty: an example, or what empty means.
    pub placeholder: &'static str,
    pub input: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub fields: Vec<FormField>,
    /// Index into `fields`.
    pub focus: usize,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

impl Form {
    /// A form with these (label, placeholder) fields, all empty, the first focused.
    pub fn new(fields: &[(&'static str, &'static str)]) -> Form {
        Form {
            fields: fields
                .iter()
                .map(|(label, placeholder)| FormField {
                    label,
                    placeholder,
                    input: String::new(),
                })
                .collect(),
            focus: 0,
            error: None,
        }
    }

    /// The trimmed text of field `i` ("" when there is no such field).
    pub fn value(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", |f| f.input.trim())
    }

    /// Sets field `i` (for pre-filled values).
    pub fn set(&mut self, i: usize, text: &str) {
        if let Some(f) = self.fields.get_mut(i) {
            f.input = text.to_string();
        }
    }

    pub fn type_char(&mut self, c: char) {
        if let Some(f) = self.fields.get_mut(self.focus)
            && f.input.chars().count() < FIELD_MAX_CHARS
        {
            f.input.push(c);
        }
        self.error = None;
    }

    pub fn backspace(&mut self) {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.input.pop();
        }
        self.error = None;
    }

    /// Moves the focus by `delta` fields, wrapping around.
    pub fn move_focus(&mut self, delta: isize) {
        let len = self.fields.len().max(1) as isize;
        let next = (self.focus as isize + delta).rem_euclid(len);
        self.focus = usize::try_from(next).unwrap_or(0);
    }

    /// Refuses the submission: the message is shown and the focus goes to field `at`.
    pub fn refuse(&mut self, at: usize, message: impl Into<String>) {
        self.focus = at.min(self.fields.len().saturating_sub(1));
        self.error = Some(message.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_edit_move_and_refuse() {
        let mut f = Form::new(&[("Name", "Rent"), ("Amount", "1850.00")]);
        "Gym".chars().for_each(|c| f.type_char(c));
        f.move_focus(1);
        f.type_char('9');
        assert_eq!((f.value(0), f.value(1)), ("Gym", "9"));
        f.move_focus(1);
        assert_eq!(f.focus, 0, "wraps");
        f.move_focus(-1);
        assert_eq!(f.focus, 1);
        f.refuse(0, "no");
        assert_eq!((f.focus, f.error.as_deref()), (0, Some("no")));
        f.backspace();
        assert_eq!((f.value(0), f.error.as_deref()), ("Gy", None));
        assert_eq!(f.value(7), "");
    }
}
