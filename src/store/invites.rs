//! One-time invite codes for staff and supervisors.

use chrono::{DateTime, Utc};

use super::Tx;
use crate::domain::role::Role;

/// An invite as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InviteRow {
    pub code: String,
    pub role: Role,
    pub department: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub used_by: Option<i64>,
}

/// Stores a new invite.
pub async fn create(
    tx: &mut Tx,
    code: &str,
    role: Role,
    department: Option<&str>,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invites (code, role, department, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(code)
    .bind(role)
    .bind(department)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One invite by code.
pub async fn get(tx: &mut Tx, code: &str) -> Result<Option<InviteRow>, sqlx::Error> {
    sqlx::query_as("SELECT code, role, department, expires_at, used_by FROM invites WHERE code = ?")
        .bind(code)
        .fetch_optional(&mut **tx)
        .await
}

/// Marks an unused invite used; `false` when someone used it first.
pub async fn mark_used(
    tx: &mut Tx,
    code: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL",
    )
    .bind(user_id)
    .bind(now)
    .bind(code)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
