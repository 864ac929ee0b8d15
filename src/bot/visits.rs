//! The staff's visits: `/visits` (today's and tomorrow's bookings by
//! department), a visit's card with check-in, check-out, no-show and
//! "propose another time"; and the resident's answer to a proposal.
//!
//! ```text
//! staff:    /visits
//! bot:      Visits today, Mon 30 Nov — Customer service:
//!           16:00–19:00 · Party room · B-0003 · 3-1502 Amy · Booked
//!           [B-0003 16:00]
//! staff:    [B-0003 16:00]
//! bot:      B-0003 · Party room …   [✔️ Check in] [🚫 No-show] [🔁 Propose another time]
//! staff:    [🔁 Propose another time]
//! bot:      Propose which time?       [Mon 30 Nov 19:00–22:00] …
//! staff:    [Mon 30 Nov 19:00–22:00]
//! resident: (gets it)                 [✅ Accept] [Keep my time]
//! ```

use chrono::{DateTime, Utc};
use teloxide::prelude::*;

use super::callback::{BookOp, Callback, Target};
use super::{Actor, App, HandlerResult, reply};
use crate::dates;
use crate::desk::appointments::{self, Refused, Step};
use crate::desk::bookings::{self, Outcome, name, slot_text};
use crate::desk::cards;
use crate::error::Error;
use crate::outbox::{self, OutButton, OutMessage};
use crate::store;
use crate::store::bookings::BookingRow;
use crate::texts::{t, t_args};

fn book_button(text: String, op: BookOp) -> OutButton {
    OutButton::new(text, Callback::Book(op).encode())
}

/// `/visits`: today's and tomorrow's bookings of the staff member's
/// department (every department for a supervisor), by day and department.
pub async fn list(bot: &Bot, app: &App, actor: &Actor) -> HandlerResult {
    let lang = actor.lang;
    let tz = app.settings.timezone;
    let now = app.now();
    let today = now.with_timezone(&tz).date_naive();
    let midnight =
        |d: chrono::NaiveDate| crate::domain::calendar::local(tz, d, chrono::NaiveTime::MIN);
    let mut lines = Vec::new();
    let mut buttons = Vec::new();
    for (i, day) in [today, today + chrono::Duration::days(1)]
        .into_iter()
        .enumerate()
    {
        let next = day + chrono::Duration::days(1);
        let rows =
            store::bookings::starting_between(app.db.pool(), midnight(day), midnight(next)).await?;
        let mut shown: Vec<(String, String, BookingRow, String)> = Vec::new();
        for row in rows {
            let Some(ticket) = store::tickets::read(app.db.pool(), row.ticket_id).await? else {
                continue;
            };
            if !appointments::may_run(app, &actor.user, &ticket) {
                continue;
            }
            let unit = match ticket.unit_id {
                Some(id) => store::units::read(app.db.pool(), id)
                    .await?
                    .map(|u| u.label())
                    .unwrap_or_default(),
                None => "—".to_owned(),
            };
            shown.push((ticket.department.clone(), ticket.number.clone(), row, unit));
        }
        let head = if i == 0 {
            "visits-today"
        } else {
            "visits-tomorrow"
        };
        let day_text = dates::day(lang, day, today);
        lines.push(t_args(lang, head, &[("day", day_text.into())]));
        if shown.is_empty() {
            lines.push(t(lang, "visits-none"));
            continue;
        }
        shown.sort_by(|a, b| (&a.0, a.2.starts_at).cmp(&(&b.0, b.2.starts_at)));
        let mut department = String::new();
        for (dept, number, row, unit) in shown {
            if dept != department {
                lines.push(format!("— {} —", cards::label(lang, "dept", &dept)));
                department = dept;
            }
            let time = format!(
                "{}–{}",
                row.starts_at.with_timezone(&tz).format("%H:%M"),
                row.ends_at.with_timezone(&tz).format("%H:%M")
            );
            let args = [
                ("time", time.clone().into()),
                ("name", name(lang, &row.bookable).into()),
                ("number", number.clone().into()),
                ("unit", unit.into()),
                (
                    "status",
                    t(lang, &format!("booking-status-{}", row.status)).into(),
                ),
            ];
            lines.push(t_args(lang, "visits-line", &args));
            let label = format!("{number} {}", &time[..5]);
            buttons.push(book_button(label, BookOp::Visit(row.id)));
        }
    }
    let rows: Vec<Vec<OutButton>> = buttons.chunks(2).map(<[OutButton]>::to_vec).collect();
    let text = cards::excerpt(&lines.join("\n"), 4000);
    reply::buttons(bot, actor, text, &rows).await
}

