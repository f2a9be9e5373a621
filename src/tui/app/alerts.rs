//! Alerts pane state: alerts newest first, upcoming unpaid bills soonest first, and the selection
//! over alerts.

use crate::domain::{Alert, Bill};

use super::cursor::ListCursor;

#[derive(Debug, Clone, Default)]
pub struct AlertsState {
    pub loaded: bool,
    /// Newest first.
    pub alerts: Vec<Alert>,
    /// Unpaid bills, soonest due first.
    pub bills: Vec<Bill>,
    pub cursor: ListCursor,
}

impl AlertsState {
    pub fn set_alerts(&mut self, mut alerts: Vec<Alert>) {
        alerts.sort_by_key(|a| std::cmp::Reverse((a.created, a.id)));
        self.alerts = alerts;
        self.loaded = true;
        self.cursor.clamp(self.alerts.len(), usize::MAX);
        self.cursor.offset = 0;
    }

    pub fn set_bills(&mut self, mut bills: Vec<Bill>) {
        bills.retain(|b| !b.paid);
        bills.sort_by(|a, b| (a.due, &a.name).cmp(&(b.due, &b.name)));
        self.bills = bills;
    }

    /// Alerts not yet acknowledged.
    pub fn unread(&self) -> usize {
        self.alerts.iter().filter(|a| !a.acknowledged).count()
    }
}
