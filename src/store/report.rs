//! What the monthly report and the daily digest read: the tickets created in
//! a period and the callbacks of the resolutions made in it.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

/// A ticket as the report reads it, with its unit and assignee by name.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportTicketRow {
    pub id: i64,
    pub number: String,
    pub kind: String,
    pub category: String,
    pub urgency: String,
    pub source: String,
    pub department: String,
    pub building: Option<String>,
    pub flat: Option<String>,
    pub status: String,
    pub assignee: Option<String>,
    pub created_at: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub reopen_count: i64,
    pub escalated: bool,
    pub validity: Option<String>,
    pub validity_reason: Option<String>,
    pub validity_confirmed: bool,
    pub key_complaint: bool,
}

/// Tickets created in `[from, to)`, oldest first.
pub async fn tickets_created(
    pool: &SqlitePool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<ReportTicketRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.id, t.number, t.kind, t.category, t.urgency, t.source, t.department,
                u.building, u.flat, t.status, s.first_name AS assignee, t.created_at,
                t.responded_at, t.resolved_at, t.reopen_count, t.escalated, t.validity,
                t.validity_reason, t.validity_confirmed, t.key_complaint
         FROM tickets t
         LEFT JOIN units u ON u.id = t.unit_id
         LEFT JOIN users s ON s.id = t.assignee_id
         WHERE t.created_at >= ? AND t.created_at < ?
         ORDER BY t.created_at, t.id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await
}

/// A callback as the report reads it: the ticket's department and assignee.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReportCallbackRow {
    pub department: String,
    pub staff: Option<String>,
    pub status: String,
    pub rating: Option<i64>,
    pub satisfied: Option<bool>,
}

/// Callbacks that follow resolutions made in `[from, to)`.
pub async fn callbacks_resolved(
    pool: &SqlitePool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<ReportCallbackRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.department, s.first_name AS staff, c.status, c.rating, c.satisfied
         FROM callbacks c
         JOIN tickets t ON t.id = c.ticket_id
         LEFT JOIN users s ON s.id = t.assignee_id
         WHERE c.resolved_at >= ? AND c.resolved_at < ?",
    )
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await
}
