//! The SimpleFIN `/accounts` response as it arrives on the wire (private to the adapter).
//!
//! Both protocol generations are accepted: `errors:[string]` and the newer `errlist:[{code, msg}]`
//! (the spec's own examples also write `message`), `org` on each account or `connections[]`
//! referenced by `conn_id`. Unknown fields are ignored. A body that is not strict JSON only
//! because of the slips the spec's examples make is read through [`super::lenient`].
//! Amounts stay JSON values until mapping, so a decimal string (or, leniently, a number — kept
//! exact by serde_json's `arbitrary_precision`) is never routed through `f64`. Each transaction
//! stays a JSON value too, so its raw text can be kept alongside the mapped transaction.

use serde::Deserialize;
use serde_json::Value;

/// One `/accounts` answer.
#[derive(Debug, Deserialize)]
pub(super) struct AccountSet {
    #[serde(default)]
    pub errors: Vec<Value>,
    #[serde(default)]
    pub errlist: Vec<ErrItem>,
    #[serde(default)]
    pub connections: Vec<Connection>,
    pub accounts: Vec<Account>,
}

#[derive(Debug, Deserialize)]
pub(super) struct ErrItem {
    #[serde(default)]
    pub code: Option<Value>,
    #[serde(default)]
    pub msg: Option<String>,
    /// The key the spec's Quickstart example uses instead of `msg`.
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Connection {
    pub conn_id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub org_name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct Org {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(rename = "sfin-url", default)]
    pub sfin_url: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Account {
    #[serde(default)]
    pub org: Option<Org>,
    #[serde(default)]
    pub conn_id: Option<String>,
    #[serde(default)]
    pub conn_name: Option<String>,
    pub id: String,
    pub name: String,
    pub currency: String,
    pub balance: Value,
    #[serde(rename = "available-balance", default)]
    pub available_balance: Option<Value>,
    #[serde(rename = "balance-date", default)]
    pub balance_date: Option<i64>,
    /// Absent with `balances-only=1`; kept raw until [`Transaction::from_raw`].
    #[serde(default)]
    pub transactions: Vec<Value>,
    /// Securities held (the Bridge's investment accounts); only their presence is read.
    #[serde(default)]
    pub holdings: Vec<Value>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Transaction {
    pub id: String,
    /// Unix seconds; 0 while pending.
    pub posted: i64,
    pub amount: Value,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub transacted_at: Option<i64>,
    #[serde(default)]
    pub pending: Option<bool>,
    #[serde(default)]
    pub payee: Option<String>,
    #[serde(default)]
    pub memo: Option<String>,
}

impl AccountSet {
    /// Parses a response body; the error names what is wrong and where (line and column of the
    /// body as received). Strict JSON first; failing that, the body with the spec examples'
    /// slips repaired (see [`super::lenient`]), which never changes a valid body's meaning.
    pub fn parse(body: &str) -> Result<AccountSet, String> {
        serde_json::from_str(body).or_else(|strict| {
            super::lenient::repair(body)
                .and_then(|fixed| serde_json::from_str(&fixed).ok())
                .ok_or_else(|| format!("the SimpleFIN /accounts response is not valid: {strict}"))
        })
    }

    /// The user-facing texts of `errors` and `errlist`, unsanitised.
    pub fn messages(&self) -> Vec<String> {
        let plain = self.errors.iter().map(|e| match e {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        let listed = self.errlist.iter().map(|e| {
            let msg = e
                .msg
                .clone()
                .or_else(|| e.message.clone())
                .unwrap_or_else(|| "unspecified error".into());
            match &e.code {
                Some(Value::String(code)) => format!("{msg} [{code}]"),
                Some(Value::Null) | None => msg,
                Some(code) => format!("{msg} [{code}]"),
            }
        });
        plain.chain(listed).collect()
    }

    /// The institution name for an account: its `org.name` (or domain), else its connection's
    /// name (from `connections[]`, or the account's own `conn_name`).
    pub fn org_name(&self, account: &Account) -> Option<String> {
        let from_org = account
            .org
            .as_ref()
            .and_then(|o| o.name.clone().or_else(|| o.domain.clone()));
        from_org
            .or_else(|| {
                let id = account.conn_id.as_deref()?;
                self.connections
                    .iter()
                    .find(|c| c.conn_id == id)
                    .and_then(|c| c.name.clone().or_else(|| c.org_name.clone()))
            })
            .or_else(|| account.conn_name.clone())
            .filter(|n| !n.trim().is_empty())
    }

    /// What makes an account id unique: SimpleFIN account ids are unique only within a connection
    /// (protocol 2: `conn_id`) or an organization (protocol 1: `org.id`, else `org.domain`, else
    /// `org.name`, else `org.sfin-url`). None when the answer names neither.
    pub fn scope(account: &Account) -> Option<String> {
        let org = account.org.as_ref();
        [
            account.conn_id.as_deref(),
            org.and_then(|o| o.id.as_deref()),
            org.and_then(|o| o.domain.as_deref()),
            org.and_then(|o| o.name.as_deref()),
            org.and_then(|o| o.sfin_url.as_deref()),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
    }
}

impl Transaction {
    /// Reads one raw transaction; the error names the field that is wrong.
    pub fn from_raw(raw: &Value) -> Result<Transaction, String> {
        Transaction::deserialize(raw).map_err(|e| e.to_string())
    }
}

/// The exact decimal text of an amount field (string, or number as written).
pub(super) fn decimal_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_protocol_generations() {
        let old = r#"{"errors":["Bank down"],"accounts":[{"org":{"domain":"cu.example","name":"Credit Union","sfin-url":"https://x"},
            "id":"a1","name":"Checking","currency":"USD","balance":"1.00","balance-date":1700000000,"transactions":[]}]}"#;
        let set = AccountSet::parse(old).unwrap();
        assert_eq!(set.messages(), vec!["Bank down".to_string()]);
        assert_eq!(
            set.org_name(&set.accounts[0]).as_deref(),
            Some("Credit Union")
        );

        let new = r#"{"errlist":[{"code":"con.auth","msg":"Log in again","conn_id":"c1"}],"connections":[{"conn_id":"c1","name":"Big Bank","org_id":"o"}],
            "accounts":[{"conn_id":"c1","id":"a2","name":"Card","currency":"USD","balance":-5,"balance-date":1,"extra":{"x":1}}]}"#;
        let set = AccountSet::parse(new).unwrap();
        assert_eq!(set.messages(), vec!["Log in again [con.auth]".to_string()]);
        assert_eq!(set.org_name(&set.accounts[0]).as_deref(), Some("Big Bank"));
        assert_eq!(
            decimal_text(&set.accounts[0].balance).as_deref(),
            Some("-5")
        );
    }

    #[test]
    fn numbers_keep_their_exact_text() {
        let v: Value = serde_json::from_str("[1000000.01, 0.10]").unwrap();
        assert_eq!(decimal_text(&v[0]).as_deref(), Some("1000000.01"));
        assert_eq!(decimal_text(&v[1]).as_deref(), Some("0.10"));
    }

    #[test]
    fn errors_name_what_is_wrong() {
        let err = AccountSet::parse(r#"{"errors":[]}"#)
            .err()
            .unwrap_or_default();
        assert!(err.contains("missing field `accounts`"), "{err}");
        let raw: Value = serde_json::from_str(r#"{"id":"t","amount":"1"}"#).unwrap();
        assert!(
            Transaction::from_raw(&raw)
                .err()
                .unwrap_or_default()
                .contains("posted")
        );
    }
}