/// A visit's card: what, when, who, and the buttons its state allows.
async fn card(app: &App, actor: &Actor, row: &BookingRow) -> Result<OutMessage, Error> {
    let lang = actor.lang;
    let ticket = store::tickets::read(app.db.pool(), row.ticket_id).await?;
    let number = ticket
        .as_ref()
        .map(|t| t.number.clone())
        .unwrap_or_default();
    let unit = match ticket.as_ref().and_then(|t| t.unit_id) {
        Some(id) => store::units::read(app.db.pool(), id)
            .await?
            .map(|u| u.label())
            .unwrap_or_default(),
        None => "—".to_owned(),
    };
    let resident = match row.resident_id {
        Some(id) => store::users::get(app.db.pool(), id)
            .await?
            .map(|u| u.first_name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let args = [
        ("number", number.into()),
        ("name", name(lang, &row.bookable).into()),
        (
            "slot",
            slot_text(app, lang, row.starts_at, row.ends_at).into(),
        ),
        ("unit", unit.into()),
        ("resident", resident.into()),
        (
            "status",
            t(lang, &format!("booking-status-{}", row.status)).into(),
        ),
    ];
    let text = t_args(lang, "visit-card", &args);
    let b = |key: &str, op| book_button(t(lang, key), op);
    let buttons = match row.status.as_str() {
        "booked" => vec![
            vec![
                b("visit-button-check-in", BookOp::CheckIn(row.id)),
                b("visit-button-no-show", BookOp::NoShow(row.id)),
            ],
            vec![b("visit-button-propose", BookOp::Propose(row.id))],
        ],
        "checked_in" => vec![vec![b("visit-button-check-out", BookOp::CheckOut(row.id))]],
        _ => Vec::new(),
    };
    Ok(OutMessage::with_buttons(text, buttons))
}

/// The free slots staff may propose instead of the booked one.
async fn proposals(app: &App, row: &BookingRow) -> Result<Vec<DateTime<Utc>>, Error> {
    let now = app.now();
    let mut slots = bookings::nearest(app, &row.bookable, row.starts_at, now, 7).await?;
    slots.retain(|s| *s != row.starts_at);
    slots.truncate(6);
    slots.sort();
    Ok(slots)
}

fn refusal_key(refused: Refused) -> &'static str {
    match refused {
        Refused::NotYours => "not-allowed",
        Refused::NotNow => "stale-button",
        Refused::Full => "visit-slot-taken",
    }
}

/// A staff member's (or supervisor's) booking button.
pub async fn staff_button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    op: BookOp,
) -> HandlerResult {
    let lang = actor.lang;
    let now = app.now();
    let id = match &op {
        BookOp::Visit(id)
        | BookOp::CheckIn(id)
        | BookOp::CheckOut(id)
        | BookOp::NoShow(id)
        | BookOp::Propose(id)
        | BookOp::ProposeSlot(id, _) => *id,
        _ => {
            reply::answer(bot, actor, query, Some(t(lang, "not-allowed")), true);
            return Ok(());
        }
    };
    let row = store::bookings::read(app.db.pool(), id).await?;
    let ticket = match &row {
        Some(r) => store::tickets::read(app.db.pool(), r.ticket_id).await?,
        None => None,
    };
    let (Some(row), Some(ticket)) = (row, ticket) else {
        reply::answer(bot, actor, query, Some(t(lang, "stale-button")), true);
        return Ok(());
    };
    if !appointments::may_run(app, &actor.user, &ticket) {
        reply::answer(bot, actor, query, Some(t(lang, "not-allowed")), true);
        return Ok(());
    }
    reply::answer(bot, actor, query, None, false);
    match op {
        BookOp::Visit(_) => {
            let message = card(app, actor, &row).await?;
            let OutMessage::Text { text, buttons } = message else {
                return Ok(());
            };
            reply::buttons(bot, actor, text, &buttons).await
        }
        BookOp::Propose(_) => {
            let slots = proposals(app, &row).await?;
            let rows: Vec<Vec<OutButton>> = slots
                .iter()
                .map(|s| {
                    let b = app.settings.bookable(&row.bookable);
                    let end = b.map_or(*s, |b| b.end_of(*s));
                    vec![book_button(
                        slot_text(app, lang, *s, end),
                        BookOp::ProposeSlot(row.id, *s),
                    )]
                })
                .collect();
            let key = if rows.is_empty() {
                "visit-propose-none"
            } else {
                "visit-propose-pick"
            };
            let args = [("number", ticket.number.clone().into())];
            reply::buttons(bot, actor, t_args(lang, key, &args), &rows).await
        }
        BookOp::ProposeSlot(_, start) => {
            let mut tx = app.db.begin().await?;
            match appointments::propose(&mut tx, app, &actor.user, id, start, now).await? {
                Ok(_) => {
                    let b = app.settings.bookable(&row.bookable);
                    let end = b.map_or(start, |b| b.end_of(start));
                    let args = [
                        ("number", ticket.number.clone().into()),
                        ("proposed", slot_text(app, lang, start, end).into()),
                    ];
                    let text = t_args(lang, "visit-proposed", &args);
                    outbox::enqueue(&mut tx, actor.chat().0, &OutMessage::text(text), now).await?;
                    app.commit(tx).await
                }
                Err(refused) => {
                    drop(tx);
                    reply::text(bot, actor, t(lang, refusal_key(refused))).await
                }
            }
        }
        BookOp::CheckIn(_) | BookOp::CheckOut(_) | BookOp::NoShow(_) => {
            let (step, key) = match op {
                BookOp::CheckIn(_) => (Step::CheckIn, "visit-checked-in"),
                BookOp::CheckOut(_) => (Step::CheckOut, "visit-checked-out"),
                _ => (Step::NoShow, "visit-no-show"),
            };
            let mut tx = app.db.begin().await?;
            match appointments::step(&mut tx, app, &actor.user, id, step, now).await? {
                Ok(updated) => {
                    let args = [
                        ("number", ticket.number.clone().into()),
                        ("name", name(lang, &updated.bookable).into()),
                    ];
                    let message = match card(app, actor, &updated).await? {
                        OutMessage::Text { buttons, .. } => {
                            OutMessage::with_buttons(t_args(lang, key, &args), buttons)
                        }
                        other => other,
                    };
                    outbox::enqueue(&mut tx, actor.chat().0, &message, now).await?;
                    app.commit(tx).await
                }
                Err(refused) => {
                    drop(tx);
                    reply::text(bot, actor, t(lang, refusal_key(refused))).await
                }
            }
        }
        _ => Ok(()),
    }
}

