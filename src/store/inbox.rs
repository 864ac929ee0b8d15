//! The durable inbox: updates stored before Telegram is told they arrived,
//! and marked done in the transaction of the changes they cause.
//!
//! While an update is handled, [`CURRENT`] names it: every write the handler
//! commits through `App::commit` or the dialogue store marks it done in the
//! same transaction, so a crash before that write means it is handled again
//! and a crash after it means it is never applied twice.

use std::cell::Cell;

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;

tokio::task_local! {
    /// The update being handled on this task, and whether a write marked it done.
    pub static CURRENT: Current;
}

/// The update a handler is working on.
#[derive(Debug)]
pub struct Current {
    pub update_id: i64,
    /// Set once a committed write has marked it done.
    pub marked: Cell<bool>,
}

impl Current {
    pub fn new(update_id: i64) -> Self {
        Self {
            update_id,
            marked: Cell::new(false),
        }
    }
}

/// An update as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InboxRow {
    pub update_id: i64,
    pub chat_id: Option<i64>,
    pub payload: String,
    pub attempts: i64,
}

/// One update received from Telegram.
#[derive(Debug, Clone)]
pub struct Received {
    pub update_id: i64,
    pub chat_id: Option<i64>,
    pub payload: String,
}

/// Stores a batch of updates; one already stored (Telegram delivering it again
/// after a restart) is left as it is.
pub async fn store_batch(
    tx: &mut Tx,
    batch: &[Received],
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    for update in batch {
        sqlx::query(
            "INSERT INTO inbox (update_id, chat_id, payload, received_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (update_id) DO NOTHING",
        )
        .bind(update.update_id)
        .bind(update.chat_id)
        .bind(&update.payload)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The highest update id ever stored, to go on polling after it.
pub async fn last_update_id(pool: &SqlitePool) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT MAX(update_id) FROM inbox")
        .fetch_one(pool)
        .await
}

/// Pending updates after `after`, oldest first.
pub async fn pending_after(
    pool: &SqlitePool,
    after: i64,
    limit: i64,
) -> Result<Vec<InboxRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT update_id, chat_id, payload, attempts FROM inbox
         WHERE status = 'pending' AND update_id > ? ORDER BY update_id LIMIT ?",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Marks the update being handled on this task done, as one step of the
/// write that carries its changes. Outside a handler it does nothing.
pub async fn mark_current_done(tx: &mut Tx, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let Ok(update_id) = CURRENT.try_with(|c| c.update_id) else {
        return Ok(());
    };
    mark_done(tx, update_id, now).await
}

/// Notes that the current update's write committed (after the commit).
pub fn note_current_marked() {
    let _ = CURRENT.try_with(|c| c.marked.set(true));
}

/// Marks an update done.
pub async fn mark_done(tx: &mut Tx, update_id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE inbox SET status = 'done', done_at = ? WHERE update_id = ?")
        .bind(now)
        .bind(update_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Counts a failed attempt; returns the attempts so far.
pub async fn note_failure(
    pool: &SqlitePool,
    update_id: i64,
    error: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE inbox SET attempts = attempts + 1, last_error = ? WHERE update_id = ?
         RETURNING attempts",
    )
    .bind(error)
    .bind(update_id)
    .fetch_one(pool)
    .await
}

/// Sets an update aside for good: it is not handled again.
pub async fn set_aside(tx: &mut Tx, update_id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE inbox SET status = 'failed', done_at = ? WHERE update_id = ?")
        .bind(now)
        .bind(update_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Deletes updates finished before `before`, keeping the newest row (it
/// tells where polling goes on). Returns how many went.
pub async fn prune(pool: &SqlitePool, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM inbox WHERE status IN ('done', 'failed') AND done_at < ?
         AND update_id < (SELECT MAX(update_id) FROM inbox)",
    )
    .bind(before)
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

/// How many updates are pending, done and set aside.
pub async fn counts(pool: &SqlitePool) -> Result<(i64, i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = 'done'), 0),
                COALESCE(SUM(status = 'failed'), 0) FROM inbox",
    )
    .fetch_one(pool)
    .await
}
