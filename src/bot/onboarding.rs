//! Joining the desk.
//!
//! ```text
//! resident: /start
//! bot:      Welcome … please share your phone number.   [📱 Share my phone number]
//! resident: (shares own contact)
//! bot:      Thank you, Amy. You are registered for 3-1502. …
//!
//! (number not in the register)
//! bot:      Which unit do you live in?
//! resident: 3座1502
//! bot:      Your request … has been sent to the management office.
//! staff:    New resident registration … [✅ Approve] [❌ Reject]
//!
//! staff:    /start 7Q2M-K8PD   (from `residesk invite staff --dept engineering`)
//! bot:      Welcome to the team … staff of Engineering.
//! ```

use std::sync::Arc;

use fluent_bundle::FluentValue;
use teloxide::prelude::*;
use teloxide::types::{ButtonRequest, KeyboardButton, KeyboardMarkup};

use super::callback::Callback;
use super::commands::menu;
use super::reply::{self, apologise};
use super::{Actor, App, BotDialogue, HandlerResult, State};
use crate::domain::phone::Phone;
use crate::domain::role::Role;
use crate::outbox::{self, OutButton, OutMessage};
use crate::store;
use crate::texts::{t, t_args};
use crate::understand;

/// `/start`, with an invite code as payload or without.
pub async fn start(
    bot: Bot,
    app: Arc<App>,
    actor: Actor,
    dialogue: BotDialogue,
    payload: String,
) -> HandlerResult {
    let result = match payload.trim() {
        "" => start_plain(&bot, &app, &actor, &dialogue).await,
        code => redeem_invite(&bot, &app, &actor, code).await,
    };
    settle(&bot, &app, &actor, result).await
}

/// Turns our faults into an apology; a handler's own replies are already sent.
pub(super) async fn settle(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    result: HandlerResult,
) -> HandlerResult {
    match result {
        Ok(()) => Ok(()),
        Err(error) => apologise(bot, actor, &app.settings.office.phone, error).await,
    }
}

async fn start_plain(bot: &Bot, app: &App, actor: &Actor, dialogue: &BotDialogue) -> HandlerResult {
    if actor.role().is_some() {
        return reply::text(bot, actor, t(actor.lang, "already-registered")).await;
    }
    if let Some(request) = store::units::pending_bind_request_of(app.db.pool(), actor.id()).await? {
        let unit = store::units::read(app.db.pool(), request.unit_id)
            .await?
            .map(|u| u.label())
            .unwrap_or_default();
        return reply::text(
            bot,
            actor,
            t_args(actor.lang, "bind-still-pending", &[("unit", unit.into())]),
        )
        .await;
    }
    dialogue.update(State::Idle).await?;
    let share =
        KeyboardButton::new(t(actor.lang, "button-share-phone")).request(ButtonRequest::Contact);
    let keyboard = KeyboardMarkup::new([[share]])
        .resize_keyboard()
        .one_time_keyboard();
    let text = t_args(
        actor.lang,
        "welcome-new",
        &[("office", app.office_name(actor.lang).into())],
    );
    actor
        .courier
        .post(bot.send_message(actor.chat(), text).reply_markup(keyboard));
    Ok(())
}

/// A shared contact: bound to the unit(s) whose register lists the number.
pub async fn contact(
    bot: Bot,
    app: Arc<App>,
    actor: Actor,
    dialogue: BotDialogue,
    msg: Message,
) -> HandlerResult {
    let result = contact_inner(&bot, &app, &actor, &dialogue, &msg).await;
    settle(&bot, &app, &actor, result).await
}

