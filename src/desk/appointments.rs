//! The staff's side of bookings: today's and tomorrow's visits, check-in,
//! check-out, no-show, and another time proposed to the resident (who
//! accepts or keeps the booked time with buttons). Each change is one
//! transaction with the ticket's history and the messages it causes.

use chrono::{DateTime, Utc};

use super::bookings::{self, Outcome, name, slot_text};
use super::lang_of;
use crate::app::App;
use crate::domain::button::{BookOp, Callback};
use crate::domain::role::Role;
use crate::domain::ticket::Status;
use crate::error::Error;
use crate::outbox::{self, OutButton, OutMessage};
use crate::store::bookings::BookingRow;
use crate::store::tickets::TicketRow;
use crate::store::users::UserRow;
use crate::store::{self, Tx};
use crate::texts::{t, t_args};

/// What staff did to a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    CheckIn,
    CheckOut,
    NoShow,
}

impl Step {
    /// The booking status it leads to, from the one it needs.
    fn moves(self) -> (&'static str, &'static str) {
        match self {
            Self::CheckIn => ("booked", "checked_in"),
            Self::CheckOut => ("checked_in", "checked_out"),
            Self::NoShow => ("booked", "no_show"),
        }
    }
}

/// Why a staff action on a visit was not done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not this staff member's department (or no such booking).
    NotYours,
    /// The booking is not in the state the action needs (a stale button).
    NotNow,
    /// The slot proposed is full or cannot be booked.
    Full,
}

/// Whether `user` may run the visits of the booking's department.
pub fn may_run(app: &App, user: &UserRow, ticket: &TicketRow) -> bool {
    match user.role {
        Some(Role::Supervisor) => true,
        Some(Role::Staff) => {
            user.department.as_deref() == Some(ticket.department.as_str())
                || ticket.assignee_id == Some(user.id)
        }
        _ => {
            let _ = app;
            false
        }
    }
}

async fn load(
    tx: &mut Tx,
    app: &App,
    user: &UserRow,
    id: i64,
) -> Result<Result<(BookingRow, TicketRow), Refused>, Error> {
    let Some(row) = store::bookings::get(tx, id).await? else {
        return Ok(Err(Refused::NotYours));
    };
    let Some(ticket) = store::tickets::get(tx, row.ticket_id).await? else {
        return Ok(Err(Refused::NotYours));
    };
    if !may_run(app, user, &ticket) {
        return Ok(Err(Refused::NotYours));
    }
    Ok(Ok((row, ticket)))
}

/// Check-in, check-out or no-show, recorded on the booking and its ticket.
pub async fn step(
    tx: &mut Tx,
    app: &App,
    user: &UserRow,
    id: i64,
    step: Step,
    now: DateTime<Utc>,
) -> Result<Result<BookingRow, Refused>, Error> {
    let (row, ticket) = match load(tx, app, user, id).await? {
        Ok(found) => found,
        Err(refused) => return Ok(Err(refused)),
    };
    let (from, to) = step.moves();
    if row.status != from || !ticket.status.is_open() {
        return Ok(Err(Refused::NotNow));
    }
    store::bookings::set_status(tx, row.id, to, now).await?;
    let ticket_to = match step {
        Step::CheckIn => Status::InProgress,
        Step::CheckOut | Step::NoShow => Status::Closed,
    };
    let assignee = ticket.assignee_id.or(Some(user.id));
    store::tickets::set_status(tx, ticket.id, ticket_to, assignee, now).await?;
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(user.id),
        to,
        Some(ticket.status),
        Some(ticket_to),
        None,
    )
    .await?;
    let Some(updated) = store::bookings::get(tx, row.id).await? else {
        return Ok(Err(Refused::NotYours));
    };
    Ok(Ok(updated))
}

