//! Tickets, their photos and their history.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;
use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::ticket::Status;

/// A ticket as stored, its labels typed (see [`super::labels`]).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TicketRow {
    pub id: i64,
    pub number: String,
    pub kind: Kind,
    pub category: Category,
    pub urgency: Urgency,
    pub unit_id: Option<i64>,
    pub resident_id: Option<i64>,
    pub source: String,
    pub logged_by: Option<i64>,
    pub description: String,
    pub preferred_start: Option<DateTime<Utc>>,
    pub preferred_end: Option<DateTime<Utc>>,
    pub status: Status,
    pub department: String,
    pub assignee_id: Option<i64>,
    pub escalated: bool,
    pub respond_by: DateTime<Utc>,
    pub resolve_by: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution_note: Option<String>,
    /// The shared area the ticket is about (`lobby` …), when it is in no flat.
    pub area: Option<String>,
    /// The block of a shared area or a common part, when in no flat.
    pub building: Option<String>,
}

const COLUMNS: &str =
    "id, number, kind, category, urgency, unit_id, resident_id, source, logged_by,
    description, preferred_start, preferred_end, status, department, assignee_id, escalated,
    respond_by, resolve_by, created_at, accepted_at, resolved_at, resolution_note, area, building";

/// What a new ticket is made of.
#[derive(Debug, Clone)]
pub struct NewTicketRow<'a> {
    pub number: &'a str,
    pub kind: Kind,
    pub category: Category,
    pub urgency: Urgency,
    pub unit_id: Option<i64>,
    pub resident_id: Option<i64>,
    pub source: &'a str,
    pub logged_by: Option<i64>,
    pub description: &'a str,
    pub preferred_start: Option<DateTime<Utc>>,
    pub preferred_end: Option<DateTime<Utc>>,
    pub status: Status,
    pub department: &'a str,
    pub assignee_id: Option<i64>,
    pub respond_by: DateTime<Utc>,
    pub resolve_by: DateTime<Utc>,
    pub area: Option<&'a str>,
    pub building: Option<&'a str>,
}

/// The next running number for a prefix (1, 2, …).
pub async fn next_number(tx: &mut Tx, prefix: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO counters (name, value) VALUES (?, 1)
         ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value",
    )
    .bind(prefix)
    .fetch_one(&mut **tx)
    .await
}

/// Stores a new ticket; returns it.
pub async fn insert(
    tx: &mut Tx,
    t: &NewTicketRow<'_>,
    now: DateTime<Utc>,
) -> Result<TicketRow, sqlx::Error> {
    sqlx::query_as(&format!(
        "INSERT INTO tickets (number, kind, category, urgency, unit_id, resident_id, source, logged_by,
             description, preferred_start, preferred_end, status, department, assignee_id,
             respond_by, resolve_by, created_at, updated_at, area, building)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         RETURNING {COLUMNS}"
    ))
    .bind(t.number)
    .bind(t.kind)
    .bind(t.category)
    .bind(t.urgency)
    .bind(t.unit_id)
    .bind(t.resident_id)
    .bind(t.source)
    .bind(t.logged_by)
    .bind(t.description)
    .bind(t.preferred_start)
    .bind(t.preferred_end)
    .bind(t.status)
    .bind(t.department)
    .bind(t.assignee_id)
    .bind(t.respond_by)
    .bind(t.resolve_by)
    .bind(now)
    .bind(now)
    .bind(t.area)
    .bind(t.building)
    .fetch_one(&mut **tx)
    .await
}

/// One ticket, inside a write.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<TicketRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM tickets WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// One ticket, for reading.
pub async fn read(pool: &SqlitePool, id: i64) -> Result<Option<TicketRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM tickets WHERE id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// One ticket by its number (`R-0312`).
pub async fn by_number(pool: &SqlitePool, number: &str) -> Result<Option<TicketRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM tickets WHERE number = ?"))
        .bind(number)
        .fetch_optional(pool)
        .await
}

/// The tickets of the units a resident is bound to, and those they reported, newest first.
pub async fn of_resident(
    pool: &SqlitePool,
    user_id: i64,
    limit: i64,
) -> Result<Vec<TicketRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM tickets
         WHERE resident_id = ?1 OR unit_id IN (SELECT unit_id FROM residents WHERE user_id = ?1)
         ORDER BY id DESC LIMIT ?2"
    ))
    .bind(user_id)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// A staff member's open tickets, earliest deadline first.
