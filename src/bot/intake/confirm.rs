//! A draft becomes a ticket: on the resident's confirmation, at once for an
//! emergency, or when a frequently asked question still needs a person.

use fluent_bundle::FluentValue;
use teloxide::prelude::*;

use super::Flow;
use super::card::{self, place_line, said};
use super::draft::{Draft, Place};
use super::retire;
use crate::bot::{Actor, App, HandlerResult, State};
use crate::dates;
use crate::desk::{self, NewRequest, Opened, Source, cards};
use crate::domain::lang::Lang;
use crate::domain::request::{Category, Kind, Urgency};
use crate::error::Error;
use crate::outbox::{self, OutMessage};
use crate::store;
use crate::texts::t_args;

/// The safety advice for an emergency of this category.
pub fn safety_key(category: Category) -> &'static str {
    match category {
        Category::Gas => "safety-gas",
        Category::Lift => "safety-lift",
        Category::Plumbing => "safety-plumbing",
        Category::Electrical => "safety-electrical",
        Category::Security => "safety-security",
        _ => "safety-other",
    }
}

/// What the ticket is filed as.
#[derive(Debug, Clone, Copy)]
struct Filing {
    kind: Kind,
    category: Category,
    urgency: Urgency,
}

/// What becomes of the conversation when a ticket is opened.
// A state is loaded and saved once per message; boxing the draft would
// only add noise to every match on it.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
enum After {
    /// The draft is done: the drafts beside it (if any) go on, in the
    /// ticket's transaction.
    Done(Option<Draft>),
    /// The ticket came from a message apart (an emergency): whatever was in
    /// progress stays as it was.
    Keep,
}

/// Opens the ticket, queues the resident's acknowledgement and ends the
/// draft, in one transaction: a ticket never exists while its draft can still
/// be confirmed, even when the process stops right after the commit (Telegram
/// then delivers the press again) or a later write fails.
async fn open(
    app: &App,
    actor: &Actor,
    draft: &Draft,
    filing: Filing,
    after: After,
) -> Result<Opened, Error> {
    let lang = actor.lang;
    let text = said(lang, draft);
    let description = match (&draft.place, &draft.about) {
        (Place::Building(_) | Place::Area { .. }, _) | (_, Some(_)) => {
            format!("{}\n{text}", place_line(lang, draft))
        }
        _ => text,
    };
    let request = NewRequest {
        kind: filing.kind,
        category: filing.category,
        urgency: filing.urgency,
        unit_id: draft.unit_id(),
        resident_id: Some(actor.id()),
        source: Source::Telegram,
        logged_by: None,
        description,
        when: draft.when,
        photos: draft.photos.clone(),
    };
    let place = match &draft.place {
        Place::Area { area, building } => desk::SharedPlace {
            area: Some(area.clone()),
            building: building.clone(),
        },
        Place::Building(building) => desk::SharedPlace {
            area: None,
            building: Some(building.clone()),
        },
        Place::Unit { .. } | Place::Unknown => desk::SharedPlace::default(),
    };
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let opened = desk::open_ticket_at(&mut tx, app, request, &place, now).await?;
    store::drafts::link(&mut tx, actor.chat().0, draft.nonce, opened.ticket.id).await?;
    let ack = if filing.urgency == Urgency::Emergency {
        emergency_text(app, actor, &opened)
    } else {
        confirmed_text(app, actor, &opened)
    };
    outbox::enqueue(&mut tx, actor.chat().0, &OutMessage::text(ack), now).await?;
    match after {
        After::Done(None) => store::dialogues::clear(&mut tx, actor.chat().0).await?,
        After::Done(Some(next)) => {
            let state = serde_json::to_string(&State::Resident(Flow::Draft(next)))
                .map_err(crate::store::dialogues::DialogueError::from)?;
            store::dialogues::save(&mut tx, actor.chat().0, &state, now).await?;
        }
        After::Keep => {}
    }
    app.commit(tx).await?;
    tracing::info!(
        user_id = actor.id(),
        ticket = %opened.ticket.number,
        "resident opened a ticket"
    );
    Ok(opened)
}