async fn contact_inner(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
) -> HandlerResult {
    let Some(contact) = msg.contact() else {
        return Ok(());
    };
    if actor.role().is_some() {
        return reply::text_removing_keyboard(bot, actor, t(actor.lang, "already-registered"))
            .await;
    }
    // A forwarded card or someone else's contact has another (or no) user id.
    if contact.user_id != Some(actor.tg.id) {
        return reply::text(bot, actor, t(actor.lang, "contact-not-own")).await;
    }
    let Ok(phone) = Phone::parse(&contact.phone_number) else {
        return reply::text(bot, actor, t(actor.lang, "contact-invalid")).await;
    };
    let now = app.now();
    let mut tx = app.db.begin().await?;
    store::users::set_phone(&mut tx, actor.id(), phone.as_str()).await?;
    let units = store::units::registered_for_phone(&mut tx, phone.as_str()).await?;
    if units.is_empty() {
        app.commit(tx).await?;
        dialogue
            .update(State::AwaitUnit {
                phone: Some(phone.as_str().to_owned()),
            })
            .await?;
        return reply::text_removing_keyboard(bot, actor, t(actor.lang, "ask-unit")).await;
    }
    for unit in &units {
        store::units::bind(&mut tx, actor.id(), unit.id, "phone", now).await?;
    }
    store::users::set_role(&mut tx, actor.id(), Role::Resident, None, now).await?;
    let labels: Vec<String> = units.iter().map(|u| u.label()).collect();
    let details = serde_json::json!({ "units": labels, "by": "phone" });
    store::audit::record(
        &mut tx,
        now,
        Some(actor.id()),
        "resident.bound",
        Some(&format!("user:{}", actor.id())),
        &details,
    )
    .await?;
    outbox::enqueue(
        &mut tx,
        actor.chat().0,
        &menu(Some(Role::Resident), actor.lang),
        now,
    )
    .await?;
    // The conversation ends in the write that ends it.
    store::dialogues::clear(&mut tx, dialogue.chat_id().0).await?;
    app.commit(tx).await?;
    let text = t_args(
        actor.lang,
        "registered",
        &[
            ("name", actor.tg.first_name.clone().into()),
            ("units", labels.join(", ").into()),
            ("next", t(actor.lang, "registered-next").into()),
        ],
    );
    reply::text_removing_keyboard(bot, actor, text).await
}

/// The unit typed by a resident whose phone is not in the register (the
/// decide step has checked that the message names one).
pub(super) async fn unit_typed(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    phone: Option<String>,
) -> HandlerResult {
    unit_given_inner(bot, app, actor, dialogue, msg, phone).await
}

