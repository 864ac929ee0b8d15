//! The desk's work on tickets: opening, routing, assigning, moving them along,
//! and telling the people concerned. Every change is one transaction with its
//! history rows and outbox messages; nothing here talks to Telegram directly.

pub mod additions;
pub mod appointments;
pub mod assign;
pub mod bookings;
pub mod callbacks;
pub mod campaign;
pub mod cards;
pub mod digest;
pub mod duty;
pub mod hotspots;
pub mod judgement;
pub mod keys;
pub mod notes;
pub(crate) mod notify;
pub mod resolution;
pub mod sla;
pub mod supervise;
#[cfg(test)]
mod tests;
pub mod visits;

use chrono::{DateTime, Utc};

use crate::app::App;
use crate::domain::lang::Lang;
use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::role::Role;
use crate::domain::ticket::{self, Action, Candidate, NotNow, Status};
use crate::error::Error;
use crate::store::tickets::{NewTicketRow, TicketRow};
use crate::store::users::UserRow;
use crate::store::{self, Tx};

/// How a request reached the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Telegram,
    Phone,
    Visit,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Telegram => "telegram",
            Self::Phone => "phone",
            Self::Visit => "visit",
        }
    }
}

/// A confirmed request, ready to become a ticket.
#[derive(Debug, Clone)]
pub struct NewRequest {
    pub kind: Kind,
    pub category: Category,
    pub urgency: Urgency,
    pub unit_id: Option<i64>,
    /// The resident to keep informed.
    pub resident_id: Option<i64>,
    pub source: Source,
    /// Staff who registered a call or visit.
    pub logged_by: Option<i64>,
    pub description: String,
    pub when: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Telegram file ids.
    pub photos: Vec<String>,
}

/// Where a ticket in no flat is: a shared area and its block, or a block's
/// common parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedPlace {
    /// The lexicon's key of the area (`lobby`, `car_park` …).
    pub area: Option<String>,
    pub building: Option<String>,
}

/// A ticket just opened, and who got it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub ticket: TicketRow,
    pub assignee: Option<UserRow>,
    /// Numbers of other open tickets of the same category from the same
    /// unit or resident: perhaps the same request again.
    pub duplicates: Vec<String>,
}

/// Why the desk refuses an action (the user's mistake, not a fault).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No such ticket (or a forged id).
    NotFound,
    /// The ticket is not this person's to act on.
    NotYours,
    /// The ticket has moved on (a stale or repeated button).
    NotNow(NotNow),
    /// Nobody to give it to.
    NobodyAvailable,
}

/// The language to write to a stored user in.
pub fn lang_of(app: &App, user: Option<&UserRow>) -> Lang {
    user.and_then(|u| u.lang.as_deref())
        .and_then(|l| l.parse().ok())
        .unwrap_or(app.settings.default_language)
}

pub use notify::{
    CAPTION_LIMIT, alert_emergency, alert_supervisors, notify_resident, notify_resident_why,
    ping_assignee, retire_cards, tell_staff,
};

