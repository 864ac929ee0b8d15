//! Builds the JSON objects of the Bot API (users, chats, messages) in the
//! shapes teloxide 0.17 deserializes.

use serde_json::{Value, json};

use super::state::{ChatKind, State};
use super::types::{BotMessage, Button, StoredFile, TgUser};

/// The bot's own user object.
pub fn bot_user(id: i64, username: &str) -> Value {
    json!({
        "id": id,
        "is_bot": true,
        "first_name": "ResiDesk",
        "username": username,
        "can_join_groups": true,
        "can_read_all_group_messages": false,
        "supports_inline_queries": false,
        "can_connect_to_business": false,
        "has_main_web_app": false,
    })
}

/// A scripted user's object.
pub fn user(u: &TgUser) -> Value {
    let mut v = json!({ "id": u.id, "is_bot": false, "first_name": u.first_name });
    insert_opt(&mut v, "last_name", u.last_name.as_deref());
    insert_opt(&mut v, "username", u.username.as_deref());
    insert_opt(&mut v, "language_code", u.language_code.as_deref());
    v
}

/// A chat object.
pub fn chat(kind: &ChatKind, id: i64) -> Value {
    match kind {
        ChatKind::Private(u) => {
            let mut v = json!({ "id": id, "type": "private", "first_name": u.first_name });
            insert_opt(&mut v, "last_name", u.last_name.as_deref());
            insert_opt(&mut v, "username", u.username.as_deref());
            v
        }
        ChatKind::Group(title) => json!({ "id": id, "type": "group", "title": title }),
    }
}

/// Sets `key` to a string if `value` is present.
pub fn insert_opt(v: &mut Value, key: &str, value: Option<&str>) {
    if let (Some(value), Some(map)) = (value, v.as_object_mut()) {
        map.insert(key.to_owned(), Value::String(value.to_owned()));
    }
}

/// A `PhotoSize` array (one size) for a stored image.
pub fn photo_sizes(file: &StoredFile) -> Value {
    let (width, height) = image_size(&file.bytes).unwrap_or((320, 240));
    json!([{
        "file_id": file.file_id,
        "file_unique_id": file.file_unique_id,
        "width": width,
        "height": height,
        "file_size": file.bytes.len(),
    }])
}

/// A `Document` object for a stored file.
pub fn document(file: &StoredFile) -> Value {
    let mut v = json!({
        "file_id": file.file_id,
        "file_unique_id": file.file_unique_id,
        "file_size": file.bytes.len(),
    });
    insert_opt(&mut v, "file_name", file.file_name.as_deref());
    insert_opt(&mut v, "mime_type", file.mime_type.as_deref());
    v
}

/// A `File` object (answer of `getFile`).
pub fn file(file: &StoredFile) -> Value {
    json!({
        "file_id": file.file_id,
        "file_unique_id": file.file_unique_id,
        "file_size": file.bytes.len(),
        "file_path": file.file_path,
    })
}

/// The width and height of a PNG, read from its header.
fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    Some((w, h))
}

/// The `Message` object of a bot message as it stands.
pub fn bot_message(state: &State, m: &BotMessage) -> Value {
    let chat = state
        .chats
        .get(&m.chat_id)
        .map(|c| chat(&c.kind, m.chat_id))
        .unwrap_or_else(|| json!({ "id": m.chat_id, "type": "private", "first_name": "?" }));
    let mut v = json!({
        "message_id": m.message_id,
        "date": m.date,
        "chat": chat,
        "from": bot_user(state.bot_id, &state.bot_username),
    });
    let Some(map) = v.as_object_mut() else {
        return v;
    };
    if let Some(text) = &m.text {
        map.insert("text".into(), json!(text));
    }
    if let Some(caption) = &m.caption {
        map.insert("caption".into(), json!(caption));
    }
    if let Some(file) = m.photo.as_deref().and_then(|id| state.files.get(id)) {
        map.insert("photo".into(), photo_sizes(file));
    }
    if let Some(file) = m.document.as_deref().and_then(|id| state.files.get(id)) {
        map.insert("document".into(), document(file));
    }
    if let Some(group) = &m.media_group_id {
        map.insert("media_group_id".into(), json!(group));
    }
    if m.edited > 0 {
        map.insert("edit_date".into(), json!(m.edit_date));
    }
    if !m.inline_keyboard.is_empty() {
        map.insert(
            "reply_markup".into(),
            json!({ "inline_keyboard": inline_keyboard(&m.inline_keyboard) }),
        );
    }
    v
}

/// The message of a callback query: the bot message, or an inaccessible one
/// (date 0) if it was deleted or never existed.
pub fn callback_message(state: &State, chat_id: i64, message_id: i32) -> Value {
    match state.bot_message(chat_id, message_id) {
        Some(m) if !m.deleted => bot_message(state, m),
        _ => {
            let chat = state
                .chats
                .get(&chat_id)
                .map(|c| chat(&c.kind, chat_id))
                .unwrap_or_else(|| json!({ "id": chat_id, "type": "private", "first_name": "?" }));
            json!({ "message_id": message_id, "date": 0, "chat": chat })
        }
    }
}

fn inline_keyboard(rows: &[Vec<Button>]) -> Value {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|b| {
                    let mut v = json!({ "text": b.text });
                    insert_opt(&mut v, "callback_data", b.callback_data.as_deref());
                    insert_opt(&mut v, "url", b.url.as_deref());
                    v
                })
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .into()
}

/// Length of `s` in UTF-16 code units, the unit of Telegram entity offsets.
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The `entities` of a user's text: a `bot_command` for a leading `/command`.
pub fn command_entities(text: &str) -> Option<Value> {
    if !text.starts_with('/') {
        return None;
    }
    let command = text.split_whitespace().next().unwrap_or_default();
    Some(json!([{ "type": "bot_command", "offset": 0, "length": utf16_len(command) }]))
}
