//! The terminal chat of `residesk sandbox`: the person at the keyboard talks
//! to the real bot through the emulator, as any of several identities.
//!
//! ```text
//! resident> /start
//! bot › Welcome! Please share your phone number.
//!       keyboard: [1] Share my phone (shares your phone)
//! resident> 1
//! bot › Thanks, Amy. What can we do for you?
//!       (2 new messages for staff — /as staff)
//! ```
//!
//! Everything printed here is developer tooling, in English, kept in [`text`].

use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::time::Duration;

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

use crate::emulator::{BotMessage, CallbackAnswer, Emulator, TgUser};

/// Every sentence the sandbox chat prints.
mod text {
    pub const BANNER: &str = "\
residesk sandbox: you are chatting with the real bot through a local Telegram emulator.
  type a message and press Enter to send it as the current identity
  /as <who>        switch identity ({keys})
  1, 2, …          press that button of the last message with buttons
  /contact         share your phone number (as the contact button does)
  /photo [caption] send a small generated picture
  /edit <text>     edit your last message
  /say <text>      send text as it is (e.g. a number while buttons are shown)
  /quit            leave (end of input does too)
Anything else, /start, /help, /lang … included, goes to the bot.";
    pub const BOT: &str = "bot › ";
    pub const BOT_EDITED: &str = "bot (edited) › ";
    pub const INDENT: &str = "      ";
    pub const TOAST: &str = "bot (toast) › ";
    pub const ALERT: &str = "bot (alert) › ";
    pub const KEYBOARD: &str = "keyboard: ";
    pub const SHARES_PHONE: &str = " (shares your phone)";
    pub const KEYBOARD_REMOVED: &str = "(keyboard removed)";
    pub const DELETED: &str = "(the bot deleted a message: \"{text}\")";
    pub const PHOTO: &str = "[photo]";
    pub const DOCUMENT: &str = "[document {name}]";
    pub const NOW_AS: &str = "(you are now {key}: {name}, chat {id})";
    pub const UNKNOWN_IDENTITY: &str = "(no identity \"{key}\"; choose one of: {keys})";
    pub const NEW_FOR_OTHER: &str = "({count} new message(s) for {key} — /as {key})";
    pub const OTHER_CHAT: &str = "(the bot wrote to chat {id}, which is none of your identities)";
    pub const NO_BUTTON: &str = "(no button {n} is shown; send it as text with /say {n})";
    pub const NO_PHONE: &str = "(this identity has no phone number)";
    pub const NOTHING_TO_EDIT: &str = "(you have sent no message to edit yet)";
    pub const OPENS_URL: &str = "(that button opens {url})";
    pub const NO_DATA: &str = "(that button carries no data)";
    pub const BYE: &str = "(sandbox chat closed)";
    pub const NO_IDENTITIES: &str = "(no identities to chat as)";
}

/// Someone the terminal user can be.
#[derive(Debug, Clone)]
pub struct Identity {
    /// How to switch to them: `/as <key>`, e.g. `resident`, `staff`, `supervisor`.
    pub key: String,
    /// Their Telegram user (chat id = user id).
    pub user: TgUser,
    /// Their own phone number, shared by `/contact` and contact buttons.
    pub phone: Option<String>,
}

/// How the chat waits and echoes.
#[derive(Debug, Clone)]
pub struct ChatOptions {
    /// Print each input line (for piped input, which the terminal does not show).
    pub echo_input: bool,
    /// Print a prompt before reading (interactive use).
    pub prompt: bool,
    /// How long to wait for the bot's first reaction to an input line.
    pub first_reply: Duration,
    /// The bot is done once nothing happened for this long.
    pub quiet: Duration,
    /// Upper bound of the wait after one input line.
    pub max_wait: Duration,
}

impl Default for ChatOptions {
    fn default() -> Self {
        Self {
            echo_input: true,
            prompt: false,
            first_reply: Duration::from_millis(1500),
            quiet: Duration::from_millis(400),
            max_wait: Duration::from_secs(5),
        }
    }
}

