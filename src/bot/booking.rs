//! The resident's bookings: pickers, offers, changes and cancellation.
//!
//! ```text
//! resident: 想book聽日3點嘅party room
//! bot:      Party room: the nearest free time to what you asked is
//!           Tue 1 Dec 13:00–16:00.   [✅ Tue 1 Dec 13:00–16:00] [✅ …16:00–19:00] [📅 Other days]
//! resident: [✅ Tue 1 Dec 13:00–16:00]
//! bot:      ✅ Booked: B-0001 · Party room, Tue 1 Dec 13:00–16:00 …  [🔁 Change time] [✖️ Cancel]
//!
//! resident: /book
//! bot:      What would you like to book?  [Party room] [BBQ pit] …
//! resident: [Party room]
//! bot:      Party room: pick a day.        [Tue 1 Dec ✅] [Wed 2 Dec ✖️] …
//! resident: [Tue 1 Dec ✅]
//! bot:      Party room on Tue 1 Dec: pick a time.  [13:00–16:00 (1 left)] …
//! resident: [13:00–16:00 (1 left)]
//! bot:      Book Party room for Tue 1 Dec 13:00–16:00?  [✅ Book] [📅 Other days]
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use teloxide::prelude::*;

use super::callback::{BookOp, Callback, Target};
use super::{Actor, App, HandlerResult, reply};
use crate::dates;
use crate::desk::bookings::{self, Outcome};
use crate::domain::booking::{self, Bookable};
use crate::domain::role::Role;
use crate::outbox::OutButton;
use crate::store;
use crate::texts::{t, t_args};

/// Days shown in the day picker.
const PICKER_DAYS: usize = 14;
/// Slots offered beside the nearest one.
const OFFERED: usize = 4;

fn book_button(text: String, op: BookOp) -> OutButton {
    OutButton::new(text, Callback::Book(op).encode())
}

/// `/book`: what there is to book.
pub async fn choose(bot: &Bot, app: &App, actor: &Actor) -> HandlerResult {
    let lang = actor.lang;
    let rows: Vec<Vec<OutButton>> = app
        .settings
        .bookables
        .keys()
        .map(|key| {
            book_button(
                bookings::name(lang, key),
                BookOp::Days(Target::New(key.clone())),
            )
        })
        .collect::<Vec<_>>()
        .chunks(2)
        .map(<[OutButton]>::to_vec)
        .collect();
    reply::buttons(bot, actor, t(lang, "booking-choose"), &rows).await
}

/// A bookable named in free text: the free slots nearest to the time asked
/// (or the day picker when no time was named).
pub async fn offer(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    key: &str,
    asked: Option<DateTime<Utc>>,
) -> HandlerResult {
    let Some(asked) = asked else {
        return days(bot, app, actor, &Target::New(key.to_owned())).await;
    };
    let now = app.now();
    let slots = bookings::nearest(app, key, asked, now, OFFERED).await?;
    let lang = actor.lang;
    let name = bookings::name(lang, key);
    let Some(first) = slots.first().copied() else {
        let args = [("name", name.into())];
        let rows = [vec![book_button(
            t(lang, "booking-button-other"),
            BookOp::Days(Target::New(key.to_owned())),
        )]];
        return reply::buttons(bot, actor, t_args(lang, "booking-offer-none", &args), &rows).await;
    };
    let prompt = if first == asked {
        "booking-offer"
    } else {
        "booking-offer-other"
    };
    let end = app
        .settings
        .bookable(key)
        .map_or(first, |b| b.end_of(first));
    let args = [
        ("name", name.into()),
        ("slot", bookings::slot_text(app, lang, first, end).into()),
        (
            "asked",
            dates::moment(lang, app.settings.timezone, asked, now).into(),
        ),
    ];
    let target = Target::New(key.to_owned());
    let rows = slot_rows(app, actor, &target, &slots, key);
    reply::buttons(bot, actor, t_args(lang, prompt, &args), &rows).await
}

