//! The supervisor's judgement of complaints: validity (投訴成立: valid, partly
//! valid, not valid, with a reason) and key complaints (重點投訴). A staff
//! member's validity waits for a supervisor to confirm it; a supervisor's
//! counts at once. Each is recorded in the ticket's history.

use chrono::{DateTime, Utc};

use super::{Doer, Refusal};
use crate::app::App;
use crate::domain::request::Kind;
use crate::domain::role::Role;
use crate::error::Error;
use crate::store::{self, Tx};

/// Whether a complaint was justified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    Valid,
    Partly,
    NotValid,
}

impl Validity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Partly => "partly",
            Self::NotValid => "not_valid",
        }
    }
}

/// Records a complaint's validity once it is resolved or closed.
pub async fn record_validity(
    tx: &mut Tx,
    ticket_id: i64,
    doer: Doer,
    validity: Validity,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), Refusal>, Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    let supervisor = doer.role == Some(Role::Supervisor);
    let own = doer.role == Some(Role::Staff) && ticket.assignee_id == Some(doer.user_id);
    if ticket.kind != Kind::Complaint || !(supervisor || own) {
        return Ok(Err(Refusal::NotYours));
    }
    if !matches!(ticket.status.as_str(), "resolved" | "closed") {
        // Judged only once the work is done.
        return Ok(Err(Refusal::NotNow(crate::domain::ticket::NotNow {
            action: crate::domain::ticket::Action::Resolve,
            from: ticket.status,
        })));
    }
    store::tickets::set_validity(
        tx,
        ticket.id,
        validity.as_str(),
        reason,
        doer.user_id,
        supervisor,
    )
    .await?;
    let note = format!("{} ({reason})", validity.as_str());
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(doer.user_id),
        "validity",
        None,
        None,
        Some(&note),
    )
    .await?;
    Ok(Ok(()))
}

/// A supervisor marks a complaint key, or unmarks it; a key complaint is
/// followed by a daily reminder ([`super::keys`]) until it is closed.
pub async fn mark_key(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    doer: Doer,
    key: bool,
    now: DateTime<Utc>,
) -> Result<Result<(), Refusal>, Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    if doer.role != Some(Role::Supervisor) || ticket.kind != Kind::Complaint {
        return Ok(Err(Refusal::NotYours));
    }
    store::tickets::set_key_complaint(tx, ticket.id, key).await?;
    if key {
        // Followed daily from tomorrow's reminder hour (or today's, if ahead).
        super::keys::plan(tx, app, ticket.id, now).await?;
    }
    let action = if key { "key_marked" } else { "key_unmarked" };
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(doer.user_id),
        action,
        None,
        None,
        None,
    )
    .await?;
    Ok(Ok(()))
}
