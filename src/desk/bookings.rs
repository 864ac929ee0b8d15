//! Bookings as appointments: a slot of a bookable thing held by a `B-`
//! ticket. Taking a place checks the slot's capacity and takes it in the
//! caller's `BEGIN IMMEDIATE` transaction, so two residents after the last
//! place cannot both get it. The resident is told the slot (weekday, date,
//! time), reminded the day before and shortly before, and may change or
//! cancel it until the bookable's cutoff.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

use super::{Doer, NewRequest, Source, lang_of};
use crate::app::App;
use crate::domain::booking::{self, Bookable, Sort, Taken};
use crate::domain::lang::Lang;
use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::role::Role;
use crate::domain::ticket::{Action, Deadlines};
use crate::error::Error;
use crate::jobs::{BookingStage, Job, schedule};
use crate::outbox::{self, OutButton, OutMessage};
use crate::store::bookings::BookingRow;
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};
use crate::texts::{has, t, t_args};

/// What became of an attempt to take or move to a slot.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// The place is held: the booking and its ticket.
    Booked(BookingRow, Box<TicketRow>),
    /// Every place of the slot is taken.
    Full,
    /// Not a slot one may book now (no such slot, too soon or too far ahead).
    NotOpen,
    /// No such bookable (a stale or forged button).
    Unknown,
    /// The booking is not the resident's, or no longer changeable.
    NotYours,
    /// Past the cutoff for changes.
    TooLate(DateTime<Utc>),
}

/// A bookable's name in a language: `bookable-<key>`, else the key.
pub fn name(lang: Lang, key: &str) -> String {
    let prompt = format!("bookable-{key}");
    if has(lang, &prompt) {
        t(lang, &prompt)
    } else {
        key.replace('_', " ")
    }
}

/// A slot as people read it: `Sat 5 Dec 16:00–19:00`.
pub fn slot_text(app: &App, lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    crate::dates::span(lang, app.settings.timezone, start, end, app.now())
}

