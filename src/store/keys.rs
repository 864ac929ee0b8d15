//! What key complaints (重點投訴) need beyond the ticket itself: whether a
//! ticket is key, how often it was escalated, how often its resident
//! complained lately.

use chrono::{DateTime, Utc};

use super::Tx;

/// Whether a ticket is marked key.
pub async fn is_key(tx: &mut Tx, ticket_id: i64) -> Result<bool, sqlx::Error> {
    let key: Option<bool> = sqlx::query_scalar("SELECT key_complaint FROM tickets WHERE id = ?")
        .bind(ticket_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(key.unwrap_or(false))
}

/// How many times a ticket was escalated.
pub async fn escalations(tx: &mut Tx, ticket_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ? AND action = 'escalated'",
    )
    .bind(ticket_id)
    .fetch_one(&mut **tx)
    .await
}

/// How many complaints a resident made since `since`.
pub async fn complaints_since(
    tx: &mut Tx,
    resident_id: i64,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM tickets
         WHERE resident_id = ? AND kind = 'complaint' AND created_at >= ?",
    )
    .bind(resident_id)
    .bind(since)
    .fetch_one(&mut **tx)
    .await
}
