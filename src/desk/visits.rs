//! Visit reminders: when a booking (or a repair with a preferred time) is
//! accepted, the resident is reminded `tickets.visit_reminder_lead` before
//! the visit of who is coming and when.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

use super::{cards, lang_of};
use crate::app::App;
use crate::domain::callback::{visit_reminder_at, visit_still_on};
use crate::domain::request::Kind;
use crate::error::Error;
use crate::jobs::{Job, schedule};
use crate::outbox::{self, OutMessage};
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};
use crate::texts::t_args;

/// One reminder per ticket and visit time, however often it is accepted.
fn key(ticket: &TicketRow, start: DateTime<Utc>) -> String {
    format!("visit:{}:{}", ticket.id, start.timestamp())
}

/// Schedules the reminder of an accepted ticket's visit, unless it has no
/// visit time, is not a booking or repair, or it is too late to remind.
pub async fn schedule_reminder(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let visits = match ticket.kind {
        Kind::Booking | Kind::Repair => true,
        Kind::Complaint | Kind::Inquiry | Kind::Suggestion | Kind::Praise | Kind::Unknown => false,
    };
    let Some(start) = ticket.preferred_start.filter(|_| visits) else {
        return Ok(());
    };
    // A booked slot has its own reminders (the day before and shortly before).
    if store::bookings::exists_for(tx, ticket.id).await? {
        return Ok(());
    }
    let Some(due) = visit_reminder_at(start, app.settings.tickets.visit_reminder_lead, now) else {
        return Ok(());
    };
    let job = Job::VisitReminder {
        ticket_id: ticket.id,
    };
    schedule(tx, &job, due, Some(&key(ticket, start))).await?;
    Ok(())
}

/// Sends the reminder, if the visit is still on (accepted or in progress).
pub async fn remind(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(());
    };
    let still_on = visit_still_on(ticket.status);
    let Some(start) = ticket.preferred_start.filter(|_| still_on) else {
        return Ok(());
    };
    let Some(resident) = match ticket.resident_id {
        Some(id) => store::users::get_tx(tx, id).await?,
        None => None,
    }
    .filter(|r| r.blocked_at.is_none()) else {
        return Ok(());
    };
    let staff = match ticket.assignee_id {
        Some(id) => store::users::get_tx(tx, id)
            .await?
            .map(|u| u.first_name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let lang = lang_of(app, Some(&resident));
    let when = match ticket.preferred_end {
        Some(end) => cards::span(app, lang, start, end),
        None => cards::time(app, lang, start),
    };
    let args: [(&str, FluentValue); 4] = [
        ("number", ticket.number.clone().into()),
        ("staff", staff.into()),
        (
            "department",
            cards::label(lang, "dept", &ticket.department).into(),
        ),
        ("when", when.into()),
    ];
    let text = t_args(lang, "visit-reminder", &args);
    outbox::enqueue_bulk(tx, resident.chat_id, &OutMessage::text(text), now).await?;
    Ok(())
}
