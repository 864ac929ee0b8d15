//! Hot spots (熱點) followed as one: `/hotspots` lists them (open ones first,
//! a page at a time) with a button each; a hot spot's card lists its tickets
//! with their states and owners, with 🔥 Mark and ✔️ Close for supervisors
//! (managers read it). A hot spot closes when a supervisor closes it or
//! when all its tickets are closed.
//!
//! ```text
//! supervisor: /hotspots
//! bot:        🔥 Hot spots: 2 · [#2 Plumbing at Block 3] [#1 Lift at Lobby, Block 5]
//! supervisor: (#2 Plumbing at Block 3)
//! bot:        🔥 #2 Plumbing at Block 3 — open, marked by Lee
//!             R-0004 · In progress · Chan …   [✔️ Close hot spot]
//! ```

use std::sync::Arc;

use fluent_bundle::FluentValue;
use teloxide::prelude::*;

use super::common::refuse;
use super::{Actor, App, HandlerResult, reply};
use crate::desk::cards;
use crate::desk::hotspots::{self, Closed, title};
use crate::domain::button::{Callback, MarkOp};
use crate::domain::lang::Lang;
use crate::domain::role::Role;
use crate::error::Error;
use crate::outbox::{OutButton, keyboard};
use crate::store;
use crate::store::hot_spots::HotSpotRow;
use crate::texts::{t, t_args};

/// Hot spots a page.
const PER_PAGE: i64 = 10;
/// Tickets a card lists (a card stays under Telegram's 4,096 characters).
const LISTED: usize = 40;

/// `/hotspots`: the first page.
pub async fn command(bot: Bot, app: Arc<App>, actor: Actor) -> HandlerResult {
    let (text, rows) = page(&app, actor.lang, 0).await?;
    reply::buttons(&bot, &actor, text, &rows).await
}

/// A hot-spot button (supervisors and managers; managers only read).
pub async fn pressed(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    op: MarkOp,
) -> HandlerResult {
    match op {
        MarkOp::HotSpots(at) => {
            let (text, rows) = page(app, actor.lang, at).await?;
            reply::answer(bot, actor, query, None, false);
            show(bot, actor, query, text, &rows).await
        }
        MarkOp::HotSpotCard(id) => {
            let Some((text, rows)) = card(app, actor, id).await? else {
                reply::stale(bot, actor, query);
                return Ok(());
            };
            reply::answer(bot, actor, query, None, false);
            reply::buttons(bot, actor, text, &rows).await
        }
        MarkOp::CloseHotSpot(id) => close(bot, app, actor, query, id).await,
        MarkOp::HotSpot(_) | MarkOp::Key(_) => refuse(bot, actor, query).await,
    }
}

/// Rewrites the pressed list in place (a new message when it cannot be).
async fn show(
    bot: &Bot,
    actor: &Actor,
    query: &CallbackQuery,
    text: String,
    rows: &[Vec<OutButton>],
) -> HandlerResult {
    match query.regular_message() {
        Some(message) => {
            let request = bot
                .edit_message_text(message.chat.id, message.id, text)
                .reply_markup(keyboard(rows));
            if let Err(error) = actor.courier.call(request).await {
                tracing::debug!(%error, "could not turn the hot-spot page");
            }
            Ok(())
        }
        None => reply::buttons(bot, actor, text, rows).await,
    }
}

fn state(lang: Lang, spot: &HotSpotRow) -> String {
    let key = match (spot.closed_at, spot.marked_at) {
        (Some(_), _) => "hotspot-state-closed",
        (None, Some(_)) => "hotspot-state-marked",
        (None, None) => "hotspot-state-open",
    };
    t(lang, key)
}

