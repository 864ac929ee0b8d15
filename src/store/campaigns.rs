//! Campaigns (surveys and notices), their recipients and the audience they
//! are drawn from.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

use super::Tx;
use crate::domain::campaign::{Audience, Delivery, Kind, Status};

/// A campaign as stored; `content` and `audience` are JSON.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CampaignRow {
    pub id: i64,
    pub kind: Kind,
    pub status: Status,
    pub content: String,
    pub audience: String,
    pub anonymous: bool,
    pub urgent: bool,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub send_at: Option<DateTime<Utc>>,
    pub sent_at: Option<DateTime<Utc>>,
    pub queued_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub remind_at: Option<DateTime<Utc>>,
    pub reminded_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, kind, status, content, audience, anonymous, urgent, created_by,
    created_at, send_at, sent_at, queued_at, closes_at, remind_at, reminded_at, closed_at";

/// A new draft; returns its id.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    tx: &mut Tx,
    kind: Kind,
    content: &str,
    audience: &str,
    anonymous: bool,
    urgent: bool,
    created_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO campaigns (kind, content, audience, anonymous, urgent, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(kind)
    .bind(content)
    .bind(audience)
    .bind(anonymous)
    .bind(urgent)
    .bind(created_by)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// One campaign, for a read.
pub async fn get(pool: &SqlitePool, id: i64) -> Result<Option<CampaignRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM campaigns WHERE id = ?"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// One campaign, inside a write.
pub async fn get_tx(tx: &mut Tx, id: i64) -> Result<Option<CampaignRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM campaigns WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// The latest campaigns of a kind, newest first.
pub async fn recent(
    pool: &SqlitePool,
    kind: Kind,
    limit: i64,
) -> Result<Vec<CampaignRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM campaigns WHERE kind = ? AND status != 'cancelled'
         ORDER BY id DESC LIMIT ?"
    ))
    .bind(kind)
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Replaces a draft's content, audience and anonymity; false if it is no
/// longer a draft.
pub async fn update_draft(
    tx: &mut Tx,
    id: i64,
    content: &str,
    audience: &str,
    anonymous: bool,
    urgent: bool,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE campaigns SET content = ?, audience = ?, anonymous = ?, urgent = ?
         WHERE id = ? AND status = 'draft'",
    )
    .bind(content)
    .bind(audience)
    .bind(anonymous)
    .bind(urgent)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets when a draft is to go out once sent (`None`: at once).
pub async fn set_send_at(
    tx: &mut Tx,
    id: i64,
    at: Option<DateTime<Utc>>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE campaigns SET send_at = ? WHERE id = ? AND status = 'draft'")
        .bind(at)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The buildings that have residents, in order.
pub async fn buildings(pool: &SqlitePool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT n.building FROM units n JOIN residents b ON b.unit_id = n.id
         ORDER BY length(n.building), n.building",
    )
    .fetch_all(pool)
    .await
}

/// The latest survey that was sent, for a "not answered" audience.
pub async fn latest_sent_survey(pool: &SqlitePool) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM campaigns WHERE kind = 'survey' AND status IN ('sending', 'open', 'closed')
         ORDER BY id DESC LIMIT 1",
    )
    .fetch_optional(pool)
    .await
}

/// Moves a draft to `sending` (or `scheduled`) with its times; false if it
/// was no longer a draft (sent twice).
pub async fn start_sending(
    tx: &mut Tx,
    id: i64,
    status: Status,
    send_at: DateTime<Utc>,
    closes_at: Option<DateTime<Utc>>,
    remind_at: Option<DateTime<Utc>>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE campaigns SET status = ?, send_at = ?, closes_at = ?, remind_at = ?
         WHERE id = ? AND status = 'draft'",
    )
    .bind(status)
    .bind(send_at)
    .bind(closes_at)
    .bind(remind_at)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets a campaign's status.
pub async fn set_status(tx: &mut Tx, id: i64, status: Status) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE campaigns SET status = ? WHERE id = ?")
        .bind(status)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records that sending began (the first batch).
pub async fn mark_sent(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE campaigns SET status = 'sending', sent_at = COALESCE(sent_at, ?) WHERE id = ?",
    )
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records that every recipient has been queued.
pub async fn mark_queued(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE campaigns SET status = 'open', queued_at = ? WHERE id = ? AND status = 'sending'",
    )
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Closes a campaign; false if it was closed already.
pub async fn close(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE campaigns SET status = 'closed', closed_at = ?
         WHERE id = ? AND status IN ('sending', 'open')",
    )
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records that the reminder went out; false if it had already.
pub async fn mark_reminded(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE campaigns SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// An audience member about to be sent a campaign.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub user_id: i64,
    pub chat_id: i64,
    pub lang: Option<String>,
    pub blocked: bool,
}

