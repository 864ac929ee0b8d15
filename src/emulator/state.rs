//! The emulator's world: chats, messages, pending updates, files, recorded
//! requests and faults. Plain data behind one mutex; nothing here awaits.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use serde_json::{Value, json};

use crate::app::Clock;

use super::json;
use super::limits::Flood;
use super::types::{
    BotMessage, CallbackAnswer, Fault, RecordedRequest, ReplyKeyboard, StoredFile, TgUser,
};

/// Who a chat is with.
#[derive(Debug, Clone)]
pub enum ChatKind {
    /// A private chat with this user.
    Private(TgUser),
    /// A group with this title.
    Group(String),
}

/// One chat as the emulator sees it.
#[derive(Debug)]
pub struct ChatState {
    pub kind: ChatKind,
    /// Message ids are shared by the user's and the bot's messages, as in Telegram.
    pub next_message_id: i32,
    pub bot_messages: BTreeMap<i32, BotMessage>,
    /// The user's messages as `Message` JSON, for edits and copies.
    pub user_messages: BTreeMap<i32, Value>,
    /// The reply keyboard the user currently sees.
    pub reply_keyboard: Option<ReplyKeyboard>,
    /// Change counter at the last scripted input into this chat.
    pub last_input_version: u64,
}

impl ChatState {
    fn new(kind: ChatKind) -> Self {
        Self {
            kind,
            next_message_id: 1,
            bot_messages: BTreeMap::new(),
            user_messages: BTreeMap::new(),
            reply_keyboard: None,
            last_input_version: 0,
        }
    }

    pub fn take_message_id(&mut self) -> i32 {
        let id = self.next_message_id;
        self.next_message_id += 1;
        id
    }
}

/// A pending callback query.
#[derive(Debug)]
pub struct Query {
    pub chat_id: i64,
    pub answer: Option<CallbackAnswer>,
}

/// A fault waiting for matching requests.
#[derive(Debug)]
pub struct PendingFault {
    pub fault: Fault,
    pub method: Option<String>,
    pub remaining: usize,
}

/// Commands set with `setMyCommands` for one scope and language.
#[derive(Debug)]
pub struct CommandSet {
    pub scope: Value,
    pub language_code: Option<String>,
    pub commands: Vec<(String, String)>,
}

/// The whole mutable state.
#[derive(Debug)]
pub struct State {
    pub bot_id: i64,
    pub bot_username: String,
    pub chats: HashMap<i64, ChatState>,
    pub updates: VecDeque<(i64, Value)>,
    pub next_update_id: i64,
    /// `allowed_updates` of the last `getUpdates` that named them.
    pub allowed_updates: Option<Vec<String>>,
    /// Increases with each `getUpdates`; an older held poll then answers 409.
    pub poll_generation: u64,
    pub files: HashMap<String, StoredFile>,
    pub next_file: u64,
    pub requests: Vec<RecordedRequest>,
    pub faults: Vec<PendingFault>,
    pub blocked: HashSet<i64>,
    pub queries: HashMap<String, Query>,
    pub next_query: u64,
    pub commands: Vec<CommandSet>,
    pub menu_buttons: HashMap<Option<i64>, Value>,
    pub webhook_url: Option<String>,
    /// Counts every change a test might wait for.
    pub version: u64,
    /// Telegram's flood limits, when a test turns them on.
    pub flood: Flood,
    /// The time Telegram stamps on messages (a test may share the bot's).
    pub clock: Clock,
}

impl State {
    pub fn new(bot_id: i64, bot_username: &str) -> Self {
        Self {
            bot_id,
            bot_username: bot_username.to_owned(),
            chats: HashMap::new(),
            updates: VecDeque::new(),
            next_update_id: 1,
            allowed_updates: None,
            poll_generation: 0,
            files: HashMap::new(),
            next_file: 1,
            requests: Vec::new(),
            faults: Vec::new(),
            blocked: HashSet::new(),
            queries: HashMap::new(),
            next_query: 1,
            commands: Vec::new(),
            menu_buttons: HashMap::new(),
            webhook_url: None,
            version: 0,
            flood: Flood::default(),
            clock: Clock::system(),
        }
    }