/// One "✅ take it" button per slot, then "other days".
fn slot_rows(
    app: &App,
    actor: &Actor,
    target: &Target,
    slots: &[DateTime<Utc>],
    key: &str,
) -> Vec<Vec<OutButton>> {
    let lang = actor.lang;
    let Some(b) = app.settings.bookable(key) else {
        return Vec::new();
    };
    let mut rows: Vec<Vec<OutButton>> = slots
        .iter()
        .map(|s| {
            let label = format!("✅ {}", bookings::slot_text(app, lang, *s, b.end_of(*s)));
            vec![book_button(label, BookOp::Take(target.clone(), *s))]
        })
        .collect();
    rows.push(vec![book_button(
        t(lang, "booking-button-other"),
        BookOp::Days(target.clone()),
    )]);
    rows
}

/// The bookable a picker is about, with its key; `None` (and a reply) when
/// it is not the resident's to use.
async fn resolve(
    app: &App,
    actor: &Actor,
    target: &Target,
) -> Result<Option<(String, Bookable)>, crate::error::Error> {
    let key = match target {
        Target::New(key) => key.clone(),
        Target::Move(id) => match store::bookings::read(app.db.pool(), *id).await? {
            Some(row) if row.resident_id == Some(actor.id()) && row.status == "booked" => {
                row.bookable
            }
            _ => return Ok(None),
        },
    };
    Ok(app.settings.bookable(&key).map(|b| (key, b)))
}

/// The day picker: the next days, each marked free or not.
async fn days(bot: &Bot, app: &App, actor: &Actor, target: &Target) -> HandlerResult {
    let lang = actor.lang;
    let Some((key, b)) = resolve(app, actor, target).await? else {
        return reply::text(bot, actor, t(lang, "stale-button")).await;
    };
    let now = app.now();
    let tz = app.settings.timezone;
    let taken = bookings::taken(app, &key, &b, now).await?;
    let today = now.with_timezone(&tz).date_naive();
    let buttons: Vec<OutButton> = b
        .days(tz, now, PICKER_DAYS)
        .into_iter()
        .map(|d| {
            let free = b
                .slots_on(tz, d)
                .into_iter()
                .any(|s| b.open_for_booking(s, now) && booking::left(&b, &taken, s) > 0);
            let mark = if free { "✅" } else { "✖️" };
            let label = format!("{} {mark}", dates::day(lang, d, today));
            book_button(label, BookOp::Day(target.clone(), d))
        })
        .collect();
    let rows: Vec<Vec<OutButton>> = buttons.chunks(2).map(<[OutButton]>::to_vec).collect();
    let args = [("name", bookings::name(lang, &key).into())];
    reply::buttons(bot, actor, t_args(lang, "booking-pick-day", &args), &rows).await
}

/// The slot picker of a day: its free slots with the places left.
async fn day(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    target: &Target,
    date: NaiveDate,
) -> HandlerResult {
    let lang = actor.lang;
    let Some((key, b)) = resolve(app, actor, target).await? else {
        return reply::text(bot, actor, t(lang, "stale-button")).await;
    };
    let now = app.now();
    let tz = app.settings.timezone;
    let taken = bookings::taken(app, &key, &b, now).await?;
    let today = now.with_timezone(&tz).date_naive();
    let mut rows: Vec<Vec<OutButton>> = b
        .slots_on(tz, date)
        .into_iter()
        .filter(|s| b.open_for_booking(*s, now))
        .filter_map(|s| {
            let left = booking::left(&b, &taken, s);
            (left > 0).then(|| {
                let time = format!(
                    "{}–{}",
                    s.with_timezone(&tz).format("%H:%M"),
                    b.end_of(s).with_timezone(&tz).format("%H:%M")
                );
                let args = [("time", time.into()), ("left", i64::from(left).into())];
                let label = t_args(lang, "booking-slot-label", &args);
                vec![book_button(label, BookOp::Slot(target.clone(), s))]
            })
        })
        .collect();
    let args = [
        ("name", bookings::name(lang, &key).into()),
        ("day", dates::day(lang, date, today).into()),
    ];
    let prompt = if rows.is_empty() {
        "booking-no-slots"
    } else {
        "booking-pick-slot"
    };
    rows.push(vec![book_button(
        t(lang, "booking-button-other"),
        BookOp::Days(target.clone()),
    )]);
    reply::buttons(bot, actor, t_args(lang, prompt, &args), &rows).await
}

