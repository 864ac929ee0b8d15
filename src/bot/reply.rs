//! Answering the user directly (replies to their own message may go straight
//! out; anything that matters beyond that goes through the outbox).

use teloxide::prelude::*;
use teloxide::types::{KeyboardRemove, ReplyMarkup};

use super::{Actor, HandlerResult};
use crate::error::Error;
use crate::outbox::{OutButton, keyboard};
use crate::texts::t_args;

/// Sends a text to the actor.
pub async fn text(bot: &Bot, actor: &Actor, text: String) -> HandlerResult {
    bot.send_message(actor.chat(), text).await?;
    Ok(())
}

/// Sends a text with inline buttons.
pub async fn buttons(
    bot: &Bot,
    actor: &Actor,
    text: String,
    rows: &[Vec<OutButton>],
) -> HandlerResult {
    bot.send_message(actor.chat(), text)
        .reply_markup(keyboard(rows))
        .await?;
    Ok(())
}

/// Sends a text and removes a reply keyboard (after the contact was shared).
pub async fn text_removing_keyboard(bot: &Bot, actor: &Actor, text: String) -> HandlerResult {
    bot.send_message(actor.chat(), text)
        .reply_markup(ReplyMarkup::KeyboardRemove(KeyboardRemove::new()))
        .await?;
    Ok(())
}

/// Logs one of our faults with context and tells the user something went wrong.
pub async fn apologise(bot: &Bot, actor: &Actor, phone: &str, error: Error) -> HandlerResult {
    tracing::error!(chat_id = actor.chat().0, user_id = actor.id(), %error, "handler failed");
    let sorry = t_args(actor.lang, "error-generic", &[("phone", phone.into())]);
    // If even the apology cannot be sent, the error has been logged; stop there.
    let _ = bot.send_message(actor.chat(), sorry).await;
    Ok(())
}
