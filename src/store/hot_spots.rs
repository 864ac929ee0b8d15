//! Hot spots (熱點) the desk follows: a cluster of tickets of one category at
//! one place, the supervisors alerted once, and who marked it.

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;
use crate::domain::request::Category;

/// The place of a ticket as clusters see it: `area@building` for a shared
/// area, else the building of its unit, else the block it names.
const PLACE: &str =
    "CASE WHEN t.area IS NOT NULL THEN t.area || '@' || COALESCE(t.building, u.building, '')
     ELSE COALESCE(u.building, t.building) END";

/// A hot spot as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HotSpotRow {
    pub id: i64,
    pub category: Category,
    pub place: String,
    pub first_at: DateTime<Utc>,
    pub last_at: DateTime<Utc>,
    pub alerted_at: DateTime<Utc>,
    pub marked_by: Option<i64>,
    pub marked_at: Option<DateTime<Utc>>,
    /// When it was closed: by a supervisor (`closed_by`), or with its tickets.
    pub closed_at: Option<DateTime<Utc>>,
    pub closed_by: Option<i64>,
}

const SPOT: &str = "h.id, h.category, h.place, h.first_at, h.last_at, h.alerted_at, h.marked_by,
    h.marked_at, h.closed_at, h.closed_by";

/// A ticket of a cluster: id, number, when it came.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClusterTicket {
    pub id: i64,
    pub number: String,
    pub created_at: DateTime<Utc>,
}

/// The place of a ticket, if it has one.
pub async fn place_of(tx: &mut Tx, ticket_id: i64) -> Result<Option<String>, sqlx::Error> {
    let place: Option<Option<String>> = sqlx::query_scalar(&format!(
        "SELECT {PLACE} FROM tickets t LEFT JOIN units u ON u.id = t.unit_id WHERE t.id = ?"
    ))
    .bind(ticket_id)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(place.flatten().filter(|p| !p.is_empty()))
}

/// The hot spot of `category` at `place` that is still open: its latest
/// ticket came at or after `since`, or one of its tickets is not finished.
pub async fn open_at(
    tx: &mut Tx,
    category: Category,
    place: &str,
    since: DateTime<Utc>,
) -> Result<Option<HotSpotRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SPOT}
         FROM hot_spots h
         WHERE h.category = ? AND h.place = ? AND h.closed_at IS NULL
           AND (h.last_at >= ? OR EXISTS (
                SELECT 1 FROM hot_spot_tickets ht JOIN tickets t ON t.id = ht.ticket_id
                WHERE ht.hot_spot_id = h.id
                  AND t.status NOT IN ('resolved', 'closed', 'cancelled')))
         ORDER BY h.last_at DESC LIMIT 1"
    ))
    .bind(category)
    .bind(place)
    .bind(since)
    .fetch_optional(&mut **tx)
    .await
}

/// Tickets (bookings aside) of `category` at `place` created since `since`
/// that belong to no hot spot yet, oldest first.
pub async fn loose_tickets(
    tx: &mut Tx,
    category: Category,
    place: &str,
    since: DateTime<Utc>,
) -> Result<Vec<ClusterTicket>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT t.id, t.number, t.created_at
         FROM tickets t LEFT JOIN units u ON u.id = t.unit_id
         WHERE t.category = ? AND t.created_at >= ? AND t.kind <> 'booking'
           AND t.status <> 'cancelled' AND {PLACE} = ?
           AND NOT EXISTS (SELECT 1 FROM hot_spot_tickets ht WHERE ht.ticket_id = t.id)
         ORDER BY t.created_at, t.id"
    ))
    .bind(category)
    .bind(since)
    .bind(place)
    .fetch_all(&mut **tx)
    .await
}

