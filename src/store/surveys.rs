//! Survey responses and their answers. A response's id is a random token
//! (the one in the resident's answer buttons); an anonymous response has no
//! user id.

use sqlx::SqlitePool;

use super::Tx;

/// A response as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseRow {
    pub id: i64,
    pub campaign_id: i64,
    pub user_id: Option<i64>,
    pub completed: bool,
}

/// Starts a response under a fresh token; false if the token is taken.
pub async fn create(
    tx: &mut Tx,
    token: i64,
    campaign: i64,
    user_id: Option<i64>,
    building: Option<&str>,
    unit: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO survey_responses (id, campaign_id, user_id, building, unit)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(token)
    .bind(campaign)
    .bind(user_id)
    .bind(building)
    .bind(unit)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A response by its token.
pub async fn get(tx: &mut Tx, token: i64) -> Result<Option<ResponseRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, campaign_id, user_id, completed FROM survey_responses WHERE id = ?")
        .bind(token)
        .fetch_optional(&mut **tx)
        .await
}

/// A named survey's response by its resident.
pub async fn of_user(
    tx: &mut Tx,
    campaign: i64,
    user_id: i64,
) -> Result<Option<ResponseRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, campaign_id, user_id, completed FROM survey_responses
         WHERE campaign_id = ? AND user_id = ?",
    )
    .bind(campaign)
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await
}

/// Records (or replaces) the answer to a question, as JSON.
pub async fn set_answer(
    tx: &mut Tx,
    token: i64,
    question: usize,
    value: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO survey_answers (response_id, question, value) VALUES (?1, ?2, ?3)
         ON CONFLICT (response_id, question) DO UPDATE SET value = ?3",
    )
    .bind(token)
    .bind(i64::try_from(question).unwrap_or(i64::MAX))
    .bind(value)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A response's answers: `(question, JSON)`.
pub async fn answers(tx: &mut Tx, token: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT question, value FROM survey_answers WHERE response_id = ? ORDER BY question",
    )
    .bind(token)
    .fetch_all(&mut **tx)
    .await
}

/// Marks a response complete.
pub async fn set_completed(tx: &mut Tx, token: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE survey_responses SET completed = 1 WHERE id = ?")
        .bind(token)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// One answer of a survey's results: the response's place in the list (not
/// its token), building, unit, whether complete, and the answer if any.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRow {
    pub response: i64,
    pub building: Option<String>,
    pub unit: Option<String>,
    pub completed: bool,
    pub question: Option<i64>,
    pub value: Option<String>,
}

/// Every response of a survey with its answers, ordered by building, unit
/// and then the (random) token, so no order of answering shows.
pub async fn all_answers(pool: &SqlitePool, campaign: i64) -> Result<Vec<AnswerRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DENSE_RANK() OVER (ORDER BY r.building, r.unit, r.id) AS response,
                r.building, r.unit, r.completed, a.question, a.value
         FROM survey_responses r LEFT JOIN survey_answers a ON a.response_id = r.id
         WHERE r.campaign_id = ?
         ORDER BY r.building, r.unit, r.id, a.question",
    )
    .bind(campaign)
    .fetch_all(pool)
    .await
}
