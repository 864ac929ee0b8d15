//! The monthly job: on the configured day and hour (estate time) the
//! previous month's report goes to every supervisor and manager, once, even
//! across restarts (a job with a dedupe key per month, done in the
//! transaction that queues the messages).

use chrono::{DateTime, NaiveTime, TimeZone, Utc};

use super::{Made, charts, make, tables, text};
use crate::app::App;
use crate::desk::lang_of;
use crate::domain::lang::Lang;
use crate::domain::report::Month;
use crate::error::Error;
use crate::jobs::{self, Job};
use crate::outbox::{self, OutMessage};
use crate::sheet;
use crate::store::{self, Tx};

/// When the report of `month` goes out.
pub fn due_at(app: &App, month: Month) -> DateTime<Utc> {
    let r = &app.settings.reports;
    let day = month.next().first_day() + chrono::Duration::days(i64::from(r.monthly_day) - 1);
    let time = NaiveTime::from_hms_opt(r.monthly_hour, 0, 0).unwrap_or_default();
    let local = day.and_time(time);
    app.settings
        .timezone
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

/// Makes sure the next monthly report is scheduled: last month's if its
/// moment is still ahead, else this month's.
pub async fn ensure_next(tx: &mut Tx, app: &App, now: DateTime<Utc>) -> Result<(), Error> {
    let this = Month::of(now, app.settings.timezone);
    let last = this.previous();
    let month = if now < due_at(app, last) { last } else { this };
    let job = Job::MonthlyReport {
        month: month.to_string(),
    };
    let key = format!("monthly-report:{month}");
    jobs::schedule(tx, &job, due_at(app, month), Some(&key)).await?;
    Ok(())
}

/// What one language's readers get: the summary, the charts and the workbook,
/// each file stored once.
pub async fn messages(
    tx: &mut Tx,
    made: &Made,
    app: &App,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<OutMessage>, Error> {
    let mut out = vec![OutMessage::text(text::summary(made, lang))];
    for (name, png) in charts::charts(made, lang)? {
        let file = outbox::store_file(tx, &name, "image/png", &png, now).await?;
        out.push(OutMessage::photo_file(file, ""));
    }
    let book = sheet::xlsx_bytes(&tables::tables(made, lang, app.settings.timezone))
        .map_err(|e| Error::Other(format!("workbook: {e}")))?;
    let name = format!("residesk-report-{}.xlsx", made.report.month);
    let file = outbox::store_file(tx, &name, sheet::XLSX_MIME, &book, now).await?;
    out.push(OutMessage::document(
        file,
        crate::texts::t(lang, "report-workbook-caption"),
    ));
    Ok(out)
}

/// Sends the report of `month` to every supervisor and manager (the bulk
/// lane), and schedules the next one.
pub async fn send(tx: &mut Tx, app: &App, month: &str, now: DateTime<Utc>) -> Result<(), Error> {
    let Some(month) = Month::parse(month) else {
        tracing::error!(month, "monthly report job with a bad month, dropped");
        return Ok(());
    };
    let readers = store::users::report_readers(tx).await?;
    if !readers.is_empty() {
        let made = make(&app.db, &app.settings, month, now).await?;
        let mut by_lang: Vec<(Lang, Vec<OutMessage>)> = Vec::new();
        for reader in &readers {
            let lang = lang_of(app, Some(reader));
            if !by_lang.iter().any(|(l, _)| *l == lang) {
                let messages = messages(tx, &made, app, lang, now).await?;
                by_lang.push((lang, messages));
            }
            let Some((_, messages)) = by_lang.iter().find(|(l, _)| *l == lang) else {
                continue;
            };
            for message in messages {
                outbox::enqueue_bulk(tx, reader.chat_id, message, now).await?;
            }
        }
    }
    tracing::info!(%month, readers = readers.len(), "monthly report sent");
    ensure_next(tx, app, now + chrono::Duration::seconds(1)).await
}
