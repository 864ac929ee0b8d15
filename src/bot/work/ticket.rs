//! The buttons of a ticket card and the short conversations some of them
//! start (a decline reason, a resolution note or photo, a note).

use fluent_bundle::FluentValue;
use teloxide::prelude::*;

use super::{Card, Flow, answer, refusal_key, rewrite};
use crate::bot::common::refuse;
use crate::bot::{Actor, App, BotDialogue, HandlerResult, State, reply};
use crate::desk::{self, Refusal, cards, notes};
use crate::domain::button::TicketOp;
use crate::domain::role::Role;
use crate::domain::ticket::{self, Action};
use crate::error::Error;
use crate::outbox::OutButton;
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};
use crate::texts::{t, t_args};

/// A staff member's or supervisor's button on a ticket. Callback data can be
/// forged: every operation re-checks the role and the ticket's owner.
pub async fn ticket_button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    id: i64,
    op: TicketOp,
) -> HandlerResult {
    match op {
        TicketOp::Accept => act_now(bot, app, actor, query, id, Action::Accept).await,
        TicketOp::Start => act_now(bot, app, actor, query, id, Action::Start).await,
        TicketOp::Decline => ask(bot, app, actor, dialogue, query, id, Ask::DeclineReason).await,
        TicketOp::Resolve => ask(bot, app, actor, dialogue, query, id, Ask::Resolution).await,
        TicketOp::Note => ask(bot, app, actor, dialogue, query, id, Ask::Note).await,
        TicketOp::Contact => contact(bot, app, actor, query, id).await,
        TicketOp::View => super::supervise::view(bot, app, actor, query, id).await,
        TicketOp::Reassign | TicketOp::ReassignTo(_) | TicketOp::Take
            if actor.role() != Some(Role::Supervisor) =>
        {
            refuse(bot, actor, query).await
        }
        TicketOp::Take => {
            super::supervise::reassign_to(bot, app, actor, query, id, actor.id()).await
        }
        TicketOp::Urgency
        | TicketOp::SetUrgency(_)
        | TicketOp::Category
        | TicketOp::SetCategory(_)
        | TicketOp::Close
        | TicketOp::MergeInto(_)
            if actor.role() != Some(Role::Supervisor) =>
        {
            refuse(bot, actor, query).await
        }
        // A supervisor's powers; a supervisor's Cancel asks the office's reason.
        TicketOp::Urgency
        | TicketOp::SetUrgency(_)
        | TicketOp::Category
        | TicketOp::SetCategory(_)
        | TicketOp::Close
        | TicketOp::MergeInto(_) => {
            super::powers::press(bot, app, actor, dialogue, query, id, op).await
        }
        TicketOp::Cancel if actor.role() == Some(Role::Supervisor) => {
            super::powers::press(bot, app, actor, dialogue, query, id, op).await
        }
        TicketOp::Reassign => super::supervise::choose_staff(bot, app, actor, query, id).await,
        TicketOp::ReassignTo(staff) => {
            super::supervise::reassign_to(bot, app, actor, query, id, staff).await
        }
        // The resident's own buttons.
        TicketOp::Cancel | TicketOp::ConfirmCancel | TicketOp::KeepOpen | TicketOp::AddInfo => {
            refuse(bot, actor, query).await
        }
    }
}

/// The buttons a member sees on a ticket: the assignee's for its status, a
/// supervisor's otherwise, none for anyone else.
pub(super) fn buttons_for(actor: &Actor, ticket: &TicketRow) -> Vec<Vec<OutButton>> {
    if ticket.assignee_id == Some(actor.id()) {
        return cards::staff_buttons(ticket, actor.lang);
    }
    if actor.role() != Some(Role::Supervisor) {
        return Vec::new();
    }
    let mut rows = cards::supervisor_buttons(ticket, actor.lang);
    if !rows.is_empty() {
        rows.push(vec![
            cards::button(actor.lang, "button-contact", ticket.id, TicketOp::Contact),
            cards::button(actor.lang, "button-note", ticket.id, TicketOp::Note),
        ]);
    }
    rows
}

