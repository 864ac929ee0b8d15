//! The desk's work on tickets: opening, routing, assigning, moving them along,
//! and telling the people concerned. Every change is one transaction with its
//! history rows and outbox messages; nothing here talks to Telegram directly.

pub mod additions;
pub mod bookings;
pub mod callbacks;
pub mod campaign;
pub mod cards;
pub mod judgement;
pub mod notes;
pub mod sla;
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
use crate::outbox::{self, OutMessage};
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

/// A ticket just opened, and who got it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub ticket: TicketRow,
    pub assignee: Option<UserRow>,
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

/// Who should get a ticket of a department: its least busy member on duty,
/// else customer service's.
async fn choose_assignee(
    tx: &mut Tx,
    department: &str,
    excluding: Option<i64>,
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
    let department = app.settings.department_for(request.category).to_owned();
    open_ticket_in(tx, app, request, &department, None, now).await
}

/// [`open_ticket`] for a given department; `slot` (a booking's time) stands
/// for the deadlines, and then no deadline checks are scheduled: the
/// booking has its own reminders.
pub async fn open_ticket_in(
    tx: &mut Tx,
    app: &App,
    request: NewRequest,
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
    let assignee_id = choose_assignee(tx, &department, None).await?;
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
            store::tickets::add_history(
                tx,
                ticket.id,
                now,
                None,
                "assigned",
                Some(Status::New),
                Some(Status::Assigned),
                None,
            )
            .await?;
            store::users::get_tx(tx, id).await?
        }
        None => None,
    };
    match &assignee {
        Some(staff) => ping_assignee(tx, app, &ticket, staff, now).await?,
        None => alert_supervisors(tx, app, &ticket, "alert-unassigned", now).await?,
    }
    if request.urgency == Urgency::Emergency {
        alert_emergency(tx, app, &ticket, assignee_id, now).await?;
    }
    if request.logged_by.is_some() {
        notify_resident(tx, app, &ticket, "resident-logged-for-you", now).await?;
    }
    if slot.is_none() {
        sla::schedule_checks(tx, app, &ticket).await?;
    }
    Ok(Opened { ticket, assignee })
}

/// The longest photo caption Telegram accepts, in characters.
pub const CAPTION_LIMIT: usize = 1024;

/// Sends the assignee the ping card: the ticket, photos and action buttons.
pub async fn ping_assignee(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    staff: &UserRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let lang = lang_of(app, Some(staff));
    let card = cards::staff_card(tx, app, ticket, lang).await?;
    let buttons = cards::staff_buttons(ticket, lang);
    let photos = store::tickets::photos(tx, ticket.id).await?;
    // Telegram refuses captions over 1024 characters: a long card goes as text.
    let (message, extras) = match photos.first() {
        Some(file_id) if card.chars().count() <= CAPTION_LIMIT => (
            OutMessage::Photo {
                file_id: file_id.clone(),
                caption: Some(card),
                buttons,
            },
            &photos[1..],
        ),
        _ => (OutMessage::with_buttons(card, buttons), &photos[..]),
    };
    outbox::enqueue(tx, staff.chat_id, &message, now).await?;
    for extra in extras {
        let message = OutMessage::Photo {
            file_id: extra.clone(),
            caption: Some(ticket.number.clone()),
            buttons: Vec::new(),
        };
        outbox::enqueue(tx, staff.chat_id, &message, now).await?;
    }
    Ok(())
}

