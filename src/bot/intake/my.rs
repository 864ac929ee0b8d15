//! `/my`: the resident's tickets, one ticket's history, and what a resident
//! may do to an open ticket of theirs: add information or photos, or cancel it
//! (after saying yes to "are you sure?"). Every button is checked against the
//! tickets the resident may see.

use fluent_bundle::FluentValue;
use teloxide::prelude::*;

use super::card::excerpt;
use super::input;
use super::{Flow, compose, retire};
use crate::bot::common::refuse;
use crate::bot::{Actor, App, BotDialogue, HandlerResult, State, reply};
use crate::desk::bookings;
use crate::desk::{self, Doer, Refusal, additions, cards};
use crate::domain::button::{Callback, TicketOp};
use crate::domain::lang::Lang;
use crate::domain::role::Role;
use crate::domain::ticket::Action;
use crate::error::Error;
use crate::outbox::{self, OutButton, OutMessage};
use crate::store::tickets::{HistoryRow, TicketRow};
use crate::store::{self, units::UnitRow};
use crate::texts::{has, t, t_args};

/// How many tickets `/my` lists.
const LISTED: i64 = 10;
/// How many lines of a ticket's history are shown.
const HISTORY_SHOWN: usize = 20;
/// The most of a ticket's text or history quoted in one message.
const QUOTED: usize = 1500;

/// Whether a resident may see a ticket: they reported it, or it is about one
/// of their units.
pub fn may_see(ticket: &TicketRow, user_id: i64, units: &[UnitRow]) -> bool {
    ticket.resident_id == Some(user_id)
        || ticket
            .unit_id
            .is_some_and(|unit| units.iter().any(|u| u.id == unit))
}

fn is_open(ticket: &TicketRow) -> bool {
    ticket.status.is_open()
}

/// The ticket, when this resident may see it.
async fn owned(app: &App, actor: &Actor, id: i64) -> Result<Option<TicketRow>, Error> {
    let Some(ticket) = store::tickets::read(app.db.pool(), id).await? else {
        return Ok(None);
    };
    let units = store::units::of_resident(app.db.pool(), actor.id()).await?;
    Ok(may_see(&ticket, actor.id(), &units).then_some(ticket))
}

/// `/my`: the resident's tickets, newest first, with a button each.
pub async fn list(bot: &Bot, app: &App, actor: &Actor) -> HandlerResult {
    let lang = actor.lang;
    let tickets = store::tickets::of_resident(app.db.pool(), actor.id(), LISTED).await?;
    if tickets.is_empty() {
        return reply::text(bot, actor, t(lang, "my-none")).await;
    }
    let mut lines = vec![t(lang, "my-title")];
    let mut buttons = Vec::new();
    for ticket in &tickets {
        let args: [(&str, FluentValue); 5] = [
            ("number", ticket.number.clone().into()),
            (
                "kind",
                cards::label(lang, "kind", ticket.kind.as_str()).into(),
            ),
            (
                "category",
                cards::label(lang, "category", ticket.category.as_str()).into(),
            ),
            (
                "status",
                cards::label(lang, "status", ticket.status.as_str()).into(),
            ),
            ("date", cards::time(app, lang, ticket.created_at).into()),
        ];
        let line = match store::bookings::of_ticket(app.db.pool(), ticket.id).await? {
            // A booking reads as the appointment it is: what, when, and its state.
            Some(b) => {
                let args: [(&str, FluentValue); 4] = [
                    ("number", ticket.number.clone().into()),
                    ("name", bookings::name(lang, &b.bookable).into()),
                    (
                        "slot",
                        bookings::slot_text(app, lang, b.starts_at, b.ends_at).into(),
                    ),
                    (
                        "status",
                        t(lang, &format!("booking-status-{}", b.status)).into(),
                    ),
                ];
                t_args(lang, "my-booking-line", &args)
            }
            None => t_args(lang, "my-line", &args),
        };
        lines.push(line);
        buttons.push(OutButton::new(
            ticket.number.clone(),
            Callback::Ticket {
                id: ticket.id,
                op: TicketOp::View,
            }
            .encode(),
        ));
    }
    let rows: Vec<Vec<OutButton>> = buttons.chunks(3).map(<[OutButton]>::to_vec).collect();
    reply::buttons(bot, actor, lines.join("\n"), &rows).await
}

