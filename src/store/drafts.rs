//! Which ticket a resident's draft became (table `draft_tickets`): a
//! confirmation handled again finds its ticket instead of filing another.

use sqlx::SqlitePool;

use super::Tx;

/// Records that the draft with `nonce` in `chat_id` became `ticket_id`, in the
/// transaction that files it. A second filing of the same draft breaks the
/// primary key, so its transaction fails and nothing is filed twice.
pub async fn link(
    tx: &mut Tx,
    chat_id: i64,
    nonce: u32,
    ticket_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO draft_tickets (chat_id, nonce, ticket_id) VALUES (?, ?, ?)")
        .bind(chat_id)
        .bind(i64::from(nonce))
        .bind(ticket_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The number of the ticket the draft with `nonce` in `chat_id` became, if any.
pub async fn ticket_number(
    pool: &SqlitePool,
    chat_id: i64,
    nonce: u32,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT t.number FROM draft_tickets d JOIN tickets t ON t.id = d.ticket_id
         WHERE d.chat_id = ? AND d.nonce = ?",
    )
    .bind(chat_id)
    .bind(i64::from(nonce))
    .fetch_optional(pool)
    .await
}
