//! Conversation state per chat, as teloxide's dialogue `Storage`, so that a
//! restart in the middle of a conversation resumes it.

use std::sync::Arc;

use chrono::Utc;
use futures::future::BoxFuture;
use serde::{Serialize, de::DeserializeOwned};
use teloxide::dispatching::dialogue::Storage;
use teloxide::types::ChatId;

use super::Db;

/// Why a dialogue could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum DialogueError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("stored dialogue state is not readable: {0}")]
    Json(#[from] serde_json::Error),
}

/// Dialogue states kept in the `dialogues` table as JSON.
#[derive(Debug, Clone)]
pub struct DialogueStore {
    db: Db,
}

impl DialogueStore {
    pub fn new(db: Db) -> Arc<Self> {
        Arc::new(Self { db })
    }
}

impl<D> Storage<D> for DialogueStore
where
    D: Serialize + DeserializeOwned + Send + 'static,
{
    type Error = DialogueError;

    fn remove_dialogue(
        self: Arc<Self>,
        chat_id: ChatId,
    ) -> BoxFuture<'static, Result<(), Self::Error>> {
        Box::pin(async move {
            sqlx::query("DELETE FROM dialogues WHERE chat_id = ?")
                .bind(chat_id.0)
                .execute(self.db.pool())
                .await?;
            Ok(())
        })
    }

    fn update_dialogue(
        self: Arc<Self>,
        chat_id: ChatId,
        dialogue: D,
    ) -> BoxFuture<'static, Result<(), Self::Error>> {
        Box::pin(async move {
            let state = serde_json::to_string(&dialogue)?;
            sqlx::query(
                "INSERT INTO dialogues (chat_id, state, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (chat_id) DO UPDATE SET state = ?2, updated_at = ?3",
            )
            .bind(chat_id.0)
            .bind(state)
            .bind(Utc::now())
            .execute(self.db.pool())
            .await?;
            Ok(())
        })
    }

    fn get_dialogue(
        self: Arc<Self>,
        chat_id: ChatId,
    ) -> BoxFuture<'static, Result<Option<D>, Self::Error>> {
        Box::pin(async move {
            let state: Option<String> =
                sqlx::query_scalar("SELECT state FROM dialogues WHERE chat_id = ?")
                    .bind(chat_id.0)
                    .fetch_optional(self.db.pool())
                    .await?;
            // A state written by an older version that no longer parses starts afresh.
            Ok(state.and_then(|s| serde_json::from_str(&s).ok()))
        })
    }
}
