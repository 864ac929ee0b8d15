//! Durable sending. Messages that matter are written to the outbox in the same
//! transaction as the change that causes them ([`enqueue`]); the [`Sender`]
//! task delivers them within Telegram's limits, pauses everything on a 429,
//! retries 5xx and timeouts with backoff, and records a 403 on the user.
//! A restart, even `kill -9`, loses nothing queued: at worst a message that was
//! in flight goes out twice.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use teloxide::payloads::{SendMessageSetters, SendPhotoSetters, SetMyCommandsSetters};
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, BotCommandScope, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Recipient,
};
use teloxide::{ApiError, RequestError};
use tokio::sync::{Notify, mpsc};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::app::Clock;
use crate::config::Sending;
use crate::store::{self, Db, Tx};

/// A message as queued: what to send, not yet to whom (that is the row's chat).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OutMessage {
    /// A text message, with inline buttons.
    Text {
        text: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<Vec<OutButton>>,
    },
    /// A photo by Telegram file id, with a caption and inline buttons.
    Photo {
        file_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<Vec<OutButton>>,
    },
    /// The chat's command menu: `(command, description)` pairs.
    Commands { commands: Vec<(String, String)> },
}

/// An inline button with callback data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutButton {
    pub text: String,
    pub data: String,
}

impl OutButton {
    pub fn new(text: impl Into<String>, data: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            data: data.into(),
        }
    }
}

impl OutMessage {
    /// A text message without buttons.
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text {
            text: text.into(),
            buttons: Vec::new(),
        }
    }

    /// A text message with inline buttons.
    pub fn with_buttons(text: impl Into<String>, buttons: Vec<Vec<OutButton>>) -> Self {
        Self::Text {
            text: text.into(),
            buttons,
        }
    }
}

/// Builds Telegram's inline keyboard from rows of buttons.
pub fn keyboard(rows: &[Vec<OutButton>]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows.iter().map(|row| {
        row.iter()
            .map(|b| InlineKeyboardButton::callback(b.text.clone(), b.data.clone()))
            .collect::<Vec<_>>()
    }))
}

/// Queues a message to a chat inside the caller's transaction.
pub async fn enqueue(
    tx: &mut Tx,
    chat_id: i64,
    message: &OutMessage,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    enqueue_at(tx, chat_id, message, now, now).await
}

/// Queues a message to go out no earlier than `at`.
pub async fn enqueue_at(
    tx: &mut Tx,
    chat_id: i64,
    message: &OutMessage,
    now: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    enqueue_in(tx, chat_id, message, Lane::Interactive, now, at).await
}

/// Which lane a queued message travels in: interactive messages always go
/// before bulk ones, within Telegram's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lane {
    /// Replies, cards, staff pings, emergency alerts, urgent notices.
    Interactive,
    /// Survey and notice broadcasts, reports, reminders.
    Bulk,
}

impl Lane {
    /// The lane's name as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Interactive => "interactive",
            Self::Bulk => "bulk",
        }
    }
}

/// Queues a message in a lane, to go out no earlier than `at`.
pub async fn enqueue_in(
    tx: &mut Tx,
    chat_id: i64,
    message: &OutMessage,
    lane: Lane,
    now: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let payload = serde_json::to_string(message).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    store::outbox::enqueue_in(tx, chat_id, &payload, lane.as_str(), now, at).await
}

/// What became of one attempt to send.
#[derive(Debug)]
enum Outcome {
    Sent(Option<i32>),
    /// Telegram asked everyone to wait.
    RetryAfter(Duration),
    /// Worth trying again later (5xx, network, timeout).
    Transient(String),
    /// The user blocked the bot or is gone: give up and remember it.
    Blocked(String),
    /// The request itself is wrong: give up.
    Permanent(String),
}

/// A finished attempt to send one queued message.
#[derive(Debug)]
struct Done {
    id: i64,
    chat_id: i64,
    outcome: Outcome,
}

/// Writes down what became of an attempt.
struct Recorder {
    db: Db,
    cfg: Sending,
    clock: Clock,
}

/// What the sender keeps in memory: messages in flight, the pacing of each
/// chat and of the last second, and a 429 pause.
#[derive(Debug, Default)]
struct Flights {
    in_flight: HashSet<i64>,
    busy_chats: HashSet<i64>,
    last_to_chat: HashMap<i64, Instant>,
    recent: VecDeque<Instant>,
    last_send: Option<Instant>,
    paused_until: Option<Instant>,
}

/// The task that delivers the outbox.
pub struct Sender {
    bot: Bot,
    db: Db,
    cfg: Sending,
    wake: Arc<Notify>,
    clock: Clock,
}

impl Sender {
    /// `wake` is notified by whoever commits new messages, so they go out at once.
    pub fn new(bot: Bot, db: Db, cfg: Sending, wake: Arc<Notify>) -> Self {
        Self {
            bot,
            db,
            cfg,
            wake,
            clock: Clock::system(),
        }
    }

