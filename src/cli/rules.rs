//! `purse rules`: list, add, apply and delete categorisation rules. Bad input (a regular expression
//! that does not compile, an unknown category or account, an amount that is not one) is refused
//! with a message quoting the value; nothing is stored then.

use std::io::Write;

use anyhow::bail;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::Context;
use super::commands::print_json;
use super::output::table;
use crate::domain::{Money, NewRule, Rule};

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// Add a rule: transactions matching every condition given get CATEGORY.
    Add(AddArgs),
    /// Re-categorise past transactions by rule ID (except those categorised by hand).
    Apply { id: i64 },
    /// Delete rule ID (categories it already gave stay).
    Delete { id: i64 },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The category matching transactions get.
    #[arg(long, value_name = "NAME")]
    pub category: String,
    /// The payee (or the bank's description) contains TEXT, ignoring case.
    #[arg(long, value_name = "TEXT", conflicts_with = "payee_regex")]
    pub payee_contains: Option<String>,
    /// The payee (or description) matches this regular expression, ignoring case.
    #[arg(long, value_name = "RE")]
    pub payee_regex: Option<String>,
    /// The amount is at least this much (its size: 12.50 for a $12.50 charge or refund).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub min: Option<String>,
    /// The amount is at most this much (its size).
    #[arg(long, value_name = "AMOUNT", allow_hyphen_values = true)]
    pub max: Option<String>,
    /// Only on this account (name, or id).
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// Higher wins when several rules match (default 0; then the newest wins).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        allow_hyphen_values = true
    )]
    pub priority: i64,
    /// Also re-categorise past transactions now.
    #[arg(long)]
    pub apply: bool,
}

/// A rule in `--json` output. Amounts are decimal strings.
#[derive(Debug, Serialize)]
pub struct RuleJson {
    pub id: i64,
    pub category: String,
    pub payee_contains: Option<String>,
    pub payee_regex: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
    pub currency: Option<String>,
    pub account_id: Option<i64>,
    pub account: Option<String>,
    pub priority: i64,
    pub created: String,
}

impl From<&Rule> for RuleJson {
    fn from(r: &Rule) -> Self {
        let pattern = |regex: bool| {
            r.payee
                .as_ref()
                .filter(|p| p.is_regex() == regex)
                .map(|p| p.text().to_string())
        };
        RuleJson {
            id: r.id,
            category: r.category.clone(),
            payee_contains: pattern(false),
            payee_regex: pattern(true),
            min: r.min.map(|m| m.amount_string()),
            max: r.max.map(|m| m.amount_string()),
            currency: r.min.or(r.max).map(|m| m.currency.code().to_string()),
            account_id: r.account,
            account: r.account_name.clone(),
            priority: r.priority,
            created: r.created.to_rfc3339(),
        }
    }
}

/// Runs `purse rules [ACTION]`.
pub async fn run(
    ctx: &Context,
    action: Option<RulesAction>,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    match action {
        None => list(ctx, json, out).await,
        Some(RulesAction::Add(args)) => add(ctx, &args, json, out).await,
        Some(RulesAction::Apply { id }) => {
            let changed = ctx.store.apply_rule(id).await?;
            if json {
                print_json(out, &serde_json::json!({"rule": id, "changed": changed}))
            } else {
                writeln!(out, "Rule {id} re-categorised {changed} transaction(s).")?;
                Ok(())
            }
        }
        Some(RulesAction::Delete { id }) => {
            if !ctx.store.delete_rule(id).await? {
                bail!("no rule with id {id} (see `purse rules`)");
            }
            if json {
                print_json(out, &serde_json::json!({"deleted": id}))
            } else {
                writeln!(out, "Rule {id} deleted.")?;
                Ok(())
            }
        }
    }
}

async fn list(ctx: &Context, json: bool, out: &mut impl Write) -> anyhow::Result<()> {
    let rules = ctx.store.rules().await?;
    if json {
        return print_json(out, &rules.iter().map(RuleJson::from).collect::<Vec<_>>());
    }
    if rules.is_empty() {
        writeln!(
            out,
            "No rules. Add one: purse rules add --payee-contains \"blue bottle\" --category Coffee"
        )?;
        return Ok(());
    }
    let rows = rules
        .iter()
        .map(|r| {
            vec![
                r.id.to_string(),
                r.priority.to_string(),
                r.conditions(),
                r.category.clone(),
            ]
        })
        .collect();
    writeln!(
        out,
        "{}",
        table(&["ID", "Priority", "When", "Category"], rows, &[0, 1])
    )?;
    Ok(())
}

async fn add(
    ctx: &Context,
    args: &AddArgs,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let amount = |flag: &str, text: &Option<String>| -> anyhow::Result<Option<Money>> {
        let Some(text) = text else { return Ok(None) };
        ctx.typed_amount(flag, text, ctx.currency()).map(Some)
    };
    let account = match &args.account {
        Some(name) => Some(ctx.store.find_account(name).await?.id),
        None => None,
    };
    let new = NewRule {
        category: args.category.clone(),
        payee_contains: args.payee_contains.clone(),
        payee_regex: args.payee_regex.clone(),
        min: amount("--min", &args.min)?,
        max: amount("--max", &args.max)?,
        account,
        priority: args.priority,
    };
    let rule = ctx.store.add_rule(&new).await?;
    let changed = if args.apply {
        Some(ctx.store.apply_rule(rule.id).await?)
    } else {
        None
    };
    if json {
        let mut value = serde_json::to_value(RuleJson::from(&rule))?;
        if let (Some(n), Some(obj)) = (changed, value.as_object_mut()) {
            obj.insert("changed".into(), n.into());
        }
        return print_json(out, &value);
    }
    writeln!(out, "Rule {} added: {rule}", rule.id)?;
    match changed {
        Some(n) => writeln!(out, "Re-categorised {n} past transaction(s).")?,
        None => writeln!(
            out,
            "It applies to transactions synced from now on; `purse rules apply {}` re-categorises past ones.",
            rule.id
        )?,
    }
    Ok(())
}
