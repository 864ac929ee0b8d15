//! `residesk parse`: one message, or JSON lines on standard input.

use std::process::ExitCode;

/// Arguments of `residesk parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// The message to parse.
    pub text: Option<String>,
    /// The moment the message was sent (RFC 3339); default: now.
    #[arg(long)]
    pub now: Option<String>,
    /// Read `{"id","text","now"}` lines on standard input, write one result per line.
    #[arg(long)]
    pub jsonl: bool,
}

pub fn run(_args: ParseArgs) -> ExitCode {
    ExitCode::FAILURE
}
