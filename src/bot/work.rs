//! The staff and supervisors' side of the desk: ping cards and their buttons,
//! `/tasks`, `/log` for calls and visits, `/open` and reassignment.
//! (Being built: see issue 4.)

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use teloxide::prelude::*;

use super::callback::TicketOp;
use super::{Actor, App, BotDialogue, DeskMember, HandlerResult, Staff, Supervisor};

/// Where a staff member's or supervisor's conversation stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flow {}

/// Staff or a supervisor writing freely.
pub async fn message(
    bot: Bot,
    app: Arc<App>,
    member: DeskMember,
    dialogue: BotDialogue,
    msg: Message,
) -> HandlerResult {
    let _ = (bot, app, member, dialogue, msg);
    Ok(())
}

/// A message while a flow is in progress (a decline reason, a note …).
pub async fn continue_flow(
    bot: Bot,
    app: Arc<App>,
    member: DeskMember,
    dialogue: BotDialogue,
    msg: Message,
    flow: Flow,
) -> HandlerResult {
    let _ = (bot, app, member, dialogue, msg, flow);
    Ok(())
}

/// `/tasks`: the staff member's open tickets by deadline.
pub async fn tasks(bot: Bot, app: Arc<App>, staff: Staff) -> HandlerResult {
    let _ = (bot, app, staff);
    Ok(())
}

/// `/log [3-1502 text]`: register a call or visit for a resident.
pub async fn log(
    bot: Bot,
    app: Arc<App>,
    member: DeskMember,
    dialogue: BotDialogue,
    args: String,
) -> HandlerResult {
    let _ = (bot, app, member, dialogue, args);
    Ok(())
}

/// `/open [status|department]`: open tickets for a supervisor.
pub async fn open(bot: Bot, app: Arc<App>, supervisor: Supervisor, args: String) -> HandlerResult {
    let _ = (bot, app, supervisor, args);
    Ok(())
}

/// A staff member's or supervisor's button on a ticket.
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