/// A resident's button on one of their tickets.
pub async fn button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    id: i64,
    op: TicketOp,
) -> HandlerResult {
    if !matches!(
        op,
        TicketOp::View
            | TicketOp::AddInfo
            | TicketOp::Cancel
            | TicketOp::ConfirmCancel
            | TicketOp::KeepOpen
    ) {
        return refuse(bot, actor, query).await;
    }
    let Some(ticket) = owned(app, actor, id).await? else {
        return refuse(bot, actor, query).await;
    };
    match op {
        TicketOp::View => {
            reply::answer(bot, actor, query, None, false);
            view(bot, app, actor, &ticket).await
        }
        TicketOp::AddInfo => {
            if !is_open(&ticket) {
                return not_open(bot, actor, query, &ticket).await;
            }
            dialogue
                .update(State::Resident(Flow::AddInfo {
                    ticket_id: ticket.id,
                    album: None,
                }))
                .await?;
            reply::answer(bot, actor, query, None, false);
            let args = [("number", ticket.number.clone().into())];
            reply::text(bot, actor, t_args(actor.lang, "addinfo-ask", &args)).await
        }
        // Only the resident who reported it may cancel it.
        _ if ticket.resident_id != Some(actor.id()) => refuse(bot, actor, query).await,
        TicketOp::Cancel => ask_cancel(bot, actor, query, &ticket).await,
        TicketOp::KeepOpen => {
            retire(bot, actor, asked_in(query)).await;
            let args = [("number", ticket.number.clone().into())];
            let text = t_args(actor.lang, "ticket-kept", &args);
            reply::answer(bot, actor, query, Some(text), false);
            Ok(())
        }
        _ => cancel(bot, app, actor, query, &ticket).await,
    }
}

/// The message a pressed button sits under.
fn asked_in(query: &CallbackQuery) -> Option<i32> {
    query.message.as_ref().map(|m| m.id().0)
}

/// "Are you sure?" before a cancellation, which cannot be undone.
async fn ask_cancel(
    bot: &Bot,
    actor: &Actor,
    query: &CallbackQuery,
    ticket: &TicketRow,
) -> HandlerResult {
    if !is_open(ticket) {
        return not_open(bot, actor, query, ticket).await;
    }
    let lang = actor.lang;
    let args: [(&str, FluentValue); 3] = [
        ("number", ticket.number.clone().into()),
        (
            "kind",
            cards::label(lang, "kind", ticket.kind.as_str()).into(),
        ),
        (
            "category",
            cards::label(lang, "category", ticket.category.as_str()).into(),
        ),
    ];
    let buttons = [vec![
        cards::button(
            lang,
            "button-cancel-yes",
            ticket.id,
            TicketOp::ConfirmCancel,
        ),
        cards::button(lang, "button-cancel-no", ticket.id, TicketOp::KeepOpen),
    ]];
    reply::answer(bot, actor, query, None, false);
    reply::buttons(
        bot,
        actor,
        t_args(lang, "ticket-cancel-ask", &args),
        &buttons,
    )
    .await
}

async fn not_open(
    bot: &Bot,
    actor: &Actor,
    query: &CallbackQuery,
    ticket: &TicketRow,
) -> HandlerResult {
    let args = [
        ("number", ticket.number.clone().into()),
        (
            "status",
            cards::label(actor.lang, "status", ticket.status.as_str()).into(),
        ),
    ];
    let text = t_args(actor.lang, "ticket-not-open", &args);
    reply::answer(bot, actor, query, Some(text), true);
    Ok(())
}

