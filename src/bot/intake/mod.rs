//! The resident's side of the desk: free text and photos become a draft, a
//! confirmation card, and a confirmed ticket; `/my` lists their tickets.
//!
//! ```text
//! resident: 廚房水喉漏水，滴到落樓下
//! resident: (photo)
//! bot:      Please check your request: Repair · Plumbing · High
//!           Place: 3-1502 · “廚房水喉漏水…” · Photos: 1
//!           [✅ Confirm] [Type] [Subject] [Place] [Time] [📷] [✖️]
//! resident: [✅ Confirm]
//! bot:      Registered as R-0007. Engineering will handle it; we respond
//!           within 1 hour. Chan has been notified …
//!
//! resident: hello?                       (the desk is not sure what it is)
//! bot:      What would you like us to do?  [Repair] [Complaint] [Booking] …
//! resident: [Booking]
//! bot:      What is it about?              [Gas] [Lift] … [Other]
//! resident: [Renovation]
//! bot:      When would suit you?
//! resident: Saturday morning
//! bot:      Please check your request: …   [✅ Confirm] …
//!
//! resident: 大堂燈壞咗                   (the card above left unconfirmed
//!                                          for `tickets.draft_expiry`)
//! bot:      Your earlier request (“…”) was never confirmed … set it aside.
//! bot:      Please check your request: …   (a new draft)
//!
//! resident: 有煤氣味！                     (an emergency: no card)
//! bot:      🚨 Emergency C-0003 raised … Do not switch anything on or off …
//!
//! resident: /my
//! bot:      Your requests: R-0007 · Repair · Plumbing · Accepted …  [R-0007]
//! resident: [R-0007]
//! bot:      R-0007 … history …             [➕ Add information] [✖️ Cancel]
//! ```

mod card;
mod compose;
mod confirm;
mod draft;
mod emergency;
mod input;
mod my;
mod route;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

use super::callback::{DraftOp, TicketOp};
use super::onboarding::settle;
use super::{Actor, App, BotDialogue, HandlerResult, Resident, State};

pub use draft::{Ask, Draft, Place};
pub use emergency::emergency_now;
pub use input::read;
pub use route::{answer, ask_which, faq, new_request, retry, set_aside_if_left};

/// Tells the sender why their message could not be taken.
pub async fn refuse_input(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    why: &input::Unreadable,
) -> HandlerResult {
    input::refuse(bot, actor, &app.settings.office.phone, why).await
}

/// Where a resident's conversation with the desk stands.
// A state is loaded and saved once per message; boxing the draft would
// only add noise to every match on it.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flow {
    /// A request being put together and confirmed.
    Draft(Draft),
    /// The resident is adding information or photos to an open ticket;
    /// `album` keeps the photos of one album together.
    AddInfo {
        ticket_id: i64,
        album: Option<String>,
    },
}

/// A resident's message decided as if nothing were in progress (the survey
/// hands an emergency typed as an answer over to the desk this way; it
/// keeps its own question).
pub async fn message(
    bot: Bot,
    app: Arc<App>,
    resident: Resident,
    dialogue: BotDialogue,
    msg: Message,
) -> HandlerResult {
    crate::bot::decide::message(bot, app, resident.0, dialogue, msg, State::Idle).await
}

/// `/urgent`: 🚨 urgent / someone in danger.
pub async fn urgent(
    bot: Bot,
    app: Arc<App>,
    resident: Resident,
    dialogue: BotDialogue,
    state: State,
) -> HandlerResult {
    let actor = resident.0;
    let result = emergency::urgent(&bot, &app, &actor, &dialogue, state).await;
    settle(&bot, &app, &actor, result).await
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
    let actor = resident.0;
    let result = compose::edited(&bot, &app, &actor, &dialogue, &msg, state).await;
    settle(&bot, &app, &actor, result).await
}

/// `/my`: the resident's tickets.
pub async fn my(bot: Bot, app: Arc<App>, resident: Resident) -> HandlerResult {
    let actor = resident.0;
    let result = my::list(&bot, &app, &actor).await;
    settle(&bot, &app, &actor, result).await
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
    compose::button(bot, app, actor, dialogue, query, nonce, op).await
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
    my::button(bot, app, actor, dialogue, query, id, op).await
}

/// Takes the buttons off a card that no longer counts. Best effort, and not
/// waited for: its buttons are stale anyway (the nonce tells), this only
/// tidies the chat, so the handler goes on (and the chat's next update with
/// it) without a round trip to Telegram.
async fn retire(bot: &Bot, actor: &Actor, card: Option<i32>) {
    let Some(id) = card else {
        return;
    };
    actor
        .courier
        .post(bot.edit_message_reply_markup(actor.chat(), MessageId(id)));
}
