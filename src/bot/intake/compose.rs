//! Putting a draft together: messages and edits go in, the understanding step
//! reads them, the resident answers what is missing and corrects the card.

use chrono::{DateTime, Utc};
use teloxide::prelude::*;
use teloxide::types::MessageId;

use super::card::{self, Screen};
use super::draft::{self, Ask, Draft};
use super::input::{self, Unreadable};
use super::{Flow, confirm, retire};
use crate::bot::common::refuse;
use crate::bot::{Actor, App, BotDialogue, HandlerResult, State, reply};
use crate::domain::button::DraftOp;
use crate::domain::request::{Kind, Urgency};
use crate::outbox::keyboard;
use crate::store::{self, units::UnitRow};
use crate::texts::{t, t_args};
use crate::understand;

/// How a screen reaches the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Show {
    /// A new message under the resident's latest; the old card's buttons go.
    New,
    /// The current card changes in place (after one of its buttons).
    InPlace,
}

/// A resident's message, starting a draft or adding to one.
pub async fn take(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    draft: Option<Draft>,
) -> HandlerResult {
    let input = match input::read(msg) {
        Ok(input) => input,
        Err(why) => return input::refuse(bot, actor, &app.settings.office.phone, &why).await,
    };
    let photo = match &input.photo {
        Some(photo) => match input::photo_id(bot, actor, photo).await {
            Some(id) => Some(id),
            None => {
                reply::text(bot, actor, t(actor.lang, "photo-file-failed")).await?;
                if input.text.is_empty() {
                    return Ok(());
                }
                None
            }
        },
        None => None,
    };
    let units = store::units::of_resident(app.db.pool(), actor.id()).await?;
    let mut draft = match draft {
        Some(old) if old.is_left(msg.date, app.settings.tickets.draft_expiry) => {
            set_aside(bot, actor, &old).await?;
            Draft::new(rand::random(), app.now())
        }
        Some(draft) => draft,
        None => Draft::new(rand::random(), app.now()),
    };
    if photo.is_none() {
        match draft.asking {
            Ask::Unit => {
                return typed_unit(bot, app, actor, dialogue, draft, &input.text, &units).await;
            }
            Ask::Time => {
                return typed_time(bot, app, actor, dialogue, draft, msg, &input.text, &units)
                    .await;
            }
            _ => {}
        }
    }
    let total = draft.text().chars().count() + input.text.chars().count();
    if total > input::MAX_CHARS {
        let args = [("limit", (input::MAX_CHARS as i64).into())];
        reply::text(bot, actor, t_args(actor.lang, "draft-full", &args)).await?;
        return show(bot, app, actor, dialogue, draft, &units, Show::New).await;
    }
    let same_album = input.album.is_some() && input.album == draft.album;
    draft.add_text(input.message_id, &input.text);
    if let Some(photo) = &photo {
        draft.add_photo(photo);
    }
    draft.album = input.album;
    reread(app, &mut draft, msg.date, &units);
    if draft.urgency == Urgency::Emergency {
        return confirm::emergency(bot, app, actor, draft).await;
    }
    let how = if same_album { Show::InPlace } else { Show::New };
    show(bot, app, actor, dialogue, draft, &units, how).await
}

/// How much of a set-aside draft the resident is reminded of.
const SET_ASIDE_QUOTED: usize = 80;

/// Puts aside a draft the resident left unconfirmed: its card's buttons go,
/// and the resident learns it was not sent, so they do not wait for it.
pub(super) async fn set_aside(bot: &Bot, actor: &Actor, old: &Draft) -> HandlerResult {
    tracing::info!(
        chat_id = actor.chat().0,
        "an unconfirmed draft was set aside"
    );
    for card in old.cards() {
        retire(bot, actor, Some(card)).await;
    }
    let drafts = std::iter::once(old).chain(old.others.iter());
    for draft in drafts.filter(|d| d.is_pending_request()) {
        let quoted = card::excerpt(&card::said(actor.lang, draft), SET_ASIDE_QUOTED);
        let args = [("text", quoted.into())];
        reply::text(bot, actor, t_args(actor.lang, "draft-set-aside", &args)).await?;
    }
    Ok(())
}

/// Runs the understanding step over the whole draft and decides what to ask.
pub(super) fn reread(app: &App, draft: &mut Draft, at: DateTime<Utc>, units: &[UnitRow]) {
    let text = draft.text();
    let now = at.with_timezone(&app.settings.timezone);
    let understood = understand::understand(&text, now);
    draft.apply(&understood, units);
    draft.check_time(at);
    draft.faq = None;
    if !draft.kind_picked && draft.kind == Kind::Inquiry {
        draft.faq = understand::faq_topic(&text).map(str::to_owned);
    }
    draft.asking = match draft.faq {
        Some(_) => Ask::Nothing,
        None => draft.missing(app.settings.tickets.min_confidence),
    };
}

