//! Complaint validity (投訴成立) in chat. When a complaint is resolved or
//! closed, whoever did it is asked whether it was valid; the reason comes
//! from `complaints.validity_reasons`. A staff member's answer goes to the
//! supervisors to confirm or change; a supervisor's counts at once. The
//! ticket's card (`/ticket C-0003`) has a ⚖️ button to record or correct it
//! later. Every press is checked again by the desk: the role, the ticket
//! being a complaint that is done, and a confirmed judgement not being
//! overwritten by staff.
//!
//! ```text
//! bot:        ⚖️ Was complaint C-0003 valid? …  [✅ Valid] [◐ Partly valid] [✖️ Not valid]
//! staff:      (◐ Partly valid)      → ⚖️ C-0003: Partly valid. Why? [Slow response] …
//! staff:      (Slow response)       → ⚖️ Recorded … the supervisors are asked to confirm it.
//! supervisor: ⚖️ Chan judged complaint C-0003 Partly valid: Slow response. [✅ Confirm] [✏️ Change]
//! supervisor: (✅ Confirm)           → ✅ Confirmed: C-0003 Partly valid: Slow response.
//! ```

use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

use super::common::refuse;
use super::mark::append;
use super::{Actor, App, HandlerResult, reply};
use crate::desk::judgement::{self, Confirmed, Judged, NoJudgement, reason_label, validity_label};
use crate::domain::button::{Callback, JudgeOp};
use crate::domain::request::Kind;
use crate::domain::role::Role;
use crate::domain::ticket::Validity;
use crate::outbox::{OutButton, keyboard};
use crate::store::tickets::TicketRow;
use crate::texts::{t, t_args};

/// Reasons shown side by side.
const PER_ROW: usize = 2;

/// The "was it valid?" buttons of a complaint.
fn question_rows(actor: &Actor, ticket_id: i64) -> Vec<Vec<OutButton>> {
    let row = Validity::ALL
        .into_iter()
        .map(|v| {
            OutButton::new(
                t(actor.lang, &format!("judge-button-{}", v.as_str())),
                Callback::Judge(JudgeOp::Pick(ticket_id, v)).encode(),
            )
        })
        .collect();
    vec![row]
}

fn question(actor: &Actor, ticket: &TicketRow) -> String {
    let key = match actor.role() {
        Some(Role::Supervisor) => "judge-ask",
        _ => "judge-ask-staff",
    };
    t_args(actor.lang, key, &[("number", ticket.number.clone().into())])
}

/// After a complaint was resolved or closed by `actor`: asks them whether
/// it was valid. Other tickets are left alone.
pub async fn ask_after(bot: &Bot, actor: &Actor, ticket: &TicketRow) -> HandlerResult {
    if ticket.kind != Kind::Complaint {
        return Ok(());
    }
    let rows = question_rows(actor, ticket.id);
    reply::buttons(bot, actor, question(actor, ticket), &rows).await
}

/// The ⚖️ button under a done complaint's card, for whoever may judge it.
pub fn card_row(actor: &Actor, ticket: &TicketRow) -> Option<Vec<OutButton>> {
    judgement::may_judge_ticket(actor.doer(), ticket).ok()?;
    Some(vec![OutButton::new(
        t(actor.lang, "judge-button-open"),
        Callback::Judge(JudgeOp::Ask(ticket.id)).encode(),
    )])
}

/// A judging button was pressed (by staff or a supervisor).
pub async fn pressed(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    op: JudgeOp,
) -> HandlerResult {
    match op {
        JudgeOp::Ask(id) => ask(bot, app, actor, query, id).await,
        JudgeOp::Pick(id, v) => pick(bot, app, actor, query, id, v).await,
        JudgeOp::Reason(id, v, reason) => record(bot, app, actor, query, id, v, &reason).await,
        JudgeOp::Confirm(id, v, reason) => confirm(bot, app, actor, query, id, v, &reason).await,
    }
}

/// Answers a press the desk will not act on, politely and with the reason.
async fn refused(
    bot: &Bot,
    actor: &Actor,
    query: &CallbackQuery,
    no: NoJudgement,
) -> HandlerResult {
    let key = match no {
        NoJudgement::NotYours => return refuse(bot, actor, query).await,
        NoJudgement::NotFound => "stale-button",
        NoJudgement::NotAComplaint => "judge-not-complaint",
        NoJudgement::NotDone => "judge-not-done",
        NoJudgement::Confirmed => "judge-already-confirmed",
    };
    tracing::info!(user_id = actor.id(), data = ?query.data, ?no, "judgement refused");
    reply::answer(bot, actor, query, Some(t(actor.lang, key)), true);
    Ok(())
}

