//! The house: what every part of the desk shares (the database, the
//! settings, the clock and the wake-ups), below `bot/` so that the desk, the
//! scheduler and the tests use it without Telegram.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use crate::config::Settings;
use crate::domain::lang::Lang;
use crate::error::Error;
use crate::outbox::Courier;
use crate::store::{self, Db, Tx};

/// The desk's clock: the system's time, moved by however far a test has
/// set or advanced it. Clones share one clock, so the handlers, the
/// scheduler, the sender and the test that drives them agree on the time.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    inner: Arc<ClockInner>,
}

#[derive(Debug, Default)]
struct ClockInner {
    /// How far this clock is ahead of the system's (never behind).
    ahead: Mutex<chrono::Duration>,
    /// Woken whenever the clock is moved.
    moved: Notify,
}

impl Clock {
    /// The system's time.
    pub fn system() -> Self {
        Self::default()
    }

    /// The current moment by this clock.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.ahead()
    }

    fn ahead(&self) -> chrono::Duration {
        *self
            .inner
            .ahead
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: std::time::Duration) {
        let by = chrono::Duration::from_std(by).unwrap_or(chrono::Duration::MAX / 4);
        {
            let mut ahead = self
                .inner
                .ahead
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            *ahead += by;
        }
        self.inner.moved.notify_waiters();
    }

    /// Moves the clock forward to `at` (a moment already past leaves it as it is:
    /// the desk's time never runs backwards).
    pub fn advance_to(&self, at: DateTime<Utc>) {
        if let Ok(by) = (at - self.now()).to_std() {
            self.advance(by);
        }
    }

    /// Resolves the next time the clock is moved.
    pub async fn moved(&self) {
        self.inner.moved.notified().await;
    }
}

/// What the handlers share: the database, the settings, the clock, a way to
/// wake the outbox sender after a commit, and the courier that takes direct
/// requests to the same sender.
#[derive(Debug)]
pub struct App {
    pub db: Db,
    pub settings: Settings,
    pub clock: Clock,
    pub outbox_wake: Arc<Notify>,
    pub courier: Courier,
}

impl App {
    /// The desk on the system's clock.
    pub fn new(db: Db, settings: Settings) -> Arc<Self> {
        Self::with_clock(db, settings, Clock::system())
    }

    /// The desk on a given clock (tests move it instead of sleeping).
    pub fn with_clock(db: Db, settings: Settings, clock: Clock) -> Arc<Self> {
        Arc::new(Self {
            db,
            settings,
            clock,
            outbox_wake: Arc::new(Notify::new()),
            courier: Courier::new(),
        })
    }

    /// The current moment by the desk's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The office's name in a language: the configured one, else the
    /// language's own word for the management office.
    pub fn office_name(&self, lang: Lang) -> String {
        match self.settings.office.name.trim() {
            "" => crate::texts::t(lang, "office-default-name"),
            name => name.to_owned(),
        }
    }

    /// Commits a write and lets the outbox sender know there may be news.
    /// Inside an update's handler, the update is marked done in the same
    /// transaction (see `store::inbox`).
    pub async fn commit(&self, mut tx: Tx) -> Result<(), Error> {
        store::inbox::mark_current_done(&mut tx, self.now()).await?;
        tx.commit().await?;
        store::inbox::note_current_marked();
        self.outbox_wake.notify_one();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::Clock;

    #[test]
    fn an_advanced_clock_is_ahead_by_that_much_and_its_clones_agree() {
        let clock = Clock::system();
        let other = clock.clone();
        let before = chrono::Utc::now();
        clock.advance(Duration::from_secs(3600));
        let ahead = other.now() - before;
        assert!(ahead >= chrono::Duration::hours(1), "{ahead}");
        assert!(ahead < chrono::Duration::hours(1) + chrono::Duration::minutes(1));
    }

    #[test]
    fn the_clock_never_runs_backwards() {
        let clock = Clock::system();
        clock.advance(Duration::from_secs(60));
        let then = clock.now();
        clock.advance_to(then - chrono::Duration::hours(1));
        assert!(clock.now() >= then);
    }

    #[tokio::test]
    async fn moving_the_clock_wakes_whoever_waits_for_it() {
        let clock = Clock::system();
        let waiter = {
            let clock = clock.clone();
            tokio::spawn(async move { clock.moved().await })
        };
        tokio::task::yield_now().await;
        // The waiter may not be registered yet: keep moving until it wakes.
        tokio::time::timeout(Duration::from_secs(5), async {
            while !waiter.is_finished() {
                clock.advance(Duration::from_secs(1));
                tokio::task::yield_now().await;
            }
        })
        .await
        .expect("the waiter wakes");
    }

    #[tokio::test]
    async fn the_bot_token_is_never_printed() {
        let (db, _dir) = crate::store::testing::db().await;
        let mut settings = crate::config::Settings::default();
        settings.telegram.token = Some("123456:SECRET-TOKEN".to_owned());
        let app = super::App::new(db, settings.clone());
        for printed in [
            format!("{settings:?}"),
            format!("{settings:#?}"),
            format!("{:?}", settings.telegram),
            format!("{app:?}"),
            format!("{app:#?}"),
        ] {
            assert!(!printed.contains("SECRET"), "{printed}");
            assert!(printed.contains("[redacted]"), "{printed}");
        }
    }
}
