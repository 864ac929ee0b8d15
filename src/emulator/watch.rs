//! The observing side: what the bot sent, how it answered button presses,
//! which requests it made. Reads never block on the network and never hold
//! the lock across an await.

use std::time::Duration;

use serde_json::{Value, json};

use super::Emulator;
use super::types::{BotMessage, CallbackAnswer, RecordedRequest, ReplyKeyboard, StoredFile};

impl Emulator {
    /// The bot's messages in `chat_id`, oldest first, edits applied and
    /// deleted ones marked.
    pub fn bot_messages(&self, chat_id: i64) -> Vec<BotMessage> {
        let state = self.shared.read();
        state
            .chats
            .get(&chat_id)
            .map(|c| c.bot_messages.values().cloned().collect())
            .unwrap_or_default()
    }

    /// One bot message as it stands.
    pub fn bot_message(&self, chat_id: i64, message_id: i32) -> Option<BotMessage> {
        self.shared.read().bot_message(chat_id, message_id).cloned()
    }

    /// The newest bot message in `chat_id` that is not deleted.
    pub fn last_bot_message(&self, chat_id: i64) -> Option<BotMessage> {
        let state = self.shared.read();
        let chat = state.chats.get(&chat_id)?;
        chat.bot_messages
            .values()
            .rev()
            .find(|m| !m.deleted)
            .cloned()
    }

    /// The reply keyboard the user of `chat_id` currently sees, if any.
    pub fn reply_keyboard(&self, chat_id: i64) -> Option<ReplyKeyboard> {
        let state = self.shared.read();
        state.chats.get(&chat_id)?.reply_keyboard.clone()
    }

    /// The change counter; pair with [`Self::changes_since`] and
    /// [`Self::wait_for_message_after`].
    pub fn version(&self) -> u64 {
        self.shared.read().version
    }

    /// Bot messages (all chats) sent, edited or deleted after `version`,
    /// in the order of their last change.
    pub fn changes_since(&self, version: u64) -> Vec<BotMessage> {
        let state = self.shared.read();
        let mut changed: Vec<BotMessage> = state
            .chats
            .values()
            .flat_map(|c| c.bot_messages.values())
            .filter(|m| m.version > version)
            .cloned()
            .collect();
        changed.sort_by_key(|m| m.version);
        changed
    }

    /// Callback answers (all chats) that arrived after `version`, oldest first.
    pub fn callback_answers_since(&self, version: u64) -> Vec<CallbackAnswer> {
        let state = self.shared.read();
        let mut answers: Vec<CallbackAnswer> = state
            .queries
            .values()
            .filter_map(|q| q.answer.clone())
            .filter(|a| a.version > version)
            .collect();
        answers.sort_by_key(|a| a.version);
        answers
    }

    /// Waits until anything changes after `version` (or `timeout` passes) and
    /// returns the current counter.
    pub async fn wait_for_change(&self, version: u64, timeout: Duration) -> u64 {
        self.wait_until(timeout, |e| Some(e.version()).filter(|v| *v > version))
            .await
            .unwrap_or_else(|| self.version())
    }

    /// Waits until no bot message or callback answer changed for `quiet`
    /// (at most `max`), e.g. to let the bot finish replying.
    pub async fn wait_until_quiet(&self, quiet: Duration, max: Duration) {
        let end = tokio::time::Instant::now() + max;
        let mut seen = self.bot_activity();
        loop {
            let step_end = (tokio::time::Instant::now() + quiet).min(end);
            let mut changes = self.shared.subscribe();
            loop {
                tokio::select! {
                    _ = changes.changed() => {}
                    () = tokio::time::sleep_until(step_end) => break,
                }
                if self.bot_activity() != seen {
                    break;
                }
            }
            let now = self.bot_activity();
            if now == seen || tokio::time::Instant::now() >= end {
                return;
            }
            seen = now;
        }
    }

    /// The version of the newest bot-side change (message or callback answer).
    fn bot_activity(&self) -> u64 {
        let state = self.shared.read();
        let messages = state.chats.values().flat_map(|c| c.bot_messages.values());
        let answers = state.queries.values().filter_map(|q| q.answer.as_ref());
        messages
            .map(|m| m.version)
            .chain(answers.map(|a| a.version))
            .max()
            .unwrap_or(0)
    }

    /// Waits for a bot message in `chat_id`, sent or edited since the last
    /// scripted input into that chat, that matches `pred`.
    pub async fn wait_for_message(
        &self,
        chat_id: i64,
        pred: impl Fn(&BotMessage) -> bool,
        timeout: Duration,
    ) -> Option<BotMessage> {
        let since = {
            let state = self.shared.read();
            state
                .chats
                .get(&chat_id)
                .map_or(0, |c| c.last_input_version)
        };
        self.wait_for_message_after(chat_id, since, pred, timeout)
            .await
    }

