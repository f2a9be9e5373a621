//! Carrying stored accounts over to new account keys, so that an upgrade (or the Bridge moving
//! from protocol 1's `org` to protocol 2's `conn_id`) never duplicates an account or strands its
//! history.
//!
//! Accounts used to be stored under the Bridge's bare account id; they are now stored under
//! `{scope}/{id}` (see `map::account_key`). An answered account whose key is not stored yet takes
//! over the stored account of the same bare id that no answered account claims: the one with the
//! same name first, else the first such account in answer order. A stored key of another scope
//! is taken over only when that scope is gone from a complete answer (a protocol change), never
//! while the Bridge reports errors (its connection may just be missing this time).
//!
//! Older versions stored two banks' accounts of the same id as one. When such an account is
//! taken over by one of them, the rows this answer places in the other ([`splits`]) move there,
//! instead of being stored a second time. Pure: the caller reads the store and writes to it.

use super::FetchOutcome;
use crate::domain::AccountSnapshot;

/// Rows to move from the account now keyed `from` to the new account `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub from: String,
    pub to: AccountSnapshot,
    pub provider_ids: Vec<String>,
}

/// For each of `renames` that carried a bare id over (an account older versions may have shared
/// between connections): the rows this answer gives another account of that id and not the one
/// that took it over.
pub fn splits(renames: &[(String, String)], outcome: &FetchOutcome) -> Vec<Split> {
    let ids_of = |key: &str| -> Vec<&str> {
        outcome
            .delta
            .upserts
            .iter()
            .filter(|t| t.provider_account_id == key)
            .map(|t| t.provider_id.as_str())
            .collect()
    };
    let mut out = Vec::new();
    for (old, new) in renames {
        let kept = ids_of(new);
        let others = outcome
            .delta
            .accounts
            .iter()
            .zip(&outcome.account_ids)
            .filter(|(a, bare)| *bare == old && a.provider_account_id != *new);
        for (account, _) in others {
            let provider_ids: Vec<String> = ids_of(&account.provider_account_id)
                .into_iter()
                .filter(|id| !kept.contains(id))
                .map(str::to_string)
                .collect();
            if !provider_ids.is_empty() {
                out.push(Split {
                    from: new.clone(),
                    to: account.clone(),
                    provider_ids,
                });
            }
        }
    }
    out
}