/// Runs the chat on a real terminal or piped input: echoes and waits as
/// suited to whether standard input is a terminal.
pub async fn run_chat(
    emu: &Emulator,
    identities: Vec<Identity>,
    input: impl AsyncBufRead + Unpin,
    output: impl Write,
) -> std::io::Result<()> {
    let interactive = std::io::stdin().is_terminal();
    let options = ChatOptions {
        echo_input: !interactive,
        prompt: interactive,
        ..ChatOptions::default()
    };
    run_chat_with(emu, identities, input, output, options).await
}

/// Runs the chat with explicit options (tests use this).
pub async fn run_chat_with(
    emu: &Emulator,
    identities: Vec<Identity>,
    input: impl AsyncBufRead + Unpin,
    mut output: impl Write,
    options: ChatOptions,
) -> std::io::Result<()> {
    if identities.is_empty() {
        writeln!(output, "{}", text::NO_IDENTITIES)?;
        return Ok(());
    }
    let mut chat = Chat::new(emu, identities, options);
    let keys = chat.keys();
    writeln!(output, "{}", text::BANNER.replace("{keys}", &keys))?;
    chat.say_who(&mut output)?;
    let mut lines = input.lines();
    loop {
        chat.show_news(&mut output)?;
        chat.prompt(&mut output)?;
        // While waiting for input, show what the bot does on its own (reminders…).
        let line = loop {
            let since = emu.version();
            tokio::select! {
                line = lines.next_line() => break line?,
                _ = emu.wait_for_change(since, Duration::from_secs(3600)) => {
                    if chat.has_news() {
                        if chat.options.prompt {
                            writeln!(output)?;
                        }
                        chat.show_news(&mut output)?;
                        chat.prompt(&mut output)?;
                    }
                }
            }
        };
        let Some(line) = line else { break };
        let line = line.trim().to_owned();
        if chat.options.echo_input && !line.is_empty() {
            writeln!(output, "{}> {line}", chat.current().key)?;
        }
        let before = emu.version();
        match chat.handle(&line, &mut output)? {
            Step::Quit => break,
            Step::Sent => chat.settle(before).await,
            Step::Local => {}
        }
    }
    chat.show_news(&mut output)?;
    writeln!(output, "{}", text::BYE)?;
    output.flush()
}

/// What one parsed input line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Nothing (an empty line).
    Empty,
    /// Leave the chat.
    Quit,
    /// Switch identity (`None`: list them).
    As(Option<String>),
    /// Press the n-th shown button (1-based).
    Press(usize),
    /// Share the current identity's phone.
    Contact,
    /// Send a generated picture with an optional caption.
    Photo(Option<String>),
    /// Edit the last message sent.
    Edit(String),
    /// Send this text to the bot.
    Say(String),
}

/// Parses one input line.
pub fn parse_input(line: &str) -> Input {
    let line = line.trim();
    let (head, rest) = match line.split_once(char::is_whitespace) {
        Some((h, r)) => (h, Some(r.trim()).filter(|r| !r.is_empty())),
        None => (line, None),
    };
    match head {
        "" => Input::Empty,
        "/quit" | "/exit" => Input::Quit,
        "/as" => Input::As(rest.map(str::to_owned)),
        "/contact" => Input::Contact,
        "/photo" => Input::Photo(rest.map(str::to_owned)),
        "/edit" if rest.is_some() => Input::Edit(rest.unwrap_or_default().to_owned()),
        "/say" if rest.is_some() => Input::Say(rest.unwrap_or_default().to_owned()),
        _ => match line.parse::<usize>() {
            Ok(n) if n > 0 => Input::Press(n),
            _ => Input::Say(line.to_owned()),
        },
    }
}

/// Whether an input line went to the bot (so its reply is awaited).
enum Step {
    Quit,
    Sent,
    Local,
}

/// A button as shown, numbered in the order printed.
#[derive(Debug, Clone)]
enum Shown {
    Inline {
        message_id: i32,
        data: Option<String>,
        url: Option<String>,
    },
    Reply {
        text: String,
        request_contact: bool,
    },
}

