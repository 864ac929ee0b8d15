//! Conversation state per chat, as teloxide's dialogue `Storage`, so that a
//! restart in the middle of a conversation resumes it. A write made while an
//! update is handled marks that update done in the same transaction.

use std::sync::Arc;

use chrono::Utc;
use futures::future::BoxFuture;
use serde::{Serialize, de::DeserializeOwned};
use teloxide::dispatching::dialogue::Storage;
use teloxide::types::ChatId;

use super::{Db, Tx, inbox};

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
            let mut tx = self.db.begin().await?;
            clear(&mut tx, chat_id.0).await?;
            inbox::mark_current_done(&mut tx, Utc::now()).await?;
            tx.commit().await?;
            inbox::note_current_marked();
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
            let now = Utc::now();
            let mut tx = self.db.begin().await?;
            save(&mut tx, chat_id.0, &state, now).await?;
            inbox::mark_current_done(&mut tx, now).await?;
            tx.commit().await?;
            inbox::note_current_marked();
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
                    .await
                    .inspect_err(|e| inbox::note_fault("cannot read the dialogue", e))?;
            // A state written by an older version that no longer parses starts afresh.
            Ok(state.and_then(|s| serde_json::from_str(&s).ok()))
        })
    }
}

/// Keeps a chat's conversation state (JSON) as one step of a larger write,
/// so that a ticket opened from one of several drafts and the drafts left
/// commit together.
pub async fn save(
    tx: &mut Tx,
    chat_id: i64,
    state: &str,
    now: chrono::DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO dialogues (chat_id, state, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (chat_id) DO UPDATE SET state = ?2, updated_at = ?3",
    )
    .bind(chat_id)
    .bind(state)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Ends a chat's conversation as one step of a larger write, so that what
/// ends it (a ticket opened from a draft) and its end commit together. A chat
/// without a stored state is idle.
pub async fn clear(tx: &mut Tx, chat_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM dialogues WHERE chat_id = ?")
        .bind(chat_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::testing;

    async fn stored(db: &Db, chat: i64) -> Option<String> {
        Storage::<String>::get_dialogue(DialogueStore::new(db.clone()), ChatId(chat))
            .await
            .expect("read")
    }

    #[tokio::test]
    async fn a_conversation_ends_only_when_the_write_that_ends_it_commits() {
        let (db, _dir) = testing::db().await;
        Storage::<String>::update_dialogue(
            DialogueStore::new(db.clone()),
            ChatId(5),
            "draft".into(),
        )
        .await
        .expect("save");

        let mut tx = db.begin().await.expect("begin");
        clear(&mut tx, 5).await.expect("clear");
        tx.rollback().await.expect("rollback");
        assert_eq!(stored(&db, 5).await.as_deref(), Some("draft"));

        let mut tx = db.begin().await.expect("begin");
        clear(&mut tx, 5).await.expect("clear");
        tx.commit().await.expect("commit");
        assert_eq!(stored(&db, 5).await, None);
    }
}
