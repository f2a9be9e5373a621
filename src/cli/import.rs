//! `purse import FILE…`: statements (OFX, QFX, CSV) into the store, each file in one transaction.
//! A file that fails is reported with what is wrong and where, nothing of it is stored, and the
//! other files are still imported; the exit status is non-zero if any failed.

use std::io::Write;

use super::terminal_out::eprintln_safe;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::Args;

use super::Context;
use super::commands::print_json;
use crate::domain::{AccountKind, Currency};
use crate::import::{
    ColumnRef, CsvMapping, ImportOptions, ParseOptions, SignConvention, csv_map, import_file,
};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Statement files: OFX, QFX or CSV (the format is read from the content).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The account a single-statement file belongs to: an existing account's name or id, or the
    /// name of a new one. OFX files otherwise go to the account with their own account id.
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    #[command(flatten)]
    pub csv: CsvArgs,
}

/// How to read CSV files (flags override the preset's settings).
#[derive(Debug, Args)]
#[command(next_help_heading = "CSV files")]
pub struct CsvArgs {
    /// Use the [[import.csv]] preset NAME from the config.
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// The date column (header name, or position from 1).
    #[arg(long, value_name = "COLUMN")]
    pub date_column: Option<String>,
    /// How dates are written, e.g. %d/%m/%Y (default: detected).
    #[arg(long, value_name = "FORMAT")]
    pub date_format: Option<String>,
    /// The signed amount column.
    #[arg(long, value_name = "COLUMN")]
    pub amount_column: Option<String>,
    /// The money-out column (with --credit-column, instead of --amount-column).
    #[arg(long, value_name = "COLUMN")]
    pub debit_column: Option<String>,
    /// The money-in column.
    #[arg(long, value_name = "COLUMN")]
    pub credit_column: Option<String>,
    /// The payee column (default: guessed, else the description).
    #[arg(long, value_name = "COLUMN")]
    pub payee_column: Option<String>,
    /// The description (memo, details) column.
    #[arg(long, value_name = "COLUMN")]
    pub description_column: Option<String>,
    /// The bank's transaction id column, if any.
    #[arg(long, value_name = "COLUMN")]
    pub id_column: Option<String>,
    /// A debit/credit column (DEBIT, CR, …) that decides each amount's sign.
    #[arg(long, value_name = "COLUMN")]
    pub type_column: Option<String>,
    /// A column holding each row's currency code (default: one named like "Currency").
    #[arg(long, value_name = "COLUMN")]
    pub currency_column: Option<String>,
    /// Money out is written as a positive amount (many card exports).
    #[arg(long)]
    pub out_positive: bool,
    /// Amounts are written 1.234,56.
    #[arg(long)]
    pub decimal_comma: bool,
    /// Field separator: one character, or "tab" (default: detected).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
    /// Lines to skip before the header.
    #[arg(long, value_name = "N")]
    pub skip_rows: Option<usize>,
    /// Records to skip at the end (a footer or totals).
    #[arg(long, value_name = "N")]
    pub skip_footer: Option<usize>,
    /// The file has no header line (give columns by position).
    #[arg(long)]
    pub no_header: bool,
    /// The currency of the amounts (default: the account's, else general.currency).
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// The kind of a new account: checking, savings, credit_card, loan, investment, other.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
}

