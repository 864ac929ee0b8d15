//! Hot spots (熱點) as they happen: when a ticket arrives, the desk looks at
//! the tickets of its category at its place within the category's days
//! (`reports.hot_spots`, else `reports.hot_spot_count` in
//! `reports.hot_spot_days`). A new cluster alerts every supervisor once, with
//! its tickets and a button to mark it a hot spot; a further ticket while the
//! cluster is open joins it, and the supervisors are told so once. A hot spot
//! is followed as one until a supervisor closes it or every one of its
//! tickets is closed (the supervisors are told once).

use chrono::{DateTime, Duration, Utc};

use super::{Doer, Refusal, lang_of};
use crate::app::App;
use crate::domain::button::{Callback, MarkOp};
use crate::domain::lang::Lang;
use crate::domain::request::Kind;
use crate::domain::role::Role;
use crate::error::Error;
use crate::outbox::{self, OutButton, OutMessage};
use crate::store::hot_spots::HotSpotRow;
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};
use crate::texts::{t, t_args};

/// How many ticket numbers an alert lists (the rest are counted).
const LISTED: usize = 30;

/// Looks at a ticket just opened: joins it to its open cluster, or alerts
/// the supervisors when it completes a new one.
pub async fn on_new_ticket(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if ticket.kind == Kind::Booking {
        return Ok(());
    }
    let rule = app.settings.reports.hot_spot_rule(ticket.category);
    if rule.count < 2 || rule.days <= 0 {
        return Ok(());
    }
    let Some(place) = store::hot_spots::place_of(tx, ticket.id).await? else {
        return Ok(());
    };
    let since = ticket.created_at - Duration::days(rule.days);
    if let Some(open) = store::hot_spots::open_at(tx, ticket.category, &place, since).await? {
        store::hot_spots::add_ticket(tx, open.id, ticket.id, ticket.created_at).await?;
        return joined(tx, app, &open, ticket, now).await;
    }
    let loose = store::hot_spots::loose_tickets(tx, ticket.category, &place, since).await?;
    if loose.len() < rule.count {
        return Ok(());
    }
    let (Some(first), Some(last)) = (loose.first(), loose.last()) else {
        return Ok(());
    };
    let id = store::hot_spots::insert(
        tx,
        ticket.category,
        &place,
        first.created_at,
        last.created_at,
        now,
    )
    .await?;
    for member in &loose {
        store::hot_spots::add_ticket(tx, id, member.id, member.created_at).await?;
    }
    tracing::info!(
        hot_spot_id = id,
        category = ticket.category.as_str(),
        place,
        tickets = loose.len(),
        "hot spot alert"
    );
    let numbers: Vec<&str> = loose.iter().map(|m| m.number.as_str()).collect();
    for supervisor in store::users::supervisors(tx).await? {
        let lang = lang_of(app, Some(&supervisor));
        let text = alert_text(lang, ticket, &place, rule.days, &numbers);
        let button = OutButton::new(
            t(lang, "hotspot-button-mark"),
            Callback::Mark(MarkOp::HotSpot(id)).encode(),
        );
        let rows = vec![vec![button, view_button(lang, id)]];
        outbox::enqueue(
            tx,
            supervisor.chat_id,
            &OutMessage::with_buttons(text, rows),
            now,
        )
        .await?;
    }
    Ok(())
}

fn alert_text(lang: Lang, ticket: &TicketRow, place: &str, days: i64, numbers: &[&str]) -> String {
    let mut list = numbers
        .iter()
        .take(LISTED)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if numbers.len() > LISTED {
        list.push_str(&t_args(
            lang,
            "hotspot-more",
            &[("count", (numbers.len() - LISTED).into())],
        ));
    }
    t_args(
        lang,
        "hotspot-alert",
        &[
            ("count", numbers.len().into()),
            (
                "category",
                t(lang, &format!("category-{}", ticket.category.as_str())).into(),
            ),
            ("place", place_label(lang, place).into()),
            ("days", days.into()),
            ("tickets", list.into()),
        ],
    )
}

/// A cluster's place as people read it: `area@building`, `area@` or a building.
pub fn place_label(lang: Lang, place: &str) -> String {
    match place.split_once('@') {
        Some((area, "")) => t_args(
            lang,
            "draft-place-area-estate",
            &[("area", t(lang, &format!("area-{area}")).into())],
        ),
        Some((area, building)) => t_args(
            lang,
            "draft-place-area",
            &[
                ("area", t(lang, &format!("area-{area}")).into()),
                ("building", building.to_owned().into()),
            ],
        ),
        None => t_args(
            lang,
            "hotspot-place-building",
            &[("building", place.to_owned().into())],
        ),
    }
}

/// What marking a hot spot came to.
#[derive(Debug, Clone)]
pub enum Marked {
    /// Marked now, with the ticket numbers.
    Now(HotSpotRow, Vec<String>),
    /// Someone marked it before.
    Already(HotSpotRow),
}

