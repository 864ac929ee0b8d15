//! Telling people about a ticket: the assignee's ping card, the supervisors'
//! alerts, the resident's updates, a staff member's notice, and rewriting
//! the cards a ticket has left behind ([`retire_cards`]).

use chrono::{DateTime, Utc};

use super::{cards, lang_of};
use crate::app::App;
use crate::domain::request::Urgency;
use crate::error::Error;
use crate::outbox::{self, OutMessage};
use crate::store::tickets::TicketRow;
use crate::store::users::UserRow;
use crate::store::{self, Tx};

/// The longest photo caption Telegram accepts, in characters.
pub const CAPTION_LIMIT: usize = 1024;

/// Sends the assignee the ping card: the ticket, photos and action buttons.
/// The card is remembered, so it can be rewritten once the ticket moves on.
pub async fn ping_assignee(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    staff: &UserRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let lang = lang_of(app, Some(staff));
    let card = cards::staff_card(tx, app, ticket, lang).await?;
    let buttons = cards::staff_buttons(ticket, lang);
    let photos = store::tickets::photos(tx, ticket.id).await?;
    // One photo carries the card as its caption (when it fits: Telegram
    // refuses captions over 1024 characters); several go first as one album,
    // then the card as text (an album carries no buttons).
    let (message, photo) = match photos.as_slice() {
        [one] if card.chars().count() <= CAPTION_LIMIT => (
            OutMessage::Photo {
                file_id: one.clone(),
                caption: Some(card),
                buttons,
            },
            true,
        ),
        _ => {
            for message in outbox::photos(&photos, Some(ticket.number.clone())) {
                outbox::enqueue(tx, staff.chat_id, &message, now).await?;
            }
            (OutMessage::with_buttons(card, buttons), false)
        }
    };
    let outbox_id = outbox::enqueue(tx, staff.chat_id, &message, now).await?;
    store::work::add_card(tx, ticket.id, staff.id, outbox_id, photo).await?;
    Ok(())
}

/// Tells every supervisor about a ticket (`key` names the alert); the alert
/// carries their buttons and is remembered as a card of the ticket.
pub async fn alert_supervisors(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    for supervisor in store::users::supervisors(tx).await? {
        let lang = lang_of(app, Some(&supervisor));
        let text = cards::alert(tx, app, ticket, key, lang).await?;
        let buttons = cards::supervisor_buttons(ticket, lang);
        let with_buttons = !buttons.is_empty();
        let outbox_id = outbox::enqueue(
            tx,
            supervisor.chat_id,
            &OutMessage::with_buttons(text, buttons),
            now,
        )
        .await?;
        if with_buttons {
            store::work::add_card(tx, ticket.id, supervisor.id, outbox_id, false).await?;
        }
    }
    Ok(())
}

/// A second-tier escalation reported upward: every manager gets the alert,
/// read-only (the supervisors hold the buttons).
pub async fn alert_managers(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    for manager in store::users::managers(tx).await? {
        let lang = lang_of(app, Some(&manager));
        let text = cards::alert(tx, app, ticket, key, lang).await?;
        outbox::enqueue(tx, manager.chat_id, &OutMessage::text(text), now).await?;
    }
    Ok(())
}

/// An emergency: everyone on duty in the department (besides the assignee,
/// who has the ping card) and every supervisor hear of it at once. The
/// supervisors get one card, which says so when nobody could be given it.
pub async fn alert_emergency(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    assignee: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    debug_assert_eq!(ticket.urgency, Urgency::Emergency);
    for staff in store::users::staff_of(tx, &ticket.department).await? {
        if !staff.on_duty || Some(staff.id) == assignee {
            continue;
        }
        let lang = lang_of(app, Some(&staff));
        let text = cards::alert(tx, app, ticket, "alert-emergency", lang).await?;
        outbox::enqueue(tx, staff.chat_id, &OutMessage::text(text), now).await?;
    }
    let key = match assignee {
        Some(_) => "alert-emergency",
        None => "alert-emergency-unassigned",
    };
    alert_supervisors(tx, app, ticket, key, now).await
}

/// Tells the resident of a ticket something about it (`key` from the
/// prompts), and the residents of the tickets merged into it.
pub async fn notify_resident(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    notify_resident_why(tx, app, ticket, key, "", now).await
}

/// [`notify_resident`] with the office's reason (`{ $reason }`).
pub async fn notify_resident_why(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    key: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    for resident in residents_to_tell(tx, ticket).await? {
        let lang = lang_of(app, Some(&resident));
        let text = cards::resident_update_why(tx, app, ticket, key, reason, lang).await?;
        outbox::enqueue(tx, resident.chat_id, &OutMessage::text(text), now).await?;
    }
    Ok(())
}

/// Who hears of a ticket: its resident, then the residents of the tickets
/// merged into it (each once).
pub async fn residents_to_tell(tx: &mut Tx, ticket: &TicketRow) -> Result<Vec<UserRow>, Error> {
    let mut ids: Vec<i64> = ticket.resident_id.into_iter().collect();
    for id in store::work::merged_residents(tx, ticket.id).await? {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut people = Vec::new();
    for id in ids {
        if let Some(user) = store::users::get_tx(tx, id).await? {
            people.push(user);
        }
    }
    Ok(people)
}

/// Tells a staff member something about a ticket (`key` from the prompts).
pub async fn tell_staff(
    tx: &mut Tx,
    app: &App,
    staff_id: i64,
    ticket: &TicketRow,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(staff) = store::users::get_tx(tx, staff_id).await? else {
        return Ok(());
    };
    let lang = lang_of(app, Some(&staff));
    let text = cards::alert(tx, app, ticket, key, lang).await?;
    outbox::enqueue(tx, staff.chat_id, &OutMessage::text(text), now).await?;
    Ok(())
}

/// Rewrites the cards a ticket has left behind: every card still showing
/// buttons, except those of `keep` (who has it now), says where the ticket
/// went and loses its buttons. `quiet`'s cards (the person acting, whose
/// pressed card the handler rewrites itself) are only marked.
pub async fn retire_cards(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    keep: Option<i64>,
    quiet: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    for card in store::work::live_cards(tx, ticket.id).await? {
        if Some(card.user_id) == keep {
            continue;
        }
        if Some(card.user_id) != quiet {
            let lang = card
                .lang
                .as_deref()
                .and_then(|l| l.parse().ok())
                .unwrap_or(app.settings.default_language);
            let mut text = cards::stale_card(tx, app, ticket, lang).await?;
            if card.photo {
                text = text.chars().take(CAPTION_LIMIT).collect();
            }
            let edit = OutMessage::EditCard {
                card: card.outbox_id,
                text,
                photo: card.photo,
            };
            outbox::enqueue(tx, card.chat_id, &edit, now).await?;
        }
        store::work::retire_card(tx, card.id, now).await?;
    }
    Ok(())
}
