//! Callbacks (回訪) after resolution and their answers.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;

/// A callback as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CallbackRow {
    pub id: i64,
    pub ticket_id: i64,
    pub resolved_at: DateTime<Utc>,
    pub status: String,
    pub asked_at: Option<DateTime<Utc>>,
    pub phone_task_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
    pub answered_by: Option<i64>,
    pub channel: Option<String>,
    pub rating: Option<i64>,
    pub satisfied: Option<bool>,
}

const COLUMNS: &str = "id, ticket_id, resolved_at, status, asked_at, phone_task_at,
    answered_at, answered_by, channel, rating, satisfied";

/// The callback that follows one resolution of a ticket, created the first
/// time; returns its id.
pub async fn create(
    tx: &mut Tx,
    ticket_id: i64,
    resolved_at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO callbacks (ticket_id, resolved_at) VALUES (?1, ?2)
         ON CONFLICT (ticket_id, resolved_at) DO UPDATE SET ticket_id = ?1
         RETURNING id",
    )
    .bind(ticket_id)
    .bind(resolved_at)
    .fetch_one(&mut **tx)
    .await
}

/// One callback, inside a write.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<CallbackRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM callbacks WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// A ticket's callbacks, oldest first.
pub async fn of_ticket(pool: &SqlitePool, ticket_id: i64) -> Result<Vec<CallbackRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM callbacks WHERE ticket_id = ? ORDER BY id"
    ))
    .bind(ticket_id)
    .fetch_all(pool)
    .await
}

/// Records that the resident was asked in Telegram.
pub async fn set_asked(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE callbacks SET status = 'asked', asked_at = ? WHERE id = ? AND status = 'pending'",
    )
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records that the callback went to customer service to phone.
pub async fn set_phone_task(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE callbacks SET status = 'phone', phone_task_at = ?
         WHERE id = ? AND status IN ('pending', 'asked')",
    )
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An answer to record.
#[derive(Debug, Clone, Copy)]
pub struct AnswerRow<'a> {
    pub by: i64,
    pub channel: &'a str,
    pub rating: Option<u8>,
    pub satisfied: bool,
}

/// Records the answer, if none is recorded yet; returns whether it was.
pub async fn answer(
    tx: &mut Tx,
    id: i64,
    answer: &AnswerRow<'_>,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE callbacks SET status = 'answered', answered_at = ?, answered_by = ?,
             channel = ?, rating = ?, satisfied = ?
         WHERE id = ? AND status IN ('asked', 'phone')",
    )
    .bind(now)
    .bind(answer.by)
    .bind(answer.channel)
    .bind(answer.rating)
    .bind(answer.satisfied)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