/// The chat's memory.
struct Chat<'a> {
    emu: &'a Emulator,
    identities: Vec<Identity>,
    current: usize,
    options: ChatOptions,
    /// Everything up to this version was handled.
    handled: u64,
    /// Messages already printed (to tell edits from new messages).
    printed: HashSet<(i64, i32)>,
    /// Messages waiting for an identity that is not current.
    backlog: HashMap<i64, Vec<(i64, i32)>>,
    toasts: HashMap<i64, Vec<CallbackAnswer>>,
    /// Buttons shown last, per chat.
    buttons: HashMap<i64, (Option<i32>, Vec<Shown>)>,
    /// The last message each identity sent.
    last_sent: HashMap<i64, i32>,
}

impl<'a> Chat<'a> {
    fn new(emu: &'a Emulator, identities: Vec<Identity>, options: ChatOptions) -> Self {
        for identity in &identities {
            emu.add_user(&identity.user);
        }
        Self {
            emu,
            identities,
            current: 0,
            options,
            handled: 0,
            printed: HashSet::new(),
            backlog: HashMap::new(),
            toasts: HashMap::new(),
            buttons: HashMap::new(),
            last_sent: HashMap::new(),
        }
    }

    fn current(&self) -> &Identity {
        &self.identities[self.current]
    }

    /// Interactive use: shows whose turn it is.
    fn prompt(&self, out: &mut impl Write) -> std::io::Result<()> {
        if self.options.prompt {
            write!(out, "{}> ", self.current().key)?;
            out.flush()?;
        }
        Ok(())
    }

    fn keys(&self) -> String {
        let keys: Vec<&str> = self.identities.iter().map(|i| i.key.as_str()).collect();
        keys.join(", ")
    }

    fn say_who(&self, out: &mut impl Write) -> std::io::Result<()> {
        let me = self.current();
        let line = text::NOW_AS
            .replace("{key}", &me.key)
            .replace("{name}", &me.user.first_name)
            .replace("{id}", &me.user.id.to_string());
        writeln!(out, "{line}")
    }

    /// Carries out one input line.
    fn handle(&mut self, line: &str, out: &mut impl Write) -> std::io::Result<Step> {
        let user = self.current().user.clone();
        match parse_input(line) {
            Input::Empty => Ok(Step::Local),
            Input::Quit => Ok(Step::Quit),
            Input::As(None) => {
                writeln!(out, "({})", self.keys())?;
                Ok(Step::Local)
            }
            Input::As(Some(key)) => {
                match self.identities.iter().position(|i| i.key == key) {
                    Some(index) => {
                        self.current = index;
                        self.say_who(out)?;
                        self.show_backlog(out)?;
                    }
                    None => {
                        let msg = text::UNKNOWN_IDENTITY.replace("{key}", &key);
                        writeln!(out, "{}", msg.replace("{keys}", &self.keys()))?;
                    }
                }
                Ok(Step::Local)
            }
            Input::Press(n) => self.press(n, out),
            Input::Contact => self.share_phone(out),
            Input::Photo(caption) => {
                let id =
                    self.emu
                        .send_photo(&user, crate::emulator::sample_png(), caption.as_deref());
                self.last_sent.insert(user.id, id);
                Ok(Step::Sent)
            }
            Input::Edit(new_text) => match self.last_sent.get(&user.id) {
                Some(&id) => {
                    self.emu.edit_text(&user, id, &new_text);
                    Ok(Step::Sent)
                }
                None => {
                    writeln!(out, "{}", text::NOTHING_TO_EDIT)?;
                    Ok(Step::Local)
                }
            },
            Input::Say(said) => {
                let id = self.emu.send_text(&user, &said);
                self.last_sent.insert(user.id, id);
                Ok(Step::Sent)
            }
        }
    }