async fn cancel(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    ticket: &TicketRow,
) -> HandlerResult {
    let doer = Doer {
        user_id: actor.id(),
        role: Some(Role::Resident),
    };
    let now = app.now();
    let mut tx = app.db.begin().await?;
    match desk::act(&mut tx, app, ticket.id, doer, Action::Cancel, None, now).await? {
        Ok(cancelled) => {
            let args = [("number", cancelled.number.clone().into())];
            let text = t_args(actor.lang, "ticket-cancelled-by-you", &args);
            outbox::enqueue(&mut tx, actor.chat().0, &OutMessage::text(text), now).await?;
            app.commit(tx).await?;
            reply::answer(bot, actor, query, None, false);
            retire(bot, actor, asked_in(query)).await;
            Ok(())
        }
        Err(Refusal::NotNow(_)) => {
            tx.rollback().await?;
            not_open(bot, actor, query, ticket).await
        }
        Err(_) => {
            tx.rollback().await?;
            refuse(bot, actor, query).await
        }
    }
}

fn history_line(lang: Lang, app: &App, row: &HistoryRow, user_id: i64) -> String {
    let key = format!("history-{}", row.action);
    let action = if has(lang, &key) {
        t(lang, &key)
    } else {
        t_args(
            lang,
            "history-other",
            &[("action", row.action.clone().into())],
        )
    };
    // Staff notes are the desk's own; the resident sees their own words and
    // the closing notes meant for them.
    let shown =
        row.actor == Some(user_id) || matches!(row.action.as_str(), "resolved" | "cancelled");
    let note = row
        .note
        .as_deref()
        .filter(|n| shown && !n.is_empty())
        .map(|n| format!(" — {n}"))
        .unwrap_or_default();
    format!("{} {action}{note}", cards::time(app, lang, row.at))
}

/// One ticket and its history, with what the resident may still do.
async fn view(bot: &Bot, app: &App, actor: &Actor, ticket: &TicketRow) -> HandlerResult {
    let lang = actor.lang;
    let units = store::units::of_resident(app.db.pool(), actor.id()).await?;
    let place = ticket
        .unit_id
        .and_then(|id| units.iter().find(|u| u.id == id))
        .map_or_else(|| "—".to_owned(), UnitRow::label);
    let when = match (ticket.preferred_start, ticket.preferred_end) {
        (Some(s), Some(e)) => cards::span(app, lang, s, e),
        _ => t(lang, "card-no-time"),
    };
    let rows = store::tickets::history(app.db.pool(), ticket.id).await?;
    // The latest lines, so that the message stays within Telegram's limit.
    let history = rows[rows.len().saturating_sub(HISTORY_SHOWN)..]
        .iter()
        .map(|row| history_line(lang, app, row, actor.id()))
        .collect::<Vec<_>>()
        .join("\n");
    let args: [(&str, FluentValue); 8] = [
        ("number", ticket.number.clone().into()),
        (
            "kind",
            cards::label(lang, "kind", ticket.kind.as_str()).into(),
        ),
        (
            "category",
            cards::label(lang, "category", ticket.category.as_str()).into(),
        ),
        (
            "status",
            cards::label(lang, "status", ticket.status.as_str()).into(),
        ),
        ("place", place.into()),
        ("text", excerpt(&ticket.description, QUOTED).into()),
        ("when", when.into()),
        ("history", excerpt(&history, QUOTED).into()),
    ];
    let text = t_args(lang, "ticket-view", &args);
    let mut row = Vec::new();
    if is_open(ticket) {
        row.push(OutButton::new(
            t(lang, "button-add-info"),
            Callback::Ticket {
                id: ticket.id,
                op: TicketOp::AddInfo,
            }
            .encode(),
        ));
        let booked = store::bookings::of_ticket(app.db.pool(), ticket.id)
            .await?
            .filter(|b| b.status == "booked");
        if let Some(b) = booked.filter(|_| ticket.resident_id == Some(actor.id())) {
            // A booking changes and cancels through its own buttons (cutoff checked).
            row.extend(bookings::resident_buttons(lang, b.id).into_iter().flatten());
        } else if ticket.resident_id == Some(actor.id()) {
            row.push(OutButton::new(
                t(lang, "button-cancel-ticket"),
                Callback::Ticket {
                    id: ticket.id,
                    op: TicketOp::Cancel,
                }
                .encode(),
            ));
        }
    }
    if row.is_empty() {
        return reply::text(bot, actor, text).await;
    }
    reply::buttons(bot, actor, text, &[row]).await
}