async fn unit_given_inner(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    phone: Option<String>,
) -> HandlerResult {
    let text = msg.text().unwrap_or_default();
    let Some(unit_ref) = understand::extract_unit(text) else {
        return reply::text(bot, actor, t(actor.lang, "unit-not-understood")).await;
    };
    let Some(flat) = unit_ref.flat.as_deref() else {
        return reply::text(bot, actor, t(actor.lang, "unit-not-understood")).await;
    };
    let Some(unit) = store::units::find(app.db.pool(), &unit_ref.building, flat).await? else {
        let args = [
            ("unit", FluentValue::from(unit_ref.label())),
            ("phone", app.settings.office.phone.clone().into()),
        ];
        return reply::text(bot, actor, t_args(actor.lang, "unit-unknown", &args)).await;
    };
    let now = app.now();
    let mut tx = app.db.begin().await?;
    // One request waits at a time, and a day allows only a few: each one
    // pings every customer-service member.
    if let Some(pending) = store::units::pending_bind_request_tx(&mut tx, actor.id()).await? {
        let waiting = store::units::get(&mut tx, pending.unit_id)
            .await?
            .map(|u| u.label())
            .unwrap_or_default();
        store::dialogues::clear(&mut tx, dialogue.chat_id().0).await?;
        app.commit(tx).await?;
        let args = [("unit", FluentValue::from(waiting))];
        return reply::text(bot, actor, t_args(actor.lang, "bind-still-pending", &args)).await;
    }
    let day_ago = now - chrono::Duration::days(1);
    let today = store::units::bind_requests_since(&mut tx, actor.id(), day_ago).await?;
    if today >= i64::from(app.settings.onboarding.bind_requests_per_day) {
        store::dialogues::clear(&mut tx, dialogue.chat_id().0).await?;
        app.commit(tx).await?;
        let args = [("phone", app.settings.office.phone.clone().into())];
        return reply::text(bot, actor, t_args(actor.lang, "bind-too-many", &args)).await;
    }
    let request =
        store::units::create_bind_request(&mut tx, actor.id(), unit.id, phone.as_deref(), now)
            .await?;
    let mut deciders = store::users::staff_of(&mut tx, "customer_service").await?;
    if deciders.is_empty() {
        deciders = store::users::supervisors(&mut tx).await?;
    }
    for staff in &deciders {
        let lang = staff
            .lang
            .as_deref()
            .and_then(|l| l.parse().ok())
            .unwrap_or(app.settings.default_language);
        let text = t_args(
            lang,
            "bind-request-staff",
            &[
                ("name", actor.display_name().into()),
                (
                    "phone",
                    phone
                        .clone()
                        .unwrap_or_else(|| t(lang, "bind-phone-unknown"))
                        .into(),
                ),
                ("unit", unit.label().into()),
            ],
        );
        let buttons = vec![vec![
            OutButton::new(
                t(lang, "button-approve"),
                Callback::Bind {
                    request,
                    approve: true,
                }
                .encode(),
            ),
            OutButton::new(
                t(lang, "button-reject"),
                Callback::Bind {
                    request,
                    approve: false,
                }
                .encode(),
            ),
        ]];
        outbox::enqueue(
            &mut tx,
            staff.chat_id,
            &OutMessage::with_buttons(text, buttons),
            now,
        )
        .await?;
    }
    let details = serde_json::json!({ "unit": unit.label(), "notified": deciders.len() });
    store::audit::record(
        &mut tx,
        now,
        Some(actor.id()),
        "bind.requested",
        Some(&format!("bind:{request}")),
        &details,
    )
    .await?;
    // The conversation ends in the write that ends it.
    store::dialogues::clear(&mut tx, dialogue.chat_id().0).await?;
    app.commit(tx).await?;
    reply::text(
        bot,
        actor,
        t_args(actor.lang, "bind-pending", &[("unit", unit.label().into())]),
    )
    .await
}

