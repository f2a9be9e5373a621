//! `[import]`: the folder the sync task imports dropped statements from (`watch_dir`, `""` for
//! none) and named CSV column mappings (`[[import.csv]]` presets, used by
//! `purse import --preset NAME` and by subfolders of the watched folder). Every preset value is
//! checked here, so a bad preset is reported with its file and line at start-up.

use std::collections::HashMap;
use std::path::PathBuf;

use config::{Map, Value};

use super::connections::{missing, non_empty};
use super::error::ConfigError;
use super::extract::sorted;
use super::leaf::Ctx;
use super::typed::expand_home;
use crate::domain::money::currency;
use crate::domain::{AccountKind, Currency};
use crate::import::csv_map::{self, ColumnRef, CsvMapping, SignConvention};

/// The `[import]` section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSettings {
    /// Statements dropped here are imported by the sync task; `None` when unset or `""`.
    pub watch_dir: Option<PathBuf>,
    pub csv: Vec<CsvPreset>,
}

/// A named CSV column mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvPreset {
    pub name: String,
    pub mapping: CsvMapping,
}

pub(crate) fn import(ctx: &Ctx<'_>, t: &Map<String, Value>) -> Result<ImportSettings, ConfigError> {
    let watch_dir = match t.get("watch_dir") {
        Some(v) => {
            let text = ctx.string("import.watch_dir", v)?;
            if text.trim().is_empty() {
                None
            } else {
                let expected =
                    "cannot expand ~: the home directory is unknown; write the full path";
                Some(ctx.choice("import.watch_dir", v, expected, expand_home)?)
            }
        }
        None => None,
    };
    let items = t
        .get("csv")
        .map_or(Ok(&[][..]), |v| ctx.list("import.csv", v))?;
    let mut csv = Vec::with_capacity(items.len());
    let mut first: HashMap<String, String> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("import.csv[{i}]");
        let preset = preset(ctx, &at, item)?;
        if let Some(earlier) = first.get(&preset.name.to_lowercase()) {
            let expected = format!("`{earlier}` already uses this name; give each preset its own");
            let value = ctx.table(&at, item)?.get("name").unwrap_or(item);
            return Err(ctx.bad(&format!("{at}.name"), value, false, expected));
        }
        first.insert(preset.name.to_lowercase(), at);
        csv.push(preset);
    }
    Ok(ImportSettings { watch_dir, csv })
}

fn preset(ctx: &Ctx<'_>, at: &str, item: &Value) -> Result<CsvPreset, ConfigError> {
    let t = ctx.table(at, item)?;
    let key = |name: &str| format!("{at}.{name}");
    let name = match t.get("name") {
        Some(v) => ctx.choice(
            &key("name"),
            v,
            "give the preset a name, like name = \"chase-card\"",
            |s| non_empty(s).filter(|n| !n.contains(['/', '\\'])),
        )?,
        None => {
            let expected = "give each preset a name, like name = \"chase-card\"".to_string();
            return Err(missing(ctx, at, item, "name", expected));
        }
    };
    let mut m = CsvMapping::default();
    for (k, v) in sorted(t) {
        let k = k.as_str();
        let column = || {
            ctx.choice(
                &key(k),
                v,
                "expected a column header in quotes, or its position like \"3\"",
                ColumnRef::parse,
            )
        };
        match k {
            "name" => {}
            "account" => {
                m.account =
                    Some(ctx.choice(&key(k), v, "expected an account name or id", non_empty)?)
            }
            "date" => m.date = Some(column()?),
            "amount" => m.amount = Some(column()?),
            "debit" => m.debit = Some(column()?),
            "credit" => m.credit = Some(column()?),
            "payee" => m.payee = Some(column()?),
            "description" => m.description = Some(column()?),
            "id" => m.id = Some(column()?),
            "type" => m.type_column = Some(column()?),
            "currency_column" => m.currency_column = Some(column()?),
            "date_format" => {
                let expected = "expected a date format like \"%d/%m/%Y\" (chrono strftime syntax)";
                m.date_format = Some(ctx.choice(&key(k), v, expected, |s| {
                    csv_map::valid_date_format(s).then(|| s.to_string())
                })?);
            }
            "sign" => {
                m.sign = ctx.choice(&key(k), v, SignConvention::HINT, SignConvention::parse)?
            }
            "decimal_comma" => m.decimal_comma = ctx.boolean(&key(k), v)?,
            "delimiter" => {
                let expected = "expected one character, like \";\", or \"tab\"";
                m.delimiter = Some(ctx.choice(&key(k), v, expected, csv_map::parse_delimiter)?);
            }
            "skip_rows" => m.skip_rows = ctx.count(&key(k), v, 0..=1000)? as usize,
            "skip_footer" => m.skip_footer = ctx.count(&key(k), v, 0..=1000)? as usize,
            "header" => m.no_header = !ctx.boolean(&key(k), v)?,
            "currency" => {
                let expected = currency::EXPECTED;
                m.currency = Some(ctx.choice(&key(k), v, expected, |s| Currency::known(s).ok())?);
            }
            "kind" => {
                let expected = "expected checking, savings, credit_card, loan, investment or other";
                m.kind = Some(ctx.choice(&key(k), v, expected, |s| s.parse::<AccountKind>().ok())?);
            }
            _ => {}
        }
    }
    if m.amount.is_some() && (m.debit.is_some() || m.credit.is_some()) {
        let expected = "give either amount, or debit and credit, not both".to_string();
        return Err(ctx.bad(
            &key("amount"),
            t.get("amount").unwrap_or(item),
            false,
            expected,
        ));
    }
    Ok(CsvPreset { name, mapping: m })
}