/// Tells every supervisor about a ticket (`key` names the alert).
pub async fn alert_supervisors(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    for supervisor in store::users::supervisors(tx).await? {
        let lang = lang_of(app, Some(&supervisor));
        let text = cards::alert(tx, app, ticket, key, lang).await?;
        let buttons = cards::supervisor_buttons(ticket, lang);
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

/// An emergency: everyone on duty in the department (besides the assignee,
/// who has the ping card) and every supervisor hear of it at once.
async fn alert_emergency(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    assignee: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    for staff in store::users::staff_of(tx, &ticket.department).await? {
        if !staff.on_duty || Some(staff.id) == assignee {
            continue;
        }
        let lang = lang_of(app, Some(&staff));
        let text = cards::alert(tx, app, ticket, "alert-emergency", lang).await?;
        outbox::enqueue(tx, staff.chat_id, &OutMessage::text(text), now).await?;
    }
    alert_supervisors(tx, app, ticket, "alert-emergency", now).await
}

/// Tells the resident of a ticket something about it (`key` from the prompts).
pub async fn notify_resident(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(resident_id) = ticket.resident_id else {
        return Ok(());
    };
    let Some(resident) = store::users::get_tx(tx, resident_id).await? else {
        return Ok(());
    };
    let lang = lang_of(app, Some(&resident));
    let text = cards::resident_update(tx, app, ticket, key, lang).await?;
    outbox::enqueue(tx, resident.chat_id, &OutMessage::text(text), now).await?;
    Ok(())
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
        Action::Reassign => false,
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
        // Someone other than the one giving it back (a supervisor may decline for them).
        let giving_back = ticket.assignee_id.unwrap_or(doer.user_id);
        assignee = choose_assignee(tx, &ticket.department, Some(giving_back)).await?;
        if assignee.is_none() {
            to = Status::New;
        }
    }
    store::tickets::set_status(tx, ticket.id, to, assignee, now).await?;
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
            notify_resident(tx, app, &updated, "resident-accepted", now).await?;
            visits::schedule_reminder(tx, app, &updated, now).await?;
        }
        Action::Start => {
            notify_resident(tx, app, &updated, "resident-started", now).await?;
            // Starting straight away takes the ticket as accepting would.
            visits::schedule_reminder(tx, app, &updated, now).await?;
        }
        Action::Resolve => {
            notify_resident(tx, app, &updated, "resident-resolved", now).await?;
            sla::cancel_checks(tx, &updated).await?;
            callbacks::schedule_ask(tx, app, &updated, now).await?;
        }
        Action::Cancel => {
            // A cancelled booking frees its place.
            store::bookings::cancel_of_ticket(tx, updated.id, now).await?;
            if doer.role != Some(Role::Resident) {
                notify_resident(tx, app, &updated, "resident-cancelled-by-office", now).await?;
            }
            if let Some(staff) = updated
                .assignee_id
                .and_then(|id| (id != doer.user_id).then_some(id))
            {
                tell_staff(tx, app, staff, &updated, "staff-ticket-cancelled", now).await?;
            }
            sla::cancel_checks(tx, &updated).await?;
        }
        Action::Decline => match assignee {
            Some(id) => {
                store::tickets::add_history(
                    tx,
                    ticket.id,
                    now,
                    None,
                    "assigned",
                    Some(to),
                    Some(to),
                    None,
                )
                .await?;
                if let Some(staff) = store::users::get_tx(tx, id).await? {
                    ping_assignee(tx, app, &updated, &staff, now).await?;
                }
            }
            None => alert_supervisors(tx, app, &updated, "alert-unassigned", now).await?,
        },
        Action::Reassign => {}
    }
    Ok(Ok(updated))
}

/// A supervisor gives a ticket to a staff member.
pub async fn reassign(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    supervisor: i64,
    to_staff: i64,
    now: DateTime<Utc>,
) -> Result<Result<TicketRow, Refusal>, Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    let from = ticket.status;
    if let Err(not_now) = ticket::next_status(from, Action::Reassign) {
        return Ok(Err(Refusal::NotNow(not_now)));
    }
    let is_supervisor = store::users::get_tx(tx, supervisor)
        .await?
        .is_some_and(|u| u.role == Some(Role::Supervisor));
    if !is_supervisor {
        return Ok(Err(Refusal::NotYours));
    }
    let Some(staff) = store::users::get_tx(tx, to_staff)
        .await?
        .filter(|u| u.role == Some(Role::Staff) && u.blocked_at.is_none())
    else {
        return Ok(Err(Refusal::NobodyAvailable));
    };
    // A repeated press (or a pick of the person who already has it) changes nothing.
    if ticket.assignee_id == Some(staff.id) {
        return Ok(Err(Refusal::NotNow(NotNow {
            action: Action::Reassign,
            from,
        })));
    }
    store::tickets::set_status(tx, ticket.id, Status::Assigned, Some(staff.id), now).await?;
    let note = format!("→ {}", staff.first_name);
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(supervisor),
        "reassigned",
        Some(from),
        Some(Status::Assigned),
        Some(&note),
    )
    .await?;
    let Some(updated) = store::tickets::get(tx, ticket.id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    if let Some(previous) = ticket.assignee_id.filter(|id| *id != staff.id) {
        tell_staff(
            tx,
            app,
            previous,
            &updated,
            "staff-ticket-reassigned-away",
            now,
        )
        .await?;
    }
    ping_assignee(tx, app, &updated, &staff, now).await?;
    Ok(Ok(updated))
}

async fn tell_staff(
    tx: &mut Tx,
    app: &App,
    staff_id: i64,
    ticket: &TicketRow,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(staff) = store::users::get_tx(tx, staff_id).await? else {
        return Ok(());
    };
    let lang = lang_of(app, Some(&staff));
    let text = cards::alert(tx, app, ticket, key, lang).await?;
    outbox::enqueue(tx, staff.chat_id, &OutMessage::text(text), now).await?;
    Ok(())
}
