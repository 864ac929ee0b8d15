//! What works from anywhere: help, language, cancel, duty, pressed buttons and
//! the catch-alls.

use std::sync::Arc;

use fluent_bundle::FluentValue;
use teloxide::prelude::*;
use teloxide::types::MessageEntityKind;

use super::callback::Callback;
use super::commands::menu;
use super::onboarding::{self, settle};
use super::{Actor, App, BotDialogue, HandlerResult, State, campaign, intake, rating, reply, work};
use crate::domain::lang::Lang;
use crate::domain::role::Role;
use crate::outbox::{self, OutButton};
use crate::store;
use crate::texts::{t, t_args};

/// `/help`: what this user can do.
pub async fn help(bot: Bot, app: Arc<App>, actor: Actor) -> HandlerResult {
    reply::text(&bot, &actor, help_text(&app, &actor)).await
}

fn help_text(app: &App, actor: &Actor) -> String {
    let office = &app.settings.office;
    let department = actor
        .user
        .department
        .as_deref()
        .map(|d| t(actor.lang, &format!("dept-{d}")))
        .unwrap_or_default();
    let args: [(&str, FluentValue); 5] = [
        ("office", app.office_name(actor.lang).into()),
        ("phone", office.phone.clone().into()),
        ("hours", office.hours.clone().into()),
        ("emergency", office.emergency_phone.clone().into()),
        ("department", department.into()),
    ];
    let key = match actor.role() {
        None => "help-guest",
        Some(Role::Resident) => "help-resident",
        Some(Role::Staff) => "help-staff",
        Some(Role::Supervisor) => "help-supervisor",
        Some(Role::Manager) => "help-manager",
    };
    t_args(actor.lang, key, &args)
}

/// `/lang [en|zh-Hant|zh-Hans]`: sets the language named, else offers the
/// languages as buttons (with a note when the argument was none of them).
pub async fn lang_command(bot: Bot, app: Arc<App>, actor: Actor, args: String) -> HandlerResult {
    let given = args.trim();
    let result = match given.parse::<Lang>() {
        Ok(lang) => {
            let text = set_lang_to(&app, &actor, lang).await;
            match text {
                Ok(text) => reply::text(&bot, &actor, text).await,
                Err(e) => Err(e),
            }
        }
        Err(_) => {
            let note = (!given.is_empty())
                .then(|| t_args(actor.lang, "lang-unknown", &[("given", given.into())]));
            choose_lang(&bot, &actor, note).await
        }
    };
    settle(&bot, &app, &actor, result).await
}

/// The languages as buttons, under an optional note.
async fn choose_lang(bot: &Bot, actor: &Actor, note: Option<String>) -> HandlerResult {
    let row = Lang::ALL
        .into_iter()
        .map(|l| {
            OutButton::new(
                t(l, &format!("lang-name-{}", l.tag())),
                Callback::Lang(l).encode(),
            )
        })
        .collect();
    let choose = t(actor.lang, "lang-choose");
    let text = match note {
        Some(note) => format!("{note}\n{choose}"),
        None => choose,
    };
    reply::buttons(bot, actor, text, &[row]).await
}

/// Sets a user's language and their command menu in it; returns the
/// confirmation, in the new language.
async fn set_lang_to(app: &App, actor: &Actor, lang: Lang) -> Result<String, crate::error::Error> {
    app.db
        .write(store::users::set_lang(
            app.db.pool(),
            actor.id(),
            lang.tag(),
        ))
        .await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    outbox::enqueue(&mut tx, actor.chat().0, &menu(actor.role(), lang), now).await?;
    app.commit(tx).await?;
    let name = t(lang, &format!("lang-name-{}", lang.tag()));
    Ok(t_args(lang, "lang-set", &[("language", name.into())]))
}

/// `/cancel`: leaves whatever conversation is in progress.
pub async fn cancel(bot: Bot, actor: Actor, dialogue: BotDialogue, state: State) -> HandlerResult {
    if state == State::Idle {
        let key = reply::worded(&actor, "nothing-to-cancel");
        return reply::text_removing_keyboard(&bot, &actor, t(actor.lang, &key)).await;
    }
    dialogue.update(State::Idle).await?;
    let key = reply::worded(&actor, "cancelled");
    reply::text_removing_keyboard(&bot, &actor, t(actor.lang, &key)).await
}

/// A command this user may not use here.
pub async fn not_for_you(bot: Bot, actor: Actor) -> HandlerResult {
    let key = match actor.role() {
        None => "not-registered".to_owned(),
        Some(_) => reply::worded(&actor, "not-allowed"),
    };
    reply::text(&bot, &actor, t(actor.lang, &key)).await
}

/// Whether a message is a command (Telegram marks one at its start), so that
/// a command we do not know is never taken for a request.
pub fn is_command(msg: &Message) -> bool {
    msg.entities().is_some_and(|entities| {
        entities
            .iter()
            .any(|e| e.kind == MessageEntityKind::BotCommand && e.offset == 0)
    })
}

/// A command we do not know, from anyone, in any state.
pub async fn unknown_command(bot: Bot, actor: Actor) -> HandlerResult {
    let key = reply::worded(&actor, "unknown-command");
    reply::text(&bot, &actor, t(actor.lang, &key)).await
}