/// A page of hot spots: a line and a button each, and ⬅️/➡️.
async fn page(app: &App, lang: Lang, at: u32) -> Result<(String, Vec<Vec<OutButton>>), Error> {
    let total = store::hot_spots::count(app.db.pool()).await?;
    if total == 0 {
        return Ok((t(lang, "hotspots-none"), Vec::new()));
    }
    let pages = (total + PER_PAGE - 1) / PER_PAGE;
    // A page past the end shows the last one.
    let at = i64::from(at).min(pages - 1);
    let spots = store::hot_spots::page(app.db.pool(), at * PER_PAGE, PER_PAGE).await?;
    let mut header = t_args(
        lang,
        "hotspots-title",
        &[("count", FluentValue::from(total))],
    );
    if pages > 1 {
        let of = t_args(
            lang,
            "work-page",
            &[
                ("page", FluentValue::from(at + 1)),
                ("pages", FluentValue::from(pages)),
            ],
        );
        header = format!("{header} · {of}");
    }
    let mut lines = vec![header];
    let mut rows = Vec::new();
    for listed in &spots {
        let name = title(lang, &listed.spot);
        lines.push(t_args(
            lang,
            "hotspots-line",
            &[
                ("spot", name.clone().into()),
                ("state", state(lang, &listed.spot).into()),
                ("tickets", listed.tickets.into()),
                ("open", listed.open.into()),
            ],
        ));
        rows.push(vec![OutButton::new(
            name,
            Callback::Mark(MarkOp::HotSpotCard(listed.spot.id)).encode(),
        )]);
    }
    let page = u32::try_from(at).unwrap_or(0);
    let mut turn = Vec::new();
    if at > 0 {
        turn.push(OutButton::new(
            t(lang, "button-page-previous"),
            Callback::Mark(MarkOp::HotSpots(page - 1)).encode(),
        ));
    }
    if at + 1 < pages {
        turn.push(OutButton::new(
            t(lang, "button-page-next"),
            Callback::Mark(MarkOp::HotSpots(page + 1)).encode(),
        ));
    }
    if !turn.is_empty() {
        rows.push(turn);
    }
    Ok((lines.join("\n"), rows))
}

/// A hot spot's card: what it is and where it stands, each ticket with its
/// state and owner, and the supervisor's buttons while it is open.
async fn card(
    app: &App,
    actor: &Actor,
    id: i64,
) -> Result<Option<(String, Vec<Vec<OutButton>>)>, Error> {
    let lang = actor.lang;
    let mut tx = app.db.begin().await?;
    let Some(spot) = store::hot_spots::get(&mut tx, id).await? else {
        tx.rollback().await?;
        return Ok(None);
    };
    let members = store::hot_spots::members(&mut tx, id).await?;
    let marker = match spot.marked_by {
        Some(by) => store::users::get_tx(&mut tx, by)
            .await?
            .map(|u| u.first_name),
        None => None,
    };
    tx.rollback().await?;
    let mut lines = vec![t_args(
        lang,
        "hotspot-card",
        &[
            ("spot", title(lang, &spot).into()),
            ("state", state(lang, &spot).into()),
            ("first", cards::time(app, lang, spot.first_at).into()),
            ("last", cards::time(app, lang, spot.last_at).into()),
            ("count", members.len().into()),
        ],
    )];
    if let Some(name) = marker {
        lines.push(t_args(lang, "hotspot-card-marked", &[("by", name.into())]));
    }
    for member in members.iter().take(LISTED) {
        let owner = member
            .assignee
            .clone()
            .unwrap_or_else(|| t(lang, "hotspot-card-nobody"));
        lines.push(t_args(
            lang,
            "hotspot-card-ticket",
            &[
                ("number", member.number.clone().into()),
                (
                    "status",
                    cards::label(lang, "status", member.status.as_str()).into(),
                ),
                ("owner", owner.into()),
            ],
        ));
    }
    if members.len() > LISTED {
        lines.push(t_args(
            lang,
            "hotspot-more",
            &[("count", (members.len() - LISTED).into())],
        ));
    }
    let mut rows = Vec::new();
    if actor.role() == Some(Role::Supervisor) && spot.closed_at.is_none() {
        let mut row = Vec::new();
        if spot.marked_at.is_none() {
            row.push(OutButton::new(
                t(lang, "hotspot-button-mark"),
                Callback::Mark(MarkOp::HotSpot(id)).encode(),
            ));
        }
        row.push(OutButton::new(
            t(lang, "hotspot-button-close"),
            Callback::Mark(MarkOp::CloseHotSpot(id)).encode(),
        ));
        rows.push(row);
    }
    let text: String = lines.join("\n").chars().take(4000).collect();
    Ok(Some((text, rows)))
}

async fn close(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
) -> HandlerResult {
    let doer = actor.doer();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let spot = match hotspots::close(&mut tx, app, id, doer, now).await? {
        Ok(Closed::Now(spot)) => spot,
        Ok(Closed::Already) => {
            tx.rollback().await?;
            let text = t(actor.lang, "hotspot-already-closed");
            reply::answer(bot, actor, query, Some(text), true);
            reply::take_buttons_off(bot, actor, query).await;
            return Ok(());
        }
        Err(refusal) => {
            tx.rollback().await?;
            return super::mark::turned_down(bot, actor, query, refusal).await;
        }
    };
    app.commit(tx).await?;
    tracing::info!(hot_spot_id = id, user_id = actor.id(), "hot spot closed");
    let text = t_args(
        actor.lang,
        "hotspot-closed",
        &[("spot", title(actor.lang, &spot).into())],
    );
    reply::answer(bot, actor, query, Some(text.clone()), false);
    super::mark::append(bot, actor, query, &text).await;
    Ok(())
}
