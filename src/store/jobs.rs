//! Timed jobs: stored with a due time, run once.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;

/// A job as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub due_at: DateTime<Utc>,
    pub attempts: i64,
}

/// Schedules a job. With a `dedupe_key`, a second job with the same key is
/// not added; returns whether it was.
pub async fn schedule(
    tx: &mut Tx,
    kind: &str,
    payload: &str,
    due_at: DateTime<Utc>,
    dedupe_key: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO jobs (kind, payload, due_at, dedupe_key) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(kind)
    .bind(payload)
    .bind(due_at)
    .bind(dedupe_key)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The ids of pending jobs due by `now`, oldest due first.
pub async fn due_ids(
    pool: &SqlitePool,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM jobs WHERE status = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Takes a due job inside the transaction that will run it; `None` when it is
/// no longer pending (another runner took it).
pub async fn take(tx: &mut Tx, id: i64) -> Result<Option<JobRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, kind, payload, due_at, attempts FROM jobs WHERE id = ? AND status = 'pending'",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
}

/// Marks a job done, in the transaction that ran it.
pub async fn mark_done(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE jobs SET status = 'done', done_at = ?, attempts = attempts + 1 WHERE id = ?",
    )
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records a failed run, in its own write after the run's rolled back:
/// retried at `retry_at`, or set aside (`failed`) when `None`.
pub async fn mark_failed(
    tx: &mut Tx,
    id: i64,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE jobs SET attempts = attempts + 1, last_error = ?,
             status = CASE WHEN ? IS NULL THEN 'failed' ELSE status END,
             due_at = COALESCE(?, due_at)
         WHERE id = ?",
    )
    .bind(error)
    .bind(retry_at)
    .bind(retry_at)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Where a job stands, for reports and tests.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobState {
    pub status: String,
    pub attempts: i64,
    pub due_at: DateTime<Utc>,
    pub last_error: Option<String>,
}

/// One job's state.
pub async fn state(pool: &SqlitePool, id: i64) -> Result<Option<JobState>, sqlx::Error> {
    sqlx::query_as("SELECT status, attempts, due_at, last_error FROM jobs WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Cancels the pending jobs with a dedupe key.
pub async fn cancel(tx: &mut Tx, dedupe_key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE jobs SET status = 'cancelled' WHERE dedupe_key = ? AND status = 'pending'")
        .bind(dedupe_key)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Counts jobs by status: `(pending, done)`.
pub async fn counts(pool: &SqlitePool) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = 'done'), 0) FROM jobs",
    )
    .fetch_one(pool)
    .await
}