/// Places taken per slot of a bookable from `now` as far ahead as it books.
pub async fn taken(app: &App, key: &str, b: &Bookable, now: DateTime<Utc>) -> Result<Taken, Error> {
    let until = now + chrono::Duration::from_std(b.ahead).unwrap_or_default();
    let rows = store::bookings::taken(app.db.pool(), key, now, until).await?;
    Ok(rows
        .into_iter()
        .map(|(at, n)| (at, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect())
}

/// Checks the slot and the places left inside the write.
async fn has_place(
    tx: &mut Tx,
    app: &App,
    key: &str,
    b: &Bookable,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Option<Outcome>, Error> {
    if !b.is_slot(app.settings.timezone, start) || !b.open_for_booking(start, now) {
        return Ok(Some(Outcome::NotOpen));
    }
    let used = store::bookings::count_at(tx, key, start).await?;
    if used >= i64::from(b.capacity) {
        return Ok(Some(Outcome::Full));
    }
    Ok(None)
}

/// Takes a place in the slot at `start` for a resident (of `unit_id`): a
/// `B-` ticket to the bookable's department, the booking, the reminders
/// and the resident's confirmation, in the caller's transaction.
pub async fn book(
    tx: &mut Tx,
    app: &App,
    resident_id: i64,
    unit_id: Option<i64>,
    key: &str,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Outcome, Error> {
    let Some(b) = app.settings.bookable(key) else {
        return Ok(Outcome::Unknown);
    };
    if let Some(refused) = has_place(tx, app, key, &b, start, now).await? {
        return Ok(refused);
    }
    let end = b.end_of(start);
    let lang = app.settings.default_language;
    let category = match b.sort {
        Sort::Facility => Category::Facilities,
        Sort::Visit => Category::Other,
    };
    let request = NewRequest {
        kind: Kind::Booking,
        category,
        urgency: Urgency::Normal,
        unit_id,
        resident_id: Some(resident_id),
        source: Source::Telegram,
        logged_by: None,
        description: format!("{} · {}", name(lang, key), slot_text(app, lang, start, end)),
        when: Some((start, end)),
        photos: Vec::new(),
    };
    // The slot is the booking's time: no response or resolution limit.
    let slot = Deadlines {
        respond_by: start,
        resolve_by: end,
    };
    let opened = super::open_ticket_in(
        tx,
        app,
        request,
        &super::SharedPlace::default(),
        &b.department,
        Some(slot),
        now,
    )
    .await?;
    let id = store::bookings::insert(
        tx,
        opened.ticket.id,
        key,
        start,
        end,
        Some(resident_id),
        now,
    )
    .await?;
    let Some(row) = store::bookings::get(tx, id).await? else {
        return Ok(Outcome::Unknown);
    };
    schedule_reminders(tx, app, &row, now).await?;
    tell_resident(tx, app, &row, &opened.ticket, "booking-done", now).await?;
    Ok(Outcome::Booked(row, Box::new(opened.ticket)))
}

/// The booking `id` if `resident_id` holds it, it is still booked and it
/// may still change at `now`.
async fn changeable(
    tx: &mut Tx,
    app: &App,
    resident_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Result<(BookingRow, TicketRow, Bookable), Outcome>, Error> {
    let Some(row) = store::bookings::get(tx, id).await? else {
        return Ok(Err(Outcome::NotYours));
    };
    let Some(ticket) = store::tickets::get(tx, row.ticket_id).await? else {
        return Ok(Err(Outcome::NotYours));
    };
    if row.resident_id != Some(resident_id) || row.status != "booked" || !ticket.status.is_open() {
        return Ok(Err(Outcome::NotYours));
    }
    let Some(b) = app.settings.bookable(&row.bookable) else {
        return Ok(Err(Outcome::Unknown));
    };
    if !b.changeable(row.starts_at, now) {
        return Ok(Err(Outcome::TooLate(b.cutoff(row.starts_at))));
    }
    Ok(Ok((row, ticket, b)))
}

/// Moves a resident's booking to the slot at `start` (capacity checked as
/// for a new one), until the cutoff.
pub async fn reschedule(
    tx: &mut Tx,
    app: &App,
    resident_id: i64,
    id: i64,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Outcome, Error> {
    let (row, ticket, b) = match changeable(tx, app, resident_id, id, now).await? {
        Ok(found) => found,
        Err(refused) => return Ok(refused),
    };
    if row.starts_at == start {
        return Ok(Outcome::Booked(row, Box::new(ticket)));
    }
    if let Some(refused) = has_place(tx, app, &row.bookable, &b, start, now).await? {
        return Ok(refused);
    }
    move_booking(tx, app, &row, &ticket, &b, start, Some(resident_id), now).await
}

/// Moves a booking and its ticket's times; new reminders; the resident told.
#[allow(clippy::too_many_arguments)]
pub async fn move_booking(
    tx: &mut Tx,
    app: &App,
    row: &BookingRow,
    ticket: &TicketRow,
    b: &Bookable,
    start: DateTime<Utc>,
    doer: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Outcome, Error> {
    let end = b.end_of(start);
    store::bookings::move_to(tx, row.id, start, end, now).await?;
    store::tickets::set_deadlines(tx, ticket.id, start, end).await?;
    store::tickets::set_preferred(tx, ticket.id, start, end).await?;
    let note = format!("{} → {}", row.starts_at.to_rfc3339(), start.to_rfc3339());
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        doer,
        "rescheduled",
        Some(ticket.status),
        Some(ticket.status),
        Some(&note),
    )
    .await?;
    let Some(moved) = store::bookings::get(tx, row.id).await? else {
        return Ok(Outcome::NotYours);
    };
    schedule_reminders(tx, app, &moved, now).await?;
    tell_resident(tx, app, &moved, ticket, "booking-moved", now).await?;
    if let Some(staff) = ticket.assignee_id.filter(|s| Some(*s) != doer) {
        tell(tx, app, staff, &moved, ticket, "booking-staff-moved", now).await?;
    }
    Ok(Outcome::Booked(moved, Box::new(ticket.clone())))
}

/// Whether a resident may still cancel the ticket: always, unless it holds
/// a booking past its cutoff.
pub async fn resident_may_cancel(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let Some(row) = store::bookings::of_ticket_tx(tx, ticket_id).await? else {
        return Ok(true);
    };
    let cutoff_passed = row.status == "booked"
        && app
            .settings
            .bookable(&row.bookable)
            .is_some_and(|b| !b.changeable(row.starts_at, now));
    Ok(!cutoff_passed)
}

/// Cancels a resident's booking (and its ticket) until the cutoff.
pub async fn cancel(
    tx: &mut Tx,
    app: &App,
    resident_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Outcome, Error> {
    let (row, ticket, _) = match changeable(tx, app, resident_id, id, now).await? {
        Ok(found) => found,
        Err(refused) => return Ok(refused),
    };
    store::bookings::set_status(tx, row.id, "cancelled", now).await?;
    let doer = Doer {
        user_id: resident_id,
        role: Some(Role::Resident),
    };
    if let Ok(updated) = super::act(tx, app, ticket.id, doer, Action::Cancel, None, now).await? {
        tell_resident(tx, app, &row, &updated, "booking-cancelled", now).await?;
        return Ok(Outcome::Booked(row, Box::new(updated)));
    }
    Ok(Outcome::NotYours)
}

/// Tells the resident their booking is confirmed (staff accepted its
/// ticket), as the slot; `false` when the ticket holds no booking.
pub async fn confirmed(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let Some(row) = store::bookings::of_ticket_tx(tx, ticket.id).await? else {
        return Ok(false);
    };
    if row.status == "booked" {
        tell_resident(tx, app, &row, ticket, "booking-confirmed", now).await?;
    }
    Ok(true)
}

/// The reminder the day before and the one shortly before the slot (each
/// once per slot; none whose moment has passed).
async fn schedule_reminders(
    tx: &mut Tx,
    app: &App,
    row: &BookingRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let soon =
        chrono::Duration::from_std(app.settings.tickets.visit_reminder_lead).unwrap_or_default();
    for (stage, due) in [
        (
            BookingStage::DayBefore,
            row.starts_at - chrono::Duration::days(1),
        ),
        (BookingStage::Soon, row.starts_at - soon),
    ] {
        if due <= now {
            continue;
        }
        let start = row.starts_at.timestamp();
        let job = Job::BookingReminder {
            booking_id: row.id,
            stage,
            start,
        };
        let key = format!("booking:{}:{stage:?}:{start}", row.id);
        schedule(tx, &job, due, Some(&key)).await?;
    }
    Ok(())
}

/// Sends a reminder if the booking still holds that slot.
pub async fn remind(
    tx: &mut Tx,
    app: &App,
    booking_id: i64,
    stage: BookingStage,
    start: i64,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(row) = store::bookings::get(tx, booking_id).await? else {
        return Ok(());
    };
    if row.status != "booked" || row.starts_at.timestamp() != start {
        return Ok(());
    }
    let Some(ticket) = store::tickets::get(tx, row.ticket_id).await? else {
        return Ok(());
    };
    if !ticket.status.is_open() {
        return Ok(());
    }
    let key = match stage {
        BookingStage::DayBefore => "booking-remind-day",
        BookingStage::Soon => "booking-remind-soon",
    };
    tell_resident(tx, app, &row, &ticket, key, now).await
}

/// The arguments every booking message shares.
fn args(
    app: &App,
    lang: Lang,
    row: &BookingRow,
    ticket: &TicketRow,
) -> Vec<(&'static str, FluentValue<'static>)> {
    let cutoff = app
        .settings
        .bookable(&row.bookable)
        .map(|b| {
            crate::dates::moment(
                lang,
                app.settings.timezone,
                b.cutoff(row.starts_at),
                app.now(),
            )
        })
        .unwrap_or_default();
    vec![
        ("number", ticket.number.clone().into()),
        ("name", name(lang, &row.bookable).into()),
        (
            "slot",
            slot_text(app, lang, row.starts_at, row.ends_at).into(),
        ),
        ("cutoff", cutoff.into()),
        ("phone", app.settings.office.phone.clone().into()),
    ]
}

/// The resident's buttons under a booking: change time, cancel.
pub fn resident_buttons(lang: Lang, booking_id: i64) -> Vec<Vec<OutButton>> {
    use crate::domain::button::{BookOp, Callback};
    let button = |key: &str, op| OutButton::new(t(lang, key), Callback::Book(op).encode());
    vec![vec![
        button("booking-button-change", BookOp::Change(booking_id)),
        button("booking-button-cancel", BookOp::Cancel(booking_id)),
    ]]
}

/// Queues a booking message to its resident (with the change and cancel
/// buttons while it is booked).
async fn tell_resident(
    tx: &mut Tx,
    app: &App,
    row: &BookingRow,
    ticket: &TicketRow,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(resident) = match row.resident_id {
        Some(id) => store::users::get_tx(tx, id).await?,
        None => None,
    }
    .filter(|r| r.blocked_at.is_none()) else {
        return Ok(());
    };
    let lang = lang_of(app, Some(&resident));
    let text = t_args(lang, key, &args(app, lang, row, ticket));
    let message = if row.status == "booked" && key != "booking-cancelled" {
        OutMessage::with_buttons(text, resident_buttons(lang, row.id))
    } else {
        OutMessage::text(text)
    };
    match key {
        "booking-remind-day" | "booking-remind-soon" => {
            outbox::enqueue_bulk(tx, resident.chat_id, &message, now).await?;
        }
        _ => {
            outbox::enqueue(tx, resident.chat_id, &message, now).await?;
        }
    }
    Ok(())
}

/// Queues a booking message to a staff member.
async fn tell(
    tx: &mut Tx,
    app: &App,
    user_id: i64,
    row: &BookingRow,
    ticket: &TicketRow,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(user) = store::users::get_tx(tx, user_id).await? else {
        return Ok(());
    };
    let lang = lang_of(app, Some(&user));
    let text = t_args(lang, key, &args(app, lang, row, ticket));
    outbox::enqueue(tx, user.chat_id, &OutMessage::text(text), now).await?;
    Ok(())
}

/// The free slots nearest to `asked`, for an offer or after a slot filled.
pub async fn nearest(
    app: &App,
    key: &str,
    asked: DateTime<Utc>,
    now: DateTime<Utc>,
    max: usize,
) -> Result<Vec<DateTime<Utc>>, Error> {
    let Some(b) = app.settings.bookable(key) else {
        return Ok(Vec::new());
    };
    let taken = taken(app, key, &b, now).await?;
    Ok(booking::nearest_free(
        &b,
        app.settings.timezone,
        &taken,
        asked,
        now,
        max,
    ))
}
