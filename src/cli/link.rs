//! `purse link`: connect a bank or card login. Claims or creates the credentials, stores them in
//! the 0600 credentials file beside the database, registers the connection in the store and
//! clears any "needs re-link" state. Secrets are never printed.

use std::io::Write;
use std::time::Duration;

use anyhow::{Context as _, bail};
use clap::Subcommand;

use super::Context;
use crate::config::{ConnectionConfig, ProviderKind, Secret};
use crate::credentials::Credentials;
use crate::provider::plaid::{self, Plaid, PlaidConfig};
use crate::provider::{check_url, simplefin};

#[derive(Debug, Subcommand)]
pub enum LinkCommand {
    /// Link a Plaid item: with an access token obtained elsewhere, or a new sandbox item.
    Plaid {
        /// Name for the connection (shown in the dashboard; unique).
        #[arg(long)]
        name: String,
        /// An existing item's access token.
        #[arg(
            long,
            value_name = "TOKEN",
            conflicts_with = "sandbox",
            required_unless_present = "sandbox"
        )]
        access_token: Option<String>,
        /// Create a sandbox item (needs sandbox keys), no browser needed.
        #[arg(long)]
        sandbox: bool,
        /// Plaid client id (default: $PLAID_CLIENT_ID).
        #[arg(long, env = "PLAID_CLIENT_ID", hide_env_values = true)]
        client_id: String,
        /// Plaid secret (default: $PLAID_SECRET).
        #[arg(long, env = "PLAID_SECRET", hide_env_values = true)]
        secret: String,
        /// sandbox or production (default: sandbox with --sandbox, else production).
        #[arg(long)]
        environment: Option<String>,
        /// Override the API address (https, or http on 127.0.0.1/localhost).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Claim a SimpleFIN setup token and link the accounts behind it.
    Simplefin {
        /// The setup token from the SimpleFIN Bridge.
        setup_token: String,
        /// Name for the connection (default: "SimpleFIN").
        #[arg(long, default_value = "SimpleFIN")]
        name: String,
    },
}

pub async fn run(ctx: &Context, command: LinkCommand, out: &mut impl Write) -> anyhow::Result<()> {
    if ctx.demo {
        bail!("linking a bank is not possible in demo mode: run the command without --demo");
    }
    let timeout = Duration::from_secs(u64::from(ctx.settings.sync.timeout_seconds.max(1)));
    let conn = match command {
        LinkCommand::Plaid {
            name,
            access_token,
            sandbox,
            client_id,
            secret,
            environment,
            base_url,
        } => {
            let environment = environment.unwrap_or_else(|| {
                if sandbox {
                    "sandbox".into()
                } else {
                    "production".into()
                }
            });
            let url = match &base_url {
                Some(u) => u.clone(),
                None => plaid::base_url_for(Some(&environment))?.to_string(),
            };
            // The rule every sync applies, checked now rather than at the first sync.
            check_url(&url).context("--base-url")?;
            let (client_id, secret) = (Secret::new(client_id), Secret::new(secret));
            let token = match access_token {
                Some(t) => Secret::new(t),
                None => {
                    let api = Plaid::new(PlaidConfig {
                        base_url: url,
                        client_id: client_id.clone(),
                        secret: secret.clone(),
                        timeout,
                    })?;
                    api.sandbox_link()
                        .await
                        .context("creating a Plaid sandbox item")?
                }
            };
            ConnectionConfig {
                name,
                provider: ProviderKind::Plaid,
                base_url,
                environment: Some(environment),
                client_id: Some(client_id),
                secret: Some(secret),
                access_token: Some(token),
                access_url: None,
                enabled: true,
            }
        }
        LinkCommand::Simplefin { setup_token, name } => {
            let access_url = simplefin::claim(setup_token.trim(), timeout)
                .await
                .context("claiming the SimpleFIN setup token")?;
            ConnectionConfig {
                name,
                provider: ProviderKind::Simplefin,
                base_url: None,
                environment: None,
                client_id: None,
                secret: None,
                access_token: None,
                access_url: Some(access_url),
                enabled: true,
            }
        }
    };
    if ctx
        .settings
        .connections
        .iter()
        .any(|c| c.name.eq_ignore_ascii_case(&conn.name))
    {
        bail!(
            "a connection named \"{}\" is already in the config file; choose another --name",
            conn.name
        );
    }
    let path = ctx.credentials_path();
    let mut creds = Credentials::load(&path)?;
    let (name, provider) = (conn.name.clone(), conn.provider);
    creds.upsert(conn);
    creds.save()?;
    ctx.store
        .ensure_connection(&name, provider.as_str(), ctx.clock.now())
        .await?;
    ctx.store.relinked(&name).await?;
    writeln!(
        out,
        "Linked \"{name}\" ({provider}); its credentials are in {} (readable only by you).",
        path.display()
    )?;
    writeln!(
        out,
        "Run `purse sync` to fetch its accounts and transactions."
    )?;
    Ok(())
}
