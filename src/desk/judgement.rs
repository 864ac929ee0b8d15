//! The supervisor's judgement of complaints: validity (投訴成立: valid, partly
//! valid, not valid, with a reason) and key complaints (重點投訴). A staff
//! member's validity waits for a supervisor to confirm it; a supervisor's
//! counts at once. Each is recorded in the ticket's history.

use chrono::{DateTime, Utc};

use super::{Doer, Refusal, lang_of};
use crate::app::App;
use crate::domain::button::{Callback, JudgeOp};
use crate::domain::lang::Lang;
use crate::domain::request::Kind;
use crate::domain::role::Role;
use crate::domain::ticket::Status;
pub use crate::domain::ticket::Validity;
use crate::error::Error;
use crate::outbox::{self, OutButton, OutMessage};
use crate::store::tickets::TicketRow;
use crate::store::validity::ValidityRow;
use crate::store::{self, Tx};
use crate::texts::{has, t, t_args};

/// Why a complaint's validity cannot be recorded by this person now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoJudgement {
    /// No such ticket (a forged id).
    NotFound,
    /// The ticket is not a complaint.
    NotAComplaint,
    /// Neither a supervisor nor the complaint's own staff member.
    NotYours,
    /// Not resolved or closed yet.
    NotDone,
    /// A supervisor has confirmed a judgement; staff no longer change it.
    Confirmed,
}

/// What recording a validity came to.
#[derive(Debug, Clone)]
pub enum Judged {
    /// A supervisor's: it counts at once.
    Counted(TicketRow),
    /// A staff member's: it waits for a supervisor to confirm it.
    Awaiting(TicketRow),
}

/// Whether `doer` may judge `ticket` as it stands: a supervisor, or the
/// staff member it is assigned to; a complaint, resolved or closed. (Whether
/// a confirmed judgement stands in the way is [`may_judge`]'s to say.)
pub fn may_judge_ticket(doer: Doer, ticket: &TicketRow) -> Result<(), NoJudgement> {
    let supervisor = doer.role == Some(Role::Supervisor);
    let own = doer.role == Some(Role::Staff) && ticket.assignee_id == Some(doer.user_id);
    if !(supervisor || own) {
        return Err(NoJudgement::NotYours);
    }
    if ticket.kind != Kind::Complaint {
        return Err(NoJudgement::NotAComplaint);
    }
    // Judged only once the work is done.
    if !matches!(ticket.status, Status::Resolved | Status::Closed) {
        return Err(NoJudgement::NotDone);
    }
    Ok(())
}

/// Whether `doer` may judge ticket `ticket_id` now; the ticket and what is
/// recorded so far when they may.
pub async fn may_judge(
    tx: &mut Tx,
    ticket_id: i64,
    doer: Doer,
) -> Result<Result<(TicketRow, ValidityRow), NoJudgement>, Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(Err(NoJudgement::NotFound));
    };
    if let Err(no) = may_judge_ticket(doer, &ticket) {
        return Ok(Err(no));
    }
    let supervisor = doer.role == Some(Role::Supervisor);
    let recorded = store::validity::get(tx, ticket.id)
        .await?
        .unwrap_or(ValidityRow {
            validity: None,
            reason: None,
            by: None,
            confirmed: false,
        });
    if !supervisor && recorded.confirmed {
        return Ok(Err(NoJudgement::Confirmed));
    }
    Ok(Ok((ticket, recorded)))
}

