//! Answers to callbacks (回訪): the resident's rating buttons and customer
//! service's phone-outcome buttons. The desk re-checks who may answer and
//! takes the first answer only.
//!
//! ```text
//! bot:      How did R-0007 go? Chan (Engineering) marked it resolved …
//!           [1⭐] [2⭐] [3⭐] [4⭐] [5⭐] [🔧 Not fixed yet]
//! resident: (5⭐)
//! bot:      Thank you! R-0007 is closed.        (the question, rewritten)
//!
//! bot:      📞 Please phone the resident about R-0007 (unit 3-1502) …
//!           [😊 Satisfied: close] [🔧 Not fixed: reopen]
//! desk:     (😊 Satisfied: close)
//! bot:      … ✅ Recorded: R-0007 is closed.
//! ```

use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

use super::common::refuse;
use super::{Actor, App, HandlerResult, reply};
use crate::desk::callbacks::{self, Channel, Refused};
use crate::domain::callback::{Answer, Outcome};
use crate::texts::t_args;

/// The resident pressed a rating (or "not fixed").
pub async fn rate(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    callback: i64,
    answer: Answer,
) -> HandlerResult {
    let Some((number, outcome)) =
        record(bot, app, actor, query, callback, Channel::Telegram, answer).await?
    else {
        return Ok(());
    };
    let key = match outcome {
        Outcome::Close => "callback-thanks-closed",
        Outcome::Reopen => "callback-thanks-reopened",
    };
    let text = t_args(actor.lang, key, &[("number", number.into())]);
    reply::answer(bot, actor, query, None, false);
    replace(bot, actor, query, text).await;
    Ok(())
}

/// Customer service recorded what the resident said on the phone.
pub async fn phoned(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    callback: i64,
    satisfied: bool,
) -> HandlerResult {
    let answer = if satisfied {
        Answer::Satisfied
    } else {
        Answer::NotFixed
    };
    let Some((number, outcome)) =
        record(bot, app, actor, query, callback, Channel::Phone, answer).await?
    else {
        return Ok(());
    };
    let key = match outcome {
        Outcome::Close => "callback-recorded-closed",
        Outcome::Reopen => "callback-recorded-reopened",
    };
    let done = t_args(actor.lang, key, &[("number", number.into())]);
    reply::answer(bot, actor, query, Some(done.clone()), false);
    let before = query
        .regular_message()
        .and_then(|m| m.text())
        .unwrap_or_default();
    replace(bot, actor, query, format!("{before}\n\n{done}")).await;
    Ok(())
}

/// Records the answer; on a refusal answers the press and returns `None`.
async fn record(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    callback: i64,
    channel: Channel,
    answer: Answer,
) -> Result<Option<(String, Outcome)>, crate::error::Error> {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let result =
        callbacks::answer(&mut tx, app, callback, actor.id(), channel, answer, now).await?;
    let answered = match result {
        Ok(answered) => answered,
        Err(Refused::NotFound | Refused::NotYours) => {
            tx.rollback().await?;
            refuse(bot, actor, query).await?;
            return Ok(None);
        }
        Err(Refused::AlreadyRecorded(number)) => {
            tx.rollback().await?;
            let text = t_args(actor.lang, "callback-already", &[("number", number.into())]);
            reply::answer(bot, actor, query, Some(text), false);
            reply::take_buttons_off(bot, actor, query).await;
            return Ok(None);
        }
    };
    app.commit(tx).await?;
    tracing::info!(
        ticket_id = answered.ticket.id,
        callback_id = callback,
        user_id = actor.id(),
        outcome = ?answered.outcome,
        "callback answered"
    );
    Ok(Some((answered.ticket.number, answered.outcome)))
}

/// Rewrites the pressed message without its buttons. The answer is already
/// committed, so a message Telegram will not edit any more is only logged.
async fn replace(bot: &Bot, actor: &Actor, query: &CallbackQuery, text: String) {
    let Some(message) = query.regular_message() else {
        return;
    };
    let request = bot
        .edit_message_text(message.chat.id, message.id, text)
        .reply_markup(InlineKeyboardMarkup::default());
    let edited = actor.courier.call(request).await;
    if let Err(error) = edited {
        tracing::debug!(chat_id = message.chat.id.0, %error, "could not rewrite a callback message");
    }
}
