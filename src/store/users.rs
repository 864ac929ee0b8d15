//! Users, their language, role, department and duty.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;
use crate::domain::role::Role;

/// A user as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub chat_id: i64,
    pub first_name: String,
    pub username: Option<String>,
    pub lang: Option<String>,
    pub role: Option<Role>,
    pub department: Option<String>,
    pub on_duty: bool,
    pub phone: Option<String>,
    pub blocked_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str =
    "id, chat_id, first_name, username, lang, role, department, on_duty, phone, blocked_at";

/// Inserts a user seen for the first time, or refreshes their name and chat.
/// A user who writes again is evidently no longer blocking the bot.
pub async fn upsert_seen(
    pool: &SqlitePool,
    id: i64,
    chat_id: i64,
    first_name: &str,
    username: Option<&str>,
    now: DateTime<Utc>,
) -> Result<UserRow, sqlx::Error> {
    sqlx::query_as(&format!(
        "INSERT INTO users (id, chat_id, first_name, username, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (id) DO UPDATE SET chat_id = ?2, first_name = ?3, username = ?4,
             blocked_at = NULL, updated_at = ?5
         RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(chat_id)
    .bind(first_name)
    .bind(username)
    .bind(now)
    .fetch_one(pool)
    .await
}

/// One user by Telegram id.
pub async fn get(pool: &SqlitePool, id: i64) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// One user by Telegram id, inside a transaction.
pub async fn get_tx(tx: &mut Tx, id: i64) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// Remembers a user's language.
pub async fn set_lang(pool: &SqlitePool, id: i64, lang: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET lang = ? WHERE id = ?")
        .bind(lang)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Gives a user a role (and a department for staff).
pub async fn set_role(
    tx: &mut Tx,
    id: i64,
    role: Role,
    department: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET role = ?, department = ?, on_duty = (? IS NOT NULL), updated_at = ? WHERE id = ?")
        .bind(role)
        .bind(department)
        .bind(department)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records the phone a user shared as their own.
pub async fn set_phone(tx: &mut Tx, id: i64, phone: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET phone = ? WHERE id = ?")
        .bind(phone)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Sets a staff member on or off duty.
pub async fn set_on_duty(pool: &SqlitePool, id: i64, on: bool) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET on_duty = ? WHERE id = ?")
        .bind(on)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Marks the chat as having blocked the bot (Telegram answered 403).
pub async fn mark_blocked_by_chat(
    pool: &SqlitePool,
    chat_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET blocked_at = ? WHERE chat_id = ?")
        .bind(now)
        .bind(chat_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Staff of a department (all of them, on duty first), excluding blocked users.
pub async fn staff_of(tx: &mut Tx, department: &str) -> Result<Vec<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM users WHERE role = 'staff' AND department = ? AND blocked_at IS NULL
         ORDER BY on_duty DESC, id"
    ))
    .bind(department)
    .fetch_all(&mut **tx)
    .await
}

/// Every supervisor and manager who can be reached: who gets the monthly report.
pub async fn report_readers(tx: &mut Tx) -> Result<Vec<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM users WHERE role IN ('supervisor', 'manager') AND blocked_at IS NULL
         ORDER BY id"
    ))
    .fetch_all(&mut **tx)
    .await
}

/// Every manager (客服經理) who can be reached.
pub async fn managers(tx: &mut Tx) -> Result<Vec<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM users WHERE role = 'manager' AND blocked_at IS NULL ORDER BY id"
    ))
    .fetch_all(&mut **tx)
    .await
}

/// Every supervisor who can be reached.
pub async fn supervisors(tx: &mut Tx) -> Result<Vec<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM users WHERE role = 'supervisor' AND blocked_at IS NULL ORDER BY id"
    ))
    .fetch_all(&mut **tx)
    .await
}
