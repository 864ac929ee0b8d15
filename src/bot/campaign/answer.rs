//! A resident answering a survey in chat, and pressing a notice's 收到.
//!
//! ```text
//! bot:      📋 Residents' opinion survey 2026 … 3 questions, about 1 minute.  [▶️ Start]
//! resident: (▶️ Start)          → the same message becomes question 1/3  [1⭐] … [5⭐]
//! resident: (4⭐)               → question 2/3  [⬜ Cleaning] [⬜ Security] … [⬅️] [Next ➡️]
//! resident: (⬜ Cleaning) (Next ➡️)
//! bot:      question 3/3 … Please type your answer.        [⬅️] [Skip ➡️]
//! resident: The lift lobby could be brighter.
//! bot:      🙏 Thank you for completing … 1. ⭐⭐⭐⭐ 2. Cleaning 3. The lift …  [✏️ Change my answers]
//! ```
//!
//! Waiting for a typed answer is a dialogue state that remembers the state
//! it interrupted (a ticket draft, say), and goes back to it after the
//! answer. An emergency typed meanwhile is handled as an emergency.

use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, MessageId};

use crate::bot::common::refuse;
use crate::bot::{Actor, App, BotDialogue, HandlerResult, State, reply};
use crate::desk::campaign::answer::{self, AckRefused, Refused, Shown};
use crate::desk::campaign::screens::Screen;
use crate::domain::button::AnswerOp;
use crate::domain::role::Role;
use crate::domain::survey::MAX_TEXT_ANSWER;
use crate::outbox::keyboard;
use crate::texts::{t, t_args};

/// A survey question waiting for typed text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answering {
    pub token: i64,
    pub question: u8,
    /// The question's message, whose buttons go once it is answered.
    pub message_id: Option<i32>,
    /// The conversation this interrupted, to go back to.
    pub then: Box<State>,
}