/// The card as it now stands, for this member, under an optional headline.
pub(super) async fn render(
    tx: &mut Tx,
    app: &App,
    actor: &Actor,
    ticket: &TicketRow,
    headline: Option<String>,
) -> Result<(String, Vec<Vec<OutButton>>), Error> {
    let card = cards::staff_card(tx, app, ticket, actor.lang).await?;
    let text = match headline {
        Some(headline) => format!("{headline}\n\n{card}"),
        None => card,
    };
    let mut rows = buttons_for(actor, ticket);
    if actor.role() == Some(Role::Supervisor) {
        rows.extend(super::powers::rows(tx, actor, ticket).await?);
    }
    rows.extend(crate::bot::judge::card_row(actor, ticket));
    Ok((text, rows))
}

fn number_args(ticket: &TicketRow) -> [(&'static str, FluentValue<'static>); 1] {
    [("number", ticket.number.clone().into())]
}

/// "Nothing to do: R-0007 is already Resolved."
fn already(actor: &Actor, ticket: &TicketRow) -> String {
    let status = cards::label(actor.lang, "status", ticket.status.as_str());
    t_args(
        actor.lang,
        "work-already",
        &[
            ("number", ticket.number.clone().into()),
            ("status", status.into()),
        ],
    )
}

/// Answers a refused press; a stale card is brought up to date meanwhile.
pub(super) async fn not_yours_or_refused(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    refusal: Refusal,
) -> HandlerResult {
    refused(bot, app, actor, query, id, refusal).await
}

async fn refused(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    refusal: Refusal,
) -> HandlerResult {
    match refusal {
        Refusal::NotYours => not_yours(bot, app, actor, query, id).await,
        Refusal::NotNow(_) => {
            let mut tx = app.db.begin().await?;
            let Some(ticket) = store::tickets::get(&mut tx, id).await? else {
                tx.rollback().await?;
                return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
            };
            let (text, rows) = render(&mut tx, app, actor, &ticket, None).await?;
            tx.rollback().await?;
            answer(bot, actor, query, Some(already(actor, &ticket))).await?;
            if let Some(card) = Card::of(query) {
                rewrite(bot, actor, card, text, &rows).await;
            }
            Ok(())
        }
        other => answer(bot, actor, query, Some(t(actor.lang, refusal_key(&other)))).await,
    }
}

/// A press on a ticket that is not (or no longer) the member's. One who was
/// sent a card about it hears where it went, and the card loses its
/// buttons; anyone else (a forged press) gets the polite refusal.
async fn not_yours(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
) -> HandlerResult {
    if !store::work::had_card(app.db.pool(), id, actor.id()).await? {
        return refuse(bot, actor, query).await;
    }
    let mut tx = app.db.begin().await?;
    let Some(ticket) = store::tickets::get(&mut tx, id).await? else {
        tx.rollback().await?;
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    };
    let headline = cards::where_now(&mut tx, &ticket, actor.lang).await?;
    let text = cards::stale_card(&mut tx, app, &ticket, actor.lang).await?;
    tx.rollback().await?;
    answer(bot, actor, query, Some(headline)).await?;
    if let Some(card) = Card::of(query) {
        rewrite(bot, actor, card, text, &[]).await;
    }
    Ok(())
}

/// Accept or Start: acts at once and updates the pressed card.
async fn act_now(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    action: Action,
) -> HandlerResult {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let ticket = match desk::act(&mut tx, app, id, actor.doer(), action, None, now).await? {
        Ok(ticket) => ticket,
        Err(refusal) => {
            tx.rollback().await?;
            return refused(bot, app, actor, query, id, refusal).await;
        }
    };
    let (text, rows) = render(&mut tx, app, actor, &ticket, None).await?;
    app.commit(tx).await?;
    tracing::info!(
        ticket_id = id,
        user_id = actor.id(),
        action = action.as_str(),
        "ticket moved"
    );
    let key = match action {
        Action::Accept => "work-accepted",
        _ => "work-started",
    };
    answer(
        bot,
        actor,
        query,
        Some(t_args(actor.lang, key, &number_args(&ticket))),
    )
    .await?;
    if let Some(card) = Card::of(query) {
        rewrite(bot, actor, card, text, &rows).await;
    }
    Ok(())
}