    fn press(&mut self, n: usize, out: &mut impl Write) -> std::io::Result<Step> {
        let user = self.current().user.clone();
        let shown = self
            .buttons
            .get(&user.id)
            .and_then(|(_, b)| b.get(n - 1))
            .cloned();
        match shown {
            Some(Shown::Inline {
                message_id,
                data: Some(data),
                ..
            }) => {
                self.emu.press(&user, user.id, message_id, &data);
                Ok(Step::Sent)
            }
            Some(Shown::Inline { url: Some(url), .. }) => {
                writeln!(out, "{}", text::OPENS_URL.replace("{url}", &url))?;
                Ok(Step::Local)
            }
            Some(Shown::Inline { .. }) => {
                writeln!(out, "{}", text::NO_DATA)?;
                Ok(Step::Local)
            }
            Some(Shown::Reply {
                request_contact: true,
                ..
            }) => self.share_phone(out),
            Some(Shown::Reply { text: label, .. }) => {
                let id = self.emu.send_text(&user, &label);
                self.last_sent.insert(user.id, id);
                Ok(Step::Sent)
            }
            None => {
                writeln!(out, "{}", text::NO_BUTTON.replace("{n}", &n.to_string()))?;
                Ok(Step::Local)
            }
        }
    }

    fn share_phone(&mut self, out: &mut impl Write) -> std::io::Result<Step> {
        let me = self.current().clone();
        let Some(phone) = me.phone else {
            writeln!(out, "{}", text::NO_PHONE)?;
            return Ok(Step::Local);
        };
        let id = self.emu.send_contact(&me.user, &phone, Some(me.user.id));
        self.last_sent.insert(me.user.id, id);
        Ok(Step::Sent)
    }

    /// Waits for the bot to react to an input sent at `before`, then to go quiet.
    async fn settle(&self, before: u64) {
        let reacted = |emu: &Emulator| {
            !emu.changes_since(before).is_empty() || !emu.callback_answers_since(before).is_empty()
        };
        let end = tokio::time::Instant::now() + self.options.first_reply;
        let mut seen = before;
        while !reacted(self.emu) {
            let left = end.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() {
                return;
            }
            seen = self.emu.wait_for_change(seen, left).await;
        }
        self.emu
            .wait_until_quiet(self.options.quiet, self.options.max_wait)
            .await;
    }

    fn has_news(&self) -> bool {
        !self.emu.changes_since(self.handled).is_empty()
            || !self.emu.callback_answers_since(self.handled).is_empty()
    }

    /// Prints what the bot did since the last call: messages and toasts for
    /// the current identity, a note for the others.
    fn show_news(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        let since = self.handled;
        let messages = self.emu.changes_since(since);
        let answers = self.emu.callback_answers_since(since);
        let me = self.current().user.id;
        let mut noted: Vec<i64> = Vec::new();
        let mut events: Vec<(u64, Event)> = messages
            .into_iter()
            .map(|m| (m.version, Event::Message(Box::new(m))))
            .collect();
        events.extend(answers.into_iter().map(|a| (a.version, Event::Toast(a))));
        events.sort_by_key(|(v, _)| *v);
        for (version, event) in events {
            self.handled = self.handled.max(version);
            let chat_id = match &event {
                Event::Message(m) => m.chat_id,
                Event::Toast(a) => a.chat_id,
            };
            if chat_id == me {
                match event {
                    Event::Message(m) => self.print_message(&m, out)?,
                    Event::Toast(a) => print_toast(&a, out)?,
                }
            } else if self.identities.iter().any(|i| i.user.id == chat_id) {
                match event {
                    Event::Message(m) => {
                        let pending = self.backlog.entry(chat_id).or_default();
                        if !pending.contains(&(m.chat_id, m.message_id)) {
                            pending.push((m.chat_id, m.message_id));
                        }
                    }
                    Event::Toast(a) => self.toasts.entry(chat_id).or_default().push(a),
                }
                if !noted.contains(&chat_id) {
                    noted.push(chat_id);
                }
            } else {
                writeln!(
                    out,
                    "{}",
                    text::OTHER_CHAT.replace("{id}", &chat_id.to_string())
                )?;
            }
        }
        for chat_id in noted {
            let Some(identity) = self.identities.iter().find(|i| i.user.id == chat_id) else {
                continue;
            };
            let count = self.backlog.get(&chat_id).map_or(0, Vec::len);
            if count > 0 {
                let note = text::NEW_FOR_OTHER
                    .replace("{count}", &count.to_string())
                    .replace("{key}", &identity.key);
                writeln!(out, "{}{note}", text::INDENT)?;
            }
        }
        Ok(())
    }