async fn ask(bot: &Bot, app: &App, actor: &Actor, query: &CallbackQuery, id: i64) -> HandlerResult {
    let mut tx = app.db.begin().await?;
    let found = judgement::may_judge(&mut tx, id, actor.doer()).await?;
    tx.rollback().await?;
    let ticket = match found {
        Ok((ticket, _)) => ticket,
        Err(no) => return refused(bot, actor, query, no).await,
    };
    reply::answer(bot, actor, query, None, false);
    let rows = question_rows(actor, ticket.id);
    reply::buttons(bot, actor, question(actor, &ticket), &rows).await
}

async fn pick(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    validity: Validity,
) -> HandlerResult {
    let mut tx = app.db.begin().await?;
    let found = judgement::may_judge(&mut tx, id, actor.doer()).await?;
    tx.rollback().await?;
    let ticket = match found {
        Ok((ticket, _)) => ticket,
        Err(no) => return refused(bot, actor, query, no).await,
    };
    let buttons: Vec<OutButton> = app
        .settings
        .complaints
        .validity_reasons
        .iter()
        .map(|reason| {
            let data = Callback::Judge(JudgeOp::Reason(ticket.id, validity, reason.clone()));
            OutButton::new(reason_label(actor.lang, reason), data.encode())
        })
        .collect();
    let rows: Vec<Vec<OutButton>> = buttons.chunks(PER_ROW).map(<[_]>::to_vec).collect();
    let text = t_args(
        actor.lang,
        "judge-ask-reason",
        &[
            ("number", ticket.number.clone().into()),
            ("validity", validity_label(actor.lang, validity).into()),
        ],
    );
    reply::answer(bot, actor, query, None, false);
    match query.regular_message() {
        Some(message) => {
            let request = bot
                .edit_message_text(message.chat.id, message.id, text)
                .reply_markup(keyboard(&rows));
            actor.courier.call(request).await?;
            Ok(())
        }
        None => reply::buttons(bot, actor, text, &rows).await,
    }
}

async fn record(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    validity: Validity,
    reason: &str,
) -> HandlerResult {
    if !app.settings.complaints.is_reason(reason) {
        // A reason taken off the list since the buttons were sent, or forged.
        return refused(bot, actor, query, NoJudgement::NotFound).await;
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let judged = judgement::judge(&mut tx, app, id, actor.doer(), validity, reason, now).await?;
    let (key, ticket) = match judged {
        Ok(Judged::Counted(ticket)) => ("judge-recorded", ticket),
        Ok(Judged::Awaiting(ticket)) => ("judge-recorded-staff", ticket),
        Err(no) => {
            tx.rollback().await?;
            return refused(bot, actor, query, no).await;
        }
    };
    app.commit(tx).await?;
    tracing::info!(
        ticket_id = id,
        user_id = actor.id(),
        validity = validity.as_str(),
        reason,
        "complaint judged"
    );
    let text = t_args(
        actor.lang,
        key,
        &[
            ("number", ticket.number.into()),
            ("validity", validity_label(actor.lang, validity).into()),
            ("reason", reason_label(actor.lang, reason).into()),
        ],
    );
    reply::answer(bot, actor, query, Some(text.clone()), false);
    let Some(message) = query.regular_message() else {
        return reply::text(bot, actor, text).await;
    };
    // Committed already: a message Telegram will not edit is only logged.
    let request = bot
        .edit_message_text(message.chat.id, message.id, text)
        .reply_markup(InlineKeyboardMarkup::default());
    if let Err(error) = actor.courier.call(request).await {
        tracing::debug!(chat_id = message.chat.id.0, %error, "could not rewrite a judgement");
    }
    Ok(())
}

async fn confirm(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    validity: Validity,
    reason: &str,
) -> HandlerResult {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let confirmed =
        judgement::confirm_validity(&mut tx, app, id, actor.doer(), validity, reason, now).await?;
    let ticket = match confirmed {
        Ok(Confirmed::Now(ticket)) => ticket,
        Ok(other) => {
            tx.rollback().await?;
            let key = match other {
                Confirmed::Changed => "judge-changed",
                _ => "judge-already-confirmed",
            };
            reply::answer(bot, actor, query, Some(t(actor.lang, key)), true);
            reply::take_buttons_off(bot, actor, query).await;
            return Ok(());
        }
        Err(no) => {
            tx.rollback().await?;
            return refused(bot, actor, query, no).await;
        }
    };
    app.commit(tx).await?;
    tracing::info!(
        ticket_id = id,
        user_id = actor.id(),
        "complaint judgement confirmed"
    );
    let text = t_args(
        actor.lang,
        "judge-confirmed",
        &[
            ("number", ticket.number.into()),
            ("validity", validity_label(actor.lang, validity).into()),
            ("reason", reason_label(actor.lang, reason).into()),
        ],
    );
    reply::answer(bot, actor, query, Some(text.clone()), false);
    append(bot, actor, query, &text).await;
    Ok(())
}
