//! Where a resident's message goes once [`crate::bot::decide`] has said
//! what it is: into the pending question or draft, a draft of its own, a
//! question asking which, an answer to a common question, or a retry that
//! says how to answer.

use teloxide::prelude::*;

use super::card::{self, Screen};
use super::compose::{self, Show};
use super::draft::{Ask, Draft, Held, MAX_OTHERS};
use super::input::{self, Input};
use super::{Flow, my, retire};
use crate::bot::{Actor, App, BotDialogue, HandlerResult, State, reply};
use crate::domain::button::{Callback, DraftOp};
use crate::domain::request::{Kind, Urgency};
use crate::outbox::{OutButton, keyboard};
use crate::store;
use crate::texts::{t, t_args};

/// How much of a draft a question quotes.
const QUOTED: usize = 40;

/// Sets aside a draft left unconfirmed for `tickets.draft_expiry`: what the
/// resident writes now starts afresh. Returns the state to decide in.
pub async fn set_aside_if_left(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    state: State,
) -> Result<State, crate::error::Error> {
    match state {
        State::Resident(Flow::Draft(draft))
            if draft.is_left(msg.date, app.settings.tickets.draft_expiry) =>
        {
            compose::set_aside(bot, actor, &draft).await?;
            dialogue.update(State::Idle).await?;
            Ok(State::Idle)
        }
        state => Ok(state),
    }
}

/// The message answers the pending question or adds to what is in progress.
pub async fn answer(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    state: State,
) -> HandlerResult {
    match state {
        // A held message keeps waiting for the resident's choice.
        State::Resident(Flow::Draft(draft)) => {
            compose::take(bot, app, actor, dialogue, msg, Some(draft)).await
        }
        State::Resident(Flow::AddInfo { ticket_id, album }) => {
            my::add_info(bot, app, actor, dialogue, msg, ticket_id, album).await
        }
        _ => compose::take(bot, app, actor, dialogue, msg, None).await,
    }
}

/// A request of its own: a new draft, any earlier one waiting beside it with
/// its card still valid.
pub async fn new_request(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    state: State,
) -> HandlerResult {
    let fresh = Draft::new(rand::random(), app.now());
    let draft = match state {
        // The earlier draft waits beside the new one, with any message held
        // for its question (whose buttons still count).
        State::Resident(Flow::Draft(old)) => old.shelve_for(fresh),
        State::Resident(Flow::AddInfo { ticket_id, .. }) => {
            if let Some(ticket) = store::tickets::read(app.db.pool(), ticket_id).await? {
                let args = [("number", ticket.number.into())];
                reply::text(bot, actor, t_args(actor.lang, "addinfo-left", &args)).await?;
            }
            fresh
        }
        _ => fresh,
    };
    compose::take(bot, app, actor, dialogue, msg, Some(draft)).await
}

/// The desk cannot tell whether the message belongs to the draft: it is held
/// and the resident asked, with two buttons. A message already held keeps
/// waiting, and an unclear one after it waits with it (it most likely goes
/// on with what it follows); the question is asked again under it.
pub async fn ask_which(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    input: &Input,
    state: State,
) -> HandlerResult {
    let State::Resident(Flow::Draft(mut draft)) = state else {
        return Ok(());
    };
    let photo = match &input.photo {
        Some(photo) => input::photo_id(bot, actor, photo).await,
        None => None,
    };
    let lang = actor.lang;
    let about = card::excerpt(&card::said(lang, &draft), QUOTED);
    let n = draft
        .held
        .as_ref()
        .and_then(|h| h.nonce)
        .unwrap_or_else(rand::random);
    let buttons = vec![
        vec![OutButton::new(
            t_args(lang, "button-join-draft", &[("text", about.clone().into())]),
            Callback::Draft {
                nonce: n,
                op: DraftOp::Join,
            }
            .encode(),
        )],
        vec![OutButton::new(
            t(lang, "button-split-draft"),
            Callback::Draft {
                nonce: n,
                op: DraftOp::Split,
            }
            .encode(),
        )],
    ];
    let text = t_args(lang, "draft-ask-which", &[("text", about.into())]);
    let sent = bot
        .send_message(actor.chat(), text)
        .reply_markup(keyboard(&buttons))
        .await?;
    match &mut draft.held {
        Some(held) => {
            retire(bot, actor, held.question).await;
            held.push(input.message_id, &input.text, photo);
            held.question = Some(sent.id.0);
        }
        None => {
            draft.held = Some(Held {
                message_id: input.message_id,
                text: input.text.clone(),
                photo,
                question: Some(sent.id.0),
                nonce: Some(n),
                more: Vec::new(),
            });
        }
    }
    draft.touched = app.now();
    dialogue.update(State::Resident(Flow::Draft(draft))).await?;
    Ok(())
}

