//! Timed jobs kept in SQLite. Each job runs in one transaction with its effects
//! (outbox messages, state changes) and its own `done` mark, so it fires once
//! even across restarts. The loop is a thin wrapper around [`Scheduler::run_due`],
//! which tests call directly with any `now`.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use crate::app::App;
use crate::error::Error;
use crate::outbox::{self, OutMessage};
use crate::store::{self, Tx};

/// What a job does when it falls due.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    /// Deliver a message at a set time (notices, reminders).
    Deliver { chat_id: i64, message: OutMessage },
    /// A ticket's deadline check (reminder or escalation).
    Sla {
        ticket_id: i64,
        limit: crate::desk::sla::Limit,
        stage: crate::desk::sla::Stage,
    },
    /// A callback (回訪) step after resolution.
    Callback {
        callback_id: i64,
        step: crate::desk::callbacks::Step,
    },
    /// Remind the resident of a booked visit.
    VisitReminder { ticket_id: i64 },
    /// A survey's or notice's step: queue recipients, remind, close.
    Campaign {
        campaign_id: i64,
        step: crate::desk::campaign::Step,
    },
}

impl Job {
    fn kind(&self) -> &'static str {
        match self {
            Self::Deliver { .. } => "deliver",
            Self::Sla { .. } => "sla",
            Self::Callback { .. } => "callback",
            Self::VisitReminder { .. } => "visit_reminder",
            Self::Campaign { .. } => "campaign",
        }
    }
}

/// Stores a job inside the caller's transaction. With a `dedupe_key`, a job
/// already scheduled under that key is kept and this one is dropped.
pub async fn schedule(
    tx: &mut Tx,
    job: &Job,
    due_at: DateTime<Utc>,
    dedupe_key: Option<&str>,
) -> Result<bool, Error> {
    let payload = serde_json::to_string(job).map_err(|e| Error::Other(e.to_string()))?;
    Ok(store::jobs::schedule(tx, job.kind(), &payload, due_at, dedupe_key).await?)
}

/// Runs due jobs.
pub struct Scheduler {
    app: Arc<App>,
}

impl Scheduler {
    pub fn new(app: Arc<App>) -> Self {
        Self { app }
    }

    /// Runs every job due by `now`, each once; returns how many ran.
    pub async fn run_due(&self, now: DateTime<Utc>) -> Result<usize, Error> {
        let ids = store::jobs::due_ids(self.app.db.pool(), now, 500).await?;
        let mut ran = 0;
        for id in ids {
            match self.run_one(id, now).await {
                Ok(true) => ran += 1,
                Ok(false) => {}
                Err(error) => {
                    tracing::error!(job_id = id, %error, "job failed");
                    let retry = now + chrono::Duration::minutes(1);
                    store::jobs::mark_failed(
                        self.app.db.pool(),
                        id,
                        &error.to_string(),
                        Some(retry),
                    )
                    .await?;
                }
            }
        }
        Ok(ran)
    }

    async fn run_one(&self, id: i64, now: DateTime<Utc>) -> Result<bool, Error> {
        let mut tx = self.app.db.begin().await?;
        let Some(row) = store::jobs::take(&mut tx, id).await? else {
            return Ok(false);
        };
        match serde_json::from_str::<Job>(&row.payload) {
            Ok(job) => self.execute(&mut tx, job, now).await?,
            Err(e) => {
                tracing::error!(job_id = id, kind = row.kind, error = %e, "unreadable job, dropped");
            }
        }
        store::jobs::mark_done(&mut tx, id, now).await?;
        self.app.commit(tx).await?;
        Ok(true)
    }

    async fn execute(&self, tx: &mut Tx, job: Job, now: DateTime<Utc>) -> Result<(), Error> {
        match job {
            Job::Deliver { chat_id, message } => {
                outbox::enqueue_bulk(tx, chat_id, &message, now).await?;
            }
            Job::Sla {
                ticket_id,
                limit,
                stage,
            } => {
                crate::desk::sla::check(tx, &self.app, ticket_id, limit, stage, now).await?;
            }
            Job::Callback { callback_id, step } => {
                crate::desk::callbacks::run(tx, &self.app, callback_id, step, now).await?;
            }
            Job::VisitReminder { ticket_id } => {
                crate::desk::visits::remind(tx, &self.app, ticket_id, now).await?;
            }
            Job::Campaign { campaign_id, step } => {
                crate::desk::campaign::run(tx, &self.app, campaign_id, step, now).await?;
            }
        }
        Ok(())
    }

    /// Runs due jobs every `tick` until `shutdown`.
    pub async fn run(self, shutdown: CancellationToken) {
        let tick = self.app.settings.scheduler.tick;
        loop {
            if let Err(error) = self.run_due(Utc::now()).await {
                tracing::error!(%error, "scheduler pass failed");
            }
            tokio::select! {
                () = shutdown.cancelled() => break,
                () = tokio::time::sleep(tick) => {}
            }
        }
        tracing::info!("scheduler stopped");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::store::{self, testing};

    fn deliver(n: i64) -> Job {
        Job::Deliver {
            chat_id: n,
            message: OutMessage::text(format!("notice {n}")),
        }
    }

    #[tokio::test]
    async fn a_due_job_runs_once_and_a_later_one_waits() {
        let (db, _dir) = testing::db().await;
        let app = App::new(db.clone(), Settings::default());
        let now = Utc::now();
        let mut tx = db.begin().await.unwrap();
        schedule(
            &mut tx,
            &deliver(1),
            now - chrono::Duration::seconds(1),
            None,
        )
        .await
        .unwrap();
        schedule(&mut tx, &deliver(2), now + chrono::Duration::hours(1), None)
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let scheduler = Scheduler::new(app.clone());
        assert_eq!(scheduler.run_due(now).await.unwrap(), 1);
        assert_eq!(
            scheduler.run_due(now).await.unwrap(),
            0,
            "it does not fire twice"
        );
        assert_eq!(store::outbox::counts(db.pool()).await.unwrap(), (1, 0, 0));
        assert_eq!(
            scheduler
                .run_due(now + chrono::Duration::hours(2))
                .await
                .unwrap(),
            1
        );
        assert_eq!(store::jobs::counts(db.pool()).await.unwrap(), (0, 2));
    }

    #[tokio::test]
    async fn jobs_survive_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobs.db");
        let due = Utc::now() + chrono::Duration::minutes(5);
        {
            let db = crate::store::Db::open(&path).await.unwrap();
            let mut tx = db.begin().await.unwrap();
            schedule(&mut tx, &deliver(7), due, None).await.unwrap();
            tx.commit().await.unwrap();
        }
        let db = crate::store::Db::open(&path).await.unwrap();
        let scheduler = Scheduler::new(App::new(db.clone(), Settings::default()));
        assert_eq!(scheduler.run_due(Utc::now()).await.unwrap(), 0);
        assert_eq!(scheduler.run_due(due).await.unwrap(), 1);
    }

    #[tokio::test]
    async fn the_same_dedupe_key_schedules_once() {
        let (db, _dir) = testing::db().await;
        let mut tx = db.begin().await.unwrap();
        let now = Utc::now();
        assert!(
            schedule(&mut tx, &deliver(1), now, Some("k"))
                .await
                .unwrap()
        );
        assert!(
            !schedule(&mut tx, &deliver(1), now, Some("k"))
                .await
                .unwrap()
        );
        tx.commit().await.unwrap();
        assert_eq!(store::jobs::counts(db.pool()).await.unwrap(), (1, 0));
    }
}
