//! A text table written row by row, for listings too long to hold (a million transactions): the
//! column widths come from the header and the first rows, then every row is written as it comes.
//! The layout matches the other tables (one space of padding each side of a cell); a later cell
//! wider than its column pushes the line out rather than being cut. Cells are shown
//! [`terminal_safe`], like the other tables'.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::domain::terminal_safe;

pub struct StreamedTable {
    widths: Vec<usize>,
    right: Vec<usize>,
}

impl StreamedTable {
    /// Sizes the columns to fit `header` and `first`; `right` lists right-aligned columns.
    pub fn new(header: &[&str], first: &[Vec<String>], right: &[usize]) -> Self {
        let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
        for row in first {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(terminal_safe(cell).width());
            }
        }
        StreamedTable {
            widths,
            right: right.to_vec(),
        }
    }

    pub fn header(&self, out: &mut impl Write, header: &[&str]) -> io::Result<()> {
        self.line(out, header)
    }

    /// Writes one row (trailing blanks trimmed, like the other tables).
    pub fn line<S: AsRef<str>>(&self, out: &mut impl Write, cells: &[S]) -> io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(&self.widths).enumerate() {
            let cell = terminal_safe(cell.as_ref());
            let pad = " ".repeat(width.saturating_sub(cell.width()));
            text.push(' ');
            if self.right.contains(&i) {
                text.push_str(&pad);
                text.push_str(&cell);
            } else {
                text.push_str(&cell);
                text.push_str(&pad);
            }
            text.push(' ');
        }
        writeln!(out, "{}", text.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::table;

    fn rows() -> Vec<Vec<String>> {
        [
            [
                "2026-11-21",
                "Visa Signature",
                "Café Ébène",
                "Coffee",
                "-$6.33",
                "pending",
            ],
            [
                "2026-11-20",
                "Checking",
                "Acme Corp Payroll",
                "Paycheck",
                "$2,850.00",
                "",
            ],
        ]
        .iter()
        .map(|r| r.iter().map(|c| (*c).to_string()).collect())
        .collect()
    }

    #[test]
    fn lays_out_like_the_whole_table() {
        let header = ["Date", "Account", "Payee", "Category", "Amount", ""];
        let streamed = StreamedTable::new(&header, &rows(), &[4]);
        let mut out = Vec::new();
        streamed.header(&mut out, &header).unwrap_or_default();
        for row in rows() {
            streamed.line(&mut out, &row).unwrap_or_default();
        }
        let whole = table(&header, rows(), &[4]);
        assert_eq!(String::from_utf8_lossy(&out).trim_end(), whole.trim_end());
    }

    #[test]
    fn a_wider_later_cell_is_written_whole() {
        let streamed = StreamedTable::new(&["A", "B"], &[vec!["x".into(), "y".into()]], &[]);
        let mut out = Vec::new();
        streamed
            .line(&mut out, &["a much longer cell", "z"])
            .unwrap_or_default();
        assert_eq!(String::from_utf8_lossy(&out), " a much longer cell  z\n");
    }
}