    /// Waits for a bot message in `chat_id`, sent or edited after `version`,
    /// that matches `pred`.
    pub async fn wait_for_message_after(
        &self,
        chat_id: i64,
        version: u64,
        pred: impl Fn(&BotMessage) -> bool,
        timeout: Duration,
    ) -> Option<BotMessage> {
        self.wait_until(timeout, |e| {
            let state = e.shared.read();
            let chat = state.chats.get(&chat_id)?;
            let mut fresh: Vec<&BotMessage> = chat
                .bot_messages
                .values()
                .filter(|m| m.version > version && !m.deleted && pred(m))
                .collect();
            fresh.sort_by_key(|m| m.version);
            fresh.first().map(|m| (*m).clone())
        })
        .await
    }

    /// How the bot answered the callback query `query_id`, if it did.
    pub fn callback_answer(&self, query_id: &str) -> Option<CallbackAnswer> {
        let state = self.shared.read();
        state.queries.get(query_id)?.answer.clone()
    }

    /// Waits for the bot to answer the callback query `query_id`.
    pub async fn wait_for_callback_answer(
        &self,
        query_id: &str,
        timeout: Duration,
    ) -> Option<CallbackAnswer> {
        self.wait_until(timeout, |e| e.callback_answer(query_id))
            .await
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.read().requests.clone()
    }

    /// The requests for one method, in arrival order.
    pub fn requests_for(&self, method: &str) -> Vec<RecordedRequest> {
        let state = self.shared.read();
        state
            .requests
            .iter()
            .filter(|r| r.method == method)
            .cloned()
            .collect()
    }

    /// Requests the emulator answered 404 (methods it does not know).
    pub fn unknown_requests(&self) -> Vec<RecordedRequest> {
        let state = self.shared.read();
        let unknown = state.requests.iter().filter(|r| r.status == Some(404));
        unknown.cloned().collect()
    }

    /// Waits until at least `count` requests for `method` arrived; returns them.
    pub async fn wait_for_requests(
        &self,
        method: &str,
        count: usize,
        timeout: Duration,
    ) -> Vec<RecordedRequest> {
        let found = self
            .wait_until(timeout, |e| {
                Some(e.requests_for(method)).filter(|r| r.len() >= count)
            })
            .await;
        found.unwrap_or_else(|| self.requests_for(method))
    }

    /// The commands of the last `setMyCommands` scoped to `chat_id`
    /// (`{"type":"chat","chat_id":…}`), any language, as (command, description).
    pub fn commands_for_chat(&self, chat_id: i64) -> Option<Vec<(String, String)>> {
        let state = self.shared.read();
        state
            .commands
            .iter()
            .rev()
            .find(|c| {
                c.scope.get("type").and_then(Value::as_str) == Some("chat")
                    && super::methods::chat_id_param(&c.scope, "chat_id") == Some(chat_id)
            })
            .map(|c| c.commands.clone())
    }

    /// The commands set for `scope` (JSON, e.g. `{"type":"default"}`) and language.
    pub fn commands(
        &self,
        scope: &Value,
        language_code: Option<&str>,
    ) -> Option<Vec<(String, String)>> {
        let state = self.shared.read();
        state
            .commands
            .iter()
            .find(|c| &c.scope == scope && c.language_code.as_deref() == language_code)
            .map(|c| c.commands.clone())
    }

    /// The default-scope commands (no language), if set.
    pub fn default_commands(&self) -> Option<Vec<(String, String)>> {
        self.commands(&json!({"type": "default"}), None)
    }

    /// The menu button set for a chat (`None`: the default for all chats).
    pub fn menu_button(&self, chat_id: Option<i64>) -> Option<Value> {
        self.shared.read().menu_buttons.get(&chat_id).cloned()
    }

    /// Updates queued and not yet confirmed by the bot.
    pub fn pending_updates(&self) -> usize {
        self.shared.read().updates.len()
    }

    /// A stored file by id (sent by a user or uploaded by the bot).
    pub fn file(&self, file_id: &str) -> Option<StoredFile> {
        self.shared.read().files.get(file_id).cloned()
    }

    /// The file id of a scripted user's photo (largest size) or document.
    pub fn user_file_id(&self, chat_id: i64, message_id: i32) -> Option<String> {
        let state = self.shared.read();
        let message = state.chats.get(&chat_id)?.user_messages.get(&message_id)?;
        let photo = message
            .get("photo")
            .and_then(Value::as_array)
            .and_then(|p| p.last());
        let file = photo.or_else(|| message.get("document"))?;
        file.get("file_id")
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    /// Polls `probe` after every change until it returns `Some` or `timeout` passes.
    async fn wait_until<T>(
        &self,
        timeout: Duration,
        probe: impl Fn(&Self) -> Option<T>,
    ) -> Option<T> {
        let end = tokio::time::Instant::now() + timeout;
        let mut changes = self.shared.subscribe();
        loop {
            if let Some(found) = probe(self) {
                return Some(found);
            }
            tokio::select! {
                _ = changes.changed() => {}
                () = tokio::time::sleep_until(end) => return probe(self),
            }
        }
    }
}
