//! Supervisors' marking buttons: a hot-spot alert's "mark as hot spot".
//! The desk re-checks the role; the first press marks it, a later one
//! (another supervisor's copy) is told who was first.
//!
//! ```text
//! bot:        🔥 3 Plumbing tickets at Block 3 within 7 days: R-0001, R-0002, R-0003
//!             [🔥 Mark as hot spot]
//! supervisor: (🔥 Mark as hot spot)
//! bot:        … ✅ Marked as a hot spot: R-0001, R-0002, R-0003.
//! ```

use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

use super::common::refuse;
use super::{Actor, App, HandlerResult, reply};
use crate::desk::Refusal;
use crate::desk::hotspots::{self, Marked};
use crate::domain::button::MarkOp;
use crate::texts::{t, t_args};

/// A marking button was pressed.
pub async fn pressed(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    op: MarkOp,
) -> HandlerResult {
    let supervisor = actor.role() == Some(crate::domain::role::Role::Supervisor);
    match op {
        MarkOp::HotSpot(id) if supervisor => hot_spot(bot, app, actor, query, id).await,
        MarkOp::Key(ticket) if supervisor => key(bot, app, actor, query, ticket).await,
        MarkOp::HotSpot(_) | MarkOp::Key(_) => refuse(bot, actor, query).await,
        MarkOp::HotSpotCard(_) | MarkOp::CloseHotSpot(_) | MarkOp::HotSpots(_) => {
            super::hotspots::pressed(bot, app, actor, query, op).await
        }
    }
}

async fn hot_spot(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
) -> HandlerResult {
    let doer = actor.doer();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let done = match hotspots::mark(&mut tx, id, doer, now).await? {
        Err(refusal) => {
            tx.rollback().await?;
            return turned_down(bot, actor, query, refusal).await;
        }
        Ok(Marked::Already(_)) => {
            tx.rollback().await?;
            let text = t(actor.lang, "hotspot-already-marked");
            reply::answer(bot, actor, query, Some(text), false);
            reply::take_buttons_off(bot, actor, query).await;
            return Ok(());
        }
        Ok(Marked::Now(_, numbers)) => numbers,
    };
    app.commit(tx).await?;
    tracing::info!(hot_spot_id = id, user_id = actor.id(), "hot spot marked");
    let text = t_args(
        actor.lang,
        "hotspot-marked",
        &[("tickets", done.join(", ").into())],
    );
    reply::answer(bot, actor, query, Some(text.clone()), false);
    append(bot, actor, query, &text).await;
    Ok(())
}

async fn key(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    ticket: i64,
) -> HandlerResult {
    let doer = actor.doer();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if crate::store::keys::is_key(&mut tx, ticket).await? {
        tx.rollback().await?;
        reply::answer(bot, actor, query, Some(t(actor.lang, "key-already")), false);
        reply::take_buttons_off(bot, actor, query).await;
        return Ok(());
    }
    match crate::desk::judgement::mark_key(&mut tx, app, ticket, doer, true, now).await? {
        Ok(()) => {}
        Err(refusal) => {
            tx.rollback().await?;
            return turned_down(bot, actor, query, refusal).await;
        }
    }
    let number = crate::store::tickets::get(&mut tx, ticket)
        .await?
        .map(|t| t.number)
        .unwrap_or_default();
    app.commit(tx).await?;
    let text = t_args(actor.lang, "key-marked", &[("number", number.into())]);
    reply::answer(bot, actor, query, Some(text.clone()), false);
    append(bot, actor, query, &text).await;
    Ok(())
}

/// Answers a press the desk turned down: a card that moved on (its ticket
/// or hot spot is gone) is stale; anything else is not this person's to do.
pub(super) async fn turned_down(
    bot: &Bot,
    actor: &Actor,
    query: &CallbackQuery,
    refusal: Refusal,
) -> HandlerResult {
    match refusal {
        Refusal::NotFound => {
            reply::stale(bot, actor, query);
            Ok(())
        }
        Refusal::NotYours | Refusal::NotNow(_) | Refusal::NobodyAvailable => {
            refuse(bot, actor, query).await
        }
    }
}

/// Adds `done` under the pressed message and takes its buttons off. The
/// change is committed already, so a message Telegram will not edit any
/// more is only logged.
pub(super) async fn append(bot: &Bot, actor: &Actor, query: &CallbackQuery, done: &str) {
    let Some(message) = query.regular_message() else {
        return;
    };
    let before = message.text().unwrap_or_default();
    let request = bot
        .edit_message_text(message.chat.id, message.id, format!("{before}\n\n{done}"))
        .reply_markup(InlineKeyboardMarkup::default());
    if let Err(error) = actor.courier.call(request).await {
        tracing::debug!(chat_id = message.chat.id.0, %error, "could not rewrite a marked alert");
    }
}
