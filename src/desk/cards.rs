//! How a ticket reads in a message: the staff ping card, alerts, the updates a
//! resident receives, and the buttons that go with them.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

use crate::app::App;
use crate::domain::button::{Callback, TicketOp};
use crate::domain::lang::Lang;
use crate::domain::request::Kind;
use crate::domain::ticket::Status;
use crate::error::Error;
use crate::outbox::OutButton;
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};
use crate::texts::{t, t_args};

/// A moment in the estate's time zone as `lang` reads it, with the weekday
/// (and the year when it is not this year): `Sat 28 Nov 15:00`.
pub fn time(app: &App, lang: Lang, at: DateTime<Utc>) -> String {
    crate::dates::moment(lang, app.settings.timezone, at, app.now())
}

/// A span in the estate's time zone: `Sat 28 Nov 12:00–17:59`, or two
/// moments when it crosses midnight.
pub fn span(app: &App, lang: Lang, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    crate::dates::span(lang, app.settings.timezone, start, end, app.now())
}

/// The name of a label in a language (`kind-repair`, `category-lift` …).
pub fn label(lang: Lang, family: &str, value: &str) -> String {
    t(lang, &format!("{family}-{value}"))
}

/// The unit's label, or the shared place of a ticket in no flat.
async fn unit_line(tx: &mut Tx, ticket: &TicketRow, lang: Lang) -> Result<String, Error> {
    let Some(unit_id) = ticket.unit_id else {
        return Ok(place_label(lang, ticket).unwrap_or_else(|| "—".to_owned()));
    };
    Ok(store::units::get(tx, unit_id)
        .await?
        .map_or_else(|| "—".to_owned(), |u| u.label()))
}

/// Where a ticket in no flat is, as people read it: "Lobby, Block 3
/// (shared area)", "Block 3 (common area)"; `None` when nothing is stored.
pub fn place_label(lang: Lang, ticket: &TicketRow) -> Option<String> {
    let building = ticket.building.clone();
    match (&ticket.area, building) {
        (Some(area), Some(building)) => Some(t_args(
            lang,
            "draft-place-area",
            &[
                ("area", t(lang, &format!("area-{area}")).into()),
                ("building", building.into()),
            ],
        )),
        (Some(area), None) => Some(t_args(
            lang,
            "draft-place-area-estate",
            &[("area", t(lang, &format!("area-{area}")).into())],
        )),
        (None, Some(building)) => Some(t_args(
            lang,
            "draft-place-building",
            &[("building", building.into())],
        )),
        (None, None) => None,
    }
}

/// The most of the resident's words a card quotes, so that a card (with its
/// headline, unit, times and status) stays within Telegram's 4,096 characters
/// of text; the whole description stays on the ticket.
pub const QUOTED: usize = 3000;

/// The longest text Telegram sends, in characters.
pub const TEXT_LIMIT: usize = 4096;

/// The start of a text of at most `max` characters, marked as cut when it was.
pub fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// The details of a ticket, shared by every card.
async fn body(tx: &mut Tx, app: &App, ticket: &TicketRow, lang: Lang) -> Result<String, Error> {
    let unit = unit_line(tx, ticket, lang).await?;
    let when = match (ticket.preferred_start, ticket.preferred_end) {
        (Some(s), Some(e)) => span(app, lang, s, e),
        (Some(s), None) => time(app, lang, s),
        _ => t(lang, "card-no-time"),
    };
    let args: [(&str, FluentValue); 10] = [
        ("number", ticket.number.clone().into()),
        ("kind", label(lang, "kind", ticket.kind.as_str()).into()),
        (
            "category",
            label(lang, "category", ticket.category.as_str()).into(),
        ),
        (
            "urgency",
            label(lang, "urgency", ticket.urgency.as_str()).into(),
        ),
        ("unit", unit.into()),
        ("text", excerpt(&ticket.description, QUOTED).into()),
        ("when", when.into()),
        (
            "status",
            label(lang, "status", ticket.status.as_str()).into(),
        ),
        ("respond_by", time(app, lang, ticket.respond_by).into()),
        ("resolve_by", time(app, lang, ticket.resolve_by).into()),
    ];
    // A booked slot's times are the slot (a booking opens with its limits set
    // to it, before its booking row exists), not limits to answer within.
    let slot = ticket.kind == Kind::Booking
        && ticket.preferred_start == Some(ticket.respond_by)
        && ticket.preferred_end == Some(ticket.resolve_by);
    let key = if slot { "card-booking" } else { "card-ticket" };
    Ok(excerpt(&t_args(lang, key, &args), TEXT_LIMIT))
}

