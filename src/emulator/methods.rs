//! The Bot API methods (except `getUpdates`, which waits and lives in the
//! server), each applied to the state under its lock.

use std::collections::HashMap;
use std::time::Instant;

use serde_json::{Value, json};

use super::json;
use super::markup;
use super::media;
use super::state::{CommandSet, State};
use super::types::{BotMessage, Button, CallbackAnswer, ReplyKeyboard};

/// A file part of a multipart request.
#[derive(Debug, Clone)]
pub struct Upload {
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// A Telegram error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub status: u16,
    pub description: String,
    pub retry_after: Option<u32>,
}

impl Failure {
    pub fn new(status: u16, description: impl Into<String>) -> Self {
        Self {
            status,
            description: description.into(),
            retry_after: None,
        }
    }

    pub(super) fn bad_request(description: &str) -> Self {
        Self::new(400, format!("Bad Request: {description}"))
    }
}

/// What a method answers.
pub type Answer = Result<Value, Failure>;

/// Description of Telegram's answer to a blocked bot.
pub const BOT_BLOCKED: &str = "Forbidden: bot was blocked by the user";
const NOT_MODIFIED: &str = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const QUERY_INVALID: &str = "query is too old and response timeout expired or query id is invalid";

/// The methods the emulator implements, in Telegram's spelling.
pub const KNOWN_METHODS: &[&str] = &[
    "getUpdates",
    "getMe",
    "deleteWebhook",
    "setWebhook",
    "getWebhookInfo",
    "sendMessage",
    "editMessageText",
    "editMessageCaption",
    "editMessageReplyMarkup",
    "deleteMessage",
    "answerCallbackQuery",
    "sendPhoto",
    "sendDocument",
    "sendMediaGroup",
    "copyMessage",
    "forwardMessage",
    "sendChatAction",
    "getFile",
    "setMyCommands",
    "getMyCommands",
    "deleteMyCommands",
    "setChatMenuButton",
    "getChatMenuButton",
    "setMyDescription",
    "setMyShortDescription",
    "setMyName",
    "close",
    "logOut",
];

/// Telegram's spelling of a method name. Method names are case-insensitive,
/// and teloxide sends them capitalised (`SendMessage`).
pub fn canonical_method(raw: &str) -> String {
    if let Some(known) = KNOWN_METHODS.iter().find(|m| m.eq_ignore_ascii_case(raw)) {
        return (*known).to_owned();
    }
    let mut chars = raw.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// Applies `method` (already known not to be `getUpdates`) to the state.
/// `None` means the method is unknown.
pub fn call(
    state: &mut State,
    method: &str,
    p: &Value,
    uploads: &HashMap<String, Upload>,
) -> Option<Answer> {
    if let Some(chat_id) = chat_id_param(p, "chat_id")
        && state.blocked.contains(&chat_id)
        && method != "setMyCommands"
    {
        return Some(Err(Failure::new(403, BOT_BLOCKED)));
    }
    if let Err(refusal) = super::spec::check(method, p, |f| uploads.contains_key(f)) {
        return Some(Err(refusal));
    }
    let answer = match method {
        "getMe" => Ok(json::bot_user(state.bot_id, &state.bot_username)),
        "deleteWebhook" => {
            state.webhook_url = None;
            Ok(json!(true))
        }
        "setWebhook" => {
            state.webhook_url = p.get("url").and_then(Value::as_str).map(str::to_owned);
            Ok(json!(true))
        }
        "getWebhookInfo" => Ok(json!({
            "url": state.webhook_url.clone().unwrap_or_default(),
            "has_custom_certificate": false,
            "pending_update_count": state.updates.len(),
        })),
        "sendMessage" => send_message(state, p),
        "editMessageText" => edit(state, p, Edit::Text),
        "editMessageCaption" => edit(state, p, Edit::Caption),
        "editMessageReplyMarkup" => edit(state, p, Edit::Markup),
        "deleteMessage" => delete_message(state, p),
        "answerCallbackQuery" => answer_callback(state, p),
        "sendPhoto" => media::send_media(state, p, uploads, "photo"),
        "sendDocument" => media::send_media(state, p, uploads, "document"),
        "sendMediaGroup" => media::send_media_group(state, p, uploads),
        "copyMessage" => {
            media::copy_message(state, p).map(|m| json!({ "message_id": m["message_id"] }))
        }
        "forwardMessage" => media::copy_message(state, p),
        "sendChatAction" => known_chat(state, p).map(|_| json!(true)),
        "getFile" => media::get_file(state, p),
        "setMyCommands" => set_commands(state, p),
        "getMyCommands" => Ok(get_commands(state, p)),
        "deleteMyCommands" => {
            let (scope, lang) = scope_key(p);
            state
                .commands
                .retain(|c| c.scope != scope || c.language_code != lang);
            Ok(json!(true))
        }
        "setChatMenuButton" => {
            let chat = chat_id_param(p, "chat_id");
            let button = p
                .get("menu_button")
                .cloned()
                .unwrap_or(json!({"type": "default"}));
            state.menu_buttons.insert(chat, button);
            Ok(json!(true))
        }
        "getChatMenuButton" => {
            let chat = chat_id_param(p, "chat_id");
            let button = state.menu_buttons.get(&chat).cloned();
            Ok(button.unwrap_or(json!({"type": "default"})))
        }
        "setMyDescription" | "setMyShortDescription" | "setMyName" | "close" | "logOut" => {
            Ok(json!(true))
        }
        _ => return None,
    };
    Some(answer)
}

/// A chat id parameter; `@username` strings are not chats the emulator knows.
pub fn chat_id_param(p: &Value, name: &str) -> Option<i64> {
    match p.get(name)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

pub(super) fn int_param(p: &Value, name: &str) -> Option<i64> {
    chat_id_param(p, name)
}

pub(super) fn str_param<'a>(p: &'a Value, name: &str) -> Option<&'a str> {
    p.get(name)?.as_str()
}