/// Adds the condition that a user (`u`) is in the audience.
fn push_audience(q: &mut QueryBuilder<'_, Sqlite>, audience: &Audience) {
    match audience {
        Audience::All => {
            q.push(" AND EXISTS (SELECT 1 FROM residents b WHERE b.user_id = u.id)");
        }
        Audience::Buildings { buildings } => {
            q.push(
                " AND EXISTS (SELECT 1 FROM residents b JOIN units n ON n.id = b.unit_id
                   WHERE b.user_id = u.id AND n.building IN (",
            );
            let mut list = q.separated(", ");
            for b in buildings {
                list.push_bind(b.clone());
            }
            if buildings.is_empty() {
                list.push("NULL");
            }
            q.push("))");
        }
        Audience::ClosedTickets { from, to } => {
            q.push(
                " AND EXISTS (SELECT 1 FROM residents b WHERE b.user_id = u.id)
                  AND EXISTS (SELECT 1 FROM tickets t WHERE t.resident_id = u.id
                   AND t.closed_at >= ",
            );
            q.push_bind(*from);
            q.push(" AND t.closed_at < ");
            q.push_bind(*to);
            q.push(")");
        }
        Audience::NotAnswered { survey } => {
            q.push(
                " AND EXISTS (SELECT 1 FROM campaign_recipients p
                   WHERE p.campaign_id = ",
            );
            q.push_bind(*survey);
            q.push(" AND p.user_id = u.id AND p.completed_at IS NULL AND p.outbox_id IS NOT NULL)");
        }
    }
}

/// The next audience members (by user id, after `after`) who are not yet
/// recipients of `campaign`.
pub async fn next_members(
    tx: &mut Tx,
    campaign: i64,
    audience: &Audience,
    after: i64,
    limit: i64,
) -> Result<Vec<Member>, sqlx::Error> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "SELECT u.id AS user_id, u.chat_id, u.lang, u.blocked_at IS NOT NULL AS blocked
         FROM users u WHERE u.role = 'resident' AND u.id > ",
    );
    q.push_bind(after);
    push_audience(&mut q, audience);
    q.push(" AND NOT EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.campaign_id = ");
    q.push_bind(campaign);
    q.push(" AND r.user_id = u.id) ORDER BY u.id LIMIT ");
    q.push_bind(limit);
    q.build_query_as().fetch_all(&mut **tx).await
}

/// How many residents an audience is, and how many of them blocked the bot.
pub async fn audience_size(
    pool: &SqlitePool,
    audience: &Audience,
) -> Result<(i64, i64), sqlx::Error> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "SELECT COUNT(*), COALESCE(SUM(u.blocked_at IS NOT NULL), 0)
         FROM users u WHERE u.role = 'resident'",
    );
    push_audience(&mut q, audience);
    q.build_query_as().fetch_one(pool).await
}

/// People of the register in an audience's units with no resident on
/// Telegram using their phone: they cannot be reached by the bot. For a
/// post-service audience, the tickets closed in the period that have no
/// Telegram resident.
pub async fn unreachable_register(
    pool: &SqlitePool,
    audience: &Audience,
) -> Result<i64, sqlx::Error> {
    let mut q = QueryBuilder::<Sqlite>::new("");
    match audience {
        Audience::All | Audience::Buildings { .. } => {
            q.push(
                "SELECT COUNT(*) FROM register g JOIN units n ON n.id = g.unit_id
                 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.phone = g.phone
                   AND u.role = 'resident')",
            );
            if let Audience::Buildings { buildings } = audience {
                q.push(" AND n.building IN (");
                let mut list = q.separated(", ");
                for b in buildings {
                    list.push_bind(b.clone());
                }
                if buildings.is_empty() {
                    list.push("NULL");
                }
                q.push(")");
            }
        }
        Audience::ClosedTickets { from, to } => {
            q.push(
                "SELECT COUNT(DISTINCT unit_id) FROM tickets
                 WHERE resident_id IS NULL AND unit_id IS NOT NULL AND closed_at >= ",
            );
            q.push_bind(*from);
            q.push(" AND closed_at < ");
            q.push_bind(*to);
        }
        Audience::NotAnswered { .. } => {
            q.push("SELECT 0");
        }
    }
    q.build_query_scalar().fetch_one(pool).await
}

