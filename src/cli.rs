//! The command line: `run` (default), `parse`, `units import`, `invite`, `survey`, `report`, `sandbox`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tokio_util::sync::CancellationToken;

use crate::config::Settings;
use crate::domain::role::Role;
use crate::error::Error;
use crate::store::Db;

/// residesk: the Telegram front desk of a property-management office.
#[derive(Debug, Parser)]
#[command(name = "residesk", version, about)]
pub struct Cli {
    /// Settings file (TOML). Default: `residesk.toml` in the working directory, if present.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the bot (the default).
    Run,
    /// Parse resident messages into kind, category, urgency, unit and time (JSON).
    Parse(crate::understand::cli::ParseArgs),
    /// The unit register.
    #[command(subcommand)]
    Units(UnitsCommand),
    /// Print a one-time invite code and link for a new staff member or supervisor.
    #[command(subcommand)]
    Invite(InviteCommand),
    /// Surveys of residents: import a draft from a file, print results.
    #[command(subcommand)]
    Survey(SurveyCommand),
    /// The monthly report of a month, as text, JSON, CSV or an XLSX workbook.
    Report(crate::report::cli::ReportArgs),
    /// Try the bot locally: a fake Telegram, demo data and a chat in this terminal.
    Sandbox,
}

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Create a survey draft from a TOML file (see examples/survey.toml); a
    /// supervisor previews and sends it with /survey.
    Import { file: PathBuf },
    /// Print (or write) a survey's results.
    Results {
        /// The survey's number (#4 in /survey).
        id: i64,
        #[arg(long, value_enum, default_value = "json")]
        format: ResultsFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The language of question and option texts (zh-Hant, zh-Hans, en);
        /// default: the estate's.
        #[arg(long)]
        lang: Option<String>,
    },
}

/// How survey results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultsFormat {
    Json,
    Csv,
    /// A workbook (summary, per building, answers); needs `--output`.
    Xlsx,
}

#[derive(Debug, Subcommand)]
pub enum UnitsCommand {
    /// Import units and residents from a CSV file (columns building, flat, name, phone).
    Import { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum InviteCommand {
    /// A staff member of a department.
    Staff {
        #[arg(long)]
        dept: String,
    },
    /// A customer-service supervisor.
    Supervisor,
    /// A customer-service manager (客服經理): the monthly report, read-only.
    Manager,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Run);
    // In the sandbox the terminal is a chat: only warnings interrupt it.
    init_logging(if matches!(command, Command::Sandbox) {
        "warn"
    } else {
        "info"
    });
    if let Command::Parse(args) = command {
        return crate::understand::cli::run(args);
    }
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("residesk: {error}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("residesk: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(dispatch(command, settings)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("residesk: {error}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

async fn dispatch(command: Command, settings: Settings) -> Result<(), Error> {
    match command {
        Command::Run => {
            let shutdown = CancellationToken::new();
            crate::runtime::cancel_on_signals(shutdown.clone());
            crate::runtime::run(settings, shutdown).await
        }
        Command::Parse(_) => Ok(()),
        Command::Units(UnitsCommand::Import { file }) => import(&settings, &file).await,
        Command::Invite(which) => invite(&settings, which).await,
        Command::Survey(which) => crate::admin::survey(&settings, which).await,
        Command::Report(args) => crate::report::cli::run(&settings, args).await,
        Command::Sandbox => crate::sandbox::run(settings).await,
    }
}

async fn import(settings: &Settings, file: &std::path::Path) -> Result<(), Error> {
    let input = std::fs::File::open(file)
        .map_err(|e| Error::Other(format!("cannot open {}: {e}", file.display())))?;
    let db = Db::open(&settings.database).await?;
    let report = crate::admin::import_units(&db, input).await?;
    println!(
        "{} rows read: {} residents added, {} already registered, {} bad",
        report.rows,
        report.added,
        report.already_there,
        report.bad.len()
    );
    for bad in &report.bad {
        println!("  line {}: {}", bad.line, bad.reason);
    }
    Ok(())
}

async fn invite(settings: &Settings, which: InviteCommand) -> Result<(), Error> {
    let (role, department) = match which {
        InviteCommand::Staff { dept } => {
            if !settings.departments.contains(&dept) {
                return Err(Error::Other(format!(
                    "unknown department `{dept}`; the departments are: {}",
                    settings.departments.join(", ")
                )));
            }
            (Role::Staff, Some(dept))
        }
        InviteCommand::Supervisor => (Role::Supervisor, None),
        InviteCommand::Manager => (Role::Manager, None),
    };
    let db = Db::open(&settings.database).await?;
    let now = chrono::Utc::now();
    let ttl = settings.onboarding.invite_ttl;
    let code = crate::admin::create_invite(&db, role, department.as_deref(), now, ttl).await?;
    let username = bot_username(settings).await;
    println!("code: {code}");
    println!("link: {}", crate::admin::invite_link(&username, &code));
    println!(
        "valid until {} (once). The new {} opens the link, or sends /start {code} to the bot.",
        (now + chrono::Duration::from_std(ttl).unwrap_or_default())
            .with_timezone(&settings.timezone)
            .format("%Y-%m-%d %H:%M %Z"),
        role
    );
    Ok(())
}

/// The bot's username: from the settings, else asked of Telegram, else a stand-in.
async fn bot_username(settings: &Settings) -> String {
    if let Some(name) = &settings.telegram.bot_username {
        return name.clone();
    }
    if let Ok(bot) = crate::runtime::telegram_client(settings) {
        use teloxide::prelude::Requester;
        if let Ok(me) = bot.get_me().await {
            return me.username().to_owned();
        }
    }
    "YOUR_BOT".to_owned()
}
