//! The house: what every part of the desk shares (the database, the
//! settings, the clock and the wake-ups), below `bot/` so that the desk, the
//! scheduler and the tests use it without Telegram.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use crate::config::Settings;
use crate::domain::lang::Lang;
use crate::error::Error;
use crate::outbox::Courier;
use crate::store::{Db, Tx};

/// What the handlers share: the database, the settings, a way to wake the
/// outbox sender after a commit, and the courier that takes direct requests
/// to the same sender.
#[derive(Debug)]
pub struct App {
    pub db: Db,
    pub settings: Settings,
    pub outbox_wake: Arc<Notify>,
    pub courier: Courier,
}

impl App {
    pub fn new(db: Db, settings: Settings) -> Arc<Self> {
        Arc::new(Self {
            db,
            settings,
            outbox_wake: Arc::new(Notify::new()),
            courier: Courier::new(),
        })
    }

    /// The current moment. One place, so the desk's clock is easy to follow.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now()
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
    pub async fn commit(&self, tx: Tx) -> Result<(), Error> {
        tx.commit().await?;
        self.outbox_wake.notify_one();
        Ok(())
    }
}
