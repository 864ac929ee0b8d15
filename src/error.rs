//! The library's error type. A user's mistake is not an error: it becomes a
//! polite, localized reply where it happens. These are our faults (or
//! Telegram's), logged once with context and answered with "something went wrong".

use crate::store::dialogues::DialogueError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("telegram: {0}")]
    Telegram(#[from] teloxide::RequestError),
    #[error("dialogue: {0}")]
    Dialogue(#[from] DialogueError),
    #[error("settings: {0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
