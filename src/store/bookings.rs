//! Bookings of slots: one row per B- ticket (see the migration).

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;

/// A booking as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BookingRow {
    pub id: i64,
    pub ticket_id: i64,
    pub bookable: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub status: String,
    pub resident_id: Option<i64>,
    pub proposed_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str =
    "id, ticket_id, bookable, starts_at, ends_at, status, resident_id, proposed_at";

/// Statuses that hold a place.
const HOLDING: &str = "status IN ('booked', 'checked_in', 'checked_out', 'no_show')";

/// Places taken per slot start of a bookable between `from` and `to`.
pub async fn taken(
    pool: &SqlitePool,
    bookable: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(DateTime<Utc>, i64)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT starts_at, COUNT(*) FROM bookings
         WHERE bookable = ? AND starts_at >= ? AND starts_at <= ? AND {HOLDING}
         GROUP BY starts_at"
    ))
    .bind(bookable)
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await
}

/// Places taken in one slot, inside the write that would take one.
pub async fn count_at(
    tx: &mut Tx,
    bookable: &str,
    starts_at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM bookings WHERE bookable = ? AND starts_at = ? AND {HOLDING}"
    ))
    .bind(bookable)
    .bind(starts_at)
    .fetch_one(&mut **tx)
    .await
}

/// Records a booking; returns its id.
pub async fn insert(
    tx: &mut Tx,
    ticket_id: i64,
    bookable: &str,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    resident_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO bookings (ticket_id, bookable, starts_at, ends_at, resident_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(ticket_id)
    .bind(bookable)
    .bind(starts_at)
    .bind(ends_at)
    .bind(resident_id)
    .bind(now)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// One booking, inside a write.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<BookingRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM bookings WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// One booking, for reading.
pub async fn read(pool: &SqlitePool, id: i64) -> Result<Option<BookingRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM bookings WHERE id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// The booking of a ticket, for reading.
pub async fn of_ticket(
    pool: &SqlitePool,
    ticket_id: i64,
) -> Result<Option<BookingRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM bookings WHERE ticket_id = ?"
    ))
    .bind(ticket_id)
    .fetch_optional(pool)
    .await
}

/// Whether a ticket holds a booking, inside a write.
pub async fn exists_for(tx: &mut Tx, ticket_id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM bookings WHERE ticket_id = ?)")
        .bind(ticket_id)
        .fetch_one(&mut **tx)
        .await
}

/// Sets a booking's status.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    status: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE bookings SET status = ?, updated_at = ? WHERE id = ?")
        .bind(status)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records (or clears) the time staff proposed instead.
pub async fn set_proposal(
    tx: &mut Tx,
    id: i64,
    proposed: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE bookings SET proposed_at = ?, updated_at = ? WHERE id = ?")
        .bind(proposed)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Cancels the booking of a ticket (if it holds one).
pub async fn cancel_of_ticket(
    tx: &mut Tx,
    ticket_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE bookings SET status = 'cancelled', updated_at = ? WHERE ticket_id = ? AND status = 'booked'",
    )
    .bind(now)
    .bind(ticket_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The booking of a ticket, inside a write.
pub async fn of_ticket_tx(tx: &mut Tx, ticket_id: i64) -> Result<Option<BookingRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM bookings WHERE ticket_id = ?"
    ))
    .bind(ticket_id)
    .fetch_optional(&mut **tx)
    .await
}

/// Moves a booking to another slot (and clears any proposal).
pub async fn move_to(
    tx: &mut Tx,
    id: i64,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE bookings SET starts_at = ?, ends_at = ?, proposed_at = NULL, updated_at = ? WHERE id = ?",
    )
    .bind(starts_at)
    .bind(ends_at)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Bookings whose slot starts between `from` and `to`, for staff lists.
pub async fn starting_between(
    pool: &SqlitePool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<BookingRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM bookings WHERE starts_at >= ? AND starts_at < ?
         AND status <> 'cancelled' ORDER BY starts_at, id"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await
}
