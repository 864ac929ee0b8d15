//! Hot spots (熱點) as they happen: when a ticket arrives, the desk looks at
//! the tickets of its category at its place within the category's days
//! (`reports.hot_spots`, else `reports.hot_spot_count` in
//! `reports.hot_spot_days`). A new cluster alerts every supervisor once, with
//! its tickets and a button to mark it a hot spot; a further ticket while the
//! cluster is open joins it quietly.

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
        return Ok(());
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
        outbox::enqueue(
            tx,
            supervisor.chat_id,
            &OutMessage::with_buttons(text, vec![vec![button]]),
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
