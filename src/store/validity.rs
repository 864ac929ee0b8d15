//! A complaint's validity (投訴成立) as recorded on its ticket: read it,
//! and confirm a staff member's judgement.

use super::Tx;

/// A complaint's recorded validity.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ValidityRow {
    pub validity: Option<String>,
    pub reason: Option<String>,
    pub by: Option<i64>,
    pub confirmed: bool,
}

/// The validity recorded for a ticket (all `None` when none was).
pub async fn get(tx: &mut Tx, ticket_id: i64) -> Result<Option<ValidityRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT validity, validity_reason AS reason, validity_by AS by,
                validity_confirmed AS confirmed
         FROM tickets WHERE id = ?",
    )
    .bind(ticket_id)
    .fetch_optional(&mut **tx)
    .await
}

/// Confirms the judgement recorded for a ticket if it is still the one shown
/// (`validity` for `reason`) and not confirmed yet; whether it did.
pub async fn confirm(
    tx: &mut Tx,
    ticket_id: i64,
    validity: &str,
    reason: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE tickets SET validity_confirmed = 1
         WHERE id = ? AND validity = ? AND validity_reason = ? AND validity_confirmed = 0",
    )
    .bind(ticket_id)
    .bind(validity)
    .bind(reason)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