    /// Reads the desk's clock to tell which messages are due (the one the
    /// desk stamped them with), instead of the system's.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Delivers until `shutdown` is cancelled.
    pub async fn run(self, shutdown: CancellationToken) {
        let (done_tx, mut done_rx) = mpsc::unbounded_channel::<Done>();
        let mut flights = Flights::default();
        loop {
            while let Ok(done) = done_rx.try_recv() {
                self.land(&mut flights, done).await;
            }
            if shutdown.is_cancelled() {
                break;
            }
            let next_wake = self.take_off(&mut flights, &done_tx).await;
            tokio::select! {
                () = shutdown.cancelled() => {}
                () = tokio::time::sleep_until(next_wake) => {}
                () = self.wake.notified() => {}
                Some(done) = done_rx.recv() => self.land(&mut flights, done).await,
            }
        }
        tracing::info!(in_flight = flights.in_flight.len(), "outbox sender stopped");
    }

    /// Takes a finished (and already recorded) attempt off the board; a 429
    /// pauses all sending.
    async fn land(&self, flights: &mut Flights, done: Done) {
        flights.in_flight.remove(&done.id);
        flights.busy_chats.remove(&done.chat_id);
        if let Outcome::RetryAfter(wait) = &done.outcome {
            let until = Instant::now() + *wait;
            flights.paused_until = Some(flights.paused_until.map_or(until, |p| p.max(until)));
        }
    }

    /// Starts every due message the limits allow; returns when to look again.
    async fn take_off(
        &self,
        flights: &mut Flights,
        done_tx: &mpsc::UnboundedSender<Done>,
    ) -> Instant {
        let now = Instant::now();
        if let Some(until) = flights.paused_until {
            if until > now {
                return until;
            }
            flights.paused_until = None;
        }
        let mut next_wake = now + self.cfg.idle_poll;
        let rows = match store::outbox::due(self.db.pool(), self.clock.now(), 500).await {
            Ok(rows) => rows,
            Err(e) => {
                tracing::error!(error = %e, "outbox: cannot read queue");
                return next_wake;
            }
        };
        let window = Duration::from_secs(1);
        let limit = self.cfg.global_per_second as usize;
        // Only the oldest pending message of a chat may go, so a chat's
        // messages keep their order.
        let mut seen_chats = HashSet::new();
        for row in rows {
            if !seen_chats.insert(row.chat_id)
                || flights.in_flight.contains(&row.id)
                || flights.busy_chats.contains(&row.chat_id)
            {
                continue;
            }
            let now = Instant::now();
            if let Some(last) = flights.last_to_chat.get(&row.chat_id) {
                let ready = *last + self.interval_for(row.chat_id);
                if ready > now {
                    next_wake = next_wake.min(ready);
                    continue;
                }
            }
            // Even spacing within the second: no bursts (kinder to Telegram,
            // and fewer messages in flight if the process dies).
            let spacing = window / self.cfg.global_per_second.max(1);
            if let Some(ready) = flights.last_send.map(|t| t + spacing).filter(|r| *r > now) {
                next_wake = next_wake.min(ready);
                break;
            }
            while flights
                .recent
                .front()
                .is_some_and(|t| now.duration_since(*t) >= window)
            {
                flights.recent.pop_front();
            }
            if flights.recent.len() >= limit {
                if let Some(first) = flights.recent.front() {
                    next_wake = next_wake.min(*first + window);
                }
                break;
            }
            flights.recent.push_back(now);
            flights.last_send = Some(now);
            flights.last_to_chat.insert(row.chat_id, now);
            flights.in_flight.insert(row.id);
            flights.busy_chats.insert(row.chat_id);
            let message = serde_json::from_str::<OutMessage>(&row.payload);
            let bot = self.bot.clone();
            let recorder = Recorder {
                db: self.db.clone(),
                cfg: self.cfg.clone(),
                clock: self.clock.clone(),
            };
            let done_tx = done_tx.clone();
            tokio::spawn(async move {
                let outcome = match message {
                    Ok(message) => {
                        deliver(&bot, row.chat_id, &message, recorder.cfg.request_timeout).await
                    }
                    Err(e) => Outcome::Permanent(format!("unreadable payload: {e}")),
                };
                // Recorded at once, by the task that sent it: the shorter the
                // time between Telegram's answer and the commit, the fewer
                // messages a crash can make go out twice.
                recorder
                    .record(row.id, row.chat_id, row.attempts, &outcome)
                    .await;
                let done = Done {
                    id: row.id,
                    chat_id: row.chat_id,
                    outcome,
                };
                // The receiver is gone only when the sender is stopping.
                let _ = done_tx.send(done);
            });
        }
        // Forget chats that have been quiet long enough to be ready anyway.
        if flights.last_to_chat.len() > 10_000 {
            let now = Instant::now();
            flights
                .last_to_chat
                .retain(|_, t| now.duration_since(*t) < Duration::from_secs(60));
        }
        next_wake
    }