/// A slot picked: asks to confirm.
async fn check(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    target: &Target,
    start: DateTime<Utc>,
) -> HandlerResult {
    let lang = actor.lang;
    let Some((key, b)) = resolve(app, actor, target).await? else {
        return reply::text(bot, actor, t(lang, "stale-button")).await;
    };
    let args = [
        ("name", bookings::name(lang, &key).into()),
        (
            "slot",
            bookings::slot_text(app, lang, start, b.end_of(start)).into(),
        ),
    ];
    let rows = [vec![
        book_button(
            t(lang, "booking-button-book"),
            BookOp::Take(target.clone(), start),
        ),
        book_button(
            t(lang, "booking-button-other"),
            BookOp::Days(target.clone()),
        ),
    ]];
    reply::buttons(bot, actor, t_args(lang, "booking-check", &args), &rows).await
}

/// Takes (or moves to) a slot in one transaction; a full slot offers the
/// nearest free ones instead.
async fn take(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    target: &Target,
    start: DateTime<Utc>,
) -> HandlerResult {
    let now = app.now();
    let unit = store::units::of_resident(app.db.pool(), actor.id())
        .await?
        .first()
        .map(|u| u.id);
    let mut tx = app.db.begin().await?;
    let outcome = match target {
        Target::New(key) => bookings::book(&mut tx, app, actor.id(), unit, key, start, now).await?,
        Target::Move(id) => bookings::reschedule(&mut tx, app, actor.id(), *id, start, now).await?,
    };
    if let Outcome::Booked(row, ticket) = &outcome {
        app.commit(tx).await?;
        tracing::info!(user_id = actor.id(), booking = row.id, ticket = %ticket.number, "booked");
        return Ok(());
    }
    drop(tx);
    refused(bot, app, actor, target, start, outcome).await
}

/// Tells the resident why a booking action was not done.
pub(super) async fn refused(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    target: &Target,
    start: DateTime<Utc>,
    outcome: Outcome,
) -> HandlerResult {
    let lang = actor.lang;
    let now = app.now();
    match outcome {
        Outcome::Booked(..) => Ok(()),
        Outcome::Full | Outcome::NotOpen => {
            let Some((key, b)) = resolve(app, actor, target).await? else {
                return reply::text(bot, actor, t(lang, "stale-button")).await;
            };
            let slots = bookings::nearest(app, &key, start, now, OFFERED).await?;
            let prompt = match outcome {
                Outcome::Full => "booking-full",
                _ => "booking-not-open",
            };
            let args = [
                ("name", bookings::name(lang, &key).into()),
                (
                    "slot",
                    bookings::slot_text(app, lang, start, b.end_of(start)).into(),
                ),
            ];
            let rows = slot_rows(app, actor, target, &slots, &key);
            reply::buttons(bot, actor, t_args(lang, prompt, &args), &rows).await
        }
        Outcome::TooLate(cutoff) => {
            let args = [
                (
                    "cutoff",
                    dates::moment(lang, app.settings.timezone, cutoff, now).into(),
                ),
                ("phone", app.settings.office.phone.clone().into()),
            ];
            reply::text(bot, actor, t_args(lang, "booking-too-late", &args)).await
        }
        Outcome::NotYours | Outcome::Unknown => {
            reply::text(bot, actor, t(lang, "stale-button")).await
        }
    }
}

