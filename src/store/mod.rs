//! All SQL lives here: one small async function per query. A function takes the
//! pool for a lone read, or a `&mut Tx` when it is one step of a larger write;
//! the caller opens and commits the transaction.

pub mod audit;
pub mod bookings;
pub mod callbacks;
pub mod campaigns;
pub mod dialogues;
pub mod digest;
pub mod drafts;
pub mod files;
pub mod hot_spots;
pub mod inbox;
pub mod invites;
pub mod jobs;
pub mod keys;
pub mod labels;
pub mod outbox;
pub mod report;
pub mod surveys;
pub mod tickets;
pub mod units;
pub mod users;
pub mod validity;
pub mod work;

use std::ops::{Deref, DerefMut};
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, SqlitePool, Transaction};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// How long a writer waits for its turn (and SQLite for a lock held by
/// another process) before giving up with "database is locked".
const BUSY: Duration = Duration::from_secs(15);

/// Prepared statements kept per connection (more than the desk has).
const STATEMENT_CACHE: usize = 1024;

/// A write transaction (`BEGIN IMMEDIATE`), holding this process's writer
/// turn until it is committed, rolled back or dropped. It reads as the
/// connection (`&mut **tx`), as sqlx's transaction does.
#[derive(Debug)]
pub struct Tx {
    // Dropped first: an uncommitted transaction is rolled back before the
    // next writer is let in.
    inner: Transaction<'static, Sqlite>,
    _turn: Turn,
    /// When the turn was taken (the write lock is held from then on).
    since: std::time::Instant,
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        let since = self.since;
        let committed = self.inner.commit().await;
        tracing::debug!(held_us = since.elapsed().as_micros(), "write turn");
        committed
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.inner.rollback().await
    }
}

impl Deref for Tx {
    type Target = SqliteConnection;

    fn deref(&self) -> &SqliteConnection {
        &self.inner
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        &mut self.inner
    }
}

/// This process's turn to write. SQLite lets one writer in at a time; the
/// others, left to its busy handler, sleep 1, 2, 5 … 100 ms between tries,
/// which under a burst made a card wait tens of milliseconds for a lock
/// held for a fraction of one. Writers queue here instead, in order.
#[derive(Debug)]
pub struct Turn {
    _guard: OwnedMutexGuard<()>,
}

/// The database: one pool, opened with explicit options, and the writer turn.
#[derive(Debug, Clone)]
pub struct Db {
    pool: SqlitePool,
    writer: Arc<Mutex<()>>,
}

impl Db {
    /// Opens (creating if needed) the SQLite file and applies the migrations.
    pub async fn open(path: &Path) -> Result<Self, sqlx::Error> {
        let options = SqliteConnectOptions::from_str("sqlite:")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(BUSY)
            // The desk has a few hundred distinct statements; sqlx's default
            // cache of 100 prepared statements per connection made the hot
            // path prepare some of them again and again.
            .statement_cache_capacity(STATEMENT_CACHE);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            // A local file does not drop connections: no ping (a round trip
            // to the connection's thread) before every use.
            .test_before_acquire(false)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self {
            pool,
            writer: Arc::new(Mutex::new(())),
        })
    }

    /// The pool, for reads (and for a lone write made under [`Db::turn`]).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Waits for this process's turn to write, for a lone statement on the
    /// pool; a transaction takes it by itself ([`Db::begin`]).
    pub async fn turn(&self) -> Result<Turn, sqlx::Error> {
        match tokio::time::timeout(BUSY, self.writer.clone().lock_owned()).await {
            Ok(guard) => Ok(Turn { _guard: guard }),
            Err(_) => Err(sqlx::Error::PoolTimedOut),
        }
    }

    /// Runs one lone write statement on the pool in this process's turn.
    pub async fn write<T>(
        &self,
        statement: impl Future<Output = Result<T, sqlx::Error>>,
    ) -> Result<T, sqlx::Error> {
        let _turn = self.turn().await?;
        statement.await
    }

    /// Starts a write transaction once it is this process's turn.
    /// `BEGIN IMMEDIATE` takes the write lock at once, so a read-then-write
    /// never fails with "database is locked" halfway (another process, the
    /// command line say, is still waited for by SQLite's busy timeout).
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        let turn = self.turn().await?;
        let since = std::time::Instant::now();
        let inner = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(Tx {
            inner,
            _turn: turn,
            since,
        })
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::Db;

    /// A fresh database in a temporary folder, kept alive with the returned guard.
    pub async fn db() -> (Db, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = Db::open(&dir.path().join("test.db"))
            .await
            .expect("open db");
        (db, dir)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    #[tokio::test]
    async fn the_manager_migration_keeps_every_user_and_their_references() {
        use sqlx::sqlite::SqliteConnectOptions;
        use std::str::FromStr;
        let dir = tempfile::tempdir().unwrap();
        let options = SqliteConnectOptions::from_str("sqlite:")
            .unwrap()
            .filename(dir.path().join("old.db"))
            .create_if_missing(true)
            .foreign_keys(true);
        let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
        let all = sqlx::migrate!("./migrations");
        let before = sqlx::migrate::Migrator {
            migrations: all
                .migrations
                .iter()
                .filter(|m| m.version < 20261202500002)
                .cloned()
                .collect::<Vec<_>>()
                .into(),
            ..sqlx::migrate::Migrator::DEFAULT
        };
        before.run(&pool).await.unwrap();
        for sql in [
            "INSERT INTO users (id, chat_id, first_name, role, created_at, updated_at)
             VALUES (1, 1, 'Amy', 'resident', 'x', 'x'), (2, 2, 'Lee', 'supervisor', 'x', 'x')",
            "INSERT INTO units (id, building, flat) VALUES (1, '3', '1502')",
            "INSERT INTO residents VALUES (1, 1, 'x', 'phone')",
            "INSERT INTO invites VALUES ('C', 'staff', 'cleaning', 'x', 'x', 2, 'x')",
        ] {
            sqlx::query(sql).execute(&pool).await.unwrap();
        }
        all.run(&pool).await.unwrap();
        let users: Vec<(i64, String)> = sqlx::query_as("SELECT id, role FROM users ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
        assert_eq!(
            users,
            vec![(1, "resident".into()), (2, "supervisor".into())]
        );
        let broken: Vec<(String,)> =
            sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
                .fetch_all(&pool)
                .await
                .unwrap();
        assert!(broken.is_empty(), "{broken:?}");
        sqlx::query("UPDATE users SET role = 'manager' WHERE id = 2")
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query("DELETE FROM users WHERE id = 1")
            .execute(&pool)
            .await
            .expect_err("residents still refer to users");
    }

    use super::testing;

    #[tokio::test]
    async fn many_concurrent_read_then_write_transactions_never_fail_with_locked() {
        let (db, _dir) = testing::db().await;
        let mut tasks = Vec::new();
        for n in 0..64 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                let mut tx = db.begin().await?;
                let value = super::tickets::next_number(&mut tx, "R").await?;
                super::audit::record(
                    &mut tx,
                    Utc::now(),
                    Some(n),
                    "test",
                    None,
                    &serde_json::json!({ "value": value }),
                )
                .await?;
                tx.commit().await?;
                Ok::<i64, sqlx::Error>(value)
            }));
        }
        let mut values = Vec::new();
        for task in tasks {
            values.push(task.await.unwrap().expect("no database error"));
        }
        values.sort_unstable();
        assert_eq!(
            values,
            (1..=64).collect::<Vec<_>>(),
            "each number handed out once"
        );
    }
}
