//! What the staff's working day adds to a ticket: who declined it and why,
//! the cards sent about it (to rewrite once they are stale), and history
//! steps that name to whom the ticket went.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;
use crate::domain::ticket::Status;

/// Records that `user_id` gave the ticket back, and why.
pub async fn add_decline(
    tx: &mut Tx,
    ticket_id: i64,
    user_id: i64,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO ticket_declines (ticket_id, user_id, reason, at) VALUES (?, ?, ?, ?)")
        .bind(ticket_id)
        .bind(user_id)
        .bind(reason)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// One decline: who, their name, and why.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeclineRow {
    pub user_id: i64,
    pub name: String,
    pub reason: String,
}

/// A ticket's declines, oldest first.
pub async fn declines(tx: &mut Tx, ticket_id: i64) -> Result<Vec<DeclineRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT d.user_id, COALESCE(u.first_name, '') AS name, d.reason
         FROM ticket_declines d LEFT JOIN users u ON u.id = d.user_id
         WHERE d.ticket_id = ? ORDER BY d.id",
    )
    .bind(ticket_id)
    .fetch_all(&mut **tx)
    .await
}

/// Remembers a card sent about a ticket (its outbox row).
pub async fn add_card(
    tx: &mut Tx,
    ticket_id: i64,
    user_id: i64,
    outbox_id: i64,
    photo: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO ticket_cards (ticket_id, user_id, outbox_id, photo) VALUES (?, ?, ?, ?)",
    )
    .bind(ticket_id)
    .bind(user_id)
    .bind(outbox_id)
    .bind(photo)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A card still showing its buttons.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CardRow {
    pub id: i64,
    pub user_id: i64,
    pub chat_id: i64,
    pub lang: Option<String>,
    pub outbox_id: i64,
    pub photo: bool,
}

/// The cards of a ticket not yet rewritten as stale.
pub async fn live_cards(tx: &mut Tx, ticket_id: i64) -> Result<Vec<CardRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT c.id, c.user_id, u.chat_id, u.lang, c.outbox_id, c.photo
         FROM ticket_cards c JOIN users u ON u.id = c.user_id
         WHERE c.ticket_id = ? AND c.retired_at IS NULL ORDER BY c.id",
    )
    .bind(ticket_id)
    .fetch_all(&mut **tx)
    .await
}

/// Marks a card rewritten as stale.
pub async fn retire_card(tx: &mut Tx, id: i64, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE ticket_cards SET retired_at = ? WHERE id = ?")
        .bind(at)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether `user_id` was ever sent a card about the ticket.
pub async fn had_card(
    pool: &SqlitePool,
    ticket_id: i64,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM ticket_cards WHERE ticket_id = ? AND user_id = ?)",
    )
    .bind(ticket_id)
    .bind(user_id)
    .fetch_one(pool)
    .await
}

/// The Telegram message id of a sent outbox row; `None` while it waits,
/// `Some(None)` when it was given up or carries no id.
pub async fn sent_message_id(
    pool: &SqlitePool,
    outbox_id: i64,
) -> Result<Option<Option<i32>>, sqlx::Error> {
    let row: Option<(String, Option<i32>)> =
        sqlx::query_as("SELECT status, message_id FROM outbox WHERE id = ?")
            .bind(outbox_id)
            .fetch_optional(pool)
            .await?;
    Ok(match row {
        Some((status, _)) if status == "pending" => None,
        Some((_, id)) => Some(id),
        None => Some(None),
    })
}

/// Appends to a ticket's history a step that gave it to `target`.
#[allow(clippy::too_many_arguments)]
pub async fn add_history_to(
    tx: &mut Tx,
    ticket_id: i64,
    at: DateTime<Utc>,
    actor: Option<i64>,
    action: &str,
    from_status: Option<Status>,
    to_status: Option<Status>,
    target: i64,
    note: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO ticket_history (ticket_id, at, actor, action, from_status, to_status, target, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(ticket_id)
    .bind(at)
    .bind(actor)
    .bind(action)
    .bind(from_status)
    .bind(to_status)
    .bind(target)
    .bind(note)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The note of a ticket's latest reopening (the stars, if the resident
/// rated it); `None` when it was never reopened.
pub async fn last_reopen_note(
    tx: &mut Tx,
    ticket_id: i64,
) -> Result<Option<Option<String>>, sqlx::Error> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "SELECT note FROM ticket_history WHERE ticket_id = ? AND action = 'reopened'
         ORDER BY id DESC LIMIT 1",
    )
    .bind(ticket_id)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|(note,)| note))
}

