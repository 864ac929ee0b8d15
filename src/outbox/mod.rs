//! Everything the bot sends, on one paced path.
//!
//! Messages that matter are written to the outbox in the same transaction as
//! the change that causes them ([`enqueue`], [`enqueue_in`]); a handler's
//! direct replies, cards, edits and callback answers go through the
//! [`Courier`] without a database round trip. The [`Sender`] task delivers
//! both within Telegram's limits, interactive before bulk and chats in turn
//! (the [`board`]), waits out a 429's `retry_after` (pausing the lane, never
//! dropping the message), retries 5xx and timeouts with backoff, and records
//! a 403 on the user. A restart, even `kill -9`, loses nothing queued in the
//! outbox: at worst a message that was in flight goes out twice.

pub mod board;
mod courier;
mod deliver;
mod marks;
mod sender;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup};

use crate::store::{self, Tx};

pub use courier::{Courier, Outgoing};
pub use sender::Sender;

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
    /// A file the bot uploads itself (a workbook, an export), stored in the
    /// `files` table under `file` (see [`store_file`]), with a caption.
    Document {
        file: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<Vec<OutButton>>,
    },
    /// A document Telegram already has (by file id, as a supervisor sent it
    /// for a notice), with a caption and inline buttons.
    DocumentId {
        file_id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<Vec<OutButton>>,
    },
    /// A picture the bot uploads itself (a chart), stored in the `files`
    /// table under `file`, with a caption.
    PhotoFile {
        file: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        buttons: Vec<Vec<OutButton>>,
    },
    /// The chat's command menu: `(command, description)` pairs.
    Commands { commands: Vec<(String, String)> },
    /// Rewrites a card sent earlier from the outbox row `card` (its text, or
    /// its caption when `photo`), leaving it without buttons: the card is out
    /// of date. The card goes first in the chat's queue, so it has been sent.
    EditCard {
        card: i64,
        text: String,
        #[serde(default)]
        photo: bool,
    },
    /// Two to ten photos by Telegram file id as one album, the caption under
    /// the first (an album carries no buttons).
    Album {
        file_ids: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
    },
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

    /// A stored file sent as a document, with a caption.
    pub fn document(file: i64, caption: impl Into<String>) -> Self {
        Self::Document {
            file,
            caption: Some(caption.into()).filter(|c| !c.is_empty()),
            buttons: Vec::new(),
        }
    }

    /// A stored picture sent as a photo, with a caption.
    pub fn photo_file(file: i64, caption: impl Into<String>) -> Self {
        Self::PhotoFile {
            file,
            caption: Some(caption.into()).filter(|c| !c.is_empty()),
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

/// Photos by file id as few messages as Telegram allows: one photo alone,
/// else albums of at most ten, the caption (cut to Telegram's 1,024
/// characters) under the first.
pub fn photos(file_ids: &[String], caption: Option<String>) -> Vec<OutMessage> {
    let caption = caption.map(|c| c.chars().take(1024).collect::<String>());
    let mut out = Vec::new();
    let mut caption = caption;
    for chunk in file_ids.chunks(10) {
        let message = match chunk {
            [one] => OutMessage::Photo {
                file_id: one.clone(),
                caption: caption.take(),
                buttons: Vec::new(),
            },
            many => OutMessage::Album {
                file_ids: many.to_vec(),
                caption: caption.take(),
            },
        };
        out.push(message);
    }
    out
}

/// Builds Telegram's inline keyboard from rows of buttons.
pub fn keyboard(rows: &[Vec<OutButton>]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows.iter().map(|row| {
        row.iter()
            .map(|b| InlineKeyboardButton::callback(b.text.clone(), b.data.clone()))
            .collect::<Vec<_>>()
    }))
}

/// Stores a file for [`OutMessage::Document`] or [`OutMessage::PhotoFile`]
/// inside the caller's transaction; returns its id. Several messages may name
/// the same file (a report sent to every supervisor is stored once).
pub async fn store_file(
    tx: &mut Tx,
    name: &str,
    mime: &str,
    data: &[u8],
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    store::files::insert(tx, name, mime, data, now).await
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

/// Queues a message in the bulk lane (broadcasts, reports, reminders): it
/// goes when no interactive message is waiting, within the limits.
pub async fn enqueue_bulk(
    tx: &mut Tx,
    chat_id: i64,
    message: &OutMessage,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    enqueue_in(tx, chat_id, message, Lane::Bulk, now, now).await
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
