//! `/report [YYYY-MM]` for supervisors and managers: the month's summary,
//! charts and workbook in this chat (last month when no month is given);
//! `/export [YYYY-MM]`: the month's tickets as CSV and XLSX files.
//!
//! ```text
//! supervisor: /report 2026-11
//! bot:        📊 2026-11 … 128 tickets (+12 on 2026-10) …
//! bot:        [chart: tickets by category] [chart: weekly] [chart: satisfaction]
//! bot:        [residesk-report-2026-11.xlsx]
//! ```

use std::sync::Arc;

use teloxide::prelude::*;

use super::{Actor, App, HandlerResult, reply};
use crate::domain::report::Month;
use crate::outbox;
use crate::texts::{t, t_args};

/// The month a command names (last month when none), or `None` after telling
/// the person how to write one (`example_key` shows the command).
async fn month_of(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    args: &str,
    example_key: &str,
) -> Result<Option<Month>, crate::error::Error> {
    let this = Month::of(app.now(), app.settings.timezone);
    match args.trim() {
        "" => Ok(Some(this.previous())),
        given => match Month::parse(given).filter(|m| *m <= this) {
            Some(m) => Ok(Some(m)),
            None => {
                let text = t_args(
                    actor.lang,
                    example_key,
                    &[("example", this.previous().to_string().into())],
                );
                reply::text(bot, actor, text).await?;
                Ok(None)
            }
        },
    }
}

/// `/report`, `/report 2026-11`.
pub async fn report(bot: Bot, app: Arc<App>, actor: Actor, args: String) -> HandlerResult {
    let now = app.now();
    let Some(month) = month_of(&bot, &app, &actor, &args, "report-bad-month").await? else {
        return Ok(());
    };
    reply::text(&bot, &actor, t(actor.lang, "report-making")).await?;
    let made = crate::report::make(&app.db, &app.settings, month, now).await?;
    let mut tx = app.db.begin().await?;
    for message in crate::report::job::messages(&mut tx, &made, &app, actor.lang, now).await? {
        outbox::enqueue(&mut tx, actor.chat().0, &message, now).await?;
    }
    app.commit(tx).await
}

/// `/export`, `/export 2026-11`: the month's tickets as a CSV file (for any
/// spreadsheet or script) and an XLSX workbook, one row per ticket.
pub async fn export(bot: Bot, app: Arc<App>, actor: Actor, args: String) -> HandlerResult {
    let now = app.now();
    let Some(month) = month_of(&bot, &app, &actor, &args, "export-bad-month").await? else {
        return Ok(());
    };
    let made = crate::report::make(&app.db, &app.settings, month, now).await?;
    if made.tickets.is_empty() {
        let text = t_args(
            actor.lang,
            "export-none",
            &[("month", month.to_string().into())],
        );
        return reply::text(&bot, &actor, text).await;
    }
    let table = crate::report::tables::tickets_table(&made, actor.lang, app.settings.timezone);
    let csv = crate::sheet::csv_bytes(&table)
        .map_err(|e| crate::error::Error::Other(format!("export csv: {e}")))?;
    let book = crate::sheet::xlsx_bytes(std::slice::from_ref(&table))
        .map_err(|e| crate::error::Error::Other(format!("export workbook: {e}")))?;
    let caption = t_args(
        actor.lang,
        "export-caption",
        &[
            ("month", month.to_string().into()),
            ("count", made.tickets.len().into()),
        ],
    );
    let mut tx = app.db.begin().await?;
    let name = format!("residesk-tickets-{month}");
    let csv_file =
        outbox::store_file(&mut tx, &format!("{name}.csv"), "text/csv", &csv, now).await?;
    let book_file = outbox::store_file(
        &mut tx,
        &format!("{name}.xlsx"),
        crate::sheet::XLSX_MIME,
        &book,
        now,
    )
    .await?;
    for file in [csv_file, book_file] {
        let message = outbox::OutMessage::document(file, caption.clone());
        outbox::enqueue(&mut tx, actor.chat().0, &message, now).await?;
    }
    app.commit(tx).await
}