/// `(old key, new key)` for every stored account to rename before `outcome` is applied.
/// `stored` holds the connection's stored accounts as `(key, name)`.
pub fn renames(stored: &[(String, String)], outcome: &FetchOutcome) -> Vec<(String, String)> {
    let answered: Vec<(&str, &str, &str)> = outcome
        .delta
        .accounts
        .iter()
        .zip(&outcome.account_ids)
        .map(|(a, bare)| {
            (
                a.provider_account_id.as_str(),
                bare.as_str(),
                a.name.as_str(),
            )
        })
        .collect();
    let is_answered = |key: &str| answered.iter().any(|(k, _, _)| *k == key);
    let is_stored = |key: &str| stored.iter().any(|(k, _)| k == key);
    let scopes: Vec<&str> = answered
        .iter()
        .filter_map(|(key, bare, _)| key.strip_suffix(*bare)?.strip_suffix('/'))
        .collect();
    // A stored key of `bare` that may be taken over: the bare id itself, or (when the answer is
    // complete) a key of a scope that no answered account has.
    let legacy = |old: &str, bare: &str| {
        old == bare
            || (!outcome.server_errors
                && old
                    .strip_suffix(bare)
                    .and_then(|s| s.strip_suffix('/'))
                    .is_some_and(|scope| !scopes.contains(&scope)))
    };
    let mut free: Vec<&(String, String)> = stored.iter().filter(|(k, _)| !is_answered(k)).collect();
    let mut out = Vec::new();
    let wanting: Vec<(&str, &str, &str)> = answered
        .iter()
        .copied()
        .filter(|(key, bare, _)| key != bare && !is_stored(key))
        .collect();
    let mut done = vec![false; wanting.len()];
    for same_name in [true, false] {
        for (i, (key, bare, name)) in wanting.iter().enumerate() {
            if done[i] {
                continue;
            }
            let found = free
                .iter()
                .position(|(old, old_name)| legacy(old, bare) && (!same_name || old_name == name));
            if let Some(at) = found {
                let (old, _) = free.remove(at);
                out.push((old.clone(), (*key).to_string()));
                done[i] = true;
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::{AccountKind, AccountSnapshot, Currency, Delta, Money};

    fn outcome(accounts: &[(&str, &str, &str)]) -> FetchOutcome {
        let snapshot = |key: &str, name: &str| AccountSnapshot {
            provider_account_id: key.into(),
            name: name.into(),
            kind: AccountKind::Checking,
            currency: Currency::USD,
            balance: Money::new(rust_decimal::Decimal::ZERO, Currency::USD),
            available: None,
            limit: None,
            as_of: chrono::DateTime::UNIX_EPOCH,
        };
        FetchOutcome {
            delta: Delta {
                accounts: accounts.iter().map(|(k, _, n)| snapshot(k, n)).collect(),
                ..Delta::default()
            },
            messages: Vec::new(),
            server_errors: false,
            account_ids: accounts.iter().map(|(_, b, _)| (*b).to_string()).collect(),
        }
    }

    #[test]
    fn rows_of_the_other_bank_leave_a_shared_old_account() {
        let mut out = outcome(&[
            ("C1/7", "7", "Bank A — Savings"),
            ("C2/7", "7", "Bank B — Savings"),
        ]);
        let txn = |key: &str, id: &str| crate::domain::IncomingTransaction {
            provider_account_id: key.into(),
            provider_id: id.into(),
            date: chrono::NaiveDate::MIN,
            amount: Money::new(rust_decimal::Decimal::ONE, Currency::USD),
            payee: String::new(),
            description: String::new(),
            category: None,
            pending: false,
            pending_provider_id: None,
            raw: None,
        };
        out.delta.upserts = vec![
            txn("C1/7", "a"),
            txn("C1/7", "both"),
            txn("C2/7", "b"),
            txn("C2/7", "both"),
        ];
        let renamed = vec![pair("7", "C1/7")];
        let split = splits(&renamed, &out);
        assert_eq!(split.len(), 1);
        assert_eq!(
            (
                split[0].from.as_str(),
                split[0].to.provider_account_id.as_str()
            ),
            ("C1/7", "C2/7")
        );
        assert_eq!(split[0].provider_ids, vec!["b".to_string()]);
        // A scope change (never a shared account) moves nothing.
        assert!(splits(&[pair("x/7", "C1/7")], &out).is_empty());
    }

    fn stored(rows: &[(&str, &str)]) -> Vec<(String, String)> {
        rows.iter()
            .map(|(k, n)| ((*k).to_string(), (*n).to_string()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn a_bare_id_moves_to_its_scoped_key() {
        let out = outcome(&[("C1/2930002", "2930002", "Bank — Savings")]);
        let old = stored(&[("2930002", "Bank — Savings"), ("other", "Other")]);
        assert_eq!(renames(&old, &out), vec![pair("2930002", "C1/2930002")]);
        // Once moved, nothing more to do.
        assert!(renames(&stored(&[("C1/2930002", "x")]), &out).is_empty());
    }

    #[test]
    fn two_banks_sharing_an_id_leave_the_history_with_the_one_it_was_shown_as() {
        let out = outcome(&[
            ("C1/2930002", "2930002", "Bank A — Savings"),
            ("C2/2930002", "2930002", "Bank B — Savings"),
        ]);
        let by_name = stored(&[("2930002", "Bank B — Savings")]);
        assert_eq!(renames(&by_name, &out), vec![pair("2930002", "C2/2930002")]);
        let renamed = stored(&[("2930002", "Savings (renamed)")]);
        assert_eq!(renames(&renamed, &out), vec![pair("2930002", "C1/2930002")]);
    }

    #[test]
    fn a_protocol_change_of_scope_is_followed() {
        let out = outcome(&[("CON-9/2930002", "2930002", "Savings")]);
        let old = stored(&[("mybank.com/2930002", "Savings")]);
        assert_eq!(
            renames(&old, &out),
            vec![pair("mybank.com/2930002", "CON-9/2930002")]
        );
        // An account still answered under its key is never taken over.
        let both = outcome(&[
            ("CON-9/2930002", "2930002", "Savings"),
            ("mybank.com/2930002", "2930002", "Savings"),
        ]);
        assert!(renames(&old, &both).is_empty());
        // Nor one whose connection the Bridge may have left out for an error, or one of a scope
        // still answered (another connection's account that is missing this time).
        let mut failing = outcome(&[("CON-9/2930002", "2930002", "Savings")]);
        failing.server_errors = true;
        assert!(renames(&old, &failing).is_empty());
        let same_scope = outcome(&[
            ("CON-9/2930002", "2930002", "Savings"),
            ("CON-1/5", "5", "Card"),
        ]);
        assert!(renames(&stored(&[("CON-1/2930002", "Savings")]), &same_scope).is_empty());
        // Unscoped answers keep the bare key.
        assert!(renames(&stored(&[("7", "x")]), &outcome(&[("7", "7", "x")])).is_empty());
    }
}
