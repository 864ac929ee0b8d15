//! Deadlines: before a limit passes the assignee is reminded; when it passes
//! the supervisors are told and the ticket is marked escalated.

use chrono::{DateTime, Utc};

use super::{alert_supervisors, lang_of};
use crate::app::App;
use crate::error::Error;
use crate::jobs::{Job, schedule};
use crate::outbox::{self, OutMessage};
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};

/// Which limit a check is about, and which check (jobs are data: see [`crate::jobs`]).
pub use crate::jobs::{SlaLimit as Limit, SlaStage as Stage};

/// The dedupe key of a check. The deadline is part of it, so a ticket given
/// new deadlines (reopened) gets new checks.
fn key(ticket_id: i64, limit: Limit, stage: Stage, deadline: DateTime<Utc>) -> String {
    format!(
        "sla:{ticket_id}:{limit:?}:{stage:?}:{}",
        deadline.timestamp()
    )
}

fn deadlines_of(ticket: &TicketRow) -> [(Limit, DateTime<Utc>); 2] {
    [
        (Limit::Respond, ticket.respond_by),
        (Limit::Resolve, ticket.resolve_by),
    ]
}

/// Schedules the four checks of a ticket's deadlines. The reminder comes
/// `tickets.reminder_lead` before a limit on the limit's own clock (office
/// hours or around the clock), and never more than half the limit before it.
pub async fn schedule_checks(tx: &mut Tx, app: &App, ticket: &TicketRow) -> Result<(), Error> {
    let lead = app.settings.tickets.reminder_lead;
    let sla = app.settings.sla_for(ticket.kind, ticket.urgency);
    let clock = sla.clock_for(ticket.urgency);
    let calendar = app.settings.calendar();
    for (limit, at) in deadlines_of(ticket) {
        let length = match limit {
            Limit::Respond => sla.respond,
            Limit::Resolve => sla.resolve,
        };
        let reminder = calendar.reminder(clock, at, length, lead);
        for (stage, due) in [(Stage::Reminder, reminder), (Stage::Overdue, at)] {
            let job = Job::Sla {
                ticket_id: ticket.id,
                limit,
                stage,
            };
            schedule(tx, &job, due, Some(&key(ticket.id, limit, stage, at))).await?;
        }
    }
    Ok(())
}

/// Drops the checks of a ticket that no longer needs them.
pub async fn cancel_checks(tx: &mut Tx, ticket: &TicketRow) -> Result<(), Error> {
    for (limit, at) in deadlines_of(ticket) {
        for stage in [Stage::Reminder, Stage::Overdue] {
            store::jobs::cancel(tx, &key(ticket.id, limit, stage, at)).await?;
        }
    }
    Ok(())
}

/// Runs one check: does nothing when the limit has been met in the meantime.
pub async fn check(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    limit: Limit,
    stage: Stage,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(());
    };
    let met = match limit {
        Limit::Respond => ticket.accepted_at.is_some() || !is_open(&ticket),
        Limit::Resolve => !is_open(&ticket),
    };
    if met {
        return Ok(());
    }
    match stage {
        Stage::Reminder => {
            let Some(assignee) = ticket.assignee_id else {
                return Ok(());
            };
            let Some(staff) = store::users::get_tx(tx, assignee).await? else {
                return Ok(());
            };
            let lang = lang_of(app, Some(&staff));
            let key = match limit {
                Limit::Respond => "reminder-respond",
                Limit::Resolve => "reminder-resolve",
            };
            let text = super::cards::alert(tx, app, &ticket, key, lang).await?;
            let buttons = super::cards::staff_buttons(&ticket, lang);
            outbox::enqueue_bulk(
                tx,
                staff.chat_id,
                &OutMessage::with_buttons(text, buttons),
                now,
            )
            .await?;
        }
        Stage::Overdue => {
            store::tickets::set_escalated(tx, ticket.id).await?;
            let note = match limit {
                Limit::Respond => "response limit passed",
                Limit::Resolve => "resolution limit passed",
            };
            store::tickets::add_history(
                tx,
                ticket.id,
                now,
                None,
                "escalated",
                Some(ticket.status),
                Some(ticket.status),
                Some(note),
            )
            .await?;
            let key = match limit {
                Limit::Respond => "alert-overdue-respond",
                Limit::Resolve => "alert-overdue-resolve",
            };
            alert_supervisors(tx, app, &ticket, key, now).await?;
            // Escalated again (both limits passed): reported to the managers.
            if store::keys::escalations(tx, ticket.id).await? >= 2 {
                super::notify::alert_managers(tx, app, &ticket, "alert-escalated-again", now)
                    .await?;
            }
            super::keys::after_escalation(tx, app, &ticket, now).await?;
        }
    }
    Ok(())
}

fn is_open(ticket: &TicketRow) -> bool {
    ticket.status.is_open()
}