/// The resident accepts the proposed time, or keeps the booked one.
pub async fn proposal_answer(bot: &Bot, app: &App, actor: &Actor, op: BookOp) -> HandlerResult {
    let lang = actor.lang;
    let now = app.now();
    let (id, accepted) = match op {
        BookOp::AcceptProposal(id, start) => (id, Some(start)),
        BookOp::DeclineProposal(id) => (id, None),
        _ => return Ok(()),
    };
    let mut tx = app.db.begin().await?;
    match appointments::answer(&mut tx, app, actor.id(), id, accepted, now).await? {
        Outcome::Booked(row, ticket) => {
            if accepted.is_none() {
                let args = [
                    ("number", ticket.number.clone().into()),
                    ("name", name(lang, &row.bookable).into()),
                    (
                        "slot",
                        slot_text(app, lang, row.starts_at, row.ends_at).into(),
                    ),
                ];
                let text = t_args(lang, "booking-kept", &args);
                let buttons = bookings::resident_buttons(lang, row.id);
                outbox::enqueue(
                    &mut tx,
                    actor.chat().0,
                    &OutMessage::with_buttons(text, buttons),
                    now,
                )
                .await?;
            }
            app.commit(tx).await
        }
        Outcome::Full => {
            drop(tx);
            let start = accepted.unwrap_or(now);
            super::booking::refused(bot, app, actor, &Target::Move(id), start, Outcome::Full).await
        }
        _ => {
            drop(tx);
            reply::text(bot, actor, t(lang, "stale-button")).await
        }
    }
}
