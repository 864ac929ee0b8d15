//! The polling listener: asks Telegram for updates, stores each batch in the
//! inbox, and only then moves `offset` past it (which tells Telegram they
//! arrived). A crash before the commit means Telegram sends them again.

use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;
use teloxide::prelude::*;
use teloxide::requests::{JsonRequest, Payload};
use teloxide::types::{AllowedUpdate, Update};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::app::App;
use crate::store::{self, inbox::Received};

/// How long one `getUpdates` waits for news (Telegram's long polling).
const POLL_TIMEOUT_SECS: u32 = 10;
/// The wait after a failed poll or store, before trying again.
const RETRY: Duration = Duration::from_millis(500);
/// How often handled updates older than `inbox.retention` are pruned.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// The updates the handler tree serves.
const ALLOWED: [AllowedUpdate; 3] = [
    AllowedUpdate::Message,
    AllowedUpdate::EditedMessage,
    AllowedUpdate::CallbackQuery,
];

/// `getUpdates` answered as the raw JSON Telegram sent, so that what is
/// stored is exactly what arrived.
#[derive(Debug, Clone, Serialize)]
struct RawGetUpdates {
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<i64>,
    timeout: u32,
    allowed_updates: Vec<AllowedUpdate>,
}

impl Payload for RawGetUpdates {
    type Output = Vec<Value>;
    const NAME: &'static str = "getUpdates";

    fn timeout_hint(&self) -> Option<Duration> {
        Some(Duration::from_secs(self.timeout.into()))
    }
}

/// One update as stored: its id, whose order it keeps, and its JSON.
fn received(raw: &Value) -> Option<Received> {
    let Some(update_id) = raw.get("update_id").and_then(Value::as_i64) else {
        tracing::error!(%raw, "an update without an id");
        return None;
    };
    let payload = raw.to_string();
    // One teloxide cannot read is stored all the same (and set aside when
    // handled). Read from the text, as the handler reads it: teloxide's
    // `Update` read from a `serde_json::Value` comes out as an unknown kind
    // with no chat, which put every chat in one queue.
    let chat_id = serde_json::from_str::<Update>(&payload)
        .ok()
        .and_then(|update| order_key(&update));
    Some(Received {
        update_id,
        chat_id,
        payload,
    })
}

/// Whose order an update keeps: its chat, else its sender.
pub fn order_key(update: &Update) -> Option<i64> {
    update
        .chat()
        .map(|chat| chat.id.0)
        .or_else(|| update.from().and_then(|u| i64::try_from(u.id.0).ok()))
}

/// Polls until `shutdown`, storing every batch before acknowledging it and
/// waking the workers.
pub async fn run(bot: Bot, app: Arc<App>, wake: Arc<Notify>, shutdown: CancellationToken) {
    let db = &app.db;
    let mut offset = loop {
        match store::inbox::last_update_id(db.pool()).await {
            Ok(last) => break last.map(|id| id + 1),
            Err(error) => {
                tracing::error!(%error, "cannot read the inbox; trying again");
                if pause(&shutdown, RETRY).await {
                    return;
                }
            }
        }
    };
    let mut pruned_at = None;
    loop {
        if pruned_at.is_none_or(|at: tokio::time::Instant| at.elapsed() >= PRUNE_EVERY) {
            prune(&app).await;
            pruned_at = Some(tokio::time::Instant::now());
        }
        let request = JsonRequest::new(
            bot.clone(),
            RawGetUpdates {
                offset,
                timeout: POLL_TIMEOUT_SECS,
                allowed_updates: ALLOWED.to_vec(),
            },
        );
        let updates = tokio::select! {
            updates = request.send() => updates,
            () = shutdown.cancelled() => return,
        };
        let updates = match updates {
            Ok(updates) => updates,
            Err(error) => {
                tracing::warn!(%error, "getUpdates failed; trying again");
                if pause(&shutdown, RETRY).await {
                    return;
                }
                continue;
            }
        };
        let batch: Vec<Received> = updates.iter().filter_map(received).collect();
        let Some(last) = batch.iter().map(|u| u.update_id).max() else {
            continue;
        };
        // Not acknowledged until stored: on failure the same batch comes again.
        while let Err(error) = store(&app, &batch).await {
            tracing::error!(%error, "cannot store updates; trying again");
            if pause(&shutdown, RETRY).await {
                return;
            }
        }
        offset = Some(last + 1);
        wake.notify_one();
    }
}

async fn store(app: &App, batch: &[Received]) -> Result<(), sqlx::Error> {
    let mut tx = app.db.begin().await?;
    store::inbox::store_batch(&mut tx, batch, app.now()).await?;
    tx.commit().await
}

async fn prune(app: &App) {
    let Ok(retention) = chrono::Duration::from_std(app.settings.inbox.retention) else {
        return;
    };
    match app
        .db
        .write(store::inbox::prune(app.db.pool(), app.now() - retention))
        .await
    {
        Ok(0) => {}
        Ok(n) => tracing::info!(pruned = n, "old inbox rows pruned"),
        Err(error) => tracing::warn!(%error, "cannot prune the inbox"),
    }
}

/// Waits `wait` unless shutdown comes first (then true).
async fn pause(shutdown: &CancellationToken, wait: Duration) -> bool {
    tokio::select! {
        () = tokio::time::sleep(wait) => false,
        () = shutdown.cancelled() => true,
    }
}

#[cfg(test)]
mod tests {
    use super::received;

    #[test]
    fn a_message_and_a_button_press_keep_their_chats_order() {
        let message = serde_json::json!({
            "update_id": 7,
            "message": {
                "message_id": 3, "date": 1_764_000_000,
                "chat": {"id": 60001, "type": "private", "first_name": "Amy"},
                "from": {"id": 60001, "is_bot": false, "first_name": "Amy", "language_code": "en"},
                "text": "the tap leaks"
            }
        });
        assert_eq!(received(&message).unwrap().chat_id, Some(60001));
        let press = serde_json::json!({
            "update_id": 8,
            "callback_query": {
                "id": "42", "chat_instance": "1", "data": "d:c:1",
                "from": {"id": 60002, "is_bot": false, "first_name": "Bo"},
                "message": {
                    "message_id": 4, "date": 1_764_000_000,
                    "chat": {"id": 60002, "type": "private", "first_name": "Bo"},
                    "from": {"id": 1, "is_bot": true, "first_name": "Desk"},
                    "text": "card"
                }
            }
        });
        assert_eq!(received(&press).unwrap().chat_id, Some(60002));
    }
}