/// The resident said where the held message belongs.
pub async fn place_held(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    mut draft: Draft,
    op: DraftOp,
) -> HandlerResult {
    let Some(held) = draft.held.take() else {
        return Ok(());
    };
    if let Some(message) = &query.message {
        retire(bot, actor, Some(message.id().0)).await;
    }
    let units = store::units::of_resident(app.db.pool(), actor.id()).await?;
    let mut target = match op {
        DraftOp::Split => draft.shelve_for(Draft::new(rand::random(), app.now())),
        _ => draft,
    };
    held.add_to(&mut target);
    compose::reread(app, &mut target, app.now(), &units);
    if target.urgency == Urgency::Emergency {
        return super::confirm::emergency(bot, app, actor, target).await;
    }
    compose::show(bot, app, actor, dialogue, target, &units, Show::New).await
}

/// The draft is being finished while a message waits for the question
/// whether it belongs to it: that message becomes a request of its own,
/// current once the draft is done (it is the latest beside it). Returns
/// whether there was one.
pub(super) async fn release_held(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    draft: &mut Draft,
    units: &[store::units::UnitRow],
) -> bool {
    let Some(held) = draft.held.take() else {
        return false;
    };
    retire(bot, actor, held.question).await;
    let mut own = Draft::new(rand::random(), app.now());
    held.add_to(&mut own);
    compose::reread(app, &mut own, app.now(), units);
    draft.others.push(own);
    true
}

/// The pending question was not answered: say how to answer it, with the
/// question's way out (and pickers) again.
pub async fn retry(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    state: State,
) -> HandlerResult {
    let State::Resident(Flow::Draft(mut draft)) = state else {
        return Ok(());
    };
    let lang = actor.lang;
    let key = match draft.asking {
        Ask::Time => "draft-time-not-understood",
        _ => "draft-unit-not-understood",
    };
    let units = store::units::of_resident(app.db.pool(), actor.id()).await?;
    draft.nonce = draft.nonce.wrapping_add(1);
    draft.touched = app.now();
    let Screen { buttons, .. } = card::screen(app, lang, &draft, &units);
    let sent = bot
        .send_message(actor.chat(), t(lang, key))
        .reply_markup(keyboard(&buttons))
        .await?;
    retire(bot, actor, draft.card).await;
    draft.card = Some(sent.id.0);
    dialogue.update(State::Resident(Flow::Draft(draft))).await?;
    Ok(())
}

/// A common question: answered at once, with a button to ask a person. What
/// was in progress stays as it was; nothing new is left pending (the answer
/// waits beside any draft only for its button).
pub async fn faq(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    input: &Input,
    state: State,
    topic: &str,
) -> HandlerResult {
    let lang = actor.lang;
    let mut asked = Draft::new(rand::random(), app.now());
    asked.add_text(input.message_id, &input.text);
    asked.kind = Kind::Inquiry;
    asked.faq = Some(topic.to_owned());
    asked.asking = Ask::Nothing;
    let Screen { text, buttons } = card::faq(app, lang, topic, asked.nonce);
    match state {
        State::Resident(Flow::Draft(mut current)) if current.faq.is_none() => {
            let sent = bot
                .send_message(actor.chat(), text)
                .reply_markup(keyboard(&buttons))
                .await?;
            asked.card = Some(sent.id.0);
            current.others.push(asked);
            let excess = current.others.len().saturating_sub(MAX_OTHERS);
            current.others.drain(..excess);
            dialogue
                .update(State::Resident(Flow::Draft(current)))
                .await?;
            Ok(())
        }
        State::Resident(Flow::AddInfo { .. }) => reply::text(bot, actor, text).await,
        State::Resident(Flow::Draft(old)) => {
            let sent = bot
                .send_message(actor.chat(), text)
                .reply_markup(keyboard(&buttons))
                .await?;
            asked.card = Some(sent.id.0);
            let draft = old.shelve_for(asked);
            dialogue.update(State::Resident(Flow::Draft(draft))).await?;
            Ok(())
        }
        _ => {
            let sent = bot
                .send_message(actor.chat(), text)
                .reply_markup(keyboard(&buttons))
                .await?;
            asked.card = Some(sent.id.0);
            dialogue.update(State::Resident(Flow::Draft(asked))).await?;
            Ok(())
        }
    }
}
