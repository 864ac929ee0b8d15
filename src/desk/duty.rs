//! The on-duty schedule at work: when a department's shift starts its staff
//! are put on duty, when it ends off duty, and each is told. Only the moments
//! of change act, so a `/duty` in between stands until the next one.

use chrono::{DateTime, Utc};

use crate::app::App;
use crate::domain::duty::on_shift;
use crate::domain::lang::Lang;
use crate::error::Error;
use crate::outbox::{self, OutMessage};
use crate::store;
use crate::texts::t_args;

/// Applies the schedule at `now`: one transaction per department whose
/// shift has started or ended since the last look. Returns how many
/// departments changed.
pub async fn apply_schedule(app: &App, now: DateTime<Utc>) -> Result<usize, Error> {
    let mut changed = 0;
    for (department, week) in &app.settings.duty.shifts {
        let on = on_shift(week, app.settings.timezone, now);
        let mut tx = app.db.begin().await?;
        if store::work::scheduled_duty(&mut tx, department).await? == Some(on) {
            tx.rollback().await?;
            continue;
        }
        let staff = store::work::set_department_on_duty(&mut tx, department, on).await?;
        store::work::set_scheduled_duty(&mut tx, department, on, now).await?;
        let key = if on {
            "duty-shift-on"
        } else {
            "duty-shift-off"
        };
        for (chat_id, lang) in staff {
            let lang = lang
                .as_deref()
                .and_then(|l| l.parse::<Lang>().ok())
                .unwrap_or(app.settings.default_language);
            let dept = crate::texts::t(lang, &format!("dept-{department}"));
            let text = t_args(lang, key, &[("department", dept.into())]);
            outbox::enqueue(&mut tx, chat_id, &OutMessage::text(text), now).await?;
        }
        app.commit(tx).await?;
        tracing::info!(department, on, "duty schedule applied");
        changed += 1;
    }
    Ok(changed)
}