/// Start (or Continue) pressed on a survey invitation or reminder.
pub async fn start(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    campaign: i64,
) -> HandlerResult {
    if actor.role() != Some(Role::Resident) {
        return refuse(bot, actor, query).await;
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let result = answer::start(&mut tx, app, campaign, &actor.user, now).await?;
    conclude(bot, app, actor, dialogue, query, tx, result).await
}

/// An answer button.
#[allow(clippy::too_many_arguments)]
pub async fn press(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    token: i64,
    question: u8,
    op: AnswerOp,
) -> HandlerResult {
    if token != 0 && actor.role() != Some(Role::Resident) {
        return refuse(bot, actor, query).await;
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let result = answer::press(&mut tx, app, token, question, op, &actor.user, now).await?;
    conclude(bot, app, actor, dialogue, query, tx, result).await
}

/// Commits a press's answer and shows what follows in the pressed message.
async fn conclude(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    tx: crate::store::Tx,
    result: Result<Shown, Refused>,
) -> HandlerResult {
    let shown = match result {
        Ok(shown) => shown,
        Err(why) => {
            tx.rollback().await?;
            return refused(bot, actor, query, why).await;
        }
    };
    app.commit(tx).await?;
    reply::answer(bot, actor, query, None, false);
    let message_id = match query.regular_message() {
        Some(message) => edit_or_send(bot, actor, Some(message.id), &shown.screen).await?,
        None => edit_or_send(bot, actor, None, &shown.screen).await?,
    };
    await_text(app, actor, dialogue, &shown, message_id).await
}

/// Moves into (or out of) waiting for a typed answer.
async fn await_text(
    _app: &App,
    _actor: &Actor,
    dialogue: &BotDialogue,
    shown: &Shown,
    message_id: Option<i32>,
) -> HandlerResult {
    let state = dialogue.get().await?.unwrap_or_default();
    let before = match state {
        State::Survey(waiting) => *waiting.then,
        other => other,
    };
    match shown.awaits_text {
        Some((token, question)) => {
            dialogue
                .update(State::Survey(Answering {
                    token,
                    question,
                    message_id,
                    then: Box::new(before),
                }))
                .await?;
        }
        None => dialogue.update(before).await?,
    }
    Ok(())
}

/// Edits a message into a screen, or sends it anew when there is no
/// message to edit (or Telegram will not edit it); returns the message id.
async fn edit_or_send(
    bot: &Bot,
    actor: &Actor,
    message: Option<MessageId>,
    screen: &Screen,
) -> Result<Option<i32>, crate::error::Error> {
    if let Some(id) = message {
        let request = bot
            .edit_message_text(actor.chat(), id, screen.text.clone())
            .reply_markup(keyboard(&screen.buttons));
        let edited = actor.courier.call(request).await;
        match edited {
            Ok(_) => return Ok(Some(id.0)),
            Err(error) => {
                tracing::debug!(chat_id = actor.chat().0, %error, "could not edit a survey message");
            }
        }
    }
    let request = bot
        .send_message(actor.chat(), screen.text.clone())
        .reply_markup(keyboard(&screen.buttons));
    let sent = actor.courier.call(request).await?;
    Ok(Some(sent.id.0))
}

/// Why a press was not taken, as a short answer to the press.
async fn refused(bot: &Bot, actor: &Actor, query: &CallbackQuery, why: Refused) -> HandlerResult {
    let text = match why {
        Refused::NotFound | Refused::NotYours => return refuse(bot, actor, query).await,
        Refused::Closed { title } => {
            let text = t_args(actor.lang, "survey-late", &[("title", title.into())]);
            reply::take_buttons_off(bot, actor, query).await;
            text
        }
        Refused::AlreadyStarted => t(actor.lang, "survey-already-started"),
        Refused::Required => t(actor.lang, "survey-required"),
        Refused::ChooseFirst => t(actor.lang, "survey-choose-first"),
        Refused::TooLong => t_args(
            actor.lang,
            "survey-too-long",
            &[("limit", (MAX_TEXT_ANSWER as i64).into())],
        ),
        Refused::Preview => t(actor.lang, "survey-preview-only"),
    };
    reply::answer(bot, actor, query, Some(text), true);
    Ok(())
}

/// The typed answer to a survey's free-text question (the understanding
/// step has ruled out an emergency, see `bot::decide`).
pub async fn typed(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    waiting: Answering,
) -> HandlerResult {
    let Some(said) = msg
        .text()
        .or_else(|| msg.caption())
        .map(str::trim)
        .filter(|s| !s.is_empty())
    else {
        return reply::text(bot, actor, t(actor.lang, "survey-type-please")).await;
    };
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let result = answer::text(
        &mut tx,
        app,
        waiting.token,
        waiting.question,
        said,
        &actor.user,
        now,
    )
    .await?;
    let shown = match result {
        Ok(shown) => shown,
        Err(Refused::TooLong) => {
            tx.rollback().await?;
            let args = [("limit", (MAX_TEXT_ANSWER as i64).into())];
            return reply::text(bot, actor, t_args(actor.lang, "survey-too-long", &args)).await;
        }
        Err(why) => {
            tx.rollback().await?;
            // The survey closed or the response is gone: back to what was before.
            dialogue.update(*waiting.then).await?;
            let text = match why {
                Refused::Closed { title } => {
                    t_args(actor.lang, "survey-late", &[("title", title.into())])
                }
                _ => t(actor.lang, "stale-button"),
            };
            return reply::text(bot, actor, text).await;
        }
    };
    app.commit(tx).await?;
    if let Some(old) = waiting.message_id
        && let Err(error) = actor
            .courier
            .call(
                bot.edit_message_reply_markup(actor.chat(), MessageId(old))
                    .reply_markup(InlineKeyboardMarkup::default()),
            )
            .await
    {
        tracing::debug!(%error, "could not take buttons off an answered question");
    }
    let message_id = edit_or_send(bot, actor, None, &shown.screen).await?;
    let back_to_draft = matches!(*waiting.then, State::Resident(_)) && shown.awaits_text.is_none();
    await_text(app, actor, dialogue, &shown, message_id).await?;
    if back_to_draft {
        reply::text(bot, actor, t(actor.lang, "survey-back-to-draft")).await?;
    }
    Ok(())
}

/// 收到 pressed on a notice.
pub async fn ack(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    campaign: i64,
) -> HandlerResult {
    if actor.role() != Some(Role::Resident) {
        return refuse(bot, actor, query).await;
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let result = answer::ack(&mut tx, campaign, &actor.user, now).await?;
    let key = match result {
        Ok(()) => {
            app.commit(tx).await?;
            "notice-acked"
        }
        Err(AckRefused::Already) => {
            tx.rollback().await?;
            "notice-acked"
        }
        Err(AckRefused::NotFound | AckRefused::NotYours) => {
            tx.rollback().await?;
            return refuse(bot, actor, query).await;
        }
    };
    reply::answer(bot, actor, query, Some(t(actor.lang, key)), false);
    reply::take_buttons_off(bot, actor, query).await;
    Ok(())
}
