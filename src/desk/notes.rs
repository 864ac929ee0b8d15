//! What the people working a ticket add besides moving it along: notes,
//! photos, and a look at the resident's contact details. Each is one
//! transaction step with its history (or audit) row.

use chrono::{DateTime, Utc};

use super::{Doer, Refusal};
use crate::domain::role::Role;
use crate::error::Error;
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};

/// Whether someone may work on a ticket: its assignee, or any supervisor.
pub fn may_work(doer: Doer, ticket: &TicketRow) -> bool {
    match doer.role {
        Some(Role::Supervisor) => true,
        Some(Role::Staff) => ticket.assignee_id == Some(doer.user_id),
        _ => false,
    }
}

async fn workable(
    tx: &mut Tx,
    ticket_id: i64,
    doer: Doer,
) -> Result<Result<TicketRow, Refusal>, Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    if !may_work(doer, &ticket) {
        return Ok(Err(Refusal::NotYours));
    }
    Ok(Ok(ticket))
}

/// Adds a note to a ticket's history (assignee or supervisor only).
pub async fn add_note(
    tx: &mut Tx,
    ticket_id: i64,
    doer: Doer,
    note: &str,
    now: DateTime<Utc>,
) -> Result<Result<TicketRow, Refusal>, Error> {
    let ticket = match workable(tx, ticket_id, doer).await? {
        Ok(ticket) => ticket,
        Err(refusal) => return Ok(Err(refusal)),
    };
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(doer.user_id),
        "note",
        Some(ticket.status),
        Some(ticket.status),
        Some(note),
    )
    .await?;
    Ok(Ok(ticket))
}

/// Attaches a photo (a Telegram file id) with an optional caption, recorded
/// in the history (assignee or supervisor only).
pub async fn add_photo(
    tx: &mut Tx,
    ticket_id: i64,
    doer: Doer,
    file_id: &str,
    caption: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Result<TicketRow, Refusal>, Error> {
    let ticket = match workable(tx, ticket_id, doer).await? {
        Ok(ticket) => ticket,
        Err(refusal) => return Ok(Err(refusal)),
    };
    store::tickets::add_photo(tx, ticket.id, file_id, Some(doer.user_id), now).await?;
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(doer.user_id),
        "photo",
        Some(ticket.status),
        Some(ticket.status),
        caption,
    )
    .await?;
    Ok(Ok(ticket))
}

/// How to reach the resident of a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub ticket: String,
    /// `3-1502`, when the ticket names a unit.
    pub unit: Option<String>,
    /// `(name, phone)`: the reporting resident first, then the unit's register.
    pub people: Vec<(String, String)>,
}

/// The resident's name and phone (from their profile, else the unit's
/// register), for the assignee or a supervisor only; each look is audited.
pub async fn contact(
    tx: &mut Tx,
    ticket_id: i64,
    doer: Doer,
    now: DateTime<Utc>,
) -> Result<Result<Contact, Refusal>, Error> {
    let ticket = match workable(tx, ticket_id, doer).await? {
        Ok(ticket) => ticket,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let found = reach(tx, &ticket).await?;
    store::audit::record(
        tx,
        now,
        Some(doer.user_id),
        "ticket.contact_viewed",
        Some(&format!("ticket:{}", ticket.id)),
        &serde_json::json!({ "number": ticket.number }),
    )
    .await?;
    Ok(Ok(found))
}

/// How to reach the resident of a ticket, without checks or audit (for the
/// desk's own messages, such as a phone callback task).
pub(crate) async fn reach(tx: &mut Tx, ticket: &TicketRow) -> Result<Contact, Error> {
    let mut people: Vec<(String, String)> = Vec::new();
    if let Some(resident_id) = ticket.resident_id
        && let Some(resident) = store::users::get_tx(tx, resident_id).await?
        && let Some(phone) = resident.phone
    {
        people.push((resident.first_name, phone));
    }
    let mut unit = None;
    if let Some(unit_id) = ticket.unit_id {
        unit = store::units::get(tx, unit_id).await?.map(|u| u.label());
        for (name, phone) in store::units::register_of(tx, unit_id).await? {
            if !people.iter().any(|(_, p)| *p == phone) {
                people.push((name, phone));
            }
        }
    }
    Ok(Contact {
        ticket: ticket.number.clone(),
        unit,
        people,
    })
}