    fn interval_for(&self, chat_id: i64) -> Duration {
        if chat_id < 0 {
            let per_group = Duration::from_secs(60) / self.cfg.group_per_minute.max(1);
            per_group.max(self.cfg.per_chat_interval)
        } else {
            self.cfg.per_chat_interval
        }
    }
}

impl Recorder {
    async fn record(&self, id: i64, chat_id: i64, attempts: i64, outcome: &Outcome) {
        let pool = self.db.pool();
        let now = self.clock.now();
        let result = match outcome {
            Outcome::Sent(message_id) => store::outbox::mark_sent(pool, id, *message_id, now).await,
            Outcome::RetryAfter(wait) => {
                tracing::warn!(
                    outbox_id = id,
                    chat_id,
                    ?wait,
                    "telegram asked to slow down"
                );
                let at = now + chrono::Duration::from_std(*wait).unwrap_or_default();
                store::outbox::mark_retry(pool, id, at, false, "429 retry after").await
            }
            Outcome::Transient(error) => {
                let attempts = attempts + 1;
                if attempts >= i64::from(self.cfg.max_attempts) {
                    tracing::error!(outbox_id = id, chat_id, %error, "giving up after {attempts} attempts");
                    store::outbox::mark_failed(pool, id, error).await
                } else {
                    let exp = u32::try_from(attempts - 1).unwrap_or(u32::MAX).min(16);
                    let wait = self
                        .cfg
                        .retry_initial
                        .saturating_mul(1 << exp)
                        .min(self.cfg.retry_max);
                    tracing::warn!(outbox_id = id, chat_id, %error, ?wait, "send failed, will retry");
                    let at = now + chrono::Duration::from_std(wait).unwrap_or_default();
                    store::outbox::mark_retry(pool, id, at, true, error).await
                }
            }
            Outcome::Blocked(error) => {
                tracing::info!(outbox_id = id, chat_id, %error, "chat unreachable, marking user blocked");
                match store::outbox::mark_failed(pool, id, error).await {
                    Ok(()) => store::users::mark_blocked_by_chat(pool, chat_id, now).await,
                    Err(e) => Err(e),
                }
            }
            Outcome::Permanent(error) => {
                tracing::error!(outbox_id = id, chat_id, %error, "message refused by telegram");
                store::outbox::mark_failed(pool, id, error).await
            }
        };
        if let Err(e) = result {
            tracing::error!(outbox_id = id, error = %e, "outbox: cannot record delivery");
        }
    }
}

/// Sends one message and classifies the answer.
async fn deliver(bot: &Bot, chat_id: i64, message: &OutMessage, timeout: Duration) -> Outcome {
    let chat = ChatId(chat_id);
    let sent = tokio::time::timeout(timeout, async {
        match message {
            OutMessage::Text { text, buttons } => {
                let mut request = bot.send_message(chat, text);
                if !buttons.is_empty() {
                    request = request.reply_markup(keyboard(buttons));
                }
                request.await.map(|m| Some(m.id.0))
            }
            OutMessage::Photo {
                file_id,
                caption,
                buttons,
            } => {
                let mut request = bot.send_photo(chat, InputFile::file_id(file_id.clone().into()));
                if let Some(caption) = caption {
                    request = request.caption(caption);
                }
                if !buttons.is_empty() {
                    request = request.reply_markup(keyboard(buttons));
                }
                request.await.map(|m| Some(m.id.0))
            }
            OutMessage::Commands { commands } => {
                let commands = commands
                    .iter()
                    .map(|(c, d)| BotCommand::new(c, d))
                    .collect::<Vec<_>>();
                bot.set_my_commands(commands)
                    .scope(BotCommandScope::Chat {
                        chat_id: Recipient::Id(chat),
                    })
                    .await
                    .map(|_| None)
            }
        }
    })
    .await;
    match sent {
        Err(_) => Outcome::Transient("timed out".to_owned()),
        Ok(Ok(message_id)) => Outcome::Sent(message_id),
        Ok(Err(error)) => classify(error),
    }
}

fn classify(error: RequestError) -> Outcome {
    match error {
        RequestError::RetryAfter(seconds) => Outcome::RetryAfter(seconds.duration()),
        RequestError::Api(
            api @ (ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup
            | ApiError::ChatNotFound),
        ) => Outcome::Blocked(api.to_string()),
        // Telegram's 5xx answers carry descriptions teloxide does not know.
        RequestError::Api(ApiError::Unknown(description)) => Outcome::Transient(description),
        RequestError::Api(api) => Outcome::Permanent(api.to_string()),
        RequestError::MigrateToChatId(to) => Outcome::Permanent(format!("group moved to {to}")),
        other => Outcome::Transient(other.to_string()),
    }
}
