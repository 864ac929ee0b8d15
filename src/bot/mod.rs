//! The Telegram side: one update handler tree ([`schema`]) used by `run` and
//! by the tests alike, the people it serves ([`Actor`] and the role guards),
//! and the conversation state ([`State`]).

pub mod booking;
pub mod campaign;
pub mod commands;
mod common;
pub mod decide;
mod duty;
mod hotspots;
pub mod intake;
mod judge;
mod mark;
mod onboarding;
mod rating;
pub mod reply;
mod report;
mod visits;
pub mod work;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use teloxide::dispatching::dialogue::{Dialogue, GetChatId};
use teloxide::dispatching::{DpHandlerDescription, UpdateFilterExt};
use teloxide::prelude::*;
use teloxide::types::User;

use crate::domain::lang::Lang;
use crate::domain::role::Role;
use crate::error::Error;
use crate::outbox::Courier;
use crate::store::users::UserRow;
use crate::store::{self, dialogues::DialogueStore};

pub use crate::app::App;
pub use crate::domain::button as callback;
pub use commands::Command;

/// The conversation state of a chat, kept in SQLite.
// A state is loaded and saved once per message; boxing the draft would
// only add noise to every match on it.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum State {
    /// Nothing in progress.
    #[default]
    Idle,
    /// A resident whose phone is not in the register is asked for their unit.
    AwaitUnit { phone: Option<String> },
    /// A resident's conversation with the desk (drafts, pickers, additions).
    Resident(intake::Flow),
    /// A staff member's or supervisor's conversation (reasons, notes, logging).
    Desk(work::Flow),
    /// A resident's survey question waits for typed text.
    Survey(campaign::answer::Answering),
    /// A supervisor composes a survey or notice.
    Compose(campaign::compose::Compose),
}

pub type BotDialogue = Dialogue<State, DialogueStore>;
pub type HandlerResult = Result<(), Error>;

/// Whoever sent the update, as the desk knows them, with the language to
/// answer in and the courier that every answer goes through (paced with
/// everything else the bot sends).
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: UserRow,
    pub lang: Lang,
    /// The Telegram user, for names in messages.
    pub tg: User,
    pub courier: Courier,
}

impl Actor {
    pub fn id(&self) -> i64 {
        self.user.id
    }

    pub fn chat(&self) -> ChatId {
        ChatId(self.user.chat_id)
    }

    pub fn role(&self) -> Option<Role> {
        self.user.role
    }

    /// Who acts, as the desk checks it.
    pub fn doer(&self) -> crate::desk::Doer {
        crate::desk::Doer {
            user_id: self.id(),
            role: self.role(),
        }
    }

    /// The name to show others.
    pub fn display_name(&self) -> String {
        let name = self.tg.full_name();
        match &self.tg.username {
            Some(username) => format!("{name} (@{username})"),
            None => name,
        }
    }
}

/// A resident: the guard below has checked the role.
#[derive(Debug, Clone)]
pub struct Resident(pub Actor);
/// A staff member.
#[derive(Debug, Clone)]
pub struct Staff(pub Actor);
/// A supervisor.
#[derive(Debug, Clone)]
pub struct Supervisor(pub Actor);
/// Staff or a supervisor: someone who works the desk.
#[derive(Debug, Clone)]
pub struct DeskMember(pub Actor);

