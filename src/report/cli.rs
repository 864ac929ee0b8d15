//! `residesk report --month YYYY-MM --format text|json|csv|xlsx [--out FILE]`.

use std::io::Write;
use std::path::PathBuf;

use chrono::Utc;

use crate::config::Settings;
use crate::domain::report::Month;
use crate::error::Error;
use crate::sheet;
use crate::store::Db;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
    Xlsx,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The month, `YYYY-MM` (estate time).
    #[arg(long)]
    pub month: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write to this file instead of standard output (required for xlsx).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Prints or writes the report.
pub async fn run(settings: &Settings, args: ReportArgs) -> Result<(), Error> {
    let month = Month::parse(&args.month)
        .ok_or_else(|| Error::Other(format!("--month: `{}` is not YYYY-MM", args.month)))?;
    let db = Db::open(&settings.database).await?;
    let made = super::make(&db, settings, month, Utc::now()).await?;
    let lang = settings.default_language;
    let bytes = match args.format {
        Format::Text => format!("{}\n", super::text::summary(&made, lang)).into_bytes(),
        Format::Json => {
            let mut json =
                serde_json::to_vec_pretty(&made.report).map_err(|e| Error::Other(e.to_string()))?;
            json.push(b'\n');
            json
        }
        Format::Csv => sheet::csv_sections(&super::tables::tables(&made, lang, settings.timezone))
            .map_err(|e| Error::Other(format!("csv: {e}")))?,
        Format::Xlsx => {
            if args.out.is_none() {
                return Err(Error::Other("--format xlsx needs --out FILE".to_owned()));
            }
            sheet::xlsx_bytes(&super::tables::tables(&made, lang, settings.timezone))
                .map_err(|e| Error::Other(format!("workbook: {e}")))?
        }
    };
    match args.out {
        Some(path) => std::fs::write(&path, bytes)
            .map_err(|e| Error::Other(format!("cannot write {}: {e}", path.display()))),
        None => Ok(std::io::stdout().write_all(&bytes)?),
    }
}
