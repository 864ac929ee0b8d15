//! The resident's side of the desk: free text and photos become a draft, a
//! confirmation card, and a confirmed ticket; `/my` lists their tickets.
//! (Being built: see issue 4.)

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use teloxide::prelude::*;

use super::callback::{DraftOp, TicketOp};
use super::{Actor, App, BotDialogue, HandlerResult, Resident, State};

/// Where a resident's conversation with the desk stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flow {}

/// A resident's free message (text, photo, or both).
pub async fn message(
    bot: Bot,
    app: Arc<App>,
    resident: Resident,
    dialogue: BotDialogue,
    msg: Message,
) -> HandlerResult {
    let _ = (bot, app, resident, dialogue, msg);
    Ok(())
}

/// A message while a flow is in progress.
pub async fn continue_flow(
    bot: Bot,
    app: Arc<App>,
    resident: Resident,
    dialogue: BotDialogue,
    msg: Message,
    flow: Flow,
) -> HandlerResult {
    let _ = (bot, app, resident, dialogue, msg, flow);
    Ok(())
}

/// The resident edited a message they sent.
pub async fn edited(
    bot: Bot,
    app: Arc<App>,
    resident: Resident,
    dialogue: BotDialogue,
    msg: Message,
    state: State,
) -> HandlerResult {
    let _ = (bot, app, resident, dialogue, msg, state);
    Ok(())
}

/// `/my`: the resident's tickets.
pub async fn my(bot: Bot, app: Arc<App>, resident: Resident) -> HandlerResult {
    let _ = (bot, app, resident);
    Ok(())
}

/// A button of a draft card.
pub async fn draft_button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    nonce: u32,
    op: DraftOp,
) -> HandlerResult {
    let _ = (bot, app, actor, dialogue, query, nonce, op);
    Ok(())
}

/// A resident's button on one of their tickets.
pub async fn ticket_button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    id: i64,
    op: TicketOp,
) -> HandlerResult {
    let _ = (bot, app, actor, dialogue, query, id, op);
    Ok(())
}