/// A button that needs a few words first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ask {
    DeclineReason,
    Resolution,
    Note,
}

/// Decline, Resolved or Add note: checks that the press could succeed, then
/// asks for the reason, the note or the photo.
async fn ask(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    id: i64,
    what: Ask,
) -> HandlerResult {
    let Some(ticket) = store::tickets::read(app.db.pool(), id).await? else {
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    };
    let who = actor.doer();
    if !notes::may_work(who, &ticket) {
        return not_yours(bot, app, actor, query, id).await;
    }
    let action = match what {
        Ask::DeclineReason => Some(Action::Decline),
        Ask::Resolution => Some(Action::Resolve),
        Ask::Note => None,
    };
    if let Some(action) = action
        && let Err(not_now) = ticket::next_status(ticket.status, action)
    {
        return refused(bot, app, actor, query, id, Refusal::NotNow(not_now)).await;
    }
    let card = Card::of(query);
    let (flow, key) = match what {
        Ask::DeclineReason => (
            Flow::DeclineReason { ticket: id, card },
            "work-ask-decline-reason",
        ),
        Ask::Resolution => (Flow::Resolution { ticket: id, card }, "work-ask-resolution"),
        Ask::Note => (Flow::Note { ticket: id }, "work-ask-note"),
    };
    dialogue.update(State::Desk(flow)).await?;
    answer(bot, actor, query, None).await?;
    reply::text(bot, actor, t_args(actor.lang, key, &number_args(&ticket))).await
}

/// What a member sent in answer: words, or a photo with an optional caption.
struct Answer {
    text: Option<String>,
    photo: Option<String>,
}

fn answer_of(msg: &Message) -> Answer {
    let words = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    Answer {
        text: msg.text().or(msg.caption()).and_then(words),
        photo: msg
            .photo()
            .and_then(|sizes| sizes.last())
            .map(|p| p.file.id.0.clone()),
    }
}

/// Ends a flow whose action was refused, saying why.
async fn flow_refused(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    id: i64,
    refusal: Refusal,
) -> HandlerResult {
    dialogue.update(State::Idle).await?;
    let text = match &refusal {
        Refusal::NotNow(_) => match store::tickets::read(app.db.pool(), id).await? {
            Some(ticket) => already(actor, &ticket),
            None => t(actor.lang, "stale-button"),
        },
        Refusal::NotYours => match store::tickets::read(app.db.pool(), id).await? {
            Some(ticket) => t_args(actor.lang, "work-no-longer-yours", &number_args(&ticket)),
            None => t(actor.lang, "stale-button"),
        },
        other => t(actor.lang, refusal_key(other)),
    };
    reply::text(bot, actor, text).await
}

/// The reason for giving a ticket back: declines it (desk reassigns it).
pub(super) async fn decline_reason(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    id: i64,
    card: Option<Card>,
) -> HandlerResult {
    let Some(reason) = answer_of(msg).text else {
        return reply::text(bot, actor, t(actor.lang, "work-need-text")).await;
    };
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let result = desk::act(
        &mut tx,
        app,
        id,
        actor.doer(),
        Action::Decline,
        Some(&reason),
        now,
    )
    .await?;
    let ticket = match result {
        Ok(ticket) => ticket,
        Err(refusal) => {
            tx.rollback().await?;
            return flow_refused(bot, app, actor, dialogue, id, refusal).await;
        }
    };
    let done = match ticket.assignee_id {
        Some(staff) => {
            let name = store::users::get_tx(&mut tx, staff)
                .await?
                .map(|u| u.first_name)
                .unwrap_or_default();
            t_args(
                actor.lang,
                "work-declined",
                &[
                    ("number", ticket.number.clone().into()),
                    ("staff", name.into()),
                ],
            )
        }
        None => t_args(actor.lang, "work-declined-nobody", &number_args(&ticket)),
    };
    let (text, rows) = render(&mut tx, app, actor, &ticket, Some(done.clone())).await?;
    // The conversation ends in the write that ends it.
    store::dialogues::clear(&mut tx, dialogue.chat_id().0).await?;
    app.commit(tx).await?;
    tracing::info!(ticket_id = id, user_id = actor.id(), "ticket declined");
    if let Some(card) = card {
        rewrite(bot, actor, card, text, &rows).await;
    }
    reply::text(bot, actor, done).await
}

