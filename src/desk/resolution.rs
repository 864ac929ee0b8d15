//! Resolution reaching the resident: the labelled note of whoever resolved
//! it, with the photos of the finished work (one album when several).

use chrono::{DateTime, Utc};

use super::{cards, lang_of};
use crate::app::App;
use crate::error::Error;
use crate::outbox::{self, OutMessage};
use crate::store::tickets::TicketRow;
use crate::store::users::UserRow;
use crate::store::{self, Tx};
use crate::texts::t_args;

/// Tells the resident their ticket is resolved: the note labelled as the
/// resolver's, and the photos staff added while working it as the message's
/// photo or album (the text as its caption when it fits).
pub async fn tell_resident(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    for resident in super::notify::residents_to_tell(tx, ticket).await? {
        tell_one(tx, app, ticket, &resident, now).await?;
    }
    Ok(())
}

async fn tell_one(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    resident: &UserRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let lang = lang_of(app, Some(resident));
    let mut text = cards::resident_update(tx, app, ticket, "resident-resolved", lang).await?;
    if let Some(note) = ticket.resolution_note.as_deref().filter(|n| !n.is_empty()) {
        let by = match ticket.assignee_id {
            Some(id) => store::users::get_tx(tx, id)
                .await?
                .map(|u| u.first_name)
                .unwrap_or_default(),
            None => String::new(),
        };
        let labelled = t_args(
            lang,
            "resident-resolved-note",
            &[
                ("staff", by.into()),
                ("note", cards::excerpt(note, 3000).into()),
            ],
        );
        text = format!("{text}\n{labelled}");
    }
    let photos = store::work::work_photos(tx, ticket.id, ticket.created_at).await?;
    let fits = text.chars().count() <= super::CAPTION_LIMIT;
    if photos.is_empty() || !fits {
        outbox::enqueue(tx, resident.chat_id, &OutMessage::text(text.clone()), now).await?;
    }
    let caption = fits.then_some(text);
    for message in outbox::photos(&photos, caption) {
        outbox::enqueue(tx, resident.chat_id, &message, now).await?;
    }
    Ok(())
}