pub(super) fn known_chat(state: &State, p: &Value) -> Result<i64, Failure> {
    chat_id_param(p, "chat_id")
        .filter(|id| state.chats.contains_key(id))
        .ok_or_else(|| Failure::bad_request("chat not found"))
}

/// The parsed `reply_markup` of a request.
#[derive(Debug, Default)]
struct Markup {
    inline: Vec<Vec<Button>>,
    reply: Option<ReplyKeyboard>,
    remove: bool,
    force_reply: bool,
}

fn markup(p: &Value) -> Markup {
    let Some(m) = p.get("reply_markup") else {
        return Markup::default();
    };
    let rows = |key: &str| -> Vec<Vec<Button>> {
        m.get(key)
            .and_then(Value::as_array)
            .map(|rows| {
                rows.iter()
                    .map(|row| {
                        row.as_array()
                            .map(|r| r.iter().map(button).collect())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let flag = |key: &str| m.get(key).and_then(Value::as_bool).unwrap_or(false);
    Markup {
        inline: rows("inline_keyboard"),
        reply: m.get("keyboard").map(|_| ReplyKeyboard {
            rows: rows("keyboard"),
            one_time: flag("one_time_keyboard"),
            resize: flag("resize_keyboard"),
            placeholder: str_param(m, "input_field_placeholder").map(str::to_owned),
        }),
        remove: flag("remove_keyboard"),
        force_reply: flag("force_reply"),
    }
}

fn button(v: &Value) -> Button {
    match v {
        Value::String(text) => Button {
            text: text.clone(),
            ..Button::default()
        },
        _ => Button {
            text: str_param(v, "text").unwrap_or_default().to_owned(),
            callback_data: str_param(v, "callback_data").map(str::to_owned),
            url: str_param(v, "url").map(str::to_owned),
            request_contact: v
                .get("request_contact")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        },
    }
}

/// The content of a new bot message.
#[derive(Debug, Default)]
pub(super) struct Content {
    pub text: Option<String>,
    pub caption: Option<String>,
    pub raw: Option<String>,
    pub parse_mode: Option<String>,
    pub photo: Option<String>,
    pub document: Option<String>,
    pub media_group_id: Option<String>,
}

/// Renders `raw` with the request's `parse_mode`, as Telegram would show it.
pub(super) fn rendered(raw: &str, parse_mode: Option<&str>) -> Result<String, Failure> {
    markup::render(raw, parse_mode).map_err(|d| Failure::new(400, d))
}

/// Stores a new bot message in `chat_id` and returns its `Message` JSON.
pub(super) fn store_message(
    state: &mut State,
    chat_id: i64,
    p: &Value,
    content: Content,
) -> Answer {
    let markup = markup(p);
    let version = state.bump();
    let Some(chat) = state.chats.get_mut(&chat_id) else {
        return Err(Failure::bad_request("chat not found"));
    };
    if let Some(keyboard) = &markup.reply {
        chat.reply_keyboard = Some(keyboard.clone());
    } else if markup.remove {
        chat.reply_keyboard = None;
    }
    let message_id = chat.take_message_id();
    let reply_to = p
        .get("reply_parameters")
        .and_then(|r| int_param(r, "message_id"))
        .or_else(|| int_param(p, "reply_to_message_id"))
        .and_then(|id| i32::try_from(id).ok());
    let message = BotMessage {
        chat_id,
        message_id,
        text: content.text,
        raw_text: content.raw,
        parse_mode: content.parse_mode,
        caption: content.caption,
        photo: content.photo,
        document_name: content
            .document
            .as_deref()
            .and_then(|id| state.files.get(id))
            .and_then(|f| f.file_name.clone()),
        document: content.document,
        media_group_id: content.media_group_id,
        reply_to,
        inline_keyboard: markup.inline,
        reply_keyboard: markup.reply,
        removes_keyboard: markup.remove,
        force_reply: markup.force_reply,
        edited: 0,
        deleted: false,
        sent_at: Instant::now(),
        version,
        date: state.unix_now(),
        edit_date: 0,
    };
    let value = json::bot_message(state, &message);
    if let Some(chat) = state.chats.get_mut(&chat_id) {
        chat.bot_messages.insert(message_id, message);
    }
    Ok(value)
}

fn send_message(state: &mut State, p: &Value) -> Answer {
    let chat_id = known_chat(state, p)?;
    let raw = str_param(p, "text").unwrap_or_default();
    if raw.trim().is_empty() {
        return Err(Failure::bad_request("message text is empty"));
    }
    let parse_mode = str_param(p, "parse_mode");
    let text = rendered(raw, parse_mode)?;
    if json::utf16_len(&text) > 4096 {
        return Err(Failure::bad_request("message is too long"));
    }
    let content = Content {
        text: Some(text),
        raw: Some(raw.to_owned()),
        parse_mode: parse_mode.map(str::to_owned),
        ..Content::default()
    };
    store_message(state, chat_id, p, content)
}

/// What an edit request changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Text,
    Caption,
    Markup,
}

fn edit(state: &mut State, p: &Value, what: Edit) -> Answer {
    let edit_date = state.unix_now();
    if p.get("inline_message_id").is_some() {
        return Err(Failure::bad_request("inline messages are not emulated"));
    }
    let chat_id = known_chat(state, p)?;
    let message_id = int_param(p, "message_id")
        .and_then(|id| i32::try_from(id).ok())
        .unwrap_or_default();
    let parse_mode = str_param(p, "parse_mode");
    let new_raw = match what {
        Edit::Text => Some(str_param(p, "text").unwrap_or_default()),
        Edit::Caption => str_param(p, "caption"),
        Edit::Markup => None,
    };
    let new_shown = new_raw.map(|r| rendered(r, parse_mode)).transpose()?;
    // Without a reply_markup an edit removes the inline keyboard, as in Telegram.
    let new_keyboard = markup(p).inline;
    let version = state.version + 1;
    let message = state
        .chats
        .get_mut(&chat_id)
        .and_then(|c| c.bot_messages.get_mut(&message_id))
        .filter(|m| !m.deleted)
        .ok_or_else(|| Failure::bad_request("message to edit not found"))?;
    let unchanged = message.inline_keyboard == new_keyboard
        && match what {
            Edit::Text => message.text == new_shown,
            Edit::Caption => message.caption == new_shown,
            Edit::Markup => true,
        };
    if unchanged {
        return Err(Failure::bad_request(NOT_MODIFIED));
    }
    match what {
        Edit::Text if message.text.is_none() => {
            return Err(Failure::bad_request(
                "there is no text in the message to edit",
            ));
        }
        Edit::Text => message.text = new_shown,
        Edit::Caption => message.caption = new_shown,
        Edit::Markup => {}
    }
    if what != Edit::Markup {
        message.raw_text = new_raw.map(str::to_owned);
        message.parse_mode = parse_mode.map(str::to_owned);
    }
    message.inline_keyboard = new_keyboard;
    message.edited += 1;
    message.edit_date = edit_date;
    message.version = version;
    let message = message.clone();
    state.bump();
    Ok(json::bot_message(state, &message))
}

fn delete_message(state: &mut State, p: &Value) -> Answer {
    let chat_id = known_chat(state, p)?;
    let message_id = int_param(p, "message_id")
        .and_then(|id| i32::try_from(id).ok())
        .unwrap_or_default();
    let version = state.version + 1;
    let chat = state
        .chats
        .get_mut(&chat_id)
        .ok_or_else(|| Failure::bad_request("chat not found"))?;
    if let Some(m) = chat
        .bot_messages
        .get_mut(&message_id)
        .filter(|m| !m.deleted)
    {
        m.deleted = true;
        m.version = version;
    } else if chat.user_messages.remove(&message_id).is_none() {
        return Err(Failure::bad_request("message to delete not found"));
    }
    state.bump();
    Ok(json!(true))
}

fn answer_callback(state: &mut State, p: &Value) -> Answer {
    let id = str_param(p, "callback_query_id")
        .unwrap_or_default()
        .to_owned();
    let version = state.version + 1;
    let query = state
        .queries
        .get_mut(&id)
        .filter(|q| q.answer.is_none())
        .ok_or_else(|| Failure::bad_request(QUERY_INVALID))?;
    query.answer = Some(CallbackAnswer {
        query_id: id,
        chat_id: query.chat_id,
        text: str_param(p, "text").map(str::to_owned),
        show_alert: p
            .get("show_alert")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        url: str_param(p, "url").map(str::to_owned),
        at: Instant::now(),
        version,
    });
    state.bump();
    Ok(json!(true))
}

/// The scope (default: `{"type":"default"}`) and language of a commands request.
fn scope_key(p: &Value) -> (Value, Option<String>) {
    let scope = p
        .get("scope")
        .cloned()
        .unwrap_or(json!({"type": "default"}));
    let lang = str_param(p, "language_code")
        .filter(|l| !l.is_empty())
        .map(str::to_owned);
    (scope, lang)
}

fn set_commands(state: &mut State, p: &Value) -> Answer {
    let (scope, language_code) = scope_key(p);
    let commands = p
        .get("commands")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|c| {
                    let field = |k| str_param(c, k).unwrap_or_default().to_owned();
                    (field("command"), field("description"))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if commands
        .iter()
        .any(|(c, _)| c.is_empty() || c.len() > 32 || c.starts_with('/'))
    {
        return Err(Failure::bad_request("BOT_COMMAND_INVALID"));
    }
    state
        .commands
        .retain(|c| c.scope != scope || c.language_code != language_code);
    state.commands.push(CommandSet {
        scope,
        language_code,
        commands,
    });
    state.bump();
    Ok(json!(true))
}

fn get_commands(state: &State, p: &Value) -> Value {
    let (scope, lang) = scope_key(p);
    let list = state
        .commands
        .iter()
        .find(|c| c.scope == scope && c.language_code == lang)
        .map(|c| c.commands.as_slice())
        .unwrap_or_default();
    list.iter()
        .map(|(command, description)| json!({ "command": command, "description": description }))
        .collect::<Vec<_>>()
        .into()
}