/// The resolution note or photo: resolves the ticket, keeping the photo.
pub(super) async fn resolution(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    id: i64,
    card: Option<Card>,
) -> HandlerResult {
    let given = answer_of(msg);
    if given.text.is_none() && given.photo.is_none() {
        return reply::text(bot, actor, t(actor.lang, "work-need-text")).await;
    }
    let now = app.now();
    let who = actor.doer();
    let mut tx = app.db.begin().await?;
    let note = given.text.as_deref();
    // The photo first, so the resident's news of the resolution carries it.
    if let Some(photo) = &given.photo
        && let Err(refusal) = notes::add_photo(&mut tx, id, who, photo, note, now).await?
    {
        tx.rollback().await?;
        return flow_refused(bot, app, actor, dialogue, id, refusal).await;
    }
    let ticket = match desk::act(&mut tx, app, id, who, Action::Resolve, note, now).await? {
        Ok(ticket) => ticket,
        Err(refusal) => {
            tx.rollback().await?;
            return flow_refused(bot, app, actor, dialogue, id, refusal).await;
        }
    };
    let (text, rows) = render(&mut tx, app, actor, &ticket, None).await?;
    // The conversation ends in the write that ends it.
    store::dialogues::clear(&mut tx, dialogue.chat_id().0).await?;
    app.commit(tx).await?;
    tracing::info!(ticket_id = id, user_id = actor.id(), "ticket resolved");
    if let Some(card) = card {
        rewrite(bot, actor, card, text, &rows).await;
    }
    let done = t_args(actor.lang, "work-resolved", &number_args(&ticket));
    reply::text(bot, actor, done).await?;
    crate::bot::judge::ask_after(bot, actor, &ticket).await
}

/// A note or photo to add to the ticket's history.
pub(super) async fn note(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    id: i64,
) -> HandlerResult {
    let given = answer_of(msg);
    let now = app.now();
    let who = actor.doer();
    let mut tx = app.db.begin().await?;
    let (result, key) = match (&given.photo, &given.text) {
        (Some(photo), caption) => (
            notes::add_photo(&mut tx, id, who, photo, caption.as_deref(), now).await?,
            "work-photo-added",
        ),
        (None, Some(text)) => (
            notes::add_note(&mut tx, id, who, text, now).await?,
            "work-note-added",
        ),
        (None, None) => {
            tx.rollback().await?;
            return reply::text(bot, actor, t(actor.lang, "work-need-text")).await;
        }
    };
    let ticket = match result {
        Ok(ticket) => ticket,
        Err(refusal) => {
            tx.rollback().await?;
            return flow_refused(bot, app, actor, dialogue, id, refusal).await;
        }
    };
    // The conversation ends in the write that ends it.
    store::dialogues::clear(&mut tx, dialogue.chat_id().0).await?;
    app.commit(tx).await?;
    reply::text(bot, actor, t_args(actor.lang, key, &number_args(&ticket))).await
}

/// Contact resident: the name and phone, for the assignee or a supervisor only.
async fn contact(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
) -> HandlerResult {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let found = match notes::contact(&mut tx, id, actor.doer(), now).await? {
        Ok(found) => found,
        Err(refusal) => {
            tx.rollback().await?;
            return refused(bot, app, actor, query, id, refusal).await;
        }
    };
    app.commit(tx).await?;
    answer(bot, actor, query, None).await?;
    let number = ("number", FluentValue::from(found.ticket.clone()));
    if found.people.is_empty() {
        let text = t_args(actor.lang, "work-contact-none", &[number]);
        return reply::text(bot, actor, text).await;
    }
    let unit = found.unit.clone().unwrap_or_else(|| "—".to_owned());
    let mut lines = vec![t_args(
        actor.lang,
        "work-contact",
        &[number, ("unit", unit.into())],
    )];
    for (name, phone) in found.people {
        lines.push(t_args(
            actor.lang,
            "work-contact-line",
            &[("name", name.into()), ("phone", phone.into())],
        ));
    }
    reply::text(bot, actor, lines.join("\n")).await
}
