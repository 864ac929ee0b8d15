//! The scripted side: people who write, share contacts and photos, edit
//! their messages and press buttons, and the faults a test injects.

use serde_json::{Value, json};

use super::Emulator;
use super::json;
use super::state::{PendingFault, Query};
use super::types::{Fault, TgUser};

impl Emulator {
    /// A scripted person with a private chat (chat id = `id`); registering
    /// makes the chat known, so the bot may write first.
    pub fn user(&self, id: i64, first_name: &str, language_code: Option<&str>) -> TgUser {
        let user = TgUser {
            id,
            first_name: first_name.to_owned(),
            last_name: None,
            username: None,
            language_code: language_code.map(str::to_owned),
        };
        self.add_user(&user);
        user
    }

    /// Registers a person built by hand (e.g. with a username).
    pub fn add_user(&self, user: &TgUser) {
        self.shared.write(|s| s.add_user(user));
    }

    /// Registers a group chat (`chat_id` should be negative).
    pub fn group(&self, chat_id: i64, title: &str) -> i64 {
        self.shared.write(|s| s.add_group(chat_id, title));
        chat_id
    }

    /// `from` writes `text` in their private chat; returns the message id.
    /// A leading `/command` carries a `bot_command` entity, as in Telegram.
    pub fn send_text(&self, from: &TgUser, text: &str) -> i32 {
        self.send_text_in(from.chat_id(), from, text)
    }

    /// `from` writes `text` in chat `chat_id` (a group, or their private chat).
    pub fn send_text_in(&self, chat_id: i64, from: &TgUser, text: &str) -> i32 {
        let mut fill = json!({ "text": text });
        if let (Some(entities), Some(map)) = (json::command_entities(text), fill.as_object_mut()) {
            map.insert("entities".into(), entities);
        }
        self.shared.write(|s| s.user_message(chat_id, from, fill))
    }

    /// `from` shares a contact. With `contact_user_id == Some(from.id)` it is
    /// their own number, as the `request_contact` button sends it.
    pub fn send_contact(&self, from: &TgUser, phone: &str, contact_user_id: Option<i64>) -> i32 {
        let mut contact = json!({ "phone_number": phone, "first_name": from.first_name });
        if let (Some(id), Some(map)) = (contact_user_id, contact.as_object_mut()) {
            map.insert("user_id".into(), json!(id));
        }
        self.shared
            .write(|s| s.user_message(from.chat_id(), from, json!({ "contact": contact })))
    }

    /// `from` sends a photo; the bytes become a file the bot can fetch with
    /// `getFile` and download. Returns the message id.
    pub fn send_photo(&self, from: &TgUser, bytes: Vec<u8>, caption: Option<&str>) -> i32 {
        self.shared.write(|s| {
            let file_id = s.store_file("photos", None, Some("image/jpeg".into()), bytes);
            let sizes = s
                .files
                .get(&file_id)
                .map(json::photo_sizes)
                .unwrap_or_default();
            let mut fill = json!({ "photo": sizes });
            json::insert_opt(&mut fill, "caption", caption);
            s.user_message(from.chat_id(), from, fill)
        })
    }

    /// `from` sends a file as a document. Returns the message id.
    pub fn send_document(
        &self,
        from: &TgUser,
        name: &str,
        mime: &str,
        bytes: Vec<u8>,
        caption: Option<&str>,
    ) -> i32 {
        self.shared.write(|s| {
            let file_id = s.store_file("documents", Some(name.into()), Some(mime.into()), bytes);
            let document = s
                .files
                .get(&file_id)
                .map(json::document)
                .unwrap_or_default();
            let mut fill = json!({ "document": document });
            json::insert_opt(&mut fill, "caption", caption);
            s.user_message(from.chat_id(), from, fill)
        })
    }

    /// `from` edits their message `message_id` to `new_text` (an
    /// `edited_message` update). Unknown messages are ignored.
    pub fn edit_text(&self, from: &TgUser, message_id: i32, new_text: &str) {
        self.shared.write(|s| {
            let version = s.bump();
            let edit_date = s.unix_now();
            let Some(chat) = s.chats.get_mut(&from.chat_id()) else {
                return;
            };
            let Some(message) = chat.user_messages.get_mut(&message_id) else {
                return;
            };
            chat.last_input_version = version;
            let Some(map) = message.as_object_mut() else {
                return;
            };
            map.insert("text".into(), json!(new_text));
            map.remove("entities");
            if let Some(entities) = json::command_entities(new_text) {
                map.insert("entities".into(), entities);
            }
            map.insert("edit_date".into(), json!(edit_date));
            let edited = message.clone();
            s.push_update("edited_message", edited);
        });
    }

    /// `from` presses an inline button with `data` under message `message_id`
    /// of chat `chat_id` (a callback query carrying the message as it stands;
    /// any data can be sent, to test forged buttons). Returns the query id.
    pub fn press(&self, from: &TgUser, chat_id: i64, message_id: i32, data: &str) -> String {
        self.shared.write(|s| {
            s.add_user(from);
            let version = s.bump();
            let id = format!("{}{:04}", from.id, s.next_query);
            s.next_query += 1;
            s.queries.insert(
                id.clone(),
                Query {
                    chat_id,
                    answer: None,
                },
            );
            if let Some(chat) = s.chats.get_mut(&chat_id) {
                chat.last_input_version = version;
            }
            let query = json!({
                "id": id,
                "from": json::user(from),
                "message": json::callback_message(s, chat_id, message_id),
                "chat_instance": format!("emu-{chat_id}"),
                "data": data,
            });
            s.push_update("callback_query", query);
            id
        })
    }

    /// The next `times` requests for `method` (any method but `getUpdates`
    /// when `None`) get `fault`. Faults queue in the order injected.
    pub fn inject(&self, fault: Fault, method: Option<&str>, times: usize) {
        if times == 0 {
            return;
        }
        let pending = PendingFault {
            fault,
            method: method.map(str::to_owned),
            remaining: times,
        };
        self.shared.write(|s| s.faults.push(pending));
    }

    /// Forgets every fault not yet used.
    pub fn clear_faults(&self) {
        self.shared.write(|s| s.faults.clear());
    }

    /// From now on requests about this chat answer 403 "bot was blocked by the user".
    pub fn block_chat(&self, chat_id: i64) {
        self.shared.write(|s| s.blocked.insert(chat_id));
    }

    /// The user unblocks the bot again.
    pub fn unblock_chat(&self, chat_id: i64) {
        self.shared.write(|s| s.blocked.remove(&chat_id));
    }

    /// Queues a raw update (`{"message": …}` without `update_id`), for cases
    /// the helpers do not cover. Returns its update id.
    pub fn push_raw_update(&self, update: Value) -> i64 {
        self.shared.write(|s| {
            let id = s.next_update_id;
            s.next_update_id += 1;
            let mut update = update;
            if let Some(map) = update.as_object_mut() {
                map.insert("update_id".into(), json!(id));
            }
            s.updates.push_back((id, update));
            s.bump();
            id
        })
    }
}
