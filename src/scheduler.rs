//! Runs the timed jobs kept in SQLite ([`crate::jobs`]). Each job runs in one
//! transaction with its effects (outbox messages, state changes) and its own
//! `done` mark, so it fires once even across restarts. A job that fails is
//! tried again later, waiting twice as long each time; after
//! `scheduler.max_attempts` tries it is set aside and the supervisors are
//! told. The loop is a thin wrapper around [`Scheduler::run_due`], which tests
//! call directly with any `now`.

use std::sync::Arc;

use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio_util::sync::CancellationToken;

use crate::app::App;
use crate::config;
use crate::desk::lang_of;
use crate::error::Error;
use crate::jobs::Job;
use crate::outbox::{self, OutMessage};
use crate::store::{self, Tx};
use crate::texts::t_args;

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
        // The on-duty schedule is computed, not stored as jobs: a shift
        // that started or ended since the last pass switches its staff.
        if let Err(error) = crate::desk::duty::apply_schedule(&self.app, now).await {
            tracing::error!(%error, "duty schedule failed");
        }
        let ids = store::jobs::due_ids(self.app.db.pool(), now, 500).await?;
        let mut ran = 0;
        for id in ids {
            match self.run_one(id, now).await {
                Ok(true) => ran += 1,
                Ok(false) => {}
                Err(error) => self.set_back(id, &error, now).await?,
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

    /// A failed run (its transaction rolled back): try again after a wait
    /// that doubles each time, or, after the last try, set the job aside and
    /// tell the supervisors, in one transaction.
    async fn set_back(&self, id: i64, error: &Error, now: DateTime<Utc>) -> Result<(), Error> {
        let cfg = &self.app.settings.scheduler;
        let mut tx = self.app.db.begin().await?;
        let Some(row) = store::jobs::take(&mut tx, id).await? else {
            return Ok(());
        };
        let attempts = u32::try_from(row.attempts + 1).unwrap_or(u32::MAX);
        let error = error.to_string();
        if attempts >= cfg.max_attempts {
            tracing::error!(job_id = id, kind = row.kind, attempts, %error, "job set aside");
            store::jobs::mark_failed(&mut tx, id, &error, None).await?;
            self.report(&mut tx, &row, attempts, &error, now).await?;
        } else {
            let wait = backoff(cfg, attempts);
            tracing::warn!(job_id = id, kind = row.kind, attempts, %error, ?wait, "job failed, will retry");
            let retry = now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX / 4);
            store::jobs::mark_failed(&mut tx, id, &error, Some(retry)).await?;
        }
        self.app.commit(tx).await
    }

    /// Tells every supervisor that a job was set aside.
    async fn report(
        &self,
        tx: &mut Tx,
        row: &store::jobs::JobRow,
        attempts: u32,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        for supervisor in store::users::supervisors(tx).await? {
            let lang = lang_of(&self.app, Some(&supervisor));
            let text = t_args(
                lang,
                "alert-job-set-aside",
                &[
                    ("kind", row.kind.clone().into()),
                    ("id", row.id.into()),
                    ("attempts", attempts.into()),
                    ("error", error.to_owned().into()),
                ],
            );
            outbox::enqueue(tx, supervisor.chat_id, &OutMessage::text(text), now).await?;
        }
        Ok(())
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
            Job::BookingReminder {
                booking_id,
                stage,
                start,
            } => {
                crate::desk::bookings::remind(tx, &self.app, booking_id, stage, start, now).await?;
            }
            Job::MonthlyReport { month } => {
                crate::report::job::send(tx, &self.app, &month, now).await?;
            }
            Job::KeyFollowUp { ticket_id } => {
                crate::desk::keys::follow_up(tx, &self.app, ticket_id, now).await?;
            }
            Job::DailyDigest { day } => {
                crate::desk::digest::send(tx, &self.app, &day, now).await?;
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
            if let Err(error) = self.run_due(self.app.now()).await {
                tracing::error!(%error, "scheduler pass failed");
            }
            // A moved clock (in tests) may have made jobs due at once.
            tokio::select! {
                () = shutdown.cancelled() => break,
                () = tokio::time::sleep(tick) => {}
                () = self.app.clock.moved() => {}
            }
        }
        tracing::info!("scheduler stopped");
    }
}

