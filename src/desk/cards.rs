//! How a ticket reads in a message: the staff ping card, alerts, the updates a
//! resident receives, and the buttons that go with them.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

use crate::bot::App;
use crate::bot::callback::{Callback, TicketOp};
use crate::domain::lang::Lang;
use crate::error::Error;
use crate::outbox::OutButton;
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};
use crate::texts::{t, t_args};

/// A moment in the estate's time zone, as `11-28 15:00`.
pub fn time(app: &App, at: DateTime<Utc>) -> String {
    at.with_timezone(&app.settings.timezone)
        .format("%m-%d %H:%M")
        .to_string()
}

/// A span in the estate's time zone: `11-28 12:00–17:59`, or two full stamps
/// when it crosses midnight.
pub fn span(app: &App, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let tz = app.settings.timezone;
    let (s, e) = (start.with_timezone(&tz), end.with_timezone(&tz));
    if s.date_naive() == e.date_naive() {
        if s == e {
            return s.format("%m-%d %H:%M").to_string();
        }
        format!("{}–{}", s.format("%m-%d %H:%M"), e.format("%H:%M"))
    } else {
        format!("{} – {}", s.format("%m-%d %H:%M"), e.format("%m-%d %H:%M"))
    }
}

/// The name of a label in a language (`kind-repair`, `category-lift` …).
pub fn label(lang: Lang, family: &str, value: &str) -> String {
    t(lang, &format!("{family}-{value}"))
}

/// The unit's label and who lives there, for staff.
async fn unit_line(tx: &mut Tx, ticket: &TicketRow) -> Result<String, Error> {
    let Some(unit_id) = ticket.unit_id else {
        return Ok("—".to_owned());
    };
    Ok(store::units::get(tx, unit_id)
        .await?
        .map_or_else(|| "—".to_owned(), |u| u.label()))
}

/// The details of a ticket, shared by every card.
async fn body(tx: &mut Tx, app: &App, ticket: &TicketRow, lang: Lang) -> Result<String, Error> {
    let unit = unit_line(tx, ticket).await?;
    let when = match (ticket.preferred_start, ticket.preferred_end) {
        (Some(s), Some(e)) => span(app, s, e),
        (Some(s), None) => time(app, s),
        _ => t(lang, "card-no-time"),
    };
    let args: [(&str, FluentValue); 10] = [
        ("number", ticket.number.clone().into()),
        ("kind", label(lang, "kind", &ticket.kind).into()),
        ("category", label(lang, "category", &ticket.category).into()),
        ("urgency", label(lang, "urgency", &ticket.urgency).into()),
        ("unit", unit.into()),
        ("text", ticket.description.clone().into()),
        ("when", when.into()),
        ("status", label(lang, "status", &ticket.status).into()),
        ("respond_by", time(app, ticket.respond_by).into()),
        ("resolve_by", time(app, ticket.resolve_by).into()),
    ];
    Ok(t_args(lang, "card-ticket", &args))
}

/// The card a staff member gets with a ticket.
pub async fn staff_card(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    lang: Lang,
) -> Result<String, Error> {
    body(tx, app, ticket, lang).await
}

/// An alert about a ticket: a headline (`key`) over the ticket's details.
pub async fn alert(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    lang: Lang,
) -> Result<String, Error> {
    let headline = t_args(lang, key, &[("number", ticket.number.clone().into())]);
    Ok(format!(
        "{headline}\n\n{}",
        body(tx, app, ticket, lang).await?
    ))
}

/// What the resident is told when their ticket moves (`key` from the prompts).
pub async fn resident_update(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    lang: Lang,
) -> Result<String, Error> {
    let staff = match ticket.assignee_id {
        Some(id) => store::users::get_tx(tx, id)
            .await?
            .map(|u| u.first_name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let args: [(&str, FluentValue); 6] = [
        ("number", ticket.number.clone().into()),
        ("staff", staff.into()),
        ("department", label(lang, "dept", &ticket.department).into()),
        (
            "note",
            ticket.resolution_note.clone().unwrap_or_default().into(),
        ),
        ("resolve_by", time(app, ticket.resolve_by).into()),
        ("phone", app.settings.office.phone.clone().into()),
    ];
    Ok(t_args(lang, key, &args))
}

/// A button acting on a ticket, labelled from the prompts.
pub fn button(lang: Lang, key: &str, id: i64, op: TicketOp) -> OutButton {
    OutButton::new(t(lang, key), Callback::Ticket { id, op }.encode())
}

/// The assignee's buttons for the ticket's status.
pub fn staff_buttons(ticket: &TicketRow, lang: Lang) -> Vec<Vec<OutButton>> {
    let id = ticket.id;
    let contact = button(lang, "button-contact", id, TicketOp::Contact);
    let note = button(lang, "button-note", id, TicketOp::Note);
    match ticket.status.as_str() {
        "assigned" => vec![
            vec![
                button(lang, "button-accept", id, TicketOp::Accept),
                button(lang, "button-decline", id, TicketOp::Decline),
            ],
            vec![contact, note],
        ],
        "accepted" => vec![
            vec![
                button(lang, "button-start", id, TicketOp::Start),
                button(lang, "button-resolve", id, TicketOp::Resolve),
            ],
            vec![contact, note],
            vec![button(lang, "button-decline", id, TicketOp::Decline)],
        ],
        "in_progress" => vec![
            vec![button(lang, "button-resolve", id, TicketOp::Resolve)],
            vec![contact, note],
        ],
        _ => Vec::new(),
    }
}

/// A supervisor's buttons on an alert.
pub fn supervisor_buttons(ticket: &TicketRow, lang: Lang) -> Vec<Vec<OutButton>> {
    let id = ticket.id;
    if !matches!(
        ticket.status.as_str(),
        "new" | "assigned" | "accepted" | "in_progress"
    ) {
        return Vec::new();
    }
    vec![vec![
        button(lang, "button-reassign", id, TicketOp::Reassign),
        button(lang, "button-history", id, TicketOp::View),
    ]]
}
