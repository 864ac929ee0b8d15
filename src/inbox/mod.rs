//! The durable inbox: what Telegram sends is stored before it is acknowledged
//! ([`listen`]), then handled from the database by the handler tree
//! (`bot::schema`), one worker per chat so that a chat's updates keep their
//! order while different chats run at once.
//!
//! An update is marked done in the transaction of the changes it causes
//! (`App::commit` and the dialogue store do it while [`store::inbox::CURRENT`]
//! names it); one whose handler only replies is marked done after. So a crash
//! anywhere means it is handled again, and never applied twice. One that
//! keeps failing (`inbox.max_attempts`) is set aside and the supervisors are
//! told; its chat goes on.

mod listen;

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt;
use teloxide::prelude::*;
use teloxide::types::{Update, UpdateKind};
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::app::App;
use crate::bot::{self, HandlerResult};
use crate::desk;
use crate::error::Error;
use crate::outbox::{self, OutMessage};
use crate::store::{self, inbox::CURRENT, inbox::Current, inbox::InboxRow};
use crate::texts::t_args;

pub use listen::order_key;

/// How many pending updates are read from the database at a time.
const BATCH: i64 = 256;
/// A chat's worker ends after this long without news (a new one starts when
/// the chat writes again).
const IDLE: Duration = Duration::from_secs(30);
/// The longest wait between two tries of a failing update.
const RETRY_MAX: Duration = Duration::from_secs(60);
/// How long shutdown waits for the updates being handled.
const DRAIN: Duration = Duration::from_secs(10);
/// How much of a set-aside update and its error the supervisors are shown.
const EXCERPT: usize = 300;

/// What every worker shares.
struct Ctx {
    app: Arc<App>,
    handler: teloxide::dispatching::UpdateHandler<Error>,
    deps: DependencyMap,
    shutdown: CancellationToken,
}

/// One chat's queue and the task working through it.
struct Worker {
    queue: mpsc::UnboundedSender<InboxRow>,
    task: JoinHandle<()>,
}

/// Polls Telegram into the inbox and handles what it holds (updates left
/// pending by an earlier run first), until `shutdown`.
pub async fn run(bot: Bot, app: Arc<App>, shutdown: CancellationToken) -> Result<(), Error> {
    let me = bot.get_me().await?;
    let wake = Arc::new(Notify::new());
    let listener = tokio::spawn(listen::run(
        bot.clone(),
        app.clone(),
        wake.clone(),
        shutdown.clone(),
    ));
    let mut deps = bot::dependencies(app.clone());
    deps.insert(me);
    deps.insert(bot);
    let ctx = Arc::new(Ctx {
        app,
        handler: bot::schema(),
        deps,
        shutdown: shutdown.clone(),
    });
    feed(&ctx, &wake).await;
    let _ = listener.await;
    Ok(())
}

/// Hands pending updates to their chats' workers, in update order.
async fn feed(ctx: &Arc<Ctx>, wake: &Notify) {
    let mut last = 0;
    let mut workers: HashMap<i64, Worker> = HashMap::new();
    while !ctx.shutdown.is_cancelled() {
        let rows = match store::inbox::pending_after(ctx.app.db.pool(), last, BATCH).await {
            Ok(rows) => rows,
            Err(error) => {
                tracing::error!(%error, "cannot read the inbox; trying again");
                tokio::select! {
                    () = tokio::time::sleep(Duration::from_millis(500)) => {}
                    () = ctx.shutdown.cancelled() => {}
                }
                continue;
            }
        };
        if rows.is_empty() {
            workers.retain(|_, w| !w.task.is_finished());
            tokio::select! {
                () = wake.notified() => {}
                () = ctx.shutdown.cancelled() => {}
            }
            continue;
        }
        for row in rows {
            last = row.update_id;
            route(ctx, &mut workers, row);
        }
    }
    let tasks: Vec<JoinHandle<()>> = workers.into_values().map(|w| w.task).collect();
    let drained = tokio::time::timeout(DRAIN, futures::future::join_all(tasks)).await;
    if drained.is_err() {
        tracing::warn!("updates still being handled at shutdown are handled again at start");
    }
}

/// Queues a row on its chat's worker, starting one if the chat has none (a
/// new worker first waits for the one that went idle, to keep the order).
fn route(ctx: &Arc<Ctx>, workers: &mut HashMap<i64, Worker>, row: InboxRow) {
    let key = row.chat_id.unwrap_or(0);
    let (row, previous) = match workers.remove(&key) {
        Some(worker) => match worker.queue.send(row) {
            Ok(()) => {
                workers.insert(key, worker);
                return;
            }
            Err(mpsc::error::SendError(row)) => (row, Some(worker.task)),
        },
        None => (row, None),
    };
    let (queue, mut rows) = mpsc::unbounded_channel();
    let _ = queue.send(row);
    let worker_ctx = Arc::clone(ctx);
    let task = tokio::spawn(async move {
        if let Some(previous) = previous {
            let _ = previous.await;
        }
        loop {
            let row = match tokio::time::timeout(IDLE, rows.recv()).await {
                Ok(Some(row)) => row,
                Ok(None) => return,
                Err(_) => {
                    // Idle: take no more, finish what is queued.
                    rows.close();
                    continue;
                }
            };
            if worker_ctx.shutdown.is_cancelled() {
                return;
            }
            handle(&worker_ctx, row).await;
        }
    });
    workers.insert(key, Worker { queue, task });
}