/// Sends (or updates) the screen the draft needs and keeps the draft.
pub(super) async fn show(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    mut draft: Draft,
    units: &[UnitRow],
    how: Show,
) -> HandlerResult {
    draft.nonce = draft.nonce.wrapping_add(1);
    draft.touched = app.now();
    let lang = actor.lang;
    let Screen { text, buttons } = match (&draft.faq, draft.asking) {
        (Some(topic), Ask::Nothing) => card::faq(app, lang, topic, draft.nonce),
        _ => card::screen(app, lang, &draft, units),
    };
    let markup = keyboard(&buttons);
    let edited = match (how, draft.card) {
        (Show::InPlace, Some(id)) => {
            let request = bot
                .edit_message_text(actor.chat(), MessageId(id), text.clone())
                .reply_markup(markup.clone());
            actor.courier.call(request).await.is_ok()
        }
        _ => false,
    };
    if !edited {
        let request = bot.send_message(actor.chat(), text).reply_markup(markup);
        let sent = actor.courier.call(request).await?;
        retire(bot, actor, draft.card).await;
        draft.card = Some(sent.id.0);
    }
    dialogue.update(State::Resident(Flow::Draft(draft))).await?;
    Ok(())
}

/// The resident typed the place.
async fn typed_unit(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    mut draft: Draft,
    text: &str,
    units: &[UnitRow],
) -> HandlerResult {
    let lang = actor.lang;
    let Some(named) = understand::extract_unit(text) else {
        return reply::text(bot, actor, t(lang, "draft-unit-not-understood")).await;
    };
    let Some(place) = draft::typed_place(&named, units) else {
        let args = [("unit", named.label().into())];
        return reply::text(bot, actor, t_args(lang, "draft-unit-not-yours", &args)).await;
    };
    draft.place = place;
    draft.place_picked = true;
    draft.asking = draft.missing(app.settings.tickets.min_confidence);
    show(bot, app, actor, dialogue, draft, units, Show::New).await
}

/// The resident typed the time.
#[allow(clippy::too_many_arguments)]
async fn typed_time(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    mut draft: Draft,
    msg: &Message,
    text: &str,
    units: &[UnitRow],
) -> HandlerResult {
    let now = msg.date.with_timezone(&app.settings.timezone);
    let Some(when) = understand::extract_when(text, now) else {
        return reply::text(bot, actor, t(actor.lang, "draft-time-not-understood")).await;
    };
    draft.when = Some(draft::utc_span(when));
    draft.when_picked = true;
    draft.asking = match draft.check_time(msg.date) {
        true => Ask::Time,
        false => draft.missing(app.settings.tickets.min_confidence),
    };
    show(bot, app, actor, dialogue, draft, units, Show::New).await
}

/// The resident edited a message they sent: a draft's message is replaced
/// and the card shown again; anything else is too late to change.
pub async fn edited(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    state: State,
) -> HandlerResult {
    let State::Resident(Flow::Draft(mut draft)) = state else {
        return reply::text(bot, actor, t(actor.lang, "edit-not-applied")).await;
    };
    let text = match input::read(msg) {
        Ok(input) => input.text,
        Err(Unreadable::Empty) => String::new(),
        Err(why) => return input::refuse(bot, actor, &app.settings.office.phone, &why).await,
    };
    if !draft.replace_text(msg.id.0, &text) {
        return reply::text(bot, actor, t(actor.lang, "edit-not-applied")).await;
    }
    let units = store::units::of_resident(app.db.pool(), actor.id()).await?;
    reread(app, &mut draft, msg.date, &units);
    if draft.urgency == Urgency::Emergency {
        return confirm::emergency(bot, app, actor, draft).await;
    }
    show(bot, app, actor, dialogue, draft, &units, Show::New).await
}

/// Ends the draft as the button says: confirmed, cancelled, raised as an
/// emergency, or handed to a person; the drafts beside it go on.
async fn finish(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    draft: Draft,
    op: DraftOp,
) -> HandlerResult {
    match op {
        DraftOp::AskPerson => {
            let topic = draft.faq.clone().unwrap_or_default();
            confirm::ask_person(bot, app, actor, draft, &topic).await
        }
        DraftOp::Cancel => {
            let card = draft.card;
            let next = match draft.rest() {
                Some(next) => State::Resident(Flow::Draft(next)),
                None => State::Idle,
            };
            dialogue.update(next).await?;
            retire(bot, actor, card).await;
            reply::text(bot, actor, t(actor.lang, "draft-cancelled")).await
        }
        DraftOp::Urgent => confirm::emergency(bot, app, actor, draft).await,
        _ => confirm::confirm(bot, app, actor, draft).await,
    }
}