/// The card a staff member gets with a ticket: its details, then why it is
/// where it is (reopened, passed on, with another department).
pub async fn staff_card(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    lang: Lang,
) -> Result<String, Error> {
    let body = body(tx, app, ticket, lang).await?;
    let context = context(tx, ticket, lang).await?;
    if context.is_empty() {
        return Ok(body);
    }
    Ok(excerpt(
        &format!("{}\n\n{body}", context.join("\n")),
        TEXT_LIMIT,
    ))
}

/// Why a ticket is where it is, one line each: reopened after the
/// resident's callback, declined by whom and why, handled by another
/// department than its own because nobody there was on duty.
async fn context(tx: &mut Tx, ticket: &TicketRow, lang: Lang) -> Result<Vec<String>, Error> {
    let mut lines = Vec::new();
    if let Some(note) = store::work::last_reopen_note(tx, ticket.id).await? {
        let key = match note.as_deref() {
            Some(stars) if stars.contains('⭐') => "card-reopened-rated",
            _ => "card-reopened-not-fixed",
        };
        let stars = note.unwrap_or_default().replace('📞', "");
        lines.push(t_args(
            lang,
            key,
            &[("stars", stars.trim().to_owned().into())],
        ));
    }
    for decline in store::work::declines(tx, ticket.id).await? {
        lines.push(t_args(
            lang,
            "card-declined-by",
            &[
                ("name", decline.name.into()),
                ("reason", excerpt(&decline.reason, 300).into()),
            ],
        ));
    }
    if let Some(id) = ticket.assignee_id
        && let Some(assignee) = store::users::get_tx(tx, id).await?
        && let Some(theirs) = assignee.department.as_deref()
        && theirs != ticket.department
    {
        lines.push(t_args(
            lang,
            "card-other-department",
            &[
                ("department", label(lang, "dept", &ticket.department).into()),
                ("theirs", label(lang, "dept", theirs).into()),
                ("staff", assignee.first_name.into()),
            ],
        ));
    }
    if ticket.status.is_open() && ticket.kind != crate::domain::request::Kind::Booking {
        let same = store::work::open_duplicates(
            tx,
            ticket.id,
            ticket.category,
            ticket.unit_id,
            ticket.resident_id,
        )
        .await?;
        if !same.is_empty() {
            let numbers: Vec<String> = same.into_iter().map(|(_, n)| n).collect();
            lines.push(t_args(
                lang,
                "card-duplicate",
                &[("numbers", numbers.join(", ").into())],
            ));
        }
    }
    Ok(lines)
}

/// Where a ticket has gone, for a card or a press that is out of date:
/// to whom, or to what status.
pub async fn where_now(tx: &mut Tx, ticket: &TicketRow, lang: Lang) -> Result<String, Error> {
    let number = ("number", FluentValue::from(ticket.number.clone()));
    if let Some(merged) = store::work::merged_into(tx, ticket.id).await? {
        return Ok(t_args(
            lang,
            "card-now-merged",
            &[number, ("into", merged.into())],
        ));
    }
    let assignee = match ticket.assignee_id {
        Some(id) => store::users::get_tx(tx, id).await?,
        None => None,
    };
    let text = match (ticket.status.is_open(), assignee) {
        (true, Some(staff)) => t_args(
            lang,
            "card-now-with",
            &[number, ("staff", staff.first_name.into())],
        ),
        (true, None) => t_args(lang, "card-now-unassigned", &[number]),
        (false, _) => t_args(
            lang,
            "card-now-status",
            &[
                number,
                (
                    "status",
                    label(lang, "status", ticket.status.as_str()).into(),
                ),
            ],
        ),
    };
    Ok(text)
}

/// A card out of date: where the ticket went, over the ticket as it now stands.
pub async fn stale_card(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    lang: Lang,
) -> Result<String, Error> {
    let headline = where_now(tx, ticket, lang).await?;
    let card = staff_card(tx, app, ticket, lang).await?;
    Ok(excerpt(&format!("{headline}\n\n{card}"), TEXT_LIMIT))
}