/// Adds a recipient in the transaction that queued their message (or with
/// no message, when they had blocked the bot); false if they were one already.
pub async fn add_recipient(
    tx: &mut Tx,
    campaign: i64,
    user_id: i64,
    outbox_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO campaign_recipients (campaign_id, user_id, outbox_id, queued_at)
         VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(campaign)
    .bind(user_id)
    .bind(outbox_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A recipient as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecipientRow {
    pub campaign_id: i64,
    pub user_id: i64,
    pub outbox_id: Option<i64>,
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
}

/// Whether (and how far) a user is a recipient of a campaign.
pub async fn recipient(
    tx: &mut Tx,
    campaign: i64,
    user_id: i64,
) -> Result<Option<RecipientRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT campaign_id, user_id, outbox_id, started_at, completed_at
         FROM campaign_recipients WHERE campaign_id = ? AND user_id = ?",
    )
    .bind(campaign)
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await
}

/// A recipient started answering.
pub async fn mark_started(
    tx: &mut Tx,
    campaign: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE campaign_recipients SET started_at = COALESCE(started_at, ?)
         WHERE campaign_id = ? AND user_id = ?",
    )
    .bind(now)
    .bind(campaign)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A recipient finished (answered every question, or pressed 收到); false
/// if they had already.
pub async fn mark_completed(
    tx: &mut Tx,
    campaign: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE campaign_recipients SET completed_at = ?, started_at = COALESCE(started_at, ?)
         WHERE campaign_id = ? AND user_id = ? AND completed_at IS NULL",
    )
    .bind(now)
    .bind(now)
    .bind(campaign)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Recipients whose message went out, who have not finished and have not
/// been reminded: `(user_id, chat_id, lang)`.
pub async fn to_remind(
    tx: &mut Tx,
    campaign: i64,
    limit: i64,
) -> Result<Vec<(i64, i64, Option<String>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.chat_id, u.lang FROM campaign_recipients r
         JOIN users u ON u.id = r.user_id JOIN outbox o ON o.id = r.outbox_id
         WHERE r.campaign_id = ? AND r.completed_at IS NULL AND r.reminded_at IS NULL
           AND o.status = 'sent' AND u.blocked_at IS NULL
         ORDER BY u.id LIMIT ?",
    )
    .bind(campaign)
    .bind(limit)
    .fetch_all(&mut **tx)
    .await
}

/// Records a recipient's reminder.
pub async fn mark_recipient_reminded(
    tx: &mut Tx,
    campaign: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE campaign_recipients SET reminded_at = ? WHERE campaign_id = ? AND user_id = ?",
    )
    .bind(now)
    .bind(campaign)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// What became of a campaign's messages. Blocked: not sent because the
/// resident had blocked the bot, or refused with a 403 since.
pub async fn delivery(pool: &SqlitePool, campaign: i64) -> Result<Delivery, sqlx::Error> {
    let row: (i64, i64, i64, i64, i64, i64, i64) = sqlx::query_as(
        "SELECT COUNT(*),
            COALESCE(SUM(o.status = 'pending'), 0),
            COALESCE(SUM(o.status = 'sent'), 0),
            COALESCE(SUM(o.status = 'failed' AND u.blocked_at IS NULL), 0),
            COALESCE(SUM(r.outbox_id IS NULL OR (o.status = 'failed' AND u.blocked_at IS NOT NULL)), 0),
            COALESCE(SUM(r.started_at IS NOT NULL), 0),
            COALESCE(SUM(r.completed_at IS NOT NULL), 0)
         FROM campaign_recipients r JOIN users u ON u.id = r.user_id
         LEFT JOIN outbox o ON o.id = r.outbox_id
         WHERE r.campaign_id = ?",
    )
    .bind(campaign)
    .fetch_one(pool)
    .await?;
    Ok(Delivery {
        recipients: row.0,
        queued: row.1,
        sent: row.2,
        failed: row.3,
        blocked: row.4,
        started: row.5,
        completed: row.6,
    })
}

/// How many of a campaign's messages wait in the outbox.
pub async fn pending(tx: &mut Tx, campaign: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM campaign_recipients r JOIN outbox o ON o.id = r.outbox_id
         WHERE r.campaign_id = ? AND o.status = 'pending'",
    )
    .bind(campaign)
    .fetch_one(&mut **tx)
    .await
}