fn confirmed_text(app: &App, actor: &Actor, opened: &Opened) -> String {
    let lang = actor.lang;
    let ticket = &opened.ticket;
    let (tz, now) = (app.settings.timezone, app.now());
    let phone = app.settings.office.phone.clone();
    // Who really handles it: the assignee's own department when nobody of
    // the ticket's was on duty; with nobody at all, that and the phone.
    let mut department = cards::label(lang, "dept", &ticket.department);
    let next = match &opened.assignee {
        Some(staff) => match staff.department.as_deref() {
            Some(theirs) if theirs != ticket.department => {
                let own = std::mem::replace(&mut department, cards::label(lang, "dept", theirs));
                t_args(
                    lang,
                    "draft-next-other",
                    &[
                        ("staff", staff.first_name.clone().into()),
                        ("own", own.into()),
                    ],
                )
            }
            _ => t_args(
                lang,
                "draft-next-assigned",
                &[("staff", staff.first_name.clone().into())],
            ),
        },
        None => t_args(
            lang,
            "draft-next-nobody",
            &[("phone", phone.clone().into())],
        ),
    };
    let args: [(&str, FluentValue); 6] = [
        ("number", ticket.number.clone().into()),
        ("department", department.into()),
        (
            "respond",
            dates::moment(lang, tz, ticket.respond_by, now).into(),
        ),
        (
            "resolve",
            dates::moment(lang, tz, ticket.resolve_by, now).into(),
        ),
        ("next", next.into()),
        ("phone", phone.into()),
    ];
    let confirmed = t_args(lang, "draft-confirmed", &args);
    if opened.duplicates.is_empty() {
        return confirmed;
    }
    // The same category again while one is open: said, not refused (a
    // second fault of a kind is possible); the staff's card says it too.
    let again = t_args(
        lang,
        "draft-duplicate",
        &[
            ("numbers", opened.duplicates.join(", ").into()),
            (
                "category",
                cards::label(lang, "category", ticket.category.as_str()).into(),
            ),
        ],
    );
    format!("{confirmed}\n\n{again}")
}

fn emergency_text(app: &App, actor: &Actor, opened: &Opened) -> String {
    let lang = actor.lang;
    let category = opened.ticket.category;
    let emergency = app.settings.office.emergency_phone.clone();
    // With nobody on duty, the resident is told exactly that.
    let key = match opened.assignee {
        Some(_) => "emergency-opened",
        None => "emergency-opened-nobody",
    };
    let headline = t_args(
        lang,
        key,
        &[
            ("number", opened.ticket.number.clone().into()),
            ("emergency", emergency.clone().into()),
        ],
    );
    format!("{headline}\n\n{}", safety_text(app, lang, category))
}

/// The safety advice for an emergency of this category, with the office's
/// emergency line and the public emergency numbers from the settings.
pub fn safety_text(app: &App, lang: Lang, category: Category) -> String {
    let numbers = &app.settings.emergency;
    let args: [(&str, FluentValue); 4] = [
        (
            "emergency",
            app.settings.office.emergency_phone.clone().into(),
        ),
        ("fire", numbers.fire.clone().into()),
        ("police", numbers.police.clone().into()),
        ("ambulance", numbers.ambulance.clone().into()),
    ];
    t_args(lang, safety_key(category), &args)
}

/// The resident confirmed the card.
pub async fn confirm(bot: &Bot, app: &App, actor: &Actor, draft: Draft) -> HandlerResult {
    let filing = Filing {
        kind: draft.kind,
        category: draft.category,
        urgency: draft.urgency,
    };
    let card = draft.card;
    let rest = draft.clone().rest();
    open(app, actor, &draft, filing, After::Done(rest)).await?;
    retire(bot, actor, card).await;
    Ok(())
}

/// An emergency: opened at once, without waiting for the card; the draft it
/// grew from is done.
pub async fn emergency(bot: &Bot, app: &App, actor: &Actor, draft: Draft) -> HandlerResult {
    let filing = Filing {
        kind: draft.emergency_kind(),
        category: draft.category,
        urgency: Urgency::Emergency,
    };
    let card = draft.card;
    let rest = draft.clone().rest();
    open(app, actor, &draft, filing, After::Done(rest)).await?;
    retire(bot, actor, card).await;
    Ok(())
}

/// An emergency told in a message of its own (or raised with the 🚨
/// button with nothing in progress): filed at once from `draft`, while the
/// conversation in progress is kept as it was.
/// Returns the ticket's id.
pub async fn emergency_apart(app: &App, actor: &Actor, draft: &Draft) -> Result<i64, Error> {
    let filing = Filing {
        kind: draft.emergency_kind(),
        category: draft.category,
        urgency: Urgency::Emergency,
    };
    let opened = open(app, actor, draft, filing, After::Keep).await?;
    Ok(opened.ticket.id)
}

/// The resident read the answer to their question and still wants a person.
pub async fn ask_person(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    draft: Draft,
    topic: &str,
) -> HandlerResult {
    let filing = Filing {
        kind: Kind::Inquiry,
        category: card::faq_category(topic),
        urgency: Urgency::Low,
    };
    let card = draft.card;
    let rest = draft.clone().rest();
    open(app, actor, &draft, filing, After::Done(rest)).await?;
    retire(bot, actor, card).await;
    Ok(())
}