/// Who should get a ticket of a department: its least busy member on duty,
/// else customer service's; never one of `excluding` (those who declined it).
async fn choose_assignee(
    tx: &mut Tx,
    department: &str,
    excluding: &[i64],
) -> Result<Option<i64>, Error> {
    for dept in [department, "customer_service"] {
        let candidates: Vec<Candidate> = store::tickets::workload(tx, dept)
            .await?
            .into_iter()
            .map(|(user_id, on_duty, open_tickets)| Candidate {
                user_id,
                on_duty,
                open_tickets,
            })
            .collect();
        if let Some(id) = ticket::pick_assignee(&candidates, excluding) {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Opens a ticket: numbers it, sets its deadlines, routes and assigns it,
/// records its history, pings the assignee (and, for emergencies, everyone on
/// duty there and the supervisors) and schedules the deadline checks.
pub async fn open_ticket(
    tx: &mut Tx,
    app: &App,
    request: NewRequest,
    now: DateTime<Utc>,
) -> Result<Opened, Error> {
    open_ticket_at(tx, app, request, &SharedPlace::default(), now).await
}

/// [`open_ticket`] for a ticket about a shared place rather than a flat: the
/// place is stored with it, so that every card names it.
pub async fn open_ticket_at(
    tx: &mut Tx,
    app: &App,
    request: NewRequest,
    place: &SharedPlace,
    now: DateTime<Utc>,
) -> Result<Opened, Error> {
    let department = app.settings.department_for(request.category).to_owned();
    open_ticket_in(tx, app, request, place, &department, None, now).await
}

/// [`open_ticket_at`] for a given department; `slot` (a booking's time)
/// stands for the deadlines, and then no deadline checks are scheduled: the
/// booking has its own reminders.
pub async fn open_ticket_in(
    tx: &mut Tx,
    app: &App,
    request: NewRequest,
    place: &SharedPlace,
    department: &str,
    slot: Option<ticket::Deadlines>,
    now: DateTime<Utc>,
) -> Result<Opened, Error> {
    let prefix = ticket::prefix(request.kind).to_string();
    let seq = store::tickets::next_number(tx, &prefix).await?;
    let number = ticket::number(request.kind, seq);
    let deadlines =
        slot.unwrap_or_else(|| app.settings.deadlines(request.kind, request.urgency, now));
    let department = department.to_owned();
    let assignee_id = choose_assignee(tx, &department, &[]).await?;
    let status = if assignee_id.is_some() {
        Status::Assigned
    } else {
        Status::New
    };
    let row = NewTicketRow {
        number: &number,
        kind: request.kind,
        category: request.category,
        urgency: request.urgency,
        unit_id: request.unit_id,
        resident_id: request.resident_id,
        source: request.source.as_str(),
        logged_by: request.logged_by,
        description: &request.description,
        preferred_start: request.when.map(|w| w.0),
        preferred_end: request.when.map(|w| w.1),
        status,
        department: &department,
        assignee_id,
        respond_by: deadlines.respond_by,
        resolve_by: deadlines.resolve_by,
        area: place.area.as_deref(),
        building: place.building.as_deref(),
    };
    let ticket = store::tickets::insert(tx, &row, now).await?;
    for photo in &request.photos {
        store::tickets::add_photo(
            tx,
            ticket.id,
            photo,
            request.resident_id.or(request.logged_by),
            now,
        )
        .await?;
    }
    let actor = request.logged_by.or(request.resident_id);
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        actor,
        "created",
        None,
        Some(Status::New),
        None,
    )
    .await?;
    let assignee = match assignee_id {
        Some(id) => {
            store::work::add_history_to(
                tx,
                ticket.id,
                now,
                None,
                "assigned",
                Some(Status::New),
                Some(Status::Assigned),
                id,
                None,
            )
            .await?;
            store::users::get_tx(tx, id).await?
        }
        None => None,
    };
    if let Some(staff) = &assignee {
        ping_assignee(tx, app, &ticket, staff, now).await?;
    }
    // One card to each supervisor: the emergency alert says when nobody has it.
    if request.urgency == Urgency::Emergency {
        alert_emergency(tx, app, &ticket, assignee_id, now).await?;
    } else if assignee.is_none() {
        alert_supervisors(tx, app, &ticket, "alert-unassigned", now).await?;
    }
    if request.logged_by.is_some() {
        notify_resident(tx, app, &ticket, "resident-logged-for-you", now).await?;
    }
    if slot.is_none() {
        sla::schedule_checks(tx, app, &ticket).await?;
    }
    hotspots::on_new_ticket(tx, app, &ticket, now).await?;
    keys::after_open(tx, app, &ticket, now).await?;
    let duplicates = match ticket.kind {
        Kind::Booking => Vec::new(),
        _ => store::work::open_duplicates(
            tx,
            ticket.id,
            ticket.category,
            ticket.unit_id,
            ticket.resident_id,
        )
        .await?
        .into_iter()
        .map(|(_, number)| number)
        .collect(),
    };
    Ok(Opened {
        ticket,
        assignee,
        duplicates,
    })
}

/// Who is acting, as far as permissions go.
#[derive(Debug, Clone, Copy)]
pub struct Doer {
    pub user_id: i64,
    pub role: Option<Role>,
}

fn may(doer: Doer, ticket: &TicketRow, action: Action) -> bool {
    if doer.role == Some(Role::Supervisor) {
        return true;
    }
    match action {
        Action::Cancel => {
            doer.role == Some(Role::Resident) && ticket.resident_id == Some(doer.user_id)
        }
        Action::Reassign | Action::Close => false,
        Action::Accept | Action::Decline | Action::Start | Action::Resolve => {
            doer.role == Some(Role::Staff) && ticket.assignee_id == Some(doer.user_id)
        }
    }
}

/// Acts on a ticket for its assignee, a supervisor or (to cancel) its
/// resident. `note` is the decline reason, the resolution note or the
/// cancellation reason. Returns the ticket as it now stands.
pub async fn act(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    doer: Doer,
    action: Action,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Result<TicketRow, Refusal>, Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    if !may(doer, &ticket, action) {
        return Ok(Err(Refusal::NotYours));
    }
    let from = ticket.status;
    if action == Action::Cancel
        && doer.role == Some(Role::Resident)
        && !bookings::resident_may_cancel(tx, app, ticket.id, now).await?
    {
        return Ok(Err(Refusal::NotNow(ticket::NotNow { action, from })));
    }
    let mut to = match ticket::next_status(from, action) {
        Ok(to) => to,
        Err(not_now) => return Ok(Err(Refusal::NotNow(not_now))),
    };
    let mut assignee = ticket.assignee_id;
    if action == Action::Decline {
        // Nobody who has declined it gets it again (a supervisor may decline
        // for the assignee): the loop ends with the supervisors.
        let giving_back = ticket.assignee_id.unwrap_or(doer.user_id);
        store::work::add_decline(tx, ticket.id, giving_back, note.unwrap_or_default(), now).await?;
        let declined: Vec<i64> = store::work::declines(tx, ticket.id)
            .await?
            .into_iter()
            .map(|d| d.user_id)
            .collect();
        assignee = choose_assignee(tx, &ticket.department, &declined).await?;
        if assignee.is_none() {
            to = Status::New;
        }
    }
    store::tickets::set_status(tx, ticket.id, to, assignee, now).await?;
    if matches!(to, Status::Closed | Status::Cancelled) {
        hotspots::on_ticket_finished(tx, app, ticket.id, now).await?;
    }
    if action == Action::Resolve
        && let Some(note) = note
    {
        store::tickets::set_resolution_note(tx, ticket.id, note).await?;
    }
    let history_action = match action {
        Action::Accept => "accepted",
        Action::Decline => "declined",
        Action::Start => "started",
        Action::Resolve => "resolved",
        Action::Cancel => "cancelled",
        Action::Reassign => "reassigned",
        Action::Close => "closed",
    };
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(doer.user_id),
        history_action,
        Some(from),
        Some(to),
        note,
    )
    .await?;
    let Some(updated) = store::tickets::get(tx, ticket.id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    match action {
        Action::Accept => {
            // A booking is confirmed as its slot, not as a deadline.
            if !bookings::confirmed(tx, app, &updated, now).await? {
                notify_resident(tx, app, &updated, "resident-accepted", now).await?;
            }
            visits::schedule_reminder(tx, app, &updated, now).await?;
        }
        Action::Start => {
            notify_resident(tx, app, &updated, "resident-started", now).await?;
            // Starting straight away takes the ticket as accepting would.
            visits::schedule_reminder(tx, app, &updated, now).await?;
        }
        Action::Resolve => {
            resolution::tell_resident(tx, app, &updated, now).await?;
            retire_cards(tx, app, &updated, None, Some(doer.user_id), now).await?;
            sla::cancel_checks(tx, &updated).await?;
            callbacks::schedule_ask(tx, app, &updated, now).await?;
        }
        Action::Cancel | Action::Close => {
            // A cancelled (or closed) booking frees its place.
            store::bookings::cancel_of_ticket(tx, updated.id, now).await?;
            if doer.role != Some(Role::Resident) {
                let key = match action {
                    Action::Close => "resident-closed-by-office",
                    _ => "resident-cancelled-by-office",
                };
                notify_resident_why(tx, app, &updated, key, note.unwrap_or_default(), now).await?;
            }
            if let Some(staff) = updated
                .assignee_id
                .and_then(|id| (id != doer.user_id).then_some(id))
            {
                let key = match action {
                    Action::Close => "staff-ticket-closed",
                    _ => "staff-ticket-cancelled",
                };
                tell_staff(tx, app, staff, &updated, key, now).await?;
            }
            retire_cards(tx, app, &updated, None, Some(doer.user_id), now).await?;
            sla::cancel_checks(tx, &updated).await?;
        }
        Action::Decline => {
            retire_cards(tx, app, &updated, assignee, Some(doer.user_id), now).await?;
            match assignee {
                Some(id) => {
                    store::work::add_history_to(
                        tx,
                        ticket.id,
                        now,
                        None,
                        "assigned",
                        Some(to),
                        Some(to),
                        id,
                        None,
                    )
                    .await?;
                    if let Some(staff) = store::users::get_tx(tx, id).await? {
                        ping_assignee(tx, app, &updated, &staff, now).await?;
                    }
                }
                // Everyone declined: one card to each supervisor, with the
                // declines and their reasons, to take it or give it to anyone.
                None => alert_supervisors(tx, app, &updated, "alert-declined-all", now).await?,
            }
        }
        Action::Reassign => {}
    }
    Ok(Ok(updated))
}
