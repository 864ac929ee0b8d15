//! The durable inbox: updates stored before Telegram is told they arrived,
//! and marked done in the transaction of the changes they cause.
//!
//! While an update is handled, [`CURRENT`] names it: every write the handler
//! commits through `App::commit` or the dialogue store marks it done in the
//! same transaction, so a crash before that write means it is handled again
//! and a crash after it means it is never applied twice.

use std::cell::{Cell, RefCell};

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
    /// A fault the handler tree swallowed (a storage error where teloxide
    /// only skips the update), so the update is tried again, not dropped.
    pub fault: RefCell<Option<String>>,
}

impl Current {
    pub fn new(update_id: i64) -> Self {
        Self {
            update_id,
            marked: Cell::new(false),
            fault: RefCell::new(None),
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

/// Notes a fault that the handler tree will swallow (a storage error that
/// makes teloxide skip the update): the update then counts as failed and is
/// tried again. Outside a handler it only logs.
pub fn note_fault(what: &str, error: &dyn std::fmt::Display) {
    tracing::error!(%error, "{what}");
    let _ = CURRENT.try_with(|c| {
        c.fault
            .borrow_mut()
            .get_or_insert_with(|| format!("{what}: {error}"));
    });
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing;

    fn received(update_id: i64) -> Received {
        Received {
            update_id,
            chat_id: Some(7),
            payload: "{}".to_owned(),
        }
    }

    #[tokio::test]
    async fn an_update_is_done_only_when_the_write_that_marks_it_commits() {
        let (db, _dir) = testing::db().await;
        let now = Utc::now();
        let mut tx = db.begin().await.unwrap();
        store_batch(&mut tx, &[received(1), received(2)], now)
            .await
            .unwrap();
        // Telegram sending the same update again changes nothing.
        store_batch(&mut tx, &[received(2)], now).await.unwrap();
        tx.commit().await.unwrap();

        CURRENT
            .scope(Current::new(1), async {
                let mut tx = db.begin().await.unwrap();
                mark_current_done(&mut tx, now).await.unwrap();
                tx.rollback().await.unwrap();
                assert!(!CURRENT.with(|c| c.marked.get()));
            })
            .await;
        assert_eq!(counts(db.pool()).await.unwrap(), (2, 0, 0));

        CURRENT
            .scope(Current::new(1), async {
                let mut tx = db.begin().await.unwrap();
                mark_current_done(&mut tx, now).await.unwrap();
                tx.commit().await.unwrap();
                note_current_marked();
                assert!(CURRENT.with(|c| c.marked.get()));
            })
            .await;
        assert_eq!(counts(db.pool()).await.unwrap(), (1, 1, 0));
        let pending = pending_after(db.pool(), 0, 10).await.unwrap();
        assert_eq!(pending.iter().map(|r| r.update_id).collect::<Vec<_>>(), [2]);

        // Outside a handler nothing is marked.
        let mut tx = db.begin().await.unwrap();
        mark_current_done(&mut tx, now).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(counts(db.pool()).await.unwrap(), (1, 1, 0));
        assert_eq!(last_update_id(db.pool()).await.unwrap(), Some(2));
    }
}
