//! The command line: `run` (default), `parse`, `units import`, `invite`, `sandbox`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// residesk: the Telegram front desk of a property-management office.
#[derive(Debug, Parser)]
#[command(name = "residesk", version, about)]
pub struct Cli {
    /// Settings file (TOML). Default: `residesk.toml` in the working directory, if present.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the bot (the default).
    Run,
    /// Parse resident messages into kind, category, urgency, unit and time (JSON).
    Parse(crate::understand::cli::ParseArgs),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Run) {
        Command::Run => ExitCode::SUCCESS,
        Command::Parse(args) => crate::understand::cli::run(args),
    }
}