/// The resident asks to change or cancel: refused after the cutoff.
async fn before_cutoff(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    id: i64,
) -> Result<bool, crate::error::Error> {
    let lang = actor.lang;
    let row = store::bookings::read(app.db.pool(), id).await?;
    let Some(row) = row.filter(|r| r.resident_id == Some(actor.id()) && r.status == "booked")
    else {
        reply::text(bot, actor, t(lang, "stale-button")).await?;
        return Ok(false);
    };
    let Some(b) = app.settings.bookable(&row.bookable) else {
        reply::text(bot, actor, t(lang, "stale-button")).await?;
        return Ok(false);
    };
    if !b.changeable(row.starts_at, app.now()) {
        let target = Target::Move(id);
        refused(
            bot,
            app,
            actor,
            &target,
            row.starts_at,
            Outcome::TooLate(b.cutoff(row.starts_at)),
        )
        .await?;
        return Ok(false);
    }
    Ok(true)
}

/// A resident's booking button.
pub async fn resident_button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    op: BookOp,
) -> HandlerResult {
    let staff_only = matches!(
        op,
        BookOp::Visit(_)
            | BookOp::CheckIn(_)
            | BookOp::CheckOut(_)
            | BookOp::NoShow(_)
            | BookOp::Propose(_)
            | BookOp::ProposeSlot(..)
    );
    if staff_only {
        reply::answer(bot, actor, query, Some(t(actor.lang, "not-allowed")), true);
        return Ok(());
    }
    reply::answer(bot, actor, query, None, false);
    match op {
        BookOp::Choose => choose(bot, app, actor).await,
        BookOp::Days(target) => days(bot, app, actor, &target).await,
        BookOp::Day(target, date) => day(bot, app, actor, &target, date).await,
        BookOp::Slot(target, start) => check(bot, app, actor, &target, start).await,
        BookOp::Take(target, start) => take(bot, app, actor, &target, start).await,
        BookOp::Change(id) => {
            if before_cutoff(bot, app, actor, id).await? {
                days(bot, app, actor, &Target::Move(id)).await?;
            }
            Ok(())
        }
        BookOp::Cancel(id) => {
            if before_cutoff(bot, app, actor, id).await? {
                let lang = actor.lang;
                let rows = [vec![book_button(
                    t(lang, "booking-button-confirm-cancel"),
                    BookOp::ConfirmCancel(id),
                )]];
                reply::buttons(bot, actor, t(lang, "booking-cancel-ask"), &rows).await?;
            }
            Ok(())
        }
        BookOp::ConfirmCancel(id) => {
            let now = app.now();
            let mut tx = app.db.begin().await?;
            let outcome = bookings::cancel(&mut tx, app, actor.id(), id, now).await?;
            if matches!(outcome, Outcome::Booked(..)) {
                return app.commit(tx).await;
            }
            drop(tx);
            refused(bot, app, actor, &Target::Move(id), now, outcome).await
        }
        BookOp::AcceptProposal(..) | BookOp::DeclineProposal(_) => {
            super::visits::proposal_answer(bot, app, actor, op).await
        }
        BookOp::Visit(_)
        | BookOp::CheckIn(_)
        | BookOp::CheckOut(_)
        | BookOp::NoShow(_)
        | BookOp::Propose(_)
        | BookOp::ProposeSlot(..) => reply::text(bot, actor, t(actor.lang, "not-allowed")).await,
    }
}

/// A booking button, by role: residents book; staff and supervisors run visits.
pub async fn pressed(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    op: BookOp,
) -> HandlerResult {
    match actor.role() {
        Some(Role::Resident) => resident_button(bot, app, actor, query, op).await,
        Some(Role::Staff | Role::Supervisor) => {
            super::visits::staff_button(bot, app, actor, query, op).await
        }
        Some(Role::Manager) | None => {
            reply::answer(bot, actor, query, Some(t(actor.lang, "not-allowed")), true);
            Ok(())
        }
    }
}