/// A message while the resident is adding to a ticket.
pub async fn add_info(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    ticket_id: i64,
    album: Option<String>,
) -> HandlerResult {
    let input = match input::read(msg) {
        Ok(input) => input,
        Err(why) => return input::refuse(bot, actor, &app.settings.office.phone, &why).await,
    };
    // The photos of one album belong together; anything after them is new.
    if album.is_some() && input.album != album {
        dialogue.update(State::Idle).await?;
        return compose::take(bot, app, actor, dialogue, msg, None).await;
    }
    let Some(ticket) = owned(app, actor, ticket_id).await? else {
        dialogue.update(State::Idle).await?;
        return reply::text(bot, actor, t(actor.lang, "not-allowed")).await;
    };
    let photo = match &input.photo {
        Some(photo) => match input::photo_id(bot, actor, photo).await {
            Some(id) => Some(id),
            None => return reply::text(bot, actor, t(actor.lang, "photo-file-failed")).await,
        },
        None => None,
    };
    let note = (!input.text.is_empty()).then_some(input.text.as_str());
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let added = additions::from_resident(
        &mut tx,
        app,
        ticket.id,
        actor.id(),
        note,
        photo.as_deref(),
        now,
    )
    .await?;
    app.commit(tx).await?;
    let next = match &input.album {
        Some(_) if added.is_some() => State::Resident(Flow::AddInfo {
            ticket_id,
            album: input.album.clone(),
        }),
        _ => State::Idle,
    };
    dialogue.update(next).await?;
    let args = [
        ("number", ticket.number.clone().into()),
        (
            "status",
            cards::label(actor.lang, "status", ticket.status.as_str()).into(),
        ),
    ];
    match added {
        // One acknowledgement for an album.
        Some(_) if album.is_some() => Ok(()),
        Some(_) => reply::text(bot, actor, t_args(actor.lang, "addinfo-done", &args)).await,
        None => reply::text(bot, actor, t_args(actor.lang, "ticket-not-open", &args)).await,
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use crate::domain::request::{Category, Kind, Urgency};
    use crate::domain::ticket::Status;

    use super::*;

    fn ticket(resident_id: Option<i64>, unit_id: Option<i64>) -> TicketRow {
        let now = Utc::now();
        TicketRow {
            id: 1,
            number: "R-0001".into(),
            kind: Kind::Repair,
            category: Category::Plumbing,
            urgency: Urgency::Normal,
            unit_id,
            resident_id,
            source: "telegram".into(),
            logged_by: None,
            description: String::new(),
            preferred_start: None,
            preferred_end: None,
            status: Status::Assigned,
            department: "engineering".into(),
            assignee_id: None,
            escalated: false,
            respond_by: now,
            resolve_by: now,
            created_at: now,
            accepted_at: None,
            resolved_at: None,
            resolution_note: None,
            area: None,
            building: None,
        }
    }

    fn unit(id: i64) -> UnitRow {
        UnitRow {
            id,
            building: "3".into(),
            flat: "1502".into(),
        }
    }

    #[test]
    fn a_resident_sees_tickets_of_their_units_and_those_they_reported() {
        assert!(may_see(&ticket(Some(7), None), 7, &[]));
        assert!(may_see(&ticket(Some(8), Some(1)), 7, &[unit(1)]));
    }

    #[test]
    fn a_resident_does_not_see_another_units_ticket() {
        assert!(!may_see(&ticket(Some(8), Some(2)), 7, &[unit(1)]));
        assert!(!may_see(&ticket(None, None), 7, &[unit(1)]));
        assert!(!may_see(&ticket(Some(8), None), 7, &[unit(1)]));
    }
}