/// The number of the ticket this one was merged into, if it was.
pub async fn merged_into(tx: &mut Tx, ticket_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT k.number FROM tickets t JOIN tickets k ON k.id = t.merged_into WHERE t.id = ?",
    )
    .bind(ticket_id)
    .fetch_optional(&mut **tx)
    .await
}

/// The photos staff or supervisors added to a ticket after it was opened
/// (the finished work), in the order they came.
pub async fn work_photos(
    tx: &mut Tx,
    ticket_id: i64,
    opened: DateTime<Utc>,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.file_id FROM ticket_photos p JOIN users u ON u.id = p.added_by
         WHERE p.ticket_id = ? AND p.added_at > ? AND u.role IN ('staff', 'supervisor')
         ORDER BY p.id",
    )
    .bind(ticket_id)
    .bind(opened)
    .fetch_all(&mut **tx)
    .await
}

/// Changes a ticket's urgency.
pub async fn set_urgency(
    tx: &mut Tx,
    id: i64,
    urgency: crate::domain::request::Urgency,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tickets SET urgency = ? WHERE id = ?")
        .bind(urgency)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The residents of the tickets merged into this one.
pub async fn merged_residents(tx: &mut Tx, ticket_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT resident_id FROM tickets
         WHERE merged_into = ? AND resident_id IS NOT NULL ORDER BY resident_id",
    )
    .bind(ticket_id)
    .fetch_all(&mut **tx)
    .await
}

/// Marks a ticket merged into another.
pub async fn set_merged_into(tx: &mut Tx, id: i64, into: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tickets SET merged_into = ? WHERE id = ?")
        .bind(into)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Changes a ticket's category and department.
pub async fn set_category(
    tx: &mut Tx,
    id: i64,
    category: crate::domain::request::Category,
    department: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE tickets SET category = ?, department = ? WHERE id = ?")
        .bind(category)
        .bind(department)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Other open tickets of the same category from the same unit or the same
/// resident (not merged away): `(id, number)`, oldest first.
pub async fn open_duplicates(
    tx: &mut Tx,
    id: i64,
    category: crate::domain::request::Category,
    unit_id: Option<i64>,
    resident_id: Option<i64>,
) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, number FROM tickets
         WHERE id != ?1 AND category = ?2 AND merged_into IS NULL
           AND status IN ('new', 'assigned', 'accepted', 'in_progress')
           AND ((?3 IS NOT NULL AND unit_id = ?3) OR (?4 IS NOT NULL AND resident_id = ?4))
         ORDER BY id LIMIT 5",
    )
    .bind(id)
    .bind(category)
    .bind(unit_id)
    .bind(resident_id)
    .fetch_all(&mut **tx)
    .await
}

/// Puts every staff member of a department on or off duty; returns them
/// (`(chat id, language)`) to tell.
pub async fn set_department_on_duty(
    tx: &mut Tx,
    department: &str,
    on: bool,
) -> Result<Vec<(i64, Option<String>)>, sqlx::Error> {
    sqlx::query_as(
        "UPDATE users SET on_duty = ?1 WHERE role = 'staff' AND department = ?2
             AND blocked_at IS NULL
         RETURNING chat_id, lang",
    )
    .bind(on)
    .bind(department)
    .fetch_all(&mut **tx)
    .await
}

/// The state the schedule last put a department in, if any.
pub async fn scheduled_duty(tx: &mut Tx, department: &str) -> Result<Option<bool>, sqlx::Error> {
    sqlx::query_scalar("SELECT on_duty FROM duty_schedule WHERE department = ?")
        .bind(department)
        .fetch_optional(&mut **tx)
        .await
}

/// Records the state the schedule put a department in.
pub async fn set_scheduled_duty(
    tx: &mut Tx,
    department: &str,
    on: bool,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO duty_schedule (department, on_duty, changed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (department) DO UPDATE SET on_duty = ?2, changed_at = ?3",
    )
    .bind(department)
    .bind(on)
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
