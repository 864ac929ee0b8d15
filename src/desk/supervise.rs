//! A supervisor's changes to a ticket beyond who has it: its urgency or
//! category (deadlines recomputed, the work rerouted when the department
//! changes) and merging a duplicate into the ticket kept. Closing and
//! cancelling with a reason go through [`super::act`].

use chrono::{DateTime, Utc};

use super::{Refusal, choose_assignee, ping_assignee, retire_cards, sla, tell_staff};
use crate::app::App;
use crate::domain::request::{Category, Urgency};
use crate::domain::role::Role;
use crate::domain::ticket::{Action, NotNow, Status};
use crate::error::Error;
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};

/// An open ticket a supervisor may change, or why not.
async fn changeable(
    tx: &mut Tx,
    ticket_id: i64,
    supervisor: i64,
) -> Result<Result<TicketRow, Refusal>, Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    let is_supervisor = store::users::get_tx(tx, supervisor)
        .await?
        .is_some_and(|u| u.role == Some(Role::Supervisor));
    if !is_supervisor {
        return Ok(Err(Refusal::NotYours));
    }
    if !ticket.status.is_open() {
        return Ok(Err(Refusal::NotNow(NotNow {
            action: Action::Reassign,
            from: ticket.status,
        })));
    }
    Ok(Ok(ticket))
}

/// New deadlines for the ticket as it now stands, counted from its opening
/// through the one deadline function, and the checks that go with them.
async fn recompute_deadlines(
    tx: &mut Tx,
    app: &App,
    before: &TicketRow,
    urgency: Urgency,
) -> Result<TicketRow, Error> {
    sla::cancel_checks(tx, before).await?;
    let limits = app
        .settings
        .deadlines(before.kind, urgency, before.created_at);
    store::tickets::set_deadlines(tx, before.id, limits.respond_by, limits.resolve_by).await?;
    let updated = reload(tx, before.id).await?;
    sla::schedule_checks(tx, app, &updated).await?;
    Ok(updated)
}

/// Changes a ticket's urgency; its deadlines are recomputed and the
/// assignee is told.
pub async fn set_urgency(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    supervisor: i64,
    urgency: Urgency,
    now: DateTime<Utc>,
) -> Result<Result<TicketRow, Refusal>, Error> {
    let ticket = match changeable(tx, ticket_id, supervisor).await? {
        Ok(ticket) => ticket,
        Err(refusal) => return Ok(Err(refusal)),
    };
    if ticket.urgency == urgency {
        return Ok(Err(Refusal::NotNow(NotNow {
            action: Action::Reassign,
            from: ticket.status,
        })));
    }
    store::work::set_urgency(tx, ticket.id, urgency).await?;
    let updated = recompute_deadlines(tx, app, &ticket, urgency).await?;
    let note = format!("{} → {}", ticket.urgency.as_str(), urgency.as_str());
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(supervisor),
        "urgency",
        Some(ticket.status),
        Some(ticket.status),
        Some(&note),
    )
    .await?;
    if let Some(staff) = updated.assignee_id.filter(|id| *id != supervisor) {
        tell_staff(tx, app, staff, &updated, "staff-ticket-changed", now).await?;
    }
    Ok(Ok(updated))
}

/// Changes a ticket's category. When that moves it to another department,
/// it goes to whoever would get it there new (the cards it leaves behind
/// say so); its deadlines are recomputed either way.
pub async fn set_category(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    supervisor: i64,
    category: Category,
    now: DateTime<Utc>,
) -> Result<Result<TicketRow, Refusal>, Error> {
    let ticket = match changeable(tx, ticket_id, supervisor).await? {
        Ok(ticket) => ticket,
        Err(refusal) => return Ok(Err(refusal)),
    };
    if ticket.category == category {
        return Ok(Err(Refusal::NotNow(NotNow {
            action: Action::Reassign,
            from: ticket.status,
        })));
    }
    let department = app.settings.department_for(category).to_owned();
    store::work::set_category(tx, ticket.id, category, &department).await?;
    let note = format!("{} → {}", ticket.category.as_str(), category.as_str());
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(supervisor),
        "category",
        Some(ticket.status),
        Some(ticket.status),
        Some(&note),
    )
    .await?;
    let mut updated = recompute_deadlines(tx, app, &ticket, ticket.urgency).await?;
    if department == ticket.department {
        if let Some(staff) = updated.assignee_id.filter(|id| *id != supervisor) {
            tell_staff(tx, app, staff, &updated, "staff-ticket-changed", now).await?;
        }
        return Ok(Ok(updated));
    }
    // Another department's work now: whoever would get it there new.
    let assignee = choose_assignee(tx, &department, &[]).await?;
    let to = if assignee.is_some() {
        Status::Assigned
    } else {
        Status::New
    };
    store::tickets::set_status(tx, ticket.id, to, assignee, now).await?;
    updated = reload(tx, ticket.id).await?;
    retire_cards(tx, app, &updated, assignee, None, now).await?;
    match assignee {
        Some(id) => {
            store::work::add_history_to(
                tx,
                ticket.id,
                now,
                None,
                "assigned",
                Some(ticket.status),
                Some(to),
                id,
                None,
            )
            .await?;
            if let Some(staff) = store::users::get_tx(tx, id).await? {
                ping_assignee(tx, app, &updated, &staff, now).await?;
            }
        }
        None => super::alert_supervisors(tx, app, &updated, "alert-unassigned", now).await?,
    }
    Ok(Ok(updated))
}

