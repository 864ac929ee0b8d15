//! What a resident adds to an open ticket: a note or a photo, kept in the
//! ticket's history and passed on to whoever handles it.

use chrono::{DateTime, Utc};

use super::lang_of;
use crate::app::App;
use crate::error::Error;
use crate::outbox::{self, OutMessage};
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};
use crate::texts::t_args;

/// Adds a resident's note (and photo, with the note as its caption) to an
/// open ticket and tells the assignee. `None` when there is no such ticket or
/// it is no longer open. Who may add is the caller's check.
pub async fn from_resident(
    tx: &mut Tx,
    app: &App,
    ticket_id: i64,
    resident_id: i64,
    note: Option<&str>,
    photo: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<TicketRow>, Error> {
    let Some(ticket) = store::tickets::get(tx, ticket_id).await? else {
        return Ok(None);
    };
    if !ticket.status.is_open() {
        return Ok(None);
    }
    let action = match photo {
        Some(file_id) => {
            store::tickets::add_photo(tx, ticket.id, file_id, Some(resident_id), now).await?;
            "photo"
        }
        None => "note",
    };
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(resident_id),
        action,
        None,
        None,
        note,
    )
    .await?;
    let staff = match ticket.assignee_id {
        Some(id) => store::users::get_tx(tx, id).await?,
        None => None,
    };
    let Some(staff) = staff else {
        return Ok(Some(ticket));
    };
    let lang = lang_of(app, Some(&staff));
    let args = [
        ("number", ticket.number.clone().into()),
        ("text", note.unwrap_or_default().to_owned().into()),
    ];
    let message = match photo {
        Some(file_id) => OutMessage::Photo {
            file_id: file_id.to_owned(),
            caption: Some(t_args(lang, "staff-resident-added-photo", &args)),
            buttons: Vec::new(),
        },
        None => OutMessage::text(t_args(lang, "staff-resident-added-note", &args)),
    };
    outbox::enqueue(tx, staff.chat_id, &message, now).await?;
    Ok(Some(ticket))
}
