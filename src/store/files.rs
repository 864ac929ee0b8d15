//! Files the bot uploads itself: charts, workbooks and exports, named by an
//! outbox message (`OutMessage::Document`, `OutMessage::PhotoFile`).

use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

use super::Tx;

/// A stored file.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FileRow {
    pub id: i64,
    pub name: String,
    pub mime: String,
    pub data: Vec<u8>,
}

/// Stores a file inside the caller's transaction; returns its id.
pub async fn insert(
    tx: &mut Tx,
    name: &str,
    mime: &str,
    data: &[u8],
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO files (name, mime, data, created_at) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(name)
    .bind(mime)
    .bind(data)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// A stored file by id.
pub async fn get(pool: &SqlitePool, id: i64) -> Result<Option<FileRow>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, mime, data FROM files WHERE id = ?")
        .bind(id)
        .fetch_optional(pool)
        .await
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use crate::store::testing;

    #[tokio::test]
    async fn a_stored_file_comes_back_byte_for_byte() {
        let (db, _dir) = testing::db().await;
        let bytes: Vec<u8> = (0..=255).cycle().take(70_000).collect();
        let mut tx = db.begin().await.unwrap();
        let id = super::insert(
            &mut tx,
            "報告 2026-11.xlsx",
            "application/x",
            &bytes,
            Utc::now(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let row = super::get(db.pool(), id).await.unwrap().expect("stored");
        assert_eq!(row.name, "報告 2026-11.xlsx");
        assert_eq!(row.data, bytes);
        assert!(super::get(db.pool(), id + 1).await.unwrap().is_none());
    }
}
