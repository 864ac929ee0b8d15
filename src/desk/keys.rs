//! Key complaints (重點投訴) followed until closed: once a supervisor marks
//! a complaint key, its owner (the assignee) and the supervisors are
//! reminded of it every day at `reports.key_reminder_hour` (estate time)
//! until it is closed or cancelled. Each reminder is a job that plans the
//! next day's under a key with the date, since job keys are unique across
//! done jobs too. A complaint escalated twice, or that is a resident's
//! `reports.repeat_complainer_count`-th within
//! `reports.repeat_complainer_days`, is proposed to the supervisors as key,
//! with a button to accept.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::lang_of;
use crate::app::App;
use crate::domain::button::{Callback, MarkOp, TicketOp};
use crate::domain::request::Kind;
use crate::domain::ticket::Status;
use crate::error::Error;
use crate::jobs::{self, Job};
use crate::outbox::{self, OutButton, OutMessage};
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};
use crate::texts::{t, t_args};

/// The first moment after `now` that is `hour`:00 in `tz`.
pub fn next_at_hour(now: DateTime<Utc>, tz: Tz, hour: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour.min(23), 0, 0).unwrap_or_default();
    let today = now.with_timezone(&tz).date_naive();
    (0..3)
        .filter_map(|n| {
            let local = (today + Duration::days(n)).and_time(time);
            tz.from_local_datetime(&local)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        })
        .find(|at| *at > now)
        .unwrap_or(now + Duration::days(1))
}

/// Plans the next follow-up of a key complaint, after `now`.
pub async fn plan(tx: &mut Tx, app: &App, ticket_id: i64, now: DateTime<Utc>) -> Result<(), Error> {
    let tz = app.settings.timezone;
    let due = next_at_hour(now, tz, app.settings.reports.key_reminder_hour);
    let day = due.with_timezone(&tz).date_naive();
    let key = format!("key-follow-up:{ticket_id}:{day}");
    jobs::schedule(tx, &Job::KeyFollowUp { ticket_id }, due, Some(&key)).await?;
    Ok(())
}

/// A day's follow-up: reminds the owner and the supervisors while the
/// complaint is key and not closed, and plans the next.
pub async fn follow_up(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(());
    };
    if matches!(ticket.status, Status::Closed | Status::Cancelled)
        || !store::keys::is_key(tx, ticket.id).await?
    {
        return Ok(());
    }
    let days = (now - ticket.created_at).num_days();
    // Key complaints are reported upward: the managers read them too.
    let mut readers = store::users::supervisors(tx).await?;
    readers.extend(store::users::managers(tx).await?);
    if let Some(owner) = ticket.assignee_id
        && !readers.iter().any(|r| r.id == owner)
        && let Some(user) = store::users::get_tx(tx, owner).await?
    {
        readers.push(user);
    }
    for reader in &readers {
        let lang = lang_of(app, Some(reader));
        let text = t_args(
            lang,
            "key-reminder",
            &[
                ("number", ticket.number.clone().into()),
                (
                    "status",
                    t(lang, &format!("status-{}", ticket.status.as_str())).into(),
                ),
                ("days", days.into()),
            ],
        );
        let view = OutButton::new(
            t(lang, "key-button-view"),
            Callback::Ticket {
                id: ticket.id,
                op: TicketOp::View,
            }
            .encode(),
        );
        outbox::enqueue_bulk(
            tx,
            reader.chat_id,
            &OutMessage::with_buttons(text, vec![vec![view]]),
            now,
        )
        .await?;
    }
    plan(tx, app, ticket.id, now).await
}

/// Why a complaint is proposed as key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposal {
    EscalatedTwice,
    /// The resident's this many complaints within the configured days.
    RepeatComplainer(i64),
}

/// Proposes a complaint as key to every supervisor, with a button to accept.
async fn propose(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    why: Proposal,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    tracing::info!(ticket_id = ticket.id, ?why, "key complaint proposed");
    for supervisor in store::users::supervisors(tx).await? {
        let lang = lang_of(app, Some(&supervisor));
        let reason = match why {
            Proposal::EscalatedTwice => t(lang, "key-reason-escalated"),
            Proposal::RepeatComplainer(count) => t_args(
                lang,
                "key-reason-repeat",
                &[
                    ("count", count.into()),
                    ("days", app.settings.reports.repeat_complainer_days.into()),
                ],
            ),
        };
        let text = t_args(
            lang,
            "key-proposed",
            &[
                ("number", ticket.number.clone().into()),
                ("reason", reason.into()),
            ],
        );
        let buttons = vec![vec![
            OutButton::new(
                t(lang, "key-button-mark"),
                Callback::Mark(MarkOp::Key(ticket.id)).encode(),
            ),
            OutButton::new(
                t(lang, "key-button-view"),
                Callback::Ticket {
                    id: ticket.id,
                    op: TicketOp::View,
                }
                .encode(),
            ),
        ]];
        outbox::enqueue(
            tx,
            supervisor.chat_id,
            &OutMessage::with_buttons(text, buttons),
            now,
        )
        .await?;
    }
    Ok(())
}

/// After an escalation: a complaint's second one proposes it as key.
pub async fn after_escalation(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if ticket.kind != Kind::Complaint || store::keys::is_key(tx, ticket.id).await? {
        return Ok(());
    }
    if store::keys::escalations(tx, ticket.id).await? == 2 {
        propose(tx, app, ticket, Proposal::EscalatedTwice, now).await?;
    }
    Ok(())
}

/// After a complaint is opened: a repeat complainer's proposes it as key.
pub async fn after_open(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let (Kind::Complaint, Some(resident)) = (ticket.kind, ticket.resident_id) else {
        return Ok(());
    };
    let r = &app.settings.reports;
    if r.repeat_complainer_count < 2 {
        return Ok(());
    }
    let since = ticket.created_at - Duration::days(r.repeat_complainer_days);
    let count = store::keys::complaints_since(tx, resident, since).await?;
    if count >= r.repeat_complainer_count {
        propose(tx, app, ticket, Proposal::RepeatComplainer(count), now).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn the_next_nine_oclock_in_hong_kong_is_today_before_it_and_tomorrow_after_it() {
        let tz: Tz = "Asia/Hong_Kong".parse().unwrap();
        // 08:30 in Hong Kong is 00:30 UTC.
        let before = Utc.with_ymd_and_hms(2026, 11, 30, 0, 30, 0).unwrap();
        assert_eq!(
            next_at_hour(before, tz, 9),
            Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap()
        );
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 1, 0, 0).unwrap();
        assert_eq!(
            next_at_hour(at, tz, 9),
            Utc.with_ymd_and_hms(2026, 12, 1, 1, 0, 0).unwrap(),
            "strictly after now"
        );
    }
}