/// Records a complaint's validity once it is resolved or closed: a
/// supervisor's counts at once, a staff member's waits for a supervisor
/// (and may be changed by them until it is confirmed).
pub async fn record_validity(
    tx: &mut Tx,
    ticket_id: i64,
    doer: Doer,
    validity: Validity,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Result<Judged, NoJudgement>, Error> {
    let ticket = match may_judge(tx, ticket_id, doer).await? {
        Ok((ticket, _)) => ticket,
        Err(no) => return Ok(Err(no)),
    };
    let supervisor = doer.role == Some(Role::Supervisor);
    store::tickets::set_validity(
        tx,
        ticket.id,
        validity.as_str(),
        reason,
        doer.user_id,
        supervisor,
    )
    .await?;
    let note = note(validity, reason);
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
    Ok(Ok(if supervisor {
        Judged::Counted(ticket)
    } else {
        Judged::Awaiting(ticket)
    }))
}

/// Records a validity as [`record_validity`] does and, for a staff member's,
/// sends every supervisor a card to confirm it or change it.
pub async fn judge(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    doer: Doer,
    validity: Validity,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Result<Judged, NoJudgement>, Error> {
    let judged = match record_validity(tx, ticket_id, doer, validity, reason, now).await? {
        Ok(judged) => judged,
        Err(no) => return Ok(Err(no)),
    };
    let Judged::Awaiting(ticket) = &judged else {
        return Ok(Ok(judged));
    };
    let staff = store::users::get_tx(tx, doer.user_id).await?;
    let staff_name = staff
        .as_ref()
        .map(|u| u.first_name.clone())
        .unwrap_or_default();
    for supervisor in store::users::supervisors(tx).await? {
        let lang = lang_of(app, Some(&supervisor));
        let text = t_args(
            lang,
            "judge-confirm-card",
            &[
                ("staff", staff_name.clone().into()),
                ("number", ticket.number.clone().into()),
                ("validity", validity_label(lang, validity).into()),
                ("reason", reason_label(lang, reason).into()),
            ],
        );
        let confirm = Callback::Judge(JudgeOp::Confirm(ticket.id, validity, reason.to_owned()));
        let change = Callback::Judge(JudgeOp::Ask(ticket.id));
        let rows = vec![vec![
            OutButton::new(t(lang, "judge-button-confirm"), confirm.encode()),
            OutButton::new(t(lang, "judge-button-change"), change.encode()),
        ]];
        outbox::enqueue(
            tx,
            supervisor.chat_id,
            &OutMessage::with_buttons(text, rows),
            now,
        )
        .await?;
    }
    Ok(Ok(judged))
}

/// What confirming a staff member's judgement came to.
#[derive(Debug, Clone)]
pub enum Confirmed {
    /// Confirmed now: it counts from here.
    Now(Box<TicketRow>),
    /// A supervisor confirmed (or judged) it already.
    Already,
    /// The judgement was changed since the card was sent.
    Changed,
}

/// A supervisor confirms the judgement a card showed (`validity` for
/// `reason`); the staff member who made it is told.
pub async fn confirm_validity(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    doer: Doer,
    validity: Validity,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Result<Confirmed, NoJudgement>, Error> {
    if doer.role != Some(Role::Supervisor) {
        return Ok(Err(NoJudgement::NotYours));
    }
    let (ticket, recorded) = match may_judge(tx, ticket_id, doer).await? {
        Ok(found) => found,
        Err(no) => return Ok(Err(no)),
    };
    let shown = recorded.validity.as_deref() == Some(validity.as_str())
        && recorded.reason.as_deref() == Some(reason);
    if !shown {
        return Ok(Ok(Confirmed::Changed));
    }
    if !store::validity::confirm(tx, ticket.id, validity.as_str(), reason).await? {
        return Ok(Ok(Confirmed::Already));
    }
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(doer.user_id),
        "validity_confirmed",
        None,
        None,
        Some(&note(validity, reason)),
    )
    .await?;
    let supervisor = store::users::get_tx(tx, doer.user_id).await?;
    let name = supervisor.map(|u| u.first_name).unwrap_or_default();
    if let Some(by) = recorded.by.filter(|by| *by != doer.user_id)
        && let Some(staff) = store::users::get_tx(tx, by).await?
    {
        let lang = lang_of(app, Some(&staff));
        let text = t_args(
            lang,
            "judge-confirmed-to-staff",
            &[
                ("supervisor", name.into()),
                ("number", ticket.number.clone().into()),
                ("validity", validity_label(lang, validity).into()),
                ("reason", reason_label(lang, reason).into()),
            ],
        );
        outbox::enqueue(tx, staff.chat_id, &OutMessage::text(text), now).await?;
    }
    Ok(Ok(Confirmed::Now(Box::new(ticket))))
}

/// How a judgement is kept in the ticket's history: `partly/workmanship`.
fn note(validity: Validity, reason: &str) -> String {
    format!("{}/{reason}", validity.as_str())
}

/// A history note of a judgement as people read it, when it is one.
pub fn note_label(lang: Lang, note: &str) -> Option<String> {
    let (validity, reason) = note.split_once('/')?;
    let validity: Validity = validity.parse().ok()?;
    Some(format!(
        "{}: {}",
        validity_label(lang, validity),
        reason_label(lang, reason)
    ))
}

/// "Partly valid", in a language.
pub fn validity_label(lang: Lang, validity: Validity) -> String {
    t(lang, &format!("validity-{}", validity.as_str()))
}

/// A reason's words: `validity-reason-<key>`, else the key.
pub fn reason_label(lang: Lang, reason: &str) -> String {
    let key = format!("validity-reason-{reason}");
    if has(lang, &key) {
        t(lang, &key)
    } else {
        reason.replace('_', " ")
    }
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