    /// Prints what waited for the identity just switched to.
    fn show_backlog(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        let me = self.current().user.id;
        for (chat_id, message_id) in self.backlog.remove(&me).unwrap_or_default() {
            if let Some(m) = self.emu.bot_message(chat_id, message_id) {
                self.print_message(&m, out)?;
            }
        }
        for answer in self.toasts.remove(&me).unwrap_or_default() {
            print_toast(&answer, out)?;
        }
        Ok(())
    }

    fn print_message(&mut self, m: &BotMessage, out: &mut impl Write) -> std::io::Result<()> {
        let key = (m.chat_id, m.message_id);
        let seen_before = self.printed.contains(&key);
        if m.deleted {
            if seen_before {
                writeln!(
                    out,
                    "{}",
                    text::DELETED.replace("{text}", &first_line(m.body()))
                )?;
            }
            return Ok(());
        }
        self.printed.insert(key);
        let mut body = String::new();
        if m.photo.is_some() {
            body.push_str(text::PHOTO);
        }
        if m.document.is_some() {
            let name = m.document_name.clone().unwrap_or_default();
            body.push_str(&text::DOCUMENT.replace("{name}", &name));
        }
        if !m.body().is_empty() {
            if !body.is_empty() {
                body.push(' ');
            }
            body.push_str(m.body());
        }
        let lead = if seen_before {
            text::BOT_EDITED
        } else {
            text::BOT
        };
        let indented = body.replace('\n', &format!("\n{}", text::INDENT));
        writeln!(out, "{lead}{indented}")?;
        self.print_buttons(m, seen_before, out)
    }

    fn print_buttons(
        &mut self,
        m: &BotMessage,
        edit: bool,
        out: &mut impl Write,
    ) -> std::io::Result<()> {
        let mut shown = Vec::new();
        let mut labels = Vec::new();
        for row in &m.inline_keyboard {
            let mut line = Vec::new();
            for b in row {
                shown.push(Shown::Inline {
                    message_id: m.message_id,
                    data: b.callback_data.clone(),
                    url: b.url.clone(),
                });
                line.push(format!("[{}] {}", shown.len(), b.text));
            }
            labels.push(line.join("  "));
        }
        if let Some(keyboard) = &m.reply_keyboard {
            let mut line = Vec::new();
            for b in keyboard.rows.iter().flatten() {
                shown.push(Shown::Reply {
                    text: b.text.clone(),
                    request_contact: b.request_contact,
                });
                let note = if b.request_contact {
                    text::SHARES_PHONE
                } else {
                    ""
                };
                line.push(format!("[{}] {}{note}", shown.len(), b.text));
            }
            labels.push(format!("{}{}", text::KEYBOARD, line.join("  ")));
        }
        if m.removes_keyboard {
            labels.push(text::KEYBOARD_REMOVED.to_owned());
        }
        for label in labels {
            writeln!(out, "{}{label}", text::INDENT)?;
        }
        let entry = self.buttons.entry(m.chat_id).or_insert((None, Vec::new()));
        // An edit that drops the keyboard hides the buttons it showed.
        if !shown.is_empty() {
            *entry = (Some(m.message_id), shown);
        } else if edit && entry.0 == Some(m.message_id) {
            *entry = (None, Vec::new());
        }
        Ok(())
    }
}

/// A bot-side change to print.
enum Event {
    Message(Box<BotMessage>),
    Toast(CallbackAnswer),
}

fn print_toast(answer: &CallbackAnswer, out: &mut impl Write) -> std::io::Result<()> {
    match &answer.text {
        Some(t) if !t.is_empty() => {
            let lead = if answer.show_alert {
                text::ALERT
            } else {
                text::TOAST
            };
            writeln!(out, "{lead}{t}")
        }
        _ => Ok(()),
    }
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or_default();
    match line.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_deleted_texts_are_shortened_to_their_first_line() {
        assert_eq!(first_line("short\nsecond"), "short");
        assert_eq!(first_line(&"x".repeat(50)), format!("{}…", "x".repeat(40)));
    }
}