/// An alert about a ticket: a headline (`key`) over the ticket's details.
pub async fn alert(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    lang: Lang,
) -> Result<String, Error> {
    let reporter = reporter(tx, ticket, lang).await?;
    let headline = t_args(
        lang,
        key,
        &[
            ("number", ticket.number.clone().into()),
            ("reporter", reporter.into()),
        ],
    );
    let text = format!("{headline}\n\n{}", staff_card(tx, app, ticket, lang).await?);
    Ok(excerpt(&text, TEXT_LIMIT))
}

/// Who reported a ticket, as staff can reach them: the Telegram name (and
/// @username) and the phone when they shared it; "—" for none.
async fn reporter(tx: &mut Tx, ticket: &TicketRow, lang: Lang) -> Result<String, Error> {
    let Some(id) = ticket.resident_id else {
        return Ok("—".to_owned());
    };
    let Some(user) = store::users::get_tx(tx, id).await? else {
        return Ok("—".to_owned());
    };
    let name = match &user.username {
        Some(username) => format!("{} (@{username})", user.first_name),
        None => user.first_name.clone(),
    };
    let phone = user
        .phone
        .clone()
        .unwrap_or_else(|| t(lang, "reporter-no-phone"));
    let registered = if user.role.is_some() {
        String::new()
    } else {
        format!(" · {}", t(lang, "reporter-unregistered"))
    };
    Ok(format!("{name} · {phone}{registered}"))
}

/// What the resident is told when their ticket moves (`key` from the prompts).
pub async fn resident_update(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    lang: Lang,
) -> Result<String, Error> {
    resident_update_why(tx, app, ticket, key, "", lang).await
}

/// [`resident_update`] with the office's reason for the move (`{ $reason }`).
pub async fn resident_update_why(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    reason: &str,
    lang: Lang,
) -> Result<String, Error> {
    let assignee = match ticket.assignee_id {
        Some(id) => store::users::get_tx(tx, id).await?,
        None => None,
    };
    // The department of whoever really handles it (customer service when
    // nobody of the ticket's own was on duty), the supervisors' when a
    // supervisor took it.
    let department = match assignee.as_ref().map(|u| u.department.as_deref()) {
        Some(Some(dept)) => label(lang, "dept", dept),
        Some(None) => t(lang, "dept-supervisors"),
        None => label(lang, "dept", &ticket.department),
    };
    let staff = assignee.map(|u| u.first_name).unwrap_or_default();
    let args: [(&str, FluentValue); 7] = [
        ("number", ticket.number.clone().into()),
        ("reason", reason.to_owned().into()),
        ("staff", staff.into()),
        ("department", department.into()),
        (
            "note",
            ticket.resolution_note.clone().unwrap_or_default().into(),
        ),
        ("resolve_by", time(app, lang, ticket.resolve_by).into()),
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
    match ticket.status {
        Status::Assigned => vec![
            vec![
                button(lang, "button-accept", id, TicketOp::Accept),
                button(lang, "button-decline", id, TicketOp::Decline),
            ],
            vec![contact, note],
        ],
        Status::Accepted => vec![
            vec![
                button(lang, "button-start", id, TicketOp::Start),
                button(lang, "button-resolve", id, TicketOp::Resolve),
            ],
            vec![contact, note],
            vec![button(lang, "button-decline", id, TicketOp::Decline)],
        ],
        Status::InProgress => vec![
            vec![button(lang, "button-resolve", id, TicketOp::Resolve)],
            vec![contact, note],
        ],
        Status::New | Status::Resolved | Status::Closed | Status::Cancelled => Vec::new(),
    }
}

/// A supervisor's buttons on an alert: take it, give it to anyone, see it.
pub fn supervisor_buttons(ticket: &TicketRow, lang: Lang) -> Vec<Vec<OutButton>> {
    let id = ticket.id;
    if !ticket.status.is_open() {
        return Vec::new();
    }
    vec![
        vec![
            button(lang, "button-take", id, TicketOp::Take),
            button(lang, "button-reassign", id, TicketOp::Reassign),
        ],
        vec![button(lang, "button-history", id, TicketOp::View)],
    ]
}