pub async fn open_of_assignee(
    pool: &SqlitePool,
    user_id: i64,
) -> Result<Vec<TicketRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM tickets
         WHERE assignee_id = ? AND status IN ('assigned', 'accepted', 'in_progress')
         ORDER BY CASE WHEN accepted_at IS NULL THEN respond_by ELSE resolve_by END, id"
    ))
    .bind(user_id)
    .fetch_all(pool)
    .await
}

/// Open tickets, optionally of one status or department, oldest first.
pub async fn open(
    pool: &SqlitePool,
    status: Option<Status>,
    department: Option<&str>,
    limit: i64,
) -> Result<Vec<TicketRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM tickets
         WHERE status IN ('new', 'assigned', 'accepted', 'in_progress')
           AND (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR department = ?2)
         ORDER BY escalated DESC, respond_by, id LIMIT ?3"
    ))
    .bind(status)
    .bind(department)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// What a supervisor's list asks for: no status means the open ones.
#[derive(Debug, Clone, Default)]
pub struct Listing<'a> {
    pub status: Option<Status>,
    pub department: Option<&'a str>,
    pub unit_id: Option<i64>,
    /// Only open tickets past a limit at this moment.
    pub overdue_at: Option<DateTime<Utc>>,
    pub emergency: bool,
}

const LISTING_WHERE: &str = "
    WHERE ((?1 IS NULL AND status IN ('new', 'assigned', 'accepted', 'in_progress')) OR status = ?1)
      AND (?2 IS NULL OR department = ?2)
      AND (?3 IS NULL OR unit_id = ?3)
      AND (?4 IS NULL OR (status IN ('new', 'assigned', 'accepted', 'in_progress')
           AND ((status IN ('new', 'assigned') AND respond_by < ?4) OR resolve_by < ?4)))
      AND (?5 = 0 OR urgency = 'emergency')";

/// One page of a supervisor's list, the escalated and most pressing first.
pub async fn listed(
    pool: &SqlitePool,
    listing: &Listing<'_>,
    limit: i64,
    offset: i64,
) -> Result<Vec<TicketRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM tickets {LISTING_WHERE}
         ORDER BY escalated DESC, respond_by, id LIMIT ?6 OFFSET ?7"
    ))
    .bind(listing.status)
    .bind(listing.department)
    .bind(listing.unit_id)
    .bind(listing.overdue_at)
    .bind(listing.emergency)
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await
}

/// How many tickets a supervisor's list holds.
pub async fn listed_count(pool: &SqlitePool, listing: &Listing<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM tickets {LISTING_WHERE}"))
        .bind(listing.status)
        .bind(listing.department)
        .bind(listing.unit_id)
        .bind(listing.overdue_at)
        .bind(listing.emergency)
        .fetch_one(pool)
        .await
}

/// `(user id, on duty, open tickets)` of every staff member of a department.
pub async fn workload(tx: &mut Tx, department: &str) -> Result<Vec<(i64, bool, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.on_duty,
                (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id
                   AND t.status IN ('assigned', 'accepted', 'in_progress'))
         FROM users u
         WHERE u.role = 'staff' AND u.department = ? AND u.blocked_at IS NULL
         ORDER BY u.id",
    )
    .bind(department)
    .fetch_all(&mut **tx)
    .await
}

/// Moves a ticket to a status and assignee, stamping the moment of the change.
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    status: Status,
    assignee_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE tickets SET status = ?1, assignee_id = ?2, updated_at = ?3,
             responded_at = CASE WHEN ?1 IN ('accepted', 'in_progress') AND responded_at IS NULL
                                 THEN ?3 ELSE responded_at END,
             accepted_at = CASE WHEN ?1 IN ('accepted', 'in_progress') AND accepted_at IS NULL THEN ?3
                                WHEN ?1 = 'assigned' THEN NULL ELSE accepted_at END,
             resolved_at = CASE WHEN ?1 = 'resolved' THEN ?3 ELSE resolved_at END,
             closed_at = CASE WHEN ?1 IN ('closed', 'cancelled') THEN ?3 ELSE closed_at END
         WHERE id = ?4",
    )
    .bind(status)
    .bind(assignee_id)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Sets a ticket's preferred (booked) time.