/// Stores a new hot spot; returns its id.
pub async fn insert(
    tx: &mut Tx,
    category: Category,
    place: &str,
    first_at: DateTime<Utc>,
    last_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO hot_spots (category, place, first_at, last_at, alerted_at)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(category)
    .bind(place)
    .bind(first_at)
    .bind(last_at)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// Puts a ticket in a hot spot and widens its first and latest times to it.
pub async fn add_ticket(
    tx: &mut Tx,
    hot_spot_id: i64,
    ticket_id: i64,
    at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT OR IGNORE INTO hot_spot_tickets (hot_spot_id, ticket_id) VALUES (?, ?)")
        .bind(hot_spot_id)
        .bind(ticket_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "UPDATE hot_spots SET first_at = MIN(first_at, ?1), last_at = MAX(last_at, ?1) WHERE id = ?2",
    )
    .bind(at)
    .bind(hot_spot_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// One hot spot.
pub async fn get(tx: &mut Tx, id: i64) -> Result<Option<HotSpotRow>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT {SPOT} FROM hot_spots h WHERE h.id = ?"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

/// A hot spot's tickets, oldest first.
pub async fn tickets_of(tx: &mut Tx, id: i64) -> Result<Vec<ClusterTicket>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.id, t.number, t.created_at FROM hot_spot_tickets ht
         JOIN tickets t ON t.id = ht.ticket_id WHERE ht.hot_spot_id = ?
         ORDER BY t.created_at, t.id",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await
}

/// Marks a hot spot; `false` when it was marked already.
pub async fn mark(tx: &mut Tx, id: i64, by: i64, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE hot_spots SET marked_by = ?, marked_at = ? WHERE id = ? AND marked_at IS NULL",
    )
    .bind(by)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every hot spot, newest first (for lists and tests).
pub async fn all(pool: &SqlitePool) -> Result<Vec<HotSpotRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SPOT} FROM hot_spots h ORDER BY h.id DESC"
    ))
    .fetch_all(pool)
    .await
}

/// A ticket of a hot spot as its card lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Member {
    pub id: i64,
    pub number: String,
    pub status: crate::domain::ticket::Status,
    pub assignee: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A hot spot's tickets with their states and owners, oldest first.
pub async fn members(tx: &mut Tx, id: i64) -> Result<Vec<Member>, sqlx::Error> {
    sqlx::query_as(
        "SELECT t.id, t.number, t.status, s.first_name AS assignee, t.created_at
         FROM hot_spot_tickets ht JOIN tickets t ON t.id = ht.ticket_id
         LEFT JOIN users s ON s.id = t.assignee_id
         WHERE ht.hot_spot_id = ? ORDER BY t.created_at, t.id",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await
}

/// The hot spot a ticket belongs to, if any.
pub async fn of_ticket(tx: &mut Tx, ticket_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT hot_spot_id FROM hot_spot_tickets WHERE ticket_id = ?")
        .bind(ticket_id)
        .fetch_optional(&mut **tx)
        .await
}

/// Whether every ticket of a hot spot is closed or cancelled.
pub async fn all_finished(tx: &mut Tx, id: i64) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT NOT EXISTS (
            SELECT 1 FROM hot_spot_tickets ht JOIN tickets t ON t.id = ht.ticket_id
            WHERE ht.hot_spot_id = ? AND t.status NOT IN ('closed', 'cancelled'))",
    )
    .bind(id)
    .fetch_one(&mut **tx)
    .await
}

/// Closes a hot spot (`by` a supervisor, or `None` with its tickets);
/// `false` when it was closed already.
pub async fn close(
    tx: &mut Tx,
    id: i64,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE hot_spots SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A hot spot in a list: how many tickets it has and how many are unfinished.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Listed {
    #[sqlx(flatten)]
    pub spot: HotSpotRow,
    pub tickets: i64,
    pub open: i64,
}

const LISTED: &str = "SELECT h.id, h.category, h.place, h.first_at, h.last_at, h.alerted_at,
        h.marked_by, h.marked_at, h.closed_at, h.closed_by,
        (SELECT COUNT(*) FROM hot_spot_tickets ht WHERE ht.hot_spot_id = h.id) AS tickets,
        (SELECT COUNT(*) FROM hot_spot_tickets ht JOIN tickets t ON t.id = ht.ticket_id
         WHERE ht.hot_spot_id = h.id
           AND t.status NOT IN ('resolved', 'closed', 'cancelled')) AS open
    FROM hot_spots h";

/// A page of hot spots: the open ones first, newest first within each.
pub async fn page(pool: &SqlitePool, offset: i64, limit: i64) -> Result<Vec<Listed>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{LISTED} ORDER BY h.closed_at IS NOT NULL, h.id DESC LIMIT ? OFFSET ?"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(pool)
    .await
}

/// How many hot spots there are.
pub async fn count(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM hot_spots")
        .fetch_one(pool)
        .await
}

/// Hot spots not closed, oldest first (the daily digest).
pub async fn open_spots(tx: &mut Tx) -> Result<Vec<Listed>, sqlx::Error> {
    sqlx::query_as(&format!("{LISTED} WHERE h.closed_at IS NULL ORDER BY h.id"))
        .fetch_all(&mut **tx)
        .await
}

