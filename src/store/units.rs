//! Units, the register of who lives where, residents bound to units, and
//! requests to be bound.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;

/// A unit as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UnitRow {
    pub id: i64,
    pub building: String,
    pub flat: String,
}

impl UnitRow {
    /// `3-1502`.
    pub fn label(&self) -> String {
        format!("{}-{}", self.building, self.flat)
    }
}

/// The unit with that building and flat, created when new.
pub async fn upsert(tx: &mut Tx, building: &str, flat: &str) -> Result<UnitRow, sqlx::Error> {
    sqlx::query_as(
        "INSERT INTO units (building, flat) VALUES (?1, ?2)
         ON CONFLICT (building, flat) DO UPDATE SET building = excluded.building
         RETURNING id, building, flat",
    )
    .bind(building)
    .bind(flat)
    .fetch_one(&mut **tx)
    .await
}

/// The unit with that building and flat, if registered.
pub async fn find(
    pool: &SqlitePool,
    building: &str,
    flat: &str,
) -> Result<Option<UnitRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, building, flat FROM units WHERE building = ? AND flat = ?")
        .bind(building)
        .bind(flat)
        .fetch_optional(pool)
        .await
}

/// One unit by id.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<UnitRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, building, flat FROM units WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// Adds a resident to the register; `false` when that person was already
/// there (their name is refreshed).
pub async fn add_to_register(
    tx: &mut Tx,
    unit_id: i64,
    name: &str,
    phone: &str,
) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO register (unit_id, name, phone) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(unit_id)
    .bind(name)
    .bind(phone)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if !inserted {
        sqlx::query("UPDATE register SET name = ? WHERE unit_id = ? AND phone = ?")
            .bind(name)
            .bind(unit_id)
            .bind(phone)
            .execute(&mut **tx)
            .await?;
    }
    Ok(inserted)
}

/// The units whose register lists this phone.
pub async fn registered_for_phone(tx: &mut Tx, phone: &str) -> Result<Vec<UnitRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT u.id, u.building, u.flat FROM units u JOIN register r ON r.unit_id = u.id
         WHERE r.phone = ? ORDER BY u.building, u.flat",
    )
    .bind(phone)
    .fetch_all(&mut **tx)
    .await
}

/// Binds a resident to a unit (idempotent).
pub async fn bind(
    tx: &mut Tx,
    user_id: i64,
    unit_id: i64,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO residents (user_id, unit_id, bound_at, bound_by) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING",
    )
    .bind(user_id)
    .bind(unit_id)
    .bind(now)
    .bind(by)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The units a resident is bound to.
pub async fn of_resident(pool: &SqlitePool, user_id: i64) -> Result<Vec<UnitRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.building, u.flat FROM units u JOIN residents r ON r.unit_id = u.id
         WHERE r.user_id = ? ORDER BY u.building, u.flat",
    )
    .bind(user_id)
    .fetch_all(pool)
    .await
}

/// Telegram users bound to a unit.
pub async fn residents_of(tx: &mut Tx, unit_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM residents WHERE unit_id = ? ORDER BY user_id")
        .bind(unit_id)
        .fetch_all(&mut **tx)
        .await
}

/// A request to be bound to a unit.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BindRequest {
    pub id: i64,
    pub user_id: i64,
    pub unit_id: i64,
    pub phone: Option<String>,
    pub status: String,
}

/// Files a bind request; returns its id.
pub async fn create_bind_request(
    tx: &mut Tx,
    user_id: i64,
    unit_id: i64,
    phone: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO bind_requests (user_id, unit_id, phone, created_at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(user_id)
    .bind(unit_id)
    .bind(phone)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// One bind request.
pub async fn bind_request(tx: &mut Tx, id: i64) -> Result<Option<BindRequest>, sqlx::Error> {
    sqlx::query_as("SELECT id, user_id, unit_id, phone, status FROM bind_requests WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// The user's bind request still waiting, if any.
pub async fn pending_bind_request_of(
    pool: &SqlitePool,
    user_id: i64,
) -> Result<Option<BindRequest>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, user_id, unit_id, phone, status FROM bind_requests
         WHERE user_id = ? AND status = 'pending' ORDER BY id DESC LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(pool)
    .await
}

/// The user's bind request still waiting, inside a write.
pub async fn pending_bind_request_tx(
    tx: &mut Tx,
    user_id: i64,
) -> Result<Option<BindRequest>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, user_id, unit_id, phone, status FROM bind_requests
         WHERE user_id = ? AND status = 'pending' ORDER BY id DESC LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await
}

/// How many bind requests the user has made since `since`.
pub async fn bind_requests_since(
    tx: &mut Tx,
    user_id: i64,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM bind_requests WHERE user_id = ? AND created_at >= ?")
        .bind(user_id)
        .bind(since)
        .fetch_one(&mut **tx)
        .await
}

/// Decides a pending request; `false` when it was already decided.
pub async fn decide_bind_request(
    tx: &mut Tx,
    id: i64,
    approved: bool,
    by: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE bind_requests SET status = ?, decided_by = ?, decided_at = ?
         WHERE id = ? AND status = 'pending'",
    )
    .bind(if approved { "approved" } else { "rejected" })
    .bind(by)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One unit by id, for reading.
pub async fn read(pool: &SqlitePool, id: i64) -> Result<Option<UnitRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, building, flat FROM units WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// Who the register lists for a unit: `(name, phone)`.
pub async fn register_of(tx: &mut Tx, unit_id: i64) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT name, phone FROM register WHERE unit_id = ? ORDER BY id")
        .bind(unit_id)
        .fetch_all(&mut **tx)
        .await
}