pub async fn set_preferred(
    tx: &mut Tx,
    id: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tickets SET preferred_start = ?, preferred_end = ? WHERE id = ?")
        .bind(start)
        .bind(end)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Gives a ticket new deadlines (a reopened ticket starts its limits again).
pub async fn set_deadlines(
    tx: &mut Tx,
    id: i64,
    respond_by: DateTime<Utc>,
    resolve_by: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tickets SET respond_by = ?, resolve_by = ? WHERE id = ?")
        .bind(respond_by)
        .bind(resolve_by)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records the assignee's closing note.
pub async fn set_resolution_note(tx: &mut Tx, id: i64, note: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tickets SET resolution_note = ? WHERE id = ?")
        .bind(note)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records a complaint's validity (投訴成立) and its reason; `confirmed` when
/// a supervisor judged or confirmed it.
pub async fn set_validity(
    tx: &mut Tx,
    id: i64,
    validity: &str,
    reason: &str,
    by: i64,
    confirmed: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE tickets SET validity = ?, validity_reason = ?, validity_by = ?,
             validity_confirmed = ? WHERE id = ?",
    )
    .bind(validity)
    .bind(reason)
    .bind(by)
    .bind(confirmed)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Marks a complaint key (重點投訴) or not.
pub async fn set_key_complaint(tx: &mut Tx, id: i64, key: bool) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tickets SET key_complaint = ? WHERE id = ?")
        .bind(key)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Counts a reopening of a ticket (for the monthly reopen rate).
pub async fn count_reopen(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tickets SET reopen_count = reopen_count + 1 WHERE id = ?")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Marks a ticket escalated.
pub async fn set_escalated(tx: &mut Tx, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tickets SET escalated = 1 WHERE id = ?")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Who last did `action` to a ticket, if anyone did.
pub async fn last_actor_of(
    tx: &mut Tx,
    ticket_id: i64,
    action: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let actor: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT actor FROM ticket_history WHERE ticket_id = ? AND action = ? ORDER BY id DESC LIMIT 1",
    )
    .bind(ticket_id)
    .bind(action)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(actor.flatten())
}

/// Appends to a ticket's history.
#[allow(clippy::too_many_arguments)]
pub async fn add_history(
    tx: &mut Tx,
    ticket_id: i64,
    at: DateTime<Utc>,
    actor: Option<i64>,
    action: &str,
    from_status: Option<Status>,
    to_status: Option<Status>,
    note: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO ticket_history (ticket_id, at, actor, action, from_status, to_status, note)
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(ticket_id)
    .bind(at)
    .bind(actor)
    .bind(action)
    .bind(from_status)
    .bind(to_status)
    .bind(note)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One line of a ticket's history.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryRow {
    pub at: DateTime<Utc>,
    pub actor: Option<i64>,
    pub actor_name: Option<String>,
    pub action: String,
    pub to_status: Option<Status>,
    pub note: Option<String>,
    /// To whom the step gave the ticket, and their department.
    pub target_name: Option<String>,
    pub target_department: Option<String>,
}

/// A ticket's history, oldest first.
pub async fn history(pool: &SqlitePool, ticket_id: i64) -> Result<Vec<HistoryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT h.at, h.actor, u.first_name AS actor_name, h.action, h.to_status, h.note,
                g.first_name AS target_name, g.department AS target_department
         FROM ticket_history h LEFT JOIN users u ON u.id = h.actor
              LEFT JOIN users g ON g.id = h.target
         WHERE h.ticket_id = ? ORDER BY h.id",
    )
    .bind(ticket_id)
    .fetch_all(pool)
    .await
}

/// Attaches a photo (a Telegram file id).
pub async fn add_photo(
    tx: &mut Tx,
    ticket_id: i64,
    file_id: &str,
    added_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO ticket_photos (ticket_id, file_id, added_by, added_at) VALUES (?, ?, ?, ?)",
    )
    .bind(ticket_id)
    .bind(file_id)
    .bind(added_by)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A ticket's photos, in the order they came.
pub async fn photos(tx: &mut Tx, ticket_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT file_id FROM ticket_photos WHERE ticket_id = ? ORDER BY id")
        .bind(ticket_id)
        .fetch_all(&mut **tx)
        .await
}

/// A staff member and how much open work they carry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffLoad {
    pub id: i64,
    pub first_name: String,
    pub department: Option<String>,
    pub on_duty: bool,
    pub open_tickets: i64,
}

/// Every reachable staff member and supervisor with their open work, by
/// department (supervisors, who have none, first) then id.
pub async fn staff_loads(pool: &SqlitePool) -> Result<Vec<StaffLoad>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.first_name, u.department, u.on_duty,
                (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id
                   AND t.status IN ('assigned', 'accepted', 'in_progress')) AS open_tickets
         FROM users u
         WHERE u.role IN ('staff', 'supervisor') AND u.blocked_at IS NULL
         ORDER BY u.department, u.id",
    )
    .fetch_all(pool)
    .await
}
