//! Answering the user directly: the reply goes to the sender through the
//! courier (paced with everything else the bot sends, retried, never
//! dropped on a 429) without a database round trip. Anything that confirms a
//! state change goes through the outbox instead, in the change's transaction.

use teloxide::prelude::*;
use teloxide::types::{KeyboardRemove, ReplyMarkup};

use super::{Actor, HandlerResult};
use crate::domain::role::Role;
use crate::error::Error;
use crate::outbox::{OutButton, keyboard};
use crate::texts::{has, t, t_args};

/// The key of a sentence as worded for this person: staff, supervisors and
/// managers have their own wording of the shared replies (`cancelled-staff`),
/// residents and guests the one written for residents.
pub fn worded(actor: &Actor, key: &str) -> String {
    let desk = matches!(
        actor.role(),
        Some(Role::Staff | Role::Supervisor | Role::Manager)
    );
    let staff_key = format!("{key}-staff");
    if desk && has(actor.lang, &staff_key) {
        staff_key
    } else {
        key.to_owned()
    }
}

/// Sends a text to the actor. Returns once Telegram has it (after any
/// pacing and 429 pauses); a refusal for good fails the handler.
pub async fn text(bot: &Bot, actor: &Actor, text: String) -> HandlerResult {
    actor
        .courier
        .call(bot.send_message(actor.chat(), text))
        .await?;
    Ok(())
}

/// Sends a text with inline buttons.
pub async fn buttons(
    bot: &Bot,
    actor: &Actor,
    text: String,
    rows: &[Vec<OutButton>],
) -> HandlerResult {
    let request = bot
        .send_message(actor.chat(), text)
        .reply_markup(keyboard(rows));
    actor.courier.call(request).await?;
    Ok(())
}

/// Sends a text and removes a reply keyboard (after the contact was shared).
pub async fn text_removing_keyboard(bot: &Bot, actor: &Actor, text: String) -> HandlerResult {
    let request = bot
        .send_message(actor.chat(), text)
        .reply_markup(ReplyMarkup::KeyboardRemove(KeyboardRemove::new()));
    actor.courier.call(request).await?;
    Ok(())
}

/// Answers a pressed button, with a short notice (shown as an alert when
/// `alert`) when there is one.
pub fn answer(bot: &Bot, actor: &Actor, query: &CallbackQuery, text: Option<String>, alert: bool) {
    let mut request = bot.answer_callback_query(query.id.clone());
    if let Some(text) = text {
        request = request.text(text);
    }
    if alert {
        request = request.show_alert(true);
    }
    actor.courier.post(request);
}

/// Answers a press on a card that has moved on: "this button is out of
/// date".
pub fn stale(bot: &Bot, actor: &Actor, query: &CallbackQuery) {
    answer(
        bot,
        actor,
        query,
        Some(t(actor.lang, "stale-button")),
        false,
    );
}

/// Takes the buttons off the message a pressed button was on (the press
/// is answered already). Best effort: a message Telegram will not edit any
/// more is only logged.
pub async fn take_buttons_off(bot: &Bot, actor: &Actor, query: &CallbackQuery) {
    let Some(message) = query.regular_message() else {
        return;
    };
    let request = bot.edit_message_reply_markup(message.chat.id, message.id);
    if let Err(error) = actor.courier.call(request).await {
        tracing::debug!(chat_id = message.chat.id.0, %error, "could not take buttons off");
    }
}

/// Logs one of our faults with context and tells the user something went wrong.
pub async fn apologise(bot: &Bot, actor: &Actor, phone: &str, error: Error) -> HandlerResult {
    tracing::error!(chat_id = actor.chat().0, user_id = actor.id(), %error, "handler failed");
    let key = worded(actor, "error-generic");
    let sorry = t_args(actor.lang, &key, &[("phone", phone.into())]);
    actor.courier.post(bot.send_message(actor.chat(), sorry));
    Ok(())
}
