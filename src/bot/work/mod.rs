//! The staff and supervisors' side of the desk: ping cards and their buttons,
//! `/tasks`, `/log` for calls and visits, `/open` and reassignment.
//!
//! ```text
//! bot:        R-0007 · Repair · Plumbing · High … Unit: 3-1502 “kitchen tap leaking”
//!             [✅ Accept] [↩️ Decline] [📞 Contact resident] [📝 Add note]
//! staff:      (✅ Accept)          → the card now shows Accepted with [🛠 Start] [✔️ Resolved] …
//! staff:      (✔️ Resolved)
//! bot:        How was R-0007 resolved? Send a short note or a photo …
//! staff:      replaced the washer
//! bot:        ✔️ R-0007 is resolved. The resident has been told.
//!
//! staff:      /log 3-1502 住戶來電話廚房水喉漏水
//! bot:        Logging for 3-1502: … Did this come by phone or by a visit?  [📞] [🚶]
//! staff:      (📞 Phone call)
//! bot:        🗂 Logged R-0008 for 3-1502 (phone call). It has gone to Chan (Engineering).
//!
//! supervisor: /open engineering   → the list, a button per ticket and filters
//! supervisor: (R-0008 · 3-1502) → card, history, [🔀 Reassign] [📜 History] …
//! supervisor: (🔀 Reassign)     → [🟢 Chan · Engineering · 2] [⚪ Ho · Engineering · 0] …
//! ```

mod lists;
mod log;
mod powers;
mod supervise;
mod ticket;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;
use teloxide::{ApiError, RequestError};

use super::onboarding::settle;
use super::{Actor, App, BotDialogue, DeskMember, HandlerResult, reply};
use crate::desk::Refusal;
use crate::domain::role::Role;
use crate::outbox::{OutButton, keyboard};
use crate::texts::t;

pub use lists::{open, open_button, tasks};
pub use log::{log, log_button};
pub use powers::merge_command;
pub use supervise::{reassign_command, ticket_command};
pub use ticket::ticket_button;

/// Where a staff member's or supervisor's conversation stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flow {
    /// Waiting for the reason a ticket is given back.
    DeclineReason { ticket: i64, card: Option<Card> },
    /// Waiting for the resolution note or photo.
    Resolution { ticket: i64, card: Option<Card> },
    /// Waiting for a note or photo to add.
    Note { ticket: i64 },
    /// A supervisor closes a ticket: waiting for the reason.
    CloseReason { ticket: i64, card: Option<Card> },
    /// A supervisor cancels a ticket: waiting for the reason.
    CancelReason { ticket: i64, card: Option<Card> },
    /// `/log`: waiting for the unit.
    LogUnit,
    /// `/log`: waiting for what the resident needs.
    LogText { unit_id: i64 },
    /// `/log`: waiting for phone or visit; `nonce` ties the buttons to this log.
    LogVia {
        nonce: u32,
        unit_id: i64,
        text: String,
    },
}

/// A ticket card in the member's chat, to update once a flow ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub message_id: i32,
    /// The card is a photo's caption rather than a text.
    pub photo: bool,
}

impl Card {
    fn of(query: &CallbackQuery) -> Option<Self> {
        query.regular_message().map(|m| Self {
            message_id: m.id.0,
            photo: m.photo().is_some(),
        })
    }
}

/// Staff or a supervisor writing freely: a unit first starts a `/log`, anything
/// else gets a hint.
pub async fn message(
    bot: Bot,
    app: Arc<App>,
    DeskMember(actor): DeskMember,
    dialogue: BotDialogue,
    msg: Message,
) -> HandlerResult {
    let result = log::shorthand(&bot, &app, &actor, &dialogue, &msg).await;
    let result = match result {
        Ok(true) => Ok(()),
        Ok(false) => {
            let key = match actor.role() {
                Some(Role::Supervisor) => "work-hint-supervisor",
                _ => "work-hint",
            };
            reply::text(&bot, &actor, t(actor.lang, key)).await
        }
        Err(e) => Err(e),
    };
    settle(&bot, &app, &actor, result).await
}

/// A message while a flow is in progress (a decline reason, a note …).
pub async fn continue_flow(
    bot: Bot,
    app: Arc<App>,
    DeskMember(actor): DeskMember,
    dialogue: BotDialogue,
    msg: Message,
    flow: Flow,
) -> HandlerResult {
    let result = match flow {
        Flow::DeclineReason { ticket, card } => {
            ticket::decline_reason(&bot, &app, &actor, &dialogue, &msg, ticket, card).await
        }
        Flow::Resolution { ticket, card } => {
            ticket::resolution(&bot, &app, &actor, &dialogue, &msg, ticket, card).await
        }
        Flow::Note { ticket } => ticket::note(&bot, &app, &actor, &dialogue, &msg, ticket).await,
        Flow::CloseReason { ticket, card } => {
            let close = crate::domain::ticket::Action::Close;
            powers::reason(&bot, &app, &actor, &dialogue, &msg, ticket, card, close).await
        }
        Flow::CancelReason { ticket, card } => {
            let cancel = crate::domain::ticket::Action::Cancel;
            powers::reason(&bot, &app, &actor, &dialogue, &msg, ticket, card, cancel).await
        }
        Flow::LogUnit => log::unit_given(&bot, &app, &actor, &dialogue, &msg).await,
        Flow::LogText { unit_id } => {
            log::text_given(&bot, &app, &actor, &dialogue, &msg, unit_id).await
        }
        Flow::LogVia { .. } => reply::text(&bot, &actor, t(actor.lang, "work-log-press-via")).await,
    };
    settle(&bot, &app, &actor, result).await
}

/// Answers a pressed button, with a short notice when there is one.
async fn answer(
    bot: &Bot,
    actor: &Actor,
    query: &CallbackQuery,
    text: Option<String>,
) -> HandlerResult {
    reply::answer(bot, actor, query, text, false);
    Ok(())
}

/// What a refusal means to the member, as a message key.
fn refusal_key(refusal: &Refusal) -> &'static str {
    match refusal {
        Refusal::NotFound | Refusal::NobodyAvailable => "stale-button",
        Refusal::NotYours => "not-allowed",
        Refusal::NotNow(_) => "work-already",
    }
}

/// Rewrites a card in the member's chat (its text or caption, and its
/// buttons). The change it shows is already committed, so a card Telegram
/// will not edit any more is logged, not reported as a failure.
async fn rewrite(bot: &Bot, actor: &Actor, card: Card, text: String, rows: &[Vec<OutButton>]) {
    let chat = actor.chat();
    let id = MessageId(card.message_id);
    let result = if card.photo {
        let caption: String = text.chars().take(crate::desk::CAPTION_LIMIT).collect();
        let request = bot
            .edit_message_caption(chat, id)
            .caption(caption)
            .reply_markup(keyboard(rows));
        actor.courier.call(request).await.map(|_| ())
    } else {
        let request = bot
            .edit_message_text(chat, id, text)
            .reply_markup(keyboard(rows));
        actor.courier.call(request).await.map(|_| ())
    };
    match result {
        Ok(()) | Err(RequestError::Api(ApiError::MessageNotModified)) => {}
        Err(error) => {
            tracing::warn!(chat_id = chat.0, message_id = card.message_id, %error, "cannot update a ticket card");
        }
    }
}