/// Hot spots with a ticket created in `[from, to)` (the monthly report),
/// oldest first.
pub async fn of_period(
    pool: &SqlitePool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Listed>, sqlx::Error> {
    // A hot spot spans its tickets (`first_at` to `last_at`): only those
    // overlapping the period are looked into.
    sqlx::query_as(&format!(
        "{LISTED} WHERE h.first_at < ?2 AND h.last_at >= ?1 AND EXISTS (
            SELECT 1 FROM hot_spot_tickets ht JOIN tickets t ON t.id = ht.ticket_id
            WHERE ht.hot_spot_id = h.id AND t.created_at >= ?1 AND t.created_at < ?2)
         ORDER BY h.first_at, h.id"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await
}

/// The ticket numbers of hot spots, `(hot spot id, number)` oldest first.
pub async fn numbers_of(pool: &SqlitePool, ids: &[i64]) -> Result<Vec<(i64, String)>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(", ");
    let sql = format!(
        "SELECT ht.hot_spot_id, t.number FROM hot_spot_tickets ht
         JOIN tickets t ON t.id = ht.ticket_id
         WHERE ht.hot_spot_id IN ({marks}) ORDER BY t.created_at, t.id"
    );
    let mut query = sqlx::query_as(&sql);
    for id in ids {
        query = query.bind(id);
    }
    query.fetch_all(pool).await
}

/// Hot spots closed in `[from, to)`, in the order they closed.
pub async fn closed_between(
    tx: &mut Tx,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<HotSpotRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {SPOT} FROM hot_spots h
         WHERE h.closed_at >= ? AND h.closed_at < ? ORDER BY h.closed_at, h.id"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(&mut **tx)
    .await
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use crate::app::App;
    use crate::config::Settings;
    use crate::desk::{self, NewRequest, Source};
    use crate::domain::request::{Category, Kind, Urgency};
    use crate::store::testing;

    /// Opens `category` tickets at 3-1502 a day apart, as the desk does (a
    /// third makes a hot spot); returns their ids.
    async fn three(app: &App, category: Category, unit: i64) -> Vec<i64> {
        let mut ids = Vec::new();
        for day in 0..3 {
            let request = NewRequest {
                kind: Kind::Repair,
                category,
                urgency: Urgency::Normal,
                unit_id: Some(unit),
                resident_id: None,
                source: Source::Phone,
                logged_by: None,
                description: "leak".to_owned(),
                when: None,
                photos: Vec::new(),
            };
            let at = app.now() + Duration::days(day);
            let mut tx = app.db.begin().await.unwrap();
            let opened = desk::open_ticket(&mut tx, app, request, at).await.unwrap();
            tx.commit().await.unwrap();
            ids.push(opened.ticket.id);
        }
        ids
    }

    #[tokio::test]
    async fn hot_spots_from_before_closing_close_when_all_their_tickets_are_closed() {
        let (db, _dir) = testing::db().await;
        let csv = "building,flat,name,phone\n3,1502,Amy,91234567\n";
        crate::admin::import_units(&db, csv.as_bytes())
            .await
            .unwrap();
        let unit = super::super::units::find(db.pool(), "3", "1502")
            .await
            .unwrap()
            .unwrap()
            .id;
        let app = App::new(db.clone(), Settings::default());
        let leaks = three(&app, Category::Plumbing, unit).await;
        let lifts = three(&app, Category::Lift, unit).await;
        // As a database from before hot spots closed would hold them: every
        // leak closed (one of them cancelled), one lift still open.
        for (id, status) in [
            (leaks[0], "closed"),
            (leaks[1], "cancelled"),
            (leaks[2], "closed"),
        ]
        .into_iter()
        .chain([(lifts[0], "closed"), (lifts[1], "closed")])
        {
            sqlx::query("UPDATE tickets SET status = ? WHERE id = ?")
                .bind(status)
                .bind(id)
                .execute(db.pool())
                .await
                .unwrap();
        }
        sqlx::raw_sql(include_str!(
            "../../migrations/20261203100002_hot_spots_closed_before.sql"
        ))
        .execute(db.pool())
        .await
        .unwrap();
        let spots = super::all(db.pool()).await.unwrap();
        assert_eq!(spots.len(), 2);
        for spot in spots {
            match spot.category {
                Category::Plumbing => {
                    assert_eq!(
                        spot.closed_at,
                        Some(spot.alerted_at),
                        "no closing in the history"
                    );
                    assert_eq!(spot.closed_by, None);
                }
                _ => assert_eq!(spot.closed_at, None, "a lift is still open"),
            }
        }
    }
}