/// Loads (or, the first time, records) the sender of an update.
async fn load_actor(app: Arc<App>, update: Update) -> Option<Actor> {
    let tg = update.from()?.clone();
    // The bot serves people in their private chats; the chat id is the user id.
    let user_id = i64::try_from(tg.id.0).ok()?;
    let existing = match store::users::get(app.db.pool(), user_id).await {
        Ok(user) => user,
        Err(e) => {
            store::inbox::note_fault("cannot load the user", &e);
            return None;
        }
    };
    let fresh = existing.as_ref().is_some_and(|u| {
        u.first_name == tg.first_name && u.username == tg.username && u.blocked_at.is_none()
    });
    let user = if fresh {
        existing?
    } else {
        let seen = app
            .db
            .write(store::users::upsert_seen(
                app.db.pool(),
                user_id,
                user_id,
                &tg.first_name,
                tg.username.as_deref(),
                app.now(),
            ))
            .await;
        match seen {
            Ok(user) => user,
            Err(e) => {
                store::inbox::note_fault("cannot record the user", &e);
                return None;
            }
        }
    };
    let mut user = user;
    let lang = match user.lang.as_deref().and_then(|l| l.parse().ok()) {
        Some(lang) => lang,
        None => {
            // Remember the app's language, so messages sent later (by staff
            // actions, reminders) reach this person in it too.
            let lang = tg
                .language_code
                .as_deref()
                .and_then(Lang::from_telegram)
                .unwrap_or(app.settings.default_language);
            if let Err(e) = app
                .db
                .write(store::users::set_lang(app.db.pool(), user_id, lang.tag()))
                .await
            {
                tracing::error!(user_id, error = %e, "cannot remember the language");
            }
            user.lang = Some(lang.tag().to_owned());
            lang
        }
    };
    let courier = app.courier.clone();
    Some(Actor {
        user,
        lang,
        tg,
        courier,
    })
}

fn as_resident(actor: Actor) -> Option<Resident> {
    (actor.role() == Some(Role::Resident)).then_some(Resident(actor))
}

fn as_staff(actor: Actor) -> Option<Staff> {
    (actor.role() == Some(Role::Staff)).then_some(Staff(actor))
}

fn as_supervisor(actor: Actor) -> Option<Supervisor> {
    (actor.role() == Some(Role::Supervisor)).then_some(Supervisor(actor))
}

fn as_desk(actor: Actor) -> Option<DeskMember> {
    matches!(actor.role(), Some(Role::Staff | Role::Supervisor)).then_some(DeskMember(actor))
}

/// Staff, supervisors and managers: who may look a ticket up by number.
fn as_desk_or_manager(actor: Actor) -> Option<Actor> {
    matches!(
        actor.role(),
        Some(Role::Staff | Role::Supervisor | Role::Manager)
    )
    .then_some(actor)
}

/// A supervisor or manager: who reads the reports.
fn as_reader(actor: Actor) -> Option<Actor> {
    matches!(actor.role(), Some(Role::Supervisor | Role::Manager)).then_some(actor)
}

