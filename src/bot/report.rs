//! `/report [YYYY-MM]` for supervisors and managers: the month's summary,
//! charts and workbook in this chat (last month when no month is given).
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

/// `/report`, `/report 2026-11`.
pub async fn report(bot: Bot, app: Arc<App>, actor: Actor, args: String) -> HandlerResult {
    let now = app.now();
    let this = Month::of(now, app.settings.timezone);
    let month = match args.trim() {
        "" => this.previous(),
        given => match Month::parse(given).filter(|m| *m <= this) {
            Some(m) => m,
            None => {
                let text = t_args(
                    actor.lang,
                    "report-bad-month",
                    &[("example", this.previous().to_string().into())],
                );
                return reply::text(&bot, &actor, text).await;
            }
        },
    };
    reply::text(&bot, &actor, t(actor.lang, "report-making")).await?;
    let made = crate::report::make(&app.db, &app.settings, month, now).await?;
    let mut tx = app.db.begin().await?;
    for message in crate::report::job::messages(&mut tx, &made, &app, actor.lang, now).await? {
        outbox::enqueue(&mut tx, actor.chat().0, &message, now).await?;
    }
    app.commit(tx).await
}
