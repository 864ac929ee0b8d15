//! The polling listener: asks Telegram for updates, stores each batch in the
//! inbox, and only then moves `offset` past it (which tells Telegram they
//! arrived). A crash before the commit means Telegram sends them again.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use teloxide::prelude::*;
use teloxide::types::{AllowedUpdate, Update};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::config::Settings;
use crate::store::{self, Db, inbox::Received};

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

/// Whose order an update keeps: its chat, else its sender.
pub fn order_key(update: &Update) -> Option<i64> {
    update
        .chat()
        .map(|chat| chat.id.0)
        .or_else(|| update.from().and_then(|u| i64::try_from(u.id.0).ok()))
}

/// Polls until `shutdown`, storing every batch before acknowledging it and
/// waking the workers.
pub async fn run(
    bot: Bot,
    db: Db,
    settings: Settings,
    wake: Arc<Notify>,
    shutdown: CancellationToken,
) {
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
            prune(&db, &settings).await;
            pruned_at = Some(tokio::time::Instant::now());
        }
        let mut request = bot
            .get_updates()
            .timeout(POLL_TIMEOUT_SECS)
            .allowed_updates(ALLOWED);
        if let Some(offset) = offset.and_then(|o| i32::try_from(o).ok()) {
            request = request.offset(offset);
        }
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
        let Some(last) = updates.iter().map(|u| i64::from(u.id.0)).max() else {
            continue;
        };
        let batch: Vec<Received> = updates
            .iter()
            .filter_map(|update| match serde_json::to_string(update) {
                Ok(payload) => Some(Received {
                    update_id: i64::from(update.id.0),
                    chat_id: order_key(update),
                    payload,
                }),
                Err(error) => {
                    tracing::error!(update_id = update.id.0, %error, "cannot store an update");
                    None
                }
            })
            .collect();
        // Not acknowledged until stored: on failure the same batch comes again.
        while let Err(error) = store(&db, &batch).await {
            tracing::error!(%error, "cannot store updates; trying again");
            if pause(&shutdown, RETRY).await {
                return;
            }
        }
        offset = Some(last + 1);
        wake.notify_one();
    }
}

async fn store(db: &Db, batch: &[Received]) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    store::inbox::store_batch(&mut tx, batch, Utc::now()).await?;
    tx.commit().await
}

async fn prune(db: &Db, settings: &Settings) {
    let Ok(retention) = chrono::Duration::from_std(settings.inbox.retention) else {
        return;
    };
    match store::inbox::prune(db.pool(), Utc::now() - retention).await {
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