    /// Seconds since the Unix epoch by the emulator's clock, as Telegram
    /// dates are.
    pub fn unix_now(&self) -> i64 {
        self.clock.now().timestamp()
    }

    /// Counts a change and returns the new counter.
    pub fn bump(&mut self) -> u64 {
        self.version += 1;
        self.version
    }

    pub fn bot_message(&self, chat_id: i64, message_id: i32) -> Option<&BotMessage> {
        self.chats.get(&chat_id)?.bot_messages.get(&message_id)
    }

    /// Registers (or refreshes) a user and their private chat.
    pub fn add_user(&mut self, user: &TgUser) {
        self.chats
            .entry(user.id)
            .and_modify(|c| c.kind = ChatKind::Private(user.clone()))
            .or_insert_with(|| ChatState::new(ChatKind::Private(user.clone())));
    }

    /// Registers a group chat.
    pub fn add_group(&mut self, chat_id: i64, title: &str) {
        self.chats
            .entry(chat_id)
            .or_insert_with(|| ChatState::new(ChatKind::Group(title.to_owned())));
    }

    /// Stores a file and returns its id.
    pub fn store_file(
        &mut self,
        folder: &str,
        file_name: Option<String>,
        mime_type: Option<String>,
        bytes: Vec<u8>,
    ) -> String {
        let n = self.next_file;
        self.next_file += 1;
        let ext = file_name
            .as_deref()
            .and_then(|f| f.rsplit_once('.'))
            .map(|(_, e)| e.to_owned())
            .unwrap_or_else(|| {
                if folder == "photos" {
                    "jpg".into()
                } else {
                    "bin".into()
                }
            });
        let file = StoredFile {
            file_id: format!("EMU-{folder}-{n}"),
            file_unique_id: format!("U{n}"),
            file_path: format!("{folder}/file_{n}.{ext}"),
            file_name,
            mime_type,
            bytes,
        };
        let id = file.file_id.clone();
        self.files.insert(id.clone(), file);
        id
    }

    /// Queues an update of `kind` (e.g. `message`) with `payload`.
    pub fn push_update(&mut self, kind: &str, payload: Value) {
        let id = self.next_update_id;
        self.next_update_id += 1;
        self.updates
            .push_back((id, json!({ "update_id": id, kind: payload })));
    }

    /// Records a scripted user's new message in `chat_id` and queues it.
    /// `fill` adds the content fields; returns the message id.
    pub fn user_message(&mut self, chat_id: i64, from: &TgUser, fill: Value) -> i32 {
        self.add_user(from);
        let version = self.bump();
        let date = self.unix_now();
        let Some(chat) = self.chats.get_mut(&chat_id) else {
            return 0;
        };
        let message_id = chat.take_message_id();
        chat.last_input_version = version;
        // A one-time reply keyboard hides once the user answers.
        if chat.reply_keyboard.as_ref().is_some_and(|k| k.one_time) {
            chat.reply_keyboard = None;
        }
        let mut message = json!({
            "message_id": message_id,
            "date": date,
            "chat": json::chat(&chat.kind, chat_id),
            "from": json::user(from),
        });
        if let (Some(map), Value::Object(extra)) = (message.as_object_mut(), fill) {
            map.extend(extra);
        }
        chat.user_messages.insert(message_id, message.clone());
        self.push_update("message", message);
        message_id
    }

    /// The first pending fault matching `method`, used up by one.
    /// Faults without a method match everything except `getUpdates`.
    pub fn take_fault(&mut self, method: &str) -> Option<Fault> {
        let index = self.faults.iter().position(|f| match &f.method {
            Some(m) => m == method,
            None => method != "getUpdates",
        })?;
        let pending = &mut self.faults[index];
        pending.remaining = pending.remaining.saturating_sub(1);
        let fault = pending.fault.clone();
        if pending.remaining == 0 {
            self.faults.remove(index);
        }
        Some(fault)
    }
}