/// A button of a draft's card or question.
pub async fn button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    nonce: u32,
    op: DraftOp,
) -> HandlerResult {
    let current = match dialogue.get().await? {
        Some(State::Resident(Flow::Draft(draft))) => draft.pick(nonce),
        _ => None,
    };
    let Some(mut draft) = current else {
        // A confirmation handled again (a second press, a replay) names the
        // ticket the draft became instead of filing another.
        let filed = match op {
            DraftOp::Confirm => {
                store::drafts::ticket_number(app.db.pool(), actor.chat().0, nonce).await?
            }
            _ => None,
        };
        let text = match filed {
            Some(number) => t_args(
                actor.lang,
                "draft-already-filed",
                &[("number", number.into())],
            ),
            None => t(actor.lang, "stale-button"),
        };
        reply::answer(bot, actor, query, Some(text), false);
        return Ok(());
    };
    let units = store::units::of_resident(app.db.pool(), actor.id()).await?;
    if let DraftOp::SetUnit(id) = op
        && !units.iter().any(|u| u.id == id)
    {
        return refuse(bot, actor, query).await;
    }
    let about_held = matches!(op, DraftOp::Join | DraftOp::Split);
    let forged = op == DraftOp::SetKind(Kind::Unknown)
        || (op == DraftOp::AskPerson && draft.faq.is_none())
        || (about_held && draft.held.is_none())
        || (!about_held && draft.asks_about_held(nonce))
        || (op == DraftOp::TakeTime && draft.proposed.is_none());
    if forged {
        return refuse(bot, actor, query).await;
    }
    // Best effort: a press handled again after a crash finds its query
    // already answered, and must still do what it asks (the sender only
    // logs a failed answer).
    reply::answer(bot, actor, query, None, false);
    let min_confidence = app.settings.tickets.min_confidence;
    // The draft is done: a message still held for its question becomes a
    // request of its own, shown once the draft is settled.
    let finishing = match op {
        DraftOp::Confirm => draft.missing(min_confidence) == Ask::Nothing,
        DraftOp::Cancel | DraftOp::Urgent | DraftOp::AskPerson => true,
        _ => false,
    };
    if finishing && super::route::release_held(bot, app, actor, &mut draft, &units).await {
        let released = draft.clone().rest();
        finish(bot, app, actor, dialogue, draft, op).await?;
        return match released {
            Some(next) => show(bot, app, actor, dialogue, next, &units, Show::New).await,
            None => Ok(()),
        };
    }
    if finishing {
        return finish(bot, app, actor, dialogue, draft, op).await;
    }
    match op {
        DraftOp::Confirm => {
            draft.asking = draft.missing(min_confidence);
            return show(bot, app, actor, dialogue, draft, &units, Show::InPlace).await;
        }
        DraftOp::AskPerson | DraftOp::Cancel | DraftOp::Urgent => {
            return finish(bot, app, actor, dialogue, draft, op).await;
        }
        DraftOp::Join | DraftOp::Split => {
            return super::route::place_held(bot, app, actor, dialogue, query, draft, op).await;
        }
        DraftOp::Back => draft.asking = draft.missing(min_confidence),
        DraftOp::TakeTime => {
            draft.when = draft.proposed.take();
            draft.when_picked = true;
            draft.asking = draft.missing(min_confidence);
        }
        DraftOp::ChangeKind => draft.asking = Ask::Kind,
        DraftOp::ChangeCategory => draft.asking = Ask::Category,
        DraftOp::ChangeUnit => draft.asking = Ask::Unit,
        DraftOp::ChangeTime => draft.asking = Ask::Time,
        DraftOp::AddPhoto => draft.asking = Ask::Photo,
        DraftOp::SetKind(kind) => {
            draft.kind = kind;
            draft.kind_picked = true;
            draft.faq = None;
            draft.asking = draft.missing(min_confidence);
        }
        DraftOp::SetCategory(category) => {
            draft.category = category;
            draft.category_picked = true;
            draft.asking = draft.missing(min_confidence);
        }
        DraftOp::SetUnit(id) => {
            if let Some(unit) = units.iter().find(|u| u.id == id) {
                draft.place = draft::place_for(None, std::slice::from_ref(unit));
                draft.place_picked = true;
            }
            draft.asking = draft.missing(min_confidence);
        }
    }
    show(bot, app, actor, dialogue, draft, &units, Show::InPlace).await
}