/// A supervisor marks a cluster a hot spot; each of its tickets records it
/// in its history, so the hot spot and its tickets are followed as one.
pub async fn mark(
    tx: &mut Tx,
    id: i64,
    doer: Doer,
    now: DateTime<Utc>,
) -> Result<Result<Marked, Refusal>, Error> {
    if doer.role != Some(Role::Supervisor) {
        return Ok(Err(Refusal::NotYours));
    }
    let Some(spot) = store::hot_spots::get(tx, id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    if !store::hot_spots::mark(tx, id, doer.user_id, now).await? {
        return Ok(Ok(Marked::Already(spot)));
    }
    let tickets = store::hot_spots::tickets_of(tx, id).await?;
    let note = format!("hot spot #{id}");
    for member in &tickets {
        store::tickets::add_history(
            tx,
            member.id,
            now,
            Some(doer.user_id),
            "hot_spot_marked",
            None,
            None,
            Some(&note),
        )
        .await?;
    }
    Ok(Ok(Marked::Now(
        spot,
        tickets.into_iter().map(|m| m.number).collect(),
    )))
}

/// The 📋 button that opens a hot spot's card.
pub fn view_button(lang: Lang, id: i64) -> OutButton {
    OutButton::new(
        t(lang, "hotspot-button-view"),
        Callback::Mark(MarkOp::HotSpotCard(id)).encode(),
    )
}

/// What a hot spot is, in a language: "#3 Plumbing at Block 3".
pub fn title(lang: Lang, spot: &HotSpotRow) -> String {
    t_args(
        lang,
        "hotspot-title",
        &[
            ("id", spot.id.into()),
            (
                "category",
                t(lang, &format!("category-{}", spot.category.as_str())).into(),
            ),
            ("place", place_label(lang, &spot.place).into()),
        ],
    )
}

/// A ticket joined an open hot spot: every supervisor is told, once.
async fn joined(
    tx: &mut Tx,
    app: &App,
    spot: &HotSpotRow,
    ticket: &TicketRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let count = store::hot_spots::tickets_of(tx, spot.id).await?.len();
    tracing::info!(
        hot_spot_id = spot.id,
        ticket_id = ticket.id,
        "ticket joined a hot spot"
    );
    for supervisor in store::users::supervisors(tx).await? {
        let lang = lang_of(app, Some(&supervisor));
        let text = t_args(
            lang,
            "hotspot-joined",
            &[
                ("number", ticket.number.clone().into()),
                ("spot", title(lang, spot).into()),
                ("count", count.into()),
            ],
        );
        let rows = vec![vec![view_button(lang, spot.id)]];
        outbox::enqueue(
            tx,
            supervisor.chat_id,
            &OutMessage::with_buttons(text, rows),
            now,
        )
        .await?;
    }
    Ok(())
}

/// What closing a hot spot came to.
#[derive(Debug, Clone)]
pub enum Closed {
    /// Closed now.
    Now(Box<HotSpotRow>),
    /// It was closed before.
    Already,
}

/// A supervisor closes a hot spot: it takes no more tickets (a new cluster
/// there alerts again), each of its tickets records it, and the other
/// supervisors are told.
pub async fn close(
    tx: &mut Tx,
    app: &App,
    id: i64,
    doer: Doer,
    now: DateTime<Utc>,
) -> Result<Result<Closed, Refusal>, Error> {
    if doer.role != Some(Role::Supervisor) {
        return Ok(Err(Refusal::NotYours));
    }
    let Some(spot) = store::hot_spots::get(tx, id).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    if !store::hot_spots::close(tx, id, Some(doer.user_id), now).await? {
        return Ok(Ok(Closed::Already));
    }
    closed_history(tx, id, Some(doer.user_id), now).await?;
    let by = store::users::get_tx(tx, doer.user_id)
        .await?
        .map(|u| u.first_name)
        .unwrap_or_default();
    for supervisor in store::users::supervisors(tx).await? {
        if supervisor.id == doer.user_id {
            continue;
        }
        let lang = lang_of(app, Some(&supervisor));
        let text = t_args(
            lang,
            "hotspot-closed-by",
            &[
                ("spot", title(lang, &spot).into()),
                ("by", by.clone().into()),
            ],
        );
        outbox::enqueue(tx, supervisor.chat_id, &OutMessage::text(text), now).await?;
    }
    Ok(Ok(Closed::Now(Box::new(spot))))
}

async fn closed_history(
    tx: &mut Tx,
    id: i64,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let note = format!("hot spot #{id}");
    for member in store::hot_spots::tickets_of(tx, id).await? {
        store::tickets::add_history(
            tx,
            member.id,
            now,
            by,
            "hot_spot_closed",
            None,
            None,
            Some(&note),
        )
        .await?;
    }
    Ok(())
}

/// A ticket was closed or cancelled: when it was the last unfinished one of
/// its hot spot, the hot spot closes with it and every supervisor is told,
/// once.
pub async fn on_ticket_finished(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(id) = store::hot_spots::of_ticket(tx, ticket_id).await? else {
        return Ok(());
    };
    if !store::hot_spots::all_finished(tx, id).await? {
        return Ok(());
    }
    let Some(spot) = store::hot_spots::get(tx, id).await? else {
        return Ok(());
    };
    if !store::hot_spots::close(tx, id, None, now).await? {
        return Ok(());
    }
    closed_history(tx, id, None, now).await?;
    let count = store::hot_spots::tickets_of(tx, id).await?.len();
    tracing::info!(hot_spot_id = id, "hot spot closed with its tickets");
    for supervisor in store::users::supervisors(tx).await? {
        let lang = lang_of(app, Some(&supervisor));
        let text = t_args(
            lang,
            "hotspot-closed-done",
            &[("spot", title(lang, &spot).into()), ("count", count.into())],
        );
        let rows = vec![vec![view_button(lang, id)]];
        outbox::enqueue(
            tx,
            supervisor.chat_id,
            &OutMessage::with_buttons(text, rows),
            now,
        )
        .await?;
    }
    Ok(())
}
