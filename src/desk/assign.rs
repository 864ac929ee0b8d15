//! A supervisor gives a ticket to anyone (staff or a supervisor, themselves
//! included) or takes it. The cards the ticket leaves behind are rewritten.

use chrono::{DateTime, Utc};

use super::{Refusal, notify_resident, ping_assignee, retire_cards, tell_staff};
use crate::app::App;
use crate::domain::role::Role;
use crate::domain::ticket::{self, Action, NotNow, Status};
use crate::error::Error;
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};

/// A supervisor gives a ticket to a staff member or a supervisor; giving it
/// to themselves is taking it ([`take`]).
pub async fn reassign(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    supervisor: i64,
    to: i64,
    now: DateTime<Utc>,
) -> Result<Result<TicketRow, Refusal>, Error> {
    if to == supervisor {
        return take(tx, app, ticket_id, supervisor, now).await;
    }
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    let from = ticket.status;
    if let Err(not_now) = ticket::next_status(from, Action::Reassign) {
        return Ok(Err(Refusal::NotNow(not_now)));
    }
    if !is_supervisor(tx, supervisor).await? {
        return Ok(Err(Refusal::NotYours));
    }
    let Some(staff) = store::users::get_tx(tx, to).await?.filter(|u| {
        matches!(u.role, Some(Role::Staff | Role::Supervisor)) && u.blocked_at.is_none()
    }) else {
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
    store::work::add_history_to(
        tx,
        ticket.id,
        now,
        Some(supervisor),
        "reassigned",
        Some(from),
        Some(Status::Assigned),
        staff.id,
        None,
    )
    .await?;
    let updated = reload(tx, ticket.id).await?;
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
    // The supervisor's own alert says where it went too (they pressed a list).
    retire_cards(tx, app, &updated, Some(staff.id), None, now).await?;
    ping_assignee(tx, app, &updated, &staff, now).await?;
    Ok(Ok(updated))
}

/// A supervisor takes a ticket: it is theirs and accepted, the resident is
/// told who handles it, and the cards it leaves behind are rewritten.
pub async fn take(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    supervisor: i64,
    now: DateTime<Utc>,
) -> Result<Result<TicketRow, Refusal>, Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    let from = ticket.status;
    if !is_supervisor(tx, supervisor).await? {
        return Ok(Err(Refusal::NotYours));
    }
    let taken_already = ticket.assignee_id == Some(supervisor) && from != Status::Assigned;
    if ticket::next_status(from, Action::Reassign).is_err() || taken_already {
        return Ok(Err(Refusal::NotNow(NotNow {
            action: Action::Reassign,
            from,
        })));
    }
    // Taking it is accepting it; work already started stays started.
    let to = match from {
        Status::InProgress => Status::InProgress,
        _ => Status::Accepted,
    };
    store::tickets::set_status(tx, ticket.id, to, Some(supervisor), now).await?;
    store::work::add_history_to(
        tx,
        ticket.id,
        now,
        Some(supervisor),
        "taken",
        Some(from),
        Some(to),
        supervisor,
        None,
    )
    .await?;
    let updated = reload(tx, ticket.id).await?;
    if let Some(previous) = ticket.assignee_id.filter(|id| *id != supervisor) {
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
    // The supervisor's pressed card becomes theirs to work (the handler shows it).
    retire_cards(tx, app, &updated, Some(supervisor), None, now).await?;
    notify_resident(tx, app, &updated, "resident-accepted", now).await?;
    super::visits::schedule_reminder(tx, app, &updated, now).await?;
    Ok(Ok(updated))
}

async fn is_supervisor(tx: &mut Tx, id: i64) -> Result<bool, Error> {
    Ok(store::users::get_tx(tx, id)
        .await?
        .is_some_and(|u| u.role == Some(Role::Supervisor)))
}

async fn reload(tx: &mut Tx, id: i64) -> Result<TicketRow, Error> {
    store::tickets::get(tx, id)
        .await?
        .ok_or_else(|| Error::Other(format!("ticket {id} vanished in its own transaction")))
}
