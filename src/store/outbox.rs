//! The outbox: messages that matter, queued in the transaction that causes them
//! and delivered by the sender task.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;

/// A queued message as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub chat_id: i64,
    pub payload: String,
    pub attempts: i64,
    pub lane: String,
}

/// Queues a message for a chat, to go out no earlier than `not_before`, in
/// the interactive lane.
pub async fn enqueue(
    tx: &mut Tx,
    chat_id: i64,
    payload: &str,
    now: DateTime<Utc>,
    not_before: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    enqueue_in(tx, chat_id, payload, "interactive", now, not_before).await
}

/// Queues a message for a chat in a lane (`interactive` or `bulk`).
pub async fn enqueue_in(
    tx: &mut Tx,
    chat_id: i64,
    payload: &str,
    lane: &str,
    now: DateTime<Utc>,
    not_before: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO outbox (chat_id, payload, lane, created_at, not_before) VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(chat_id)
    .bind(payload)
    .bind(lane)
    .bind(now)
    .bind(not_before)
    .fetch_one(&mut **tx)
    .await
}

/// The first `per_queue` messages of each chat's queue in each lane that
/// are due by `now`: interactive first, then oldest first. A message waiting
/// for a retry holds up those behind it (so its chat's order is kept); one
/// scheduled for later does not, until its time comes.
pub async fn heads(
    pool: &SqlitePool,
    now: DateTime<Utc>,
    per_queue: i64,
    limit: i64,
) -> Result<Vec<OutboxRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, chat_id, payload, attempts, lane FROM (
             SELECT id, chat_id, payload, attempts, lane,
                    ROW_NUMBER() OVER queue AS place,
                    MAX(not_before) OVER (queue ROWS UNBOUNDED PRECEDING) AS ready
             FROM outbox
             WHERE status = 'pending' AND (not_before <= ?1 OR last_error IS NOT NULL)
             WINDOW queue AS (PARTITION BY chat_id, lane ORDER BY id)
         )
         WHERE place <= ?2 AND ready <= ?1
         ORDER BY lane = 'bulk', id LIMIT ?3",
    )
    .bind(now)
    .bind(per_queue)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Records a direct request (not queued here) that was given up, so every
/// message lost is on record beside the outbox's own.
pub async fn record_failed(
    pool: &SqlitePool,
    chat_id: i64,
    payload: &str,
    lane: &str,
    error: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO outbox (chat_id, payload, lane, created_at, not_before, attempts, status, last_error)
         VALUES (?, ?, ?, ?, ?, 1, 'failed', ?)",
    )
    .bind(chat_id)
    .bind(payload)
    .bind(lane)
    .bind(now)
    .bind(now)
    .bind(error)
    .execute(pool)
    .await?;
    Ok(())
}

/// When the next pending message falls due.
pub async fn next_due_at(pool: &SqlitePool) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    sqlx::query_scalar("SELECT MIN(not_before) FROM outbox WHERE status = 'pending'")
        .fetch_one(pool)
        .await
}

/// Marks a message sent, as one step of a write (the sender's grouped marks).
pub async fn mark_sent_in(
    tx: &mut Tx,
    id: i64,
    message_id: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, attempts = attempts + 1 WHERE id = ?")
        .bind(now)
        .bind(message_id)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Puts a message back to be tried again at `not_before`; `count` says whether
/// this attempt counts towards the limit (a 429 pause does not).
pub async fn mark_retry(
    pool: &SqlitePool,
    id: i64,
    not_before: DateTime<Utc>,
    count: bool,
    error: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET not_before = ?, attempts = attempts + ?, last_error = ? WHERE id = ?",
    )
    .bind(not_before)
    .bind(i64::from(count))
    .bind(error)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Gives a message up for good.
pub async fn mark_failed(pool: &SqlitePool, id: i64, error: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
    )
    .bind(error)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Counts messages by status: `(pending, sent, failed)`.
pub async fn counts(pool: &SqlitePool) -> Result<(i64, i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(SUM(status = 'pending'), 0), COALESCE(SUM(status = 'sent'), 0),
                COALESCE(SUM(status = 'failed'), 0) FROM outbox",
    )
    .fetch_one(pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing::db;

    #[tokio::test]
    async fn a_retry_holds_its_queue_and_a_scheduled_message_does_not() {
        let (db, _dir) = db().await;
        let now = Utc::now();
        let later = now + chrono::Duration::minutes(5);
        let mut tx = db.begin().await.unwrap();
        let retried = enqueue(&mut tx, 1, "r", now, now).await.unwrap();
        let behind = enqueue(&mut tx, 1, "b", now, now).await.unwrap();
        let scheduled = enqueue(&mut tx, 2, "s", now, later).await.unwrap();
        let due = enqueue(&mut tx, 2, "d", now, now).await.unwrap();
        let bulk = enqueue_in(&mut tx, 3, "x", "bulk", now, now).await.unwrap();
        let mut second = Vec::new();
        for n in 0..6 {
            second.push(enqueue(&mut tx, 4, &n.to_string(), now, now).await.unwrap());
        }
        tx.commit().await.unwrap();
        mark_retry(db.pool(), retried, later, true, "502")
            .await
            .unwrap();

        let ids: Vec<i64> = heads(db.pool(), now, 4, 100)
            .await
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert!(!ids.contains(&retried) && !ids.contains(&behind));
        assert!(!ids.contains(&scheduled) && ids.contains(&due));
        assert_eq!(ids.last(), Some(&bulk), "bulk comes last");
        assert_eq!(&ids[1..5], &second[..4], "four of a queue, in order");

        let ids: Vec<i64> = heads(db.pool(), later, 4, 100)
            .await
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert!(ids.contains(&retried) && ids.contains(&behind) && ids.contains(&scheduled));
    }
}