/// Merges a duplicate into the ticket kept: the duplicate is closed and
/// names the one kept; its cards say so; both residents are told, and the
/// duplicate's resident hears of the kept ticket from then on.
pub async fn merge(
    tx: &mut Tx,
    app: &App,
    duplicate_id: i64,
    kept_id: i64,
    supervisor: i64,
    now: DateTime<Utc>,
) -> Result<Result<TicketRow, Refusal>, Error> {
    if duplicate_id == kept_id {
        return Ok(Err(Refusal::NotFound));
    }
    let duplicate = match changeable(tx, duplicate_id, supervisor).await? {
        Ok(ticket) => ticket,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let kept = match changeable(tx, kept_id, supervisor).await? {
        Ok(ticket) => ticket,
        Err(refusal) => return Ok(Err(refusal)),
    };
    store::tickets::set_status(tx, duplicate.id, Status::Closed, duplicate.assignee_id, now)
        .await?;
    super::hotspots::on_ticket_finished(tx, app, duplicate.id, now).await?;
    store::work::set_merged_into(tx, duplicate.id, kept.id).await?;
    let into = format!("→ {}", kept.number);
    store::tickets::add_history(
        tx,
        duplicate.id,
        now,
        Some(supervisor),
        "merged",
        Some(duplicate.status),
        Some(Status::Closed),
        Some(&into),
    )
    .await?;
    let from = format!("← {}", duplicate.number);
    store::tickets::add_history(
        tx,
        kept.id,
        now,
        Some(supervisor),
        "merged_in",
        Some(kept.status),
        Some(kept.status),
        Some(&from),
    )
    .await?;
    // Photos of the duplicate help whoever works the kept one.
    for photo in store::tickets::photos(tx, duplicate.id).await? {
        store::tickets::add_photo(tx, kept.id, &photo, duplicate.resident_id, now).await?;
    }
    let closed = reload(tx, duplicate.id).await?;
    sla::cancel_checks(tx, &closed).await?;
    retire_cards(tx, app, &closed, None, None, now).await?;
    if let Some(staff) = duplicate
        .assignee_id
        .filter(|id| Some(*id) != kept.assignee_id)
    {
        tell_staff(tx, app, staff, &closed, "staff-ticket-merged", now).await?;
    }
    // The duplicate's resident first hears of the merge, then of the kept
    // ticket like its own resident (`notify_resident` tells both).
    super::notify_resident_why(tx, app, &closed, "resident-merged", &kept.number, now).await?;
    let kept = reload(tx, kept.id).await?;
    if let Some(resident) = kept.resident_id
        && Some(resident) != duplicate.resident_id
        && let Some(user) = store::users::get_tx(tx, resident).await?
    {
        let lang = super::lang_of(app, Some(&user));
        let text = super::cards::resident_update_why(
            tx,
            app,
            &kept,
            "resident-merged-in",
            &duplicate.number,
            lang,
        )
        .await?;
        crate::outbox::enqueue(
            tx,
            user.chat_id,
            &crate::outbox::OutMessage::text(text),
            now,
        )
        .await?;
    }
    Ok(Ok(kept))
}

async fn reload(tx: &mut Tx, id: i64) -> Result<TicketRow, Error> {
    store::tickets::get(tx, id)
        .await?
        .ok_or_else(|| Error::Other(format!("ticket {id} vanished in its own transaction")))
}
