//! The public values of the emulator: scripted people, what the bot sent,
//! recorded requests and injectable faults.

use std::time::{Duration, Instant, SystemTime};

/// A scripted Telegram user. In a private chat the chat id equals the user id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TgUser {
    /// Telegram user id, also the id of the private chat with the bot.
    pub id: i64,
    /// First name, as Telegram shows it to the bot.
    pub first_name: String,
    /// Optional last name.
    pub last_name: Option<String>,
    /// Optional @username (without the `@`).
    pub username: Option<String>,
    /// IETF language tag of the user's Telegram client, e.g. `en` or `zh-hant`.
    pub language_code: Option<String>,
}

impl TgUser {
    /// The id of the private chat between this user and the bot.
    pub fn chat_id(&self) -> i64 {
        self.id
    }
}

/// A button of an inline keyboard or a reply keyboard.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Button {
    /// The label.
    pub text: String,
    /// Inline buttons: the data sent back in the callback query.
    pub callback_data: Option<String>,
    /// Inline buttons: the link the button opens.
    pub url: Option<String>,
    /// Reply-keyboard buttons: pressing it shares the user's phone number.
    pub request_contact: bool,
}

/// A reply keyboard (the one that replaces the phone's keyboard).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReplyKeyboard {
    /// Rows of buttons.
    pub rows: Vec<Vec<Button>>,
    /// The keyboard hides itself after one press.
    pub one_time: bool,
    /// The client may shrink the keyboard to fit its buttons.
    pub resize: bool,
    /// Placeholder shown in the input field while the keyboard is active.
    pub placeholder: Option<String>,
}

/// A message the bot sent, as it stands now (edits applied).
#[derive(Debug, Clone, PartialEq)]
pub struct BotMessage {
    /// The chat it was sent to.
    pub chat_id: i64,
    /// Its id within the chat.
    pub message_id: i32,
    /// Text as Telegram shows it (markup of `parse_mode` removed).
    pub text: Option<String>,
    /// The text or caption as the bot sent it, markup included.
    pub raw_text: Option<String>,
    /// The `parse_mode` used for the text or caption, if any.
    pub parse_mode: Option<String>,
    /// Caption of a photo or document (markup removed).
    pub caption: Option<String>,
    /// File id of the photo, if this is a photo.
    pub photo: Option<String>,
    /// File id of the document, if this is a document.
    pub document: Option<String>,
    /// File name of the document, if known.
    pub document_name: Option<String>,
    /// The album this message belongs to (`sendMediaGroup`).
    pub media_group_id: Option<String>,
    /// The message this one replies to.
    pub reply_to: Option<i32>,
    /// The inline keyboard under the message (empty if none).
    pub inline_keyboard: Vec<Vec<Button>>,
    /// The reply keyboard this message installed, if any.
    pub reply_keyboard: Option<ReplyKeyboard>,
    /// This message removed the reply keyboard (`remove_keyboard`).
    pub removes_keyboard: bool,
    /// This message asked for a forced reply.
    pub force_reply: bool,
    /// How many times it was edited.
    pub edited: u32,
    /// Whether the bot (or anyone) deleted it.
    pub deleted: bool,
    /// When it was sent.
    pub sent_at: Instant,
    /// The emulator's change counter at its last change (send, edit or deletion).
    pub version: u64,
    /// Unix time it was sent.
    pub(crate) date: i64,
    /// Unix time of the last edit.
    pub(crate) edit_date: i64,
}

impl BotMessage {
    /// The text, or the caption for media messages; empty if neither.
    pub fn body(&self) -> &str {
        self.text
            .as_deref()
            .or(self.caption.as_deref())
            .unwrap_or_default()
    }

    /// All inline buttons, row after row.
    pub fn buttons(&self) -> impl Iterator<Item = &Button> {
        self.inline_keyboard.iter().flatten()
    }

    /// The inline button with this label, if any.
    pub fn button(&self, text: &str) -> Option<&Button> {
        self.buttons().find(|b| b.text == text)
    }
}

/// How the bot answered a callback query (`answerCallbackQuery`).
#[derive(Debug, Clone, PartialEq)]
pub struct CallbackAnswer {
    /// The query id, as returned by `Emulator::press`.
    pub query_id: String,
    /// The chat whose button was pressed.
    pub chat_id: i64,
    /// The toast or alert text, if any.
    pub text: Option<String>,
    /// Whether the text is shown as an alert instead of a toast.
    pub show_alert: bool,
    /// A URL to open, if any.
    pub url: Option<String>,
    /// When the answer arrived.
    pub at: Instant,
    /// The emulator's change counter when it arrived.
    pub version: u64,
}

/// A file the emulator knows: sent by a scripted user or uploaded by the bot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    /// The id the bot uses to refer to it.
    pub file_id: String,
    /// The stable unique id.
    pub file_unique_id: String,
    /// Path for the download route (`/file/bot<token>/<file_path>`).
    pub file_path: String,
    /// Original file name, if known.
    pub file_name: Option<String>,
    /// MIME type, if known.
    pub mime_type: Option<String>,
    /// The content.
    pub bytes: Vec<u8>,
}

/// One file part of a multipart request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadedPart {
    /// The part's name (teloxide uses a random id referenced as `attach://<id>`).
    pub name: String,
    /// The file name given by the client.
    pub file_name: Option<String>,
    /// The content length in bytes.
    pub len: usize,
}

/// One request the bot made, as the emulator received it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedRequest {
    /// The Bot API method, e.g. `sendMessage`.
    pub method: String,
    /// The bot token from the URL.
    pub token: String,
    /// The parameters (JSON body, or multipart text fields decoded to JSON).
    pub params: serde_json::Value,
    /// File parts of a multipart request.
    pub uploads: Vec<UploadedPart>,
    /// When it arrived (monotonic clock).
    pub at: Instant,
    /// When it arrived (wall clock).
    pub at_system: SystemTime,
    /// HTTP status of the answer; `None` while it is held (long poll, `Fault::Timeout`).
    pub status: Option<u16>,
    /// The fault injected into this request, if any.
    pub fault: Option<Fault>,
}

impl RecordedRequest {
    /// The `chat_id` parameter as a number, if present.
    pub fn chat_id(&self) -> Option<i64> {
        let value = self.params.get("chat_id")?;
        match value {
            serde_json::Value::Number(n) => n.as_i64(),
            serde_json::Value::String(s) => s.parse().ok(),
            _ => None,
        }
    }

    /// A string parameter, if present.
    pub fn param_str(&self, name: &str) -> Option<&str> {
        self.params.get(name)?.as_str()
    }
}

/// A failure the emulator can inject into the bot's next requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// 429 flood control with `retry_after` seconds (teloxide: `RequestError::RetryAfter`).
    RetryAfter(u32),
    /// An HTTP error with a Telegram-style body, e.g. 500 or 502.
    /// Note: teloxide sleeps 10 s before reading any 5xx answer.
    ServerError(u16),
    /// Wait this long, then handle the request normally.
    Slow(Duration),
    /// Never handle nor answer the request (the client eventually times out).
    Timeout,
}