/// A pressed inline button.
pub async fn button(
    bot: Bot,
    app: Arc<App>,
    actor: Actor,
    dialogue: BotDialogue,
    query: CallbackQuery,
) -> HandlerResult {
    let result = match query.data.as_deref().and_then(Callback::parse) {
        None => {
            tracing::info!(user_id = actor.id(), data = ?query.data, "unknown callback data");
            reply::answer(
                &bot,
                &actor,
                &query,
                Some(t(actor.lang, "stale-button")),
                false,
            );
            Ok(())
        }
        Some(Callback::Lang(lang)) => set_lang(&bot, &app, &actor, &query, lang).await,
        Some(Callback::Book(op)) => super::booking::pressed(&bot, &app, &actor, &query, op).await,
        Some(Callback::Mark(op)) => match actor.role() {
            // Managers read hot spots; the marking itself is the supervisors'.
            Some(Role::Supervisor | Role::Manager) => {
                super::mark::pressed(&bot, &app, &actor, &query, op).await
            }
            _ => refuse(&bot, &actor, &query).await,
        },
        Some(Callback::Judge(op)) => match actor.role() {
            Some(Role::Staff | Role::Supervisor) => {
                super::judge::pressed(&bot, &app, &actor, &query, op).await
            }
            _ => refuse(&bot, &actor, &query).await,
        },
        Some(Callback::Duty(on)) => match actor.role() {
            Some(Role::Staff) => super::duty::button(&bot, &app, &actor, &query, on).await,
            _ => refuse(&bot, &actor, &query).await,
        },
        Some(Callback::Bind { request, approve }) => {
            onboarding::decide_bind(&bot, &app, &actor, &query, request, approve).await
        }
        Some(Callback::Draft { nonce, op }) => match actor.role() {
            Some(Role::Resident) => {
                intake::draft_button(&bot, &app, &actor, &dialogue, &query, nonce, op).await
            }
            _ => refuse(&bot, &actor, &query).await,
        },
        Some(Callback::Ticket { id, op }) => match actor.role() {
            Some(Role::Resident) => {
                intake::ticket_button(&bot, &app, &actor, &dialogue, &query, id, op).await
            }
            Some(Role::Staff | Role::Supervisor) => {
                work::ticket_button(&bot, &app, &actor, &dialogue, &query, id, op).await
            }
            // Managers read; they do not work tickets.
            Some(Role::Manager) | None => refuse(&bot, &actor, &query).await,
        },
        Some(Callback::Open(filter, page)) => match actor.role() {
            Some(Role::Supervisor) => {
                work::open_button(&bot, &app, &actor, &query, filter, page).await
            }
            _ => refuse(&bot, &actor, &query).await,
        },
        Some(Callback::Log { nonce, via }) => match actor.role() {
            Some(Role::Staff | Role::Supervisor) => {
                work::log_button(&bot, &app, &actor, &dialogue, &query, nonce, via).await
            }
            _ => refuse(&bot, &actor, &query).await,
        },
        Some(Callback::Rate { callback, answer }) => match actor.role() {
            Some(Role::Resident) => {
                rating::rate(&bot, &app, &actor, &query, callback, answer).await
            }
            _ => refuse(&bot, &actor, &query).await,
        },
        Some(Callback::Phoned {
            callback,
            satisfied,
        }) => match actor.role() {
            Some(Role::Staff | Role::Supervisor) => {
                rating::phoned(&bot, &app, &actor, &query, callback, satisfied).await
            }
            _ => refuse(&bot, &actor, &query).await,
        },
        Some(Callback::SurveyStart { campaign }) => {
            campaign::answer::start(&bot, &app, &actor, &dialogue, &query, campaign).await
        }
        Some(Callback::Answer {
            token,
            question,
            op,
        }) => {
            campaign::answer::press(&bot, &app, &actor, &dialogue, &query, token, question, op)
                .await
        }
        Some(Callback::NoticeAck { campaign }) => {
            campaign::answer::ack(&bot, &app, &actor, &query, campaign).await
        }
        Some(Callback::Campaign { id, op }) => {
            campaign::button(&bot, &app, &actor, &query, id, op).await
        }
        Some(Callback::Compose { nonce, op }) => {
            campaign::compose::button_pressed(&bot, &app, &actor, &dialogue, &query, nonce, op)
                .await
        }
    };
    settle(&bot, &app, &actor, result).await
}

/// A button this user may not press: a polite refusal, nothing changes.
pub async fn refuse(bot: &Bot, actor: &Actor, query: &CallbackQuery) -> HandlerResult {
    tracing::info!(user_id = actor.id(), data = ?query.data, "refused a button");
    let key = reply::worded(actor, "not-allowed");
    reply::answer(bot, actor, query, Some(t(actor.lang, &key)), true);
    Ok(())
}

async fn set_lang(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    lang: Lang,
) -> HandlerResult {
    let text = set_lang_to(app, actor, lang).await?;
    reply::answer(bot, actor, query, None, false);
    match &query.message {
        Some(message) => {
            let request = bot.edit_message_text(message.chat().id, message.id(), text);
            actor.courier.call(request).await?;
        }
        None => reply::text(bot, actor, text).await?,
    }
    Ok(())
}
