//! Categorisation rules in the store: listing, adding (checked: pattern, amounts, category and
//! account names), deleting, and applying a rule to past transactions whose category the user did
//! not set by hand. Incoming transactions meet the rules in `apply` (see [`load`]).

use chrono::Utc;
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use super::{Result, Store, StoreError, rows};
use crate::domain::categorize::{PayeePattern, best_rule};
use crate::domain::{NewRule, Rule};

/// Transactions read per page while applying a rule, and ids per UPDATE statement.
const PAGE: i64 = 5000;

const SELECT_RULES: &str = "SELECT r.id, c.name AS category, r.payee_contains, r.payee_regex, r.min_minor,
        r.max_minor, r.currency, r.account_id, a.name AS account_name, r.priority, r.created
   FROM rules r JOIN categories c ON c.id = r.category_id LEFT JOIN accounts a ON a.id = r.account_id
  ORDER BY r.priority DESC, r.id DESC";

impl Store {
    /// Every rule, in the order they are tried: highest priority first, then newest.
    pub async fn rules(&self) -> Result<Vec<Rule>> {
        let mut conn = self.pool.acquire().await?;
        load(&mut conn).await
    }

    /// Checks and stores a rule (it applies to transactions synced from now on; see
    /// [`Store::apply_rule`] for past ones).
    pub async fn add_rule(&self, new: &NewRule) -> Result<Rule> {
        new.validate()?;
        let tree = self.categories().await?;
        let category = tree
            .find(&new.category)
            .map(|c| c.name.clone())
            .ok_or_else(|| StoreError::UnknownCategory(new.category.clone()))?;
        if let Some(account) = new.account
            && !self.accounts().await?.iter().any(|a| a.id == account)
        {
            return Err(StoreError::UnknownAccount(account.to_string()));
        }
        let currency = new.min.or(new.max).map(|m| m.currency.code().to_string());
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO rules (category_id, payee_contains, payee_regex, min_minor, max_minor, currency,
                                account_id, priority, created)
             VALUES ((SELECT id FROM categories WHERE name = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             RETURNING id",
        )
        .bind(category)
        .bind(new.payee_contains.as_deref().map(str::trim))
        .bind(new.payee_regex.as_deref())
        .bind(new.min.map(|m| m.to_minor()).transpose()?)
        .bind(new.max.map(|m| m.to_minor()).transpose()?)
        .bind(currency)
        .bind(new.account)
        .bind(new.priority)
        .bind(rows::instant_text(Utc::now()))
        .fetch_one(&self.pool)
        .await?;
        tracing::info!(rule = id, "categorisation rule added");
        self.rules()
            .await?
            .into_iter()
            .find(|r| r.id == id)
            .ok_or_else(|| StoreError::Corrupt(format!("rule {id} vanished after it was added")))
    }

    /// Deletes a rule; false when there is no such id. Categories it gave stay as they are.
    pub async fn delete_rule(&self, id: i64) -> Result<bool> {
        let done = sqlx::query("DELETE FROM rules WHERE id = ?1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Re-categorises past transactions that the rule decides (it matches and no rule of higher
    /// precedence does), except those the user categorised by hand. Returns how many changed.
    pub async fn apply_rule(&self, id: i64) -> Result<usize> {
        let mut tx = self.begin_write().await?;
        let rules = load(&mut tx).await?;
        let rule = rules
            .iter()
            .find(|r| r.id == id)
            .ok_or(StoreError::UnknownRule(id))?;
        let (category_id,): (i64,) = sqlx::query_as("SELECT id FROM categories WHERE name = ?1")
            .bind(&rule.category)
            .fetch_one(&mut *tx)
            .await?;
        let like = like_prefilter(rule);
        let mut changed = Vec::new();
        let mut after = 0i64;
        loop {
            // Only candidates leave SQLite; the rules engine has the last word on each.
            let page = sqlx::query(
                "SELECT id, account_id, payee, description, amount_minor, currency, category_id
                   FROM transactions
                  WHERE category_locked = 0 AND id > ?1 AND (?2 IS NULL OR account_id = ?2)
                    AND (?4 IS NULL OR payee LIKE ?4 ESCAPE '\\' OR description LIKE ?4 ESCAPE '\\'
                         OR payee GLOB '*[^ -~]*' OR description GLOB '*[^ -~]*')
                  ORDER BY id LIMIT ?3",
            )
            .bind(after)
            .bind(rule.account)
            .bind(PAGE)
            .bind(like.as_deref())
            .fetch_all(&mut *tx)
            .await?;
            for row in &page {
                let txn_id: i64 = row.try_get("id")?;
                after = txn_id;
                if row.try_get::<i64, _>("category_id")? == category_id {
                    continue;
                }
                let currency: String = row.try_get("currency")?;
                let amount = rows::money(row.try_get("amount_minor")?, &currency)?;
                let payee: String = row.try_get("payee")?;
                let description: String = row.try_get("description")?;
                let account: i64 = row.try_get("account_id")?;
                if best_rule(&rules, &payee, &description, amount, account)
                    .is_some_and(|w| w.id == id)
                {
                    changed.push(txn_id);
                }
            }
            if page.len() < PAGE as usize {
                break;
            }
        }
        for chunk in changed.chunks(PAGE as usize) {
            let mut q = QueryBuilder::<Sqlite>::new("UPDATE transactions SET category_id = ");
            q.push_bind(category_id);
            q.push(" WHERE category_locked = 0 AND id IN (");
            let mut ids = q.separated(", ");
            for t in chunk {
                ids.push_bind(*t);
            }
            q.push(")");
            q.build().execute(&mut *tx).await?;
        }
        tx.commit().await?;
        tracing::info!(
            rule = id,
            changed = changed.len(),
            "rule applied to past transactions"
        );
        Ok(changed.len())
    }

    /// "Always for this payee": a rule putting every transaction whose payee contains `payee` in
    /// `category`, applied to past transactions. Returns the rule and how many transactions changed.
    pub async fn always_categorize_payee(
        &self,
        payee: &str,
        category: &str,
    ) -> Result<(Rule, usize)> {
        let rule = self.add_rule(&NewRule::for_payee(payee, category)).await?;
        let changed = self.apply_rule(rule.id).await?;
        Ok((rule, changed))
    }
}

/// A LIKE pattern that every transaction a contains-rule matches also matches, when there is one:
/// LIKE ignores ASCII case only, so the needle must be ASCII, and rows with any character outside
/// printable ASCII (which may lower-case into ASCII) are always let through by the caller's GLOBs.
fn like_prefilter(rule: &Rule) -> Option<String> {
    let needle = rule.payee.as_ref()?.needle()?;
    if !needle.is_ascii() {
        return None;
    }
    let mut like = String::with_capacity(needle.len() + 2);
    like.push('%');
    for c in needle.chars() {
        if matches!(c, '%' | '_' | '\\') {
            like.push('\\');
        }
        like.push(c);
    }
    like.push('%');
    Some(like)
}

/// Every rule, highest priority first. A stored pattern that no longer compiles is skipped (and
/// logged) rather than stopping syncs; it stays in the table.
pub(super) async fn load(conn: &mut SqliteConnection) -> Result<Vec<Rule>> {
    let rows = sqlx::query(SELECT_RULES).fetch_all(&mut *conn).await?;
    let mut rules = Vec::with_capacity(rows.len());
    for row in &rows {
        match rule_from_row(row) {
            Ok(rule) => rules.push(rule),
            Err(e) => tracing::warn!(error = %e, "categorisation rule skipped"),
        }
    }
    Ok(rules)
}

fn rule_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Rule> {
    let id: i64 = row.try_get("id")?;
    let contains: Option<String> = row.try_get("payee_contains")?;
    let regex: Option<String> = row.try_get("payee_regex")?;
    let payee = match (contains, regex) {
        (Some(text), _) => Some(PayeePattern::contains(&text)?),
        (None, Some(text)) => Some(PayeePattern::regex(&text)?),
        (None, None) => None,
    };
    let currency: Option<String> = row.try_get("currency")?;
    let bound = |column: &str| -> Result<_> {
        let minor: Option<i64> = row.try_get(column)?;
        match (minor, &currency) {
            (Some(m), Some(code)) => Ok(Some(rows::money(m, code)?)),
            (Some(_), None) => Err(StoreError::Corrupt(format!("rule {id} has no currency"))),
            (None, _) => Ok(None),
        }
    };
    let created: String = row.try_get("created")?;
    Ok(Rule {
        id,
        category: row.try_get("category")?,
        payee,
        min: bound("min_minor")?,
        max: bound("max_minor")?,
        account: row.try_get("account_id")?,
        account_name: row.try_get("account_name")?,
        priority: row.try_get("priority")?,
        created: rows::instant(&created)?,
    })
}