/// The whole update handler tree.
pub fn schema() -> Handler<'static, HandlerResult, DpHandlerDescription> {
    let commands = teloxide::filter_command::<Command, _>()
        .branch(dptree::case![Command::Start(payload)].endpoint(onboarding::start))
        .branch(dptree::case![Command::Help].endpoint(common::help))
        .branch(dptree::case![Command::Lang(args)].endpoint(common::lang_command))
        .branch(dptree::case![Command::Cancel].endpoint(common::cancel))
        .branch(
            dptree::case![Command::Duty(args)]
                .filter_map(as_staff)
                .endpoint(duty::duty),
        )
        .branch(
            dptree::case![Command::Duty(args)]
                .filter_map(as_supervisor)
                .endpoint(duty::roster),
        )
        .branch(
            dptree::case![Command::My]
                .filter_map(as_resident)
                .endpoint(intake::my),
        )
        .branch(
            dptree::case![Command::Visits]
                .filter_map(as_desk)
                .endpoint(visits_command),
        )
        .branch(
            dptree::case![Command::Book]
                .filter_map(as_resident)
                .endpoint(book),
        )
        .branch(
            dptree::case![Command::Urgent]
                .filter_map(as_resident)
                .endpoint(intake::urgent),
        )
        .branch(
            dptree::case![Command::Tasks]
                .filter_map(as_staff)
                .endpoint(work::tasks),
        )
        .branch(
            dptree::case![Command::Log(args)]
                .filter_map(as_desk)
                .endpoint(work::log),
        )
        .branch(
            dptree::case![Command::Open(args)]
                .filter_map(as_supervisor)
                .endpoint(work::open),
        )
        .branch(
            dptree::case![Command::Survey]
                .filter_map(as_supervisor)
                .endpoint(campaign::surveys),
        )
        .branch(
            dptree::case![Command::Notice]
                .filter_map(as_supervisor)
                .endpoint(campaign::notices),
        )
        .branch(
            dptree::case![Command::Ticket(args)]
                .filter_map(as_desk_or_manager)
                .endpoint(work::ticket_command),
        )
        .branch(
            dptree::case![Command::Report(args)]
                .filter_map(as_reader)
                .endpoint(report::report),
        )
        .branch(
            dptree::case![Command::Hotspots]
                .filter_map(as_reader)
                .endpoint(hotspots::command),
        )
        .branch(
            dptree::case![Command::Export(args)]
                .filter_map(as_reader)
                .endpoint(report::export),
        )
        .branch(
            dptree::case![Command::Merge(args)]
                .filter_map(as_supervisor)
                .endpoint(work::merge_command),
        )
        .branch(
            dptree::case![Command::Reassign(args)]
                .filter_map(as_supervisor)
                .endpoint(work::reassign_command),
        )
        .endpoint(common::not_for_you);

    let messages = Update::filter_message()
        .filter(|msg: Message| msg.chat.is_private())
        .filter_map_async(load_actor)
        .branch(commands)
        .branch(
            dptree::filter(|msg: Message| common::is_command(&msg))
                .endpoint(common::unknown_command),
        )
        .branch(
            dptree::filter(|msg: Message| msg.contact().is_some()).endpoint(onboarding::contact),
        )
        .branch(
            dptree::case![State::Compose(compose)]
                .filter_map(as_supervisor)
                .endpoint(campaign::compose::text),
        )
        .branch(
            dptree::case![State::Desk(flow)]
                .filter_map(as_desk)
                .endpoint(work::continue_flow),
        )
        .branch(dptree::filter_map(as_desk).endpoint(work::message))
        // Residents and people not (yet) registered: understood first, then
        // decided (emergencies in any state), see `decide`.
        .endpoint(decide::message);

    let edits = Update::filter_edited_message()
        .filter(|msg: Message| msg.chat.is_private())
        .filter_map_async(load_actor)
        .filter_map(as_resident)
        .endpoint(intake::edited);

    let callbacks = Update::filter_callback_query()
        .filter_map_async(load_actor)
        .endpoint(common::button);

    enter_dialogue()
        .branch(messages)
        .branch(edits)
        .branch(callbacks)
}

/// `/visits`: today's and tomorrow's bookings (staff: their department).
async fn visits_command(bot: Bot, app: Arc<App>, member: DeskMember) -> HandlerResult {
    let actor = member.0;
    let result = visits::list(&bot, &app, &actor).await;
    onboarding::settle(&bot, &app, &actor, result).await
}

/// `/book`: what a resident can book.
async fn book(bot: Bot, app: Arc<App>, resident: Resident) -> HandlerResult {
    let actor = resident.0;
    let result = booking::choose(&bot, &app, &actor).await;
    onboarding::settle(&bot, &app, &actor, result).await
}

/// Puts the chat's [`BotDialogue`] and its [`State`] in the dependencies.
/// Unlike teloxide's `dialogue::enter`, a chat without a state is idle
/// without a write: a write counts as the update's change and marks it done
/// (see `store::inbox`), which must wait for the change it really makes.
fn enter_dialogue() -> Handler<'static, HandlerResult, DpHandlerDescription> {
    dptree::filter_map(|storage: Arc<DialogueStore>, update: Update| {
        let chat_id = update.chat_id()?;
        Some(BotDialogue::new(storage, chat_id))
    })
    .filter_map_async(|dialogue: BotDialogue| async move {
        // A read error is noted by the store, so the update is tried again.
        dialogue.get().await.ok().map(Option::unwrap_or_default)
    })
}

/// The dependencies the handler tree needs, for `Dispatcher::builder(..).dependencies(..)`.
pub fn dependencies(app: Arc<App>) -> DependencyMap {
    dptree::deps![DialogueStore::new(app.db.clone()), app]
}
