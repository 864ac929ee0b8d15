//! What the daily digest reads: a day's new, closed and escalated tickets,
//! callbacks due, open key complaints and open hot spots.

use chrono::{DateTime, Utc};

use super::Tx;
use crate::domain::request::Urgency;

/// A ticket as the digest lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DigestTicket {
    pub number: String,
    pub urgency: Urgency,
}

/// Tickets (bookings aside) created in `[from, to)`.
pub async fn created(
    tx: &mut Tx,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<DigestTicket>, sqlx::Error> {
    sqlx::query_as(
        "SELECT number, urgency FROM tickets
         WHERE created_at >= ? AND created_at < ? AND kind <> 'booking'
         ORDER BY created_at, id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&mut **tx)
    .await
}

/// Numbers of the tickets whose history has `action` in `[from, to)`.
pub async fn with_action(
    tx: &mut Tx,
    action: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT t.number FROM tickets t
         WHERE t.id IN (SELECT h.ticket_id FROM ticket_history h
                        WHERE h.at >= ? AND h.at < ? AND h.action = ?)
         ORDER BY t.id",
    )
    .bind(from)
    .bind(to)
    .bind(action)
    .fetch_all(&mut **tx)
    .await
}

/// Numbers of the tickets with an unanswered callback (回訪) whose resolution
/// came before `resolved_before` (so it is due by then).
pub async fn callbacks_due(
    tx: &mut Tx,
    resolved_before: DateTime<Utc>,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT t.number FROM callbacks c JOIN tickets t ON t.id = c.ticket_id
         WHERE c.status IN ('pending', 'asked', 'phone') AND c.resolved_at < ?
         ORDER BY c.resolved_at, c.id",
    )
    .bind(resolved_before)
    .fetch_all(&mut **tx)
    .await
}

/// Numbers of the key complaints not closed or cancelled.
pub async fn open_key(tx: &mut Tx) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT number FROM tickets
         WHERE key_complaint = 1 AND status NOT IN ('closed', 'cancelled') ORDER BY id",
    )
    .fetch_all(&mut **tx)
    .await
}