/// The wait before try number `attempts + 1` of a failed job.
fn backoff(cfg: &config::Scheduler, attempts: u32) -> Duration {
    let doublings = attempts.saturating_sub(1).min(20);
    cfg.retry_initial
        .saturating_mul(1 << doublings)
        .min(cfg.retry_max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::jobs::schedule;
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

    #[tokio::test]
    async fn a_failing_job_backs_off_doubling_then_is_set_aside_and_the_supervisors_are_told() {
        let (db, _dir) = testing::db().await;
        let mut settings = Settings::default();
        settings.scheduler.retry_initial = Duration::from_secs(60);
        settings.scheduler.retry_max = Duration::from_secs(180);
        settings.scheduler.max_attempts = 4;
        let t0 = Utc::now();
        store::users::upsert_seen(db.pool(), 900, 900, "Lee", None, t0)
            .await
            .unwrap();
        let mut tx = db.begin().await.unwrap();
        store::users::set_role(
            &mut tx,
            900,
            crate::domain::role::Role::Supervisor,
            None,
            t0,
        )
        .await
        .unwrap();
        schedule(&mut tx, &deliver(666), t0, None).await.unwrap();
        tx.commit().await.unwrap();
        // The database refuses what this job writes, every time.
        sqlx::query(
            "CREATE TRIGGER refuse_666 BEFORE INSERT ON outbox WHEN NEW.chat_id = 666
             BEGIN SELECT RAISE(ABORT, 'chat 666 refused'); END",
        )
        .execute(db.pool())
        .await
        .unwrap();
        let id = store::jobs::due_ids(db.pool(), t0, 10).await.unwrap()[0];
        let state = || async { store::jobs::state(db.pool(), id).await.unwrap().unwrap() };
        let scheduler = Scheduler::new(App::new(db.clone(), settings));

        let mut now = t0;
        let mut waits = Vec::new();
        for tries in 1..=3 {
            assert_eq!(scheduler.run_due(now).await.unwrap(), 0);
            let job = state().await;
            assert_eq!((job.status.as_str(), job.attempts), ("pending", tries));
            waits.push((job.due_at - now).num_seconds());
            // Not tried again before its time.
            scheduler
                .run_due(job.due_at - chrono::Duration::seconds(1))
                .await
                .unwrap();
            assert_eq!(state().await.attempts, tries);
            now = job.due_at;
        }
        assert_eq!(waits, [60, 120, 180], "doubling, up to retry_max");

        scheduler.run_due(now).await.unwrap();
        let job = state().await;
        assert_eq!((job.status.as_str(), job.attempts), ("failed", 4));
        assert!(
            job.last_error
                .as_deref()
                .unwrap_or_default()
                .contains("chat 666 refused"),
            "{job:?}"
        );
        // Set aside: never tried again.
        scheduler
            .run_due(now + chrono::Duration::days(30))
            .await
            .unwrap();
        assert_eq!(state().await.attempts, 4);
        // The supervisor is told once, in their language.
        let told: Vec<String> =
            sqlx::query_scalar("SELECT payload FROM outbox WHERE chat_id = 900")
                .fetch_all(db.pool())
                .await
                .unwrap();
        assert_eq!(told.len(), 1, "{told:?}");
        let head = crate::texts::t_args(
            crate::domain::lang::Lang::ZhHant,
            "alert-job-set-aside",
            &[
                ("kind", "deliver".into()),
                ("id", id.into()),
                ("attempts", 4.into()),
                ("error", "".into()),
            ],
        );
        let message: OutMessage = serde_json::from_str(&told[0]).unwrap();
        let OutMessage::Text { text, .. } = message else {
            panic!("a text alert: {message:?}");
        };
        assert!(text.starts_with(head.trim_end()), "{text}");
    }

    #[test]
    fn the_wait_doubles_from_retry_initial_and_stops_at_retry_max() {
        let cfg = config::Scheduler {
            retry_initial: Duration::from_secs(60),
            retry_max: Duration::from_secs(3600),
            ..config::Scheduler::default()
        };
        let waits: Vec<u64> = (1..=8).map(|n| backoff(&cfg, n).as_secs()).collect();
        assert_eq!(waits, [60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(backoff(&cfg, u32::MAX), Duration::from_secs(3600));
    }
}
