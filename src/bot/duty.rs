//! Duty: `/duty on|off` for staff (and `/duty` alone shows the state with
//! buttons), and for supervisors the roster of who is on duty per department.
//!
//! ```text
//! staff:      /duty on
//! bot:        You are now ON duty: new work of Engineering can be assigned to you.
//! staff:      /duty
//! bot:        You are on duty (Engineering).   [⚪ Go off duty]
//! supervisor: /duty
//! bot:        On duty now:
//!             Engineering: 🟢 Chan (2 open) · ⚪ Ho (0 open)
//!             Security: nobody on duty
//! ```

use std::sync::Arc;

use fluent_bundle::FluentValue;
use teloxide::prelude::*;

use super::onboarding::settle;
use super::{Actor, App, HandlerResult, Staff, Supervisor, reply};
use crate::desk::cards;
use crate::domain::button::Callback;
use crate::outbox::OutButton;
use crate::store;
use crate::texts::{t, t_args};

/// What `/duty` was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    On,
    Off,
    Show,
    /// Something we do not know: the state, the buttons and a note.
    Unknown,
}

fn wanted(args: &str) -> Wanted {
    match args.trim().to_lowercase().as_str() {
        "" => Wanted::Show,
        "on" | "開" | "开" | "上班" | "當值" | "值班" => Wanted::On,
        "off" | "關" | "关" | "下班" | "收工" => Wanted::Off,
        _ => Wanted::Unknown,
    }
}

/// `/duty [on|off]` for a staff member.
pub async fn duty(bot: Bot, app: Arc<App>, Staff(actor): Staff, args: String) -> HandlerResult {
    let result = match wanted(&args) {
        Wanted::On => set(&bot, &app, &actor, true).await,
        Wanted::Off => set(&bot, &app, &actor, false).await,
        Wanted::Show => show(&bot, &actor, actor.user.on_duty, None).await,
        Wanted::Unknown => {
            let note = t_args(actor.lang, "duty-usage", &[("given", args.trim().into())]);
            show(&bot, &actor, actor.user.on_duty, Some(note)).await
        }
    };
    settle(&bot, &app, &actor, result).await
}

fn department(actor: &Actor) -> String {
    actor
        .user
        .department
        .as_deref()
        .map(|d| cards::label(actor.lang, "dept", d))
        .unwrap_or_default()
}

/// Sets the state and says so; the same answer when it already was.
async fn set(bot: &Bot, app: &App, actor: &Actor, on: bool) -> HandlerResult {
    app.db
        .write(store::users::set_on_duty(app.db.pool(), actor.id(), on))
        .await?;
    let key = if on { "duty-on" } else { "duty-off" };
    let text = t_args(actor.lang, key, &[("department", department(actor).into())]);
    reply::text(bot, actor, text).await
}

/// The state, with the button that changes it.
async fn show(bot: &Bot, actor: &Actor, on: bool, note: Option<String>) -> HandlerResult {
    let state = t_args(
        actor.lang,
        "duty-state",
        &[
            ("on_duty", if on { "yes" } else { "no" }.into()),
            ("department", department(actor).into()),
        ],
    );
    let text = match note {
        Some(note) => format!("{note}\n\n{state}"),
        None => state,
    };
    let (key, to) = if on {
        ("button-duty-off", false)
    } else {
        ("button-duty-on", true)
    };
    let row = vec![OutButton::new(
        t(actor.lang, key),
        Callback::Duty(to).encode(),
    )];
    reply::buttons(bot, actor, text, &[row]).await
}

/// The duty button under `/duty`: sets the state and rewrites the message.
pub async fn button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    on: bool,
) -> HandlerResult {
    app.db
        .write(store::users::set_on_duty(app.db.pool(), actor.id(), on))
        .await?;
    let key = if on { "duty-on" } else { "duty-off" };
    let text = t_args(actor.lang, key, &[("department", department(actor).into())]);
    reply::answer(bot, actor, query, Some(text.clone()), false);
    match &query.message {
        Some(message) => {
            let request = bot.edit_message_text(message.chat().id, message.id(), text);
            actor.courier.call(request).await?;
        }
        None => reply::text(bot, actor, text).await?,
    }
    Ok(())
}

/// `/duty` for a supervisor: who is on duty, department by department.
pub async fn roster(
    bot: Bot,
    app: Arc<App>,
    Supervisor(actor): Supervisor,
    args: String,
) -> HandlerResult {
    let _ = args;
    let result = roster_inner(&bot, &app, &actor).await;
    settle(&bot, &app, &actor, result).await
}

async fn roster_inner(bot: &Bot, app: &App, actor: &Actor) -> HandlerResult {
    let lang = actor.lang;
    let staff = store::tickets::staff_loads(app.db.pool()).await?;
    let mut lines = vec![t(lang, "roster-title")];
    for dept in &app.settings.departments {
        let members: Vec<String> = staff
            .iter()
            .filter(|s| s.department.as_deref() == Some(dept.as_str()))
            .map(|s| {
                t_args(
                    lang,
                    "roster-member",
                    &[
                        ("on_duty", if s.on_duty { "yes" } else { "no" }.into()),
                        ("name", s.first_name.clone().into()),
                        ("open", FluentValue::from(s.open_tickets)),
                    ],
                )
            })
            .collect();
        let on_duty = staff
            .iter()
            .filter(|s| s.department.as_deref() == Some(dept.as_str()) && s.on_duty)
            .count();
        let people = match (members.is_empty(), on_duty) {
            (true, _) => t(lang, "roster-nobody"),
            (false, 0) => format!(
                "{} · {}",
                t(lang, "roster-none-on-duty"),
                members.join(" · ")
            ),
            (false, _) => members.join(" · "),
        };
        lines.push(t_args(
            lang,
            "roster-line",
            &[
                ("department", cards::label(lang, "dept", dept).into()),
                ("people", people.into()),
            ],
        ));
    }
    reply::text(bot, actor, lines.join("\n")).await
}