/// Runs `purse import`.
pub async fn run(
    ctx: &Context,
    args: &ImportArgs,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let options = ImportOptions {
        account: args.account.clone(),
        parse: ParseOptions {
            csv: mapping(ctx, &args.csv)?,
            default_currency: ctx.currency(),
        },
    };
    let mut reports = Vec::new();
    let mut failed = 0;
    for file in &args.files {
        match import_file(&ctx.store, file, &options, ctx.clock.now()).await {
            Ok(report) => {
                if !json {
                    print_report(out, &report)?;
                }
                reports.push(report);
            }
            Err(e) => {
                failed += 1;
                eprintln_safe(format_args!(
                    "purse: {e}; nothing from this file was stored"
                ));
            }
        }
    }
    if !reports.is_empty() {
        crate::alerts::evaluate(&ctx.store, &ctx.settings, ctx.clock.as_ref()).await?;
    }
    if json {
        print_json(out, &reports)?;
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print_report(out: &mut impl Write, r: &crate::import::FileReport) -> anyhow::Result<()> {
    writeln!(
        out,
        "{} ({}): {} new, {} updated, {} removed",
        r.file, r.format, r.added, r.updated, r.removed
    )?;
    for s in &r.statements {
        let mut parts = vec![format!("{} transactions", s.transactions)];
        let counts = [
            (s.new, "new"),
            (s.already_imported, "already imported"),
            (s.matched_synced, "already there from another source"),
            (s.duplicates, "listed twice"),
            (s.corrections, "corrected"),
        ];
        parts.extend(
            counts
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, what)| format!("{n} {what}")),
        );
        if let Some(balance) = &s.ledger_balance {
            parts.push(format!("statement balance {balance} {}", s.currency));
        }
        let created = if s.account_created {
            " (new account)"
        } else {
            ""
        };
        writeln!(out, "  {}{created}: {}", s.account, parts.join(", "))?;
    }
    for note in &r.notes {
        writeln!(out, "  note: {note}")?;
    }
    Ok(())
}

/// The CSV mapping: the named preset, overlaid with the flags.
fn mapping(ctx: &Context, args: &CsvArgs) -> anyhow::Result<CsvMapping> {
    let base = match &args.preset {
        None => CsvMapping::default(),
        Some(name) => {
            let presets = &ctx.settings.import.csv;
            match presets
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
            {
                Some(p) => p.mapping.clone(),
                None if presets.is_empty() => bail!(
                    "no CSV preset named \"{name}\": the config defines none (add [[import.csv]] entries; config.example.toml shows how)"
                ),
                None => bail!(
                    "no CSV preset named \"{name}\" (the config defines: {})",
                    presets
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
    };
    let column = |flag: &str, value: &Option<String>| -> anyhow::Result<Option<ColumnRef>> {
        value
            .as_deref()
            .map(|v| {
                ColumnRef::parse(v).with_context(|| {
                    format!(
                        "{flag} \"{v}\" is not a column (give its header, or its position from 1)"
                    )
                })
            })
            .transpose()
    };
    if let Some(f) = args
        .date_format
        .as_deref()
        .filter(|f| !csv_map::valid_date_format(f))
    {
        bail!("--date-format \"{f}\" is not a date format (expected e.g. %d/%m/%Y or %Y-%m-%d)");
    }
    let delimiter = args
        .delimiter
        .as_deref()
        .map(|d| {
            csv_map::parse_delimiter(d)
                .with_context(|| format!("--delimiter \"{d}\" is not one character (or \"tab\")"))
        })
        .transpose()?;
    let flags = CsvMapping {
        date: column("--date-column", &args.date_column)?,
        date_format: args.date_format.clone(),
        amount: column("--amount-column", &args.amount_column)?,
        debit: column("--debit-column", &args.debit_column)?,
        credit: column("--credit-column", &args.credit_column)?,
        payee: column("--payee-column", &args.payee_column)?,
        description: column("--description-column", &args.description_column)?,
        id: column("--id-column", &args.id_column)?,
        type_column: column("--type-column", &args.type_column)?,
        currency_column: column("--currency-column", &args.currency_column)?,
        sign: if args.out_positive {
            SignConvention::OutPositive
        } else {
            SignConvention::default()
        },
        decimal_comma: args.decimal_comma,
        delimiter,
        skip_rows: args.skip_rows.unwrap_or(0),
        skip_footer: args.skip_footer.unwrap_or(0),
        no_header: args.no_header,
        currency: args
            .currency
            .as_deref()
            .map(|c| Currency::known(c).context("--currency"))
            .transpose()?,
        kind: args
            .kind
            .as_deref()
            .map(|k| {
                k.parse::<AccountKind>()
                    .with_context(|| format!("--kind \"{k}\""))
            })
            .transpose()?,
        account: None,
    };
    let mut merged = base.overlaid(flags);
    if args.amount_column.is_some() {
        merged.debit = None;
        merged.credit = None;
    } else if args.debit_column.is_some() || args.credit_column.is_some() {
        merged.amount = None;
    }
    Ok(merged)
}
