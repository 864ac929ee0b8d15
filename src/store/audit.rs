//! The audit log: who did what, to what, when.

use chrono::{DateTime, Utc};

use super::Tx;

/// Records one action inside the transaction that performs it.
pub async fn record(
    tx: &mut Tx,
    at: DateTime<Utc>,
    actor: Option<i64>,
    action: &str,
    subject: Option<&str>,
    details: &serde_json::Value,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO audit (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)")
        .bind(at)
        .bind(actor)
        .bind(action)
        .bind(subject)
        .bind(details.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The actions recorded about a subject, oldest first: `(actor, action)`.
pub async fn actions_on(
    pool: &sqlx::SqlitePool,
    subject: &str,
) -> Result<Vec<(Option<i64>, String)>, sqlx::Error> {
    sqlx::query_as("SELECT actor, action FROM audit WHERE subject = ? ORDER BY id")
        .bind(subject)
        .fetch_all(pool)
        .await
}