/// Handles one stored update until it is done or set aside.
async fn handle(ctx: &Ctx, row: InboxRow) {
    let update: Update = match serde_json::from_str(&row.payload) {
        Ok(update) => update,
        Err(error) => {
            let error = format!("the stored update is not readable: {error}");
            set_aside(ctx, &row, None, row.attempts, &error).await;
            return;
        }
    };
    let mut attempts = row.attempts;
    tracing::debug!(
        update_id = row.update_id,
        chat_id = row.chat_id,
        attempts,
        "handling an update"
    );
    loop {
        let (result, marked, fault) = CURRENT
            .scope(Current::new(row.update_id), async {
                let result = AssertUnwindSafe(dispatch(ctx, update.clone()))
                    .catch_unwind()
                    .await;
                let fault = CURRENT.with(|c| c.fault.borrow_mut().take());
                (result, CURRENT.with(|c| c.marked.get()), fault)
            })
            .await;
        let error = match result {
            Ok(Ok(())) => fault,
            Ok(Err(error)) => Some(error.to_string()),
            Err(panic) => Some(panic_text(panic.as_ref())),
        };
        tracing::debug!(update_id = row.update_id, marked, ?error, "update handled");
        let Some(error) = error else {
            if !marked {
                finish(ctx, row.update_id).await;
            }
            return;
        };
        if marked {
            // Its changes are committed: handling it again would apply them twice.
            tracing::error!(update_id = row.update_id, %error, "update failed after its changes were saved");
            return;
        }
        tracing::warn!(update_id = row.update_id, %error, "update failed");
        attempts = ctx
            .app
            .db
            .write(store::inbox::note_failure(
                ctx.app.db.pool(),
                row.update_id,
                &error,
            ))
            .await
            .unwrap_or(attempts + 1);
        if attempts >= i64::from(ctx.app.settings.inbox.max_attempts) {
            set_aside(ctx, &row, Some(&update), attempts, &error).await;
            return;
        }
        let exponent = u32::try_from(attempts.saturating_sub(1))
            .unwrap_or(u32::MAX)
            .min(16);
        let wait = ctx
            .app
            .settings
            .inbox
            .retry_initial
            .saturating_mul(2u32.saturating_pow(exponent))
            .min(RETRY_MAX);
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = ctx.shutdown.cancelled() => return,
        }
    }
}

/// Runs the handler tree on one update.
async fn dispatch(ctx: &Ctx, update: Update) -> HandlerResult {
    let mut deps = ctx.deps.clone();
    deps.insert(update);
    match ctx.handler.dispatch(deps).await {
        ControlFlow::Break(result) => result,
        // Nothing in the tree serves it (a group message, say): nothing to do.
        ControlFlow::Continue(_) => Ok(()),
    }
}

/// Marks done an update whose handler wrote nothing (it only replied).
async fn finish(ctx: &Ctx, update_id: i64) {
    for _ in 0..3 {
        let result = async {
            let mut tx = ctx.app.db.begin().await?;
            store::inbox::mark_done(&mut tx, update_id, ctx.app.now()).await?;
            tx.commit().await
        }
        .await;
        match result {
            Ok(()) => return,
            Err(error) => tracing::warn!(update_id, %error, "cannot mark an update done"),
        }
    }
}

/// Sets an update aside for good and tells the supervisors, in one write.
async fn set_aside(ctx: &Ctx, row: &InboxRow, update: Option<&Update>, attempts: i64, error: &str) {
    tracing::error!(update_id = row.update_id, attempts, %error, "update set aside");
    let result = async {
        let app = &ctx.app;
        let now = app.now();
        let mut tx = app.db.begin().await?;
        store::inbox::set_aside(&mut tx, row.update_id, now).await?;
        let who = update.map_or_else(|| format!("chat {}", row.chat_id.unwrap_or(0)), sender);
        let what = excerpt(&update.map(content).unwrap_or_default());
        for supervisor in store::users::supervisors(&mut tx).await? {
            let lang = desk::lang_of(app, Some(&supervisor));
            let text = t_args(
                lang,
                "inbox-set-aside",
                &[
                    ("who", who.clone().into()),
                    ("attempts", attempts.into()),
                    ("what", what.clone().into()),
                    ("error", excerpt(error).into()),
                ],
            );
            outbox::enqueue(&mut tx, supervisor.chat_id, &OutMessage::text(text), now).await?;
        }
        app.commit(tx).await
    }
    .await;
    if let Err(error) = result {
        tracing::error!(update_id = row.update_id, %error, "cannot set an update aside");
    }
}

/// Who sent an update, for the supervisors.
fn sender(update: &Update) -> String {
    match update.from() {
        Some(user) => match &user.username {
            Some(username) => format!("{} (@{username}, {})", user.full_name(), user.id),
            None => format!("{} ({})", user.full_name(), user.id),
        },
        None => format!("chat {}", order_key(update).unwrap_or(0)),
    }
}

/// What an update said: a message's text or caption, or a button's data.
fn content(update: &Update) -> String {
    match &update.kind {
        UpdateKind::Message(msg) | UpdateKind::EditedMessage(msg) => msg
            .text()
            .or_else(|| msg.caption())
            .unwrap_or_default()
            .to_owned(),
        UpdateKind::CallbackQuery(query) => query.data.clone().unwrap_or_default(),
        _ => String::new(),
    }
}

fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().take(EXCERPT).collect();
    if text.chars().count() > EXCERPT {
        out.push('…');
    }
    out
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!("the handler panicked: {message}")
}