/// Staff propose the slot at `start` instead of the booked one: the
/// resident gets it with Accept and Keep buttons.
pub async fn propose(
    tx: &mut Tx,
    app: &App,
    user: &UserRow,
    id: i64,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Result<BookingRow, Refused>, Error> {
    let (row, ticket) = match load(tx, app, user, id).await? {
        Ok(found) => found,
        Err(refused) => return Ok(Err(refused)),
    };
    if row.status != "booked" || !ticket.status.is_open() {
        return Ok(Err(Refused::NotNow));
    }
    let Some(b) = app.settings.bookable(&row.bookable) else {
        return Ok(Err(Refused::NotYours));
    };
    let tz = app.settings.timezone;
    let used = store::bookings::count_at(tx, &row.bookable, start).await?;
    if !b.is_slot(tz, start) || start <= now || used >= i64::from(b.capacity) {
        return Ok(Err(Refused::Full));
    }
    store::bookings::set_proposal(tx, row.id, Some(start), now).await?;
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(user.id),
        "proposed",
        Some(ticket.status),
        Some(ticket.status),
        Some(&start.to_rfc3339()),
    )
    .await?;
    let resident = match row.resident_id {
        Some(r) => store::users::get_tx(tx, r).await?,
        None => None,
    };
    let Some(resident) = resident else {
        return Ok(Ok(row));
    };
    let lang = lang_of(app, Some(&resident));
    let args = [
        ("number", ticket.number.clone().into()),
        ("name", name(lang, &row.bookable).into()),
        (
            "slot",
            slot_text(app, lang, row.starts_at, row.ends_at).into(),
        ),
        (
            "proposed",
            slot_text(app, lang, start, b.end_of(start)).into(),
        ),
    ];
    let button = |key: &str, op| OutButton::new(t(lang, key), Callback::Book(op).encode());
    let buttons = vec![vec![
        button(
            "booking-button-accept-proposal",
            BookOp::AcceptProposal(row.id, start),
        ),
        button("booking-button-keep", BookOp::DeclineProposal(row.id)),
    ]];
    let text = t_args(lang, "booking-proposal", &args);
    outbox::enqueue(
        tx,
        resident.chat_id,
        &OutMessage::with_buttons(text, buttons),
        now,
    )
    .await?;
    Ok(Ok(row))
}

/// The resident answers a proposal: accepting moves the booking (places
/// checked again), keeping clears it; the staff who proposed is told.
pub async fn answer(
    tx: &mut Tx,
    app: &App,
    resident_id: i64,
    id: i64,
    accepted: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Outcome, Error> {
    let Some(row) = store::bookings::get(tx, id).await? else {
        return Ok(Outcome::NotYours);
    };
    let Some(ticket) = store::tickets::get(tx, row.ticket_id).await? else {
        return Ok(Outcome::NotYours);
    };
    let proposed = row.proposed_at;
    let current = row.resident_id == Some(resident_id)
        && row.status == "booked"
        && proposed.is_some()
        && accepted.is_none_or(|a| Some(a) == proposed);
    if !current {
        return Ok(Outcome::NotYours);
    }
    let Some(b) = app.settings.bookable(&row.bookable) else {
        return Ok(Outcome::Unknown);
    };
    let proposer = store::tickets::last_actor_of(tx, ticket.id, "proposed").await?;
    let outcome = match accepted {
        Some(start) => {
            let used = store::bookings::count_at(tx, &row.bookable, start).await?;
            if used >= i64::from(b.capacity) {
                return Ok(Outcome::Full);
            }
            bookings::move_booking(tx, app, &row, &ticket, &b, start, Some(resident_id), now)
                .await?
        }
        None => {
            store::bookings::set_proposal(tx, row.id, None, now).await?;
            store::tickets::add_history(
                tx,
                ticket.id,
                now,
                Some(resident_id),
                "kept",
                Some(ticket.status),
                Some(ticket.status),
                None,
            )
            .await?;
            Outcome::Booked(row.clone(), Box::new(ticket.clone()))
        }
    };
    if let Some(staff) = proposer.filter(|p| Some(*p) != row.resident_id) {
        let key = match accepted {
            Some(_) => "visit-proposal-accepted",
            None => "visit-proposal-declined",
        };
        if let Some(user) = store::users::get_tx(tx, staff).await? {
            let lang = lang_of(app, Some(&user));
            let args = [
                ("number", ticket.number.clone().into()),
                ("name", name(lang, &row.bookable).into()),
            ];
            let text = t_args(lang, key, &args);
            outbox::enqueue(tx, user.chat_id, &OutMessage::text(text), now).await?;
        }
    }
    Ok(outcome)
}