/// A customer-service staff member or a supervisor decides a bind request.
pub async fn decide_bind(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    request_id: i64,
    approve: bool,
) -> HandlerResult {
    let may_decide = match actor.role() {
        Some(Role::Supervisor) => true,
        Some(Role::Staff) => actor.user.department.as_deref() == Some("customer_service"),
        _ => false,
    };
    if !may_decide {
        return super::common::refuse(bot, actor, query).await;
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let Some(request) = store::units::bind_request(&mut tx, request_id).await? else {
        tx.rollback().await?;
        reply::stale(bot, actor, query);
        return Ok(());
    };
    if !store::units::decide_bind_request(&mut tx, request_id, approve, actor.id(), now).await? {
        tx.rollback().await?;
        let text = t(actor.lang, "bind-already-decided");
        reply::answer(bot, actor, query, Some(text), false);
        return Ok(());
    }
    let unit = store::units::get(&mut tx, request.unit_id)
        .await?
        .map(|u| u.label())
        .unwrap_or_default();
    let resident = store::users::get_tx(&mut tx, request.user_id).await?;
    let resident_lang = resident
        .as_ref()
        .and_then(|r| r.lang.as_deref())
        .and_then(|l| l.parse().ok())
        .unwrap_or(app.settings.default_language);
    let resident_name = resident
        .as_ref()
        .map(|r| r.first_name.clone())
        .unwrap_or_default();
    let office = &app.settings.office;
    let news = if approve {
        store::units::bind(
            &mut tx,
            request.user_id,
            request.unit_id,
            &format!("staff:{}", actor.id()),
            now,
        )
        .await?;
        if resident.as_ref().is_some_and(|r| r.role.is_none()) {
            store::users::set_role(&mut tx, request.user_id, Role::Resident, None, now).await?;
            outbox::enqueue(
                &mut tx,
                request.user_id,
                &menu(Some(Role::Resident), resident_lang),
                now,
            )
            .await?;
        }
        t_args(
            resident_lang,
            "bind-approved",
            &[
                ("unit", unit.clone().into()),
                ("next", t(resident_lang, "registered-next").into()),
            ],
        )
    } else {
        t_args(
            resident_lang,
            "bind-rejected",
            &[
                ("unit", unit.clone().into()),
                ("phone", office.phone.clone().into()),
                ("hours", office.hours.clone().into()),
            ],
        )
    };
    outbox::enqueue(&mut tx, request.user_id, &OutMessage::text(news), now).await?;
    let action = if approve {
        "bind.approved"
    } else {
        "bind.rejected"
    };
    store::audit::record(
        &mut tx,
        now,
        Some(actor.id()),
        action,
        Some(&format!("bind:{request_id}")),
        &serde_json::json!({ "unit": unit }),
    )
    .await?;
    app.commit(tx).await?;

    reply::answer(bot, actor, query, None, false);
    if let Some(message) = &query.message {
        let key = if approve {
            "bind-decided-approved"
        } else {
            "bind-decided-rejected"
        };
        let text = t_args(
            actor.lang,
            key,
            &[
                ("staff", actor.tg.first_name.clone().into()),
                ("name", resident_name.into()),
                ("unit", unit.into()),
            ],
        );
        actor
            .courier
            .call(bot.edit_message_text(message.chat().id, message.id(), text))
            .await?;
    }
    Ok(())
}

/// `/start CODE`: an invite makes the sender staff or a supervisor.
async fn redeem_invite(bot: &Bot, app: &App, actor: &Actor, code: &str) -> HandlerResult {
    let code = code.to_ascii_uppercase();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let invite = store::invites::get(&mut tx, &code).await?;
    let refusal = match &invite {
        None => Some("invite-invalid"),
        Some(i) if i.used_by.is_some() => Some("invite-used"),
        Some(i) if i.expires_at <= now => Some("invite-expired"),
        Some(_) => None,
    };
    let (Some(invite), None) = (invite, refusal) else {
        tx.rollback().await?;
        let key = refusal.unwrap_or("invite-invalid");
        tracing::info!(user_id = actor.id(), key, "invite refused");
        return reply::text(bot, actor, t(actor.lang, key)).await;
    };
    if !store::invites::mark_used(&mut tx, &code, actor.id(), now).await? {
        tx.rollback().await?;
        return reply::text(bot, actor, t(actor.lang, "invite-used")).await;
    }
    let role = invite.role;
    store::users::set_role(&mut tx, actor.id(), role, invite.department.as_deref(), now).await?;
    let details = serde_json::json!({ "role": role, "department": invite.department });
    store::audit::record(
        &mut tx,
        now,
        Some(actor.id()),
        "invite.redeemed",
        Some(&format!("user:{}", actor.id())),
        &details,
    )
    .await?;
    outbox::enqueue(&mut tx, actor.chat().0, &menu(Some(role), actor.lang), now).await?;
    app.commit(tx).await?;
    let name = actor.tg.first_name.clone();
    let text = match role {
        Role::Staff => {
            let department = t(
                actor.lang,
                &format!("dept-{}", invite.department.unwrap_or_default()),
            );
            t_args(
                actor.lang,
                "invite-welcome-staff",
                &[("name", name.into()), ("department", department.into())],
            )
        }
        Role::Manager => t_args(
            actor.lang,
            "invite-welcome-manager",
            &[("name", name.into())],
        ),
        _ => t_args(
            actor.lang,
            "invite-welcome-supervisor",
            &[("name", name.into())],
        ),
    };
    reply::text_removing_keyboard(bot, actor, text).await
}
