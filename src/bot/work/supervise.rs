//! Looking into a ticket (its card and history) and, for supervisors, giving
//! it to someone else.

use std::sync::Arc;

use fluent_bundle::FluentValue;
use teloxide::prelude::*;

use super::ticket::render;
use super::{Card, answer, refusal_key, rewrite};
use crate::bot::common::refuse;
use crate::bot::onboarding::settle;
use crate::bot::{Actor, App, HandlerResult, Supervisor, reply};
use crate::desk::{self, Refusal, cards, notes};
use crate::domain::button::{Callback, TicketOp};
use crate::domain::lang::Lang;
use crate::error::Error;
use crate::outbox::OutButton;
use crate::store;
use crate::store::tickets::TicketRow;
use crate::texts::{has, t, t_args};

/// View / History: the card with its history and the buttons this member
/// may use, as a new message (the list it came from stays).
pub async fn view(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
) -> HandlerResult {
    let Some(ticket) = store::tickets::read(app.db.pool(), id).await? else {
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    };
    if !notes::may_work(actor.doer(), &ticket) {
        return refuse(bot, actor, query).await;
    }
    let mut tx = app.db.begin().await?;
    let (card, rows) = render(&mut tx, app, actor, &ticket, None).await?;
    tx.rollback().await?;
    let history = history(app, actor.lang, ticket.id).await?;
    answer(bot, actor, query, None).await?;
    reply::buttons(bot, actor, format!("{card}\n\n{history}"), &rows).await
}

/// `/ticket R-0012`: the card and its history, with the buttons this member
/// may use. Staff see their own tickets, supervisors every ticket, managers
/// every ticket read-only (no buttons).
pub async fn ticket_command(
    bot: Bot,
    app: std::sync::Arc<App>,
    actor: Actor,
    args: String,
) -> HandlerResult {
    let number = args.trim().to_uppercase();
    let found = match number.as_str() {
        "" => None,
        n => store::tickets::by_number(app.db.pool(), n).await?,
    };
    let visible = |t: &TicketRow| {
        actor.role() == Some(crate::domain::role::Role::Manager) || notes::may_work(actor.doer(), t)
    };
    let Some(ticket) = found.filter(visible) else {
        let text = t_args(actor.lang, "lookup-not-found", &[("number", number.into())]);
        return reply::text(&bot, &actor, text).await;
    };
    let mut tx = app.db.begin().await?;
    let (card, rows) = render(&mut tx, &app, &actor, &ticket, None).await?;
    tx.rollback().await?;
    let history = history(&app, actor.lang, ticket.id).await?;
    reply::buttons(&bot, &actor, format!("{card}\n\n{history}"), &rows).await
}

/// A ticket's history, one line per step, in a language.
async fn history(app: &App, lang: Lang, ticket_id: i64) -> Result<String, Error> {
    let mut lines = vec![t(lang, "work-history")];
    for row in store::tickets::history(app.db.pool(), ticket_id).await? {
        let key = format!("history-{}", row.action);
        // Steps recorded by newer code than these prompts still show, by name.
        let action = if has(lang, &key) {
            t(lang, &key)
        } else {
            row.action.clone()
        };
        let actor = row
            .actor_name
            .filter(|_| row.actor.is_some())
            .unwrap_or_else(|| t(lang, "work-history-system"));
        let mut line = t_args(
            lang,
            "work-history-line",
            &[
                ("at", cards::time(app, lang, row.at).into()),
                ("action", action.into()),
                ("actor", actor.into()),
            ],
        );
        if let Some(staff) = row.target_name {
            let department = row
                .target_department
                .as_deref()
                .map(|d| cards::label(lang, "dept", d))
                .unwrap_or_else(|| t(lang, "dept-supervisors"));
            let to = t_args(
                lang,
                "work-history-to",
                &[("staff", staff.into()), ("department", department.into())],
            );
            line.push_str(&format!(" {to}"));
        }
        if let Some(note) = row.note.filter(|n| !n.is_empty()) {
            // A judgement's note is kept as keys, shown in the reader's words.
            let note = match row.action.as_str() {
                "validity" | "validity_confirmed" => {
                    crate::desk::judgement::note_label(lang, &note).unwrap_or(note)
                }
                _ => note,
            };
            line.push_str(&format!(" — {note}"));
        }
        lines.push(line);
    }
    Ok(lines.join("\n"))
}

/// Reassign: the staff as buttons, the ticket's department first, each with
/// their duty and open work.
pub async fn choose_staff(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
) -> HandlerResult {
    let Some(ticket) = store::tickets::read(app.db.pool(), id).await? else {
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    };
    answer(bot, actor, query, None).await?;
    send_staff_choice(bot, app, actor, &ticket).await
}

async fn send_staff_choice(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    ticket: &TicketRow,
) -> HandlerResult {
    let number = ("number", FluentValue::from(ticket.number.clone()));
    let mut staff = store::tickets::staff_loads(app.db.pool()).await?;
    if staff.is_empty() {
        let text = t_args(actor.lang, "work-reassign-none", &[number]);
        return reply::text(bot, actor, text).await;
    }
    // Stable: the supervisor themselves first, then the department's own
    // staff, the rest as the store orders them.
    staff.sort_by_key(|s| {
        (
            s.id != actor.id(),
            s.department.as_deref() != Some(ticket.department.as_str()),
        )
    });
    let rows: Vec<Vec<OutButton>> = staff
        .iter()
        .map(|s| {
            let department = s
                .department
                .as_deref()
                .map(|d| cards::label(actor.lang, "dept", d))
                .unwrap_or_else(|| t(actor.lang, "dept-supervisors"));
            let key = if s.id == actor.id() {
                "work-reassign-me"
            } else {
                "work-reassign-staff"
            };
            let label = t_args(
                actor.lang,
                key,
                &[
                    ("on_duty", if s.on_duty { "yes" } else { "no" }.into()),
                    ("name", s.first_name.clone().into()),
                    ("department", department.into()),
                    ("open", FluentValue::from(s.open_tickets)),
                ],
            );
            let data = Callback::Ticket {
                id: ticket.id,
                op: TicketOp::ReassignTo(s.id),
            };
            vec![OutButton::new(label, data.encode())]
        })
        .collect();
    let text = t_args(actor.lang, "work-reassign-choose", &[number]);
    reply::buttons(bot, actor, text, &rows).await
}

/// A staff member picked: the ticket is theirs (desk pings them).
pub async fn reassign_to(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    staff: i64,
) -> HandlerResult {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let ticket = match desk::assign::reassign(&mut tx, app, id, actor.id(), staff, now).await? {
        Ok(ticket) => ticket,
        Err(refusal) => {
            tx.rollback().await?;
            return reassign_refused(bot, app, actor, query, id, refusal).await;
        }
    };
    if staff == actor.id() {
        // Taken: the card is now the supervisor's own, with the assignee's buttons.
        let done = t_args(
            actor.lang,
            "work-taken",
            &[("number", ticket.number.clone().into())],
        );
        let (text, rows) = render(&mut tx, app, actor, &ticket, Some(done.clone())).await?;
        app.commit(tx).await?;
        tracing::info!(ticket_id = id, user_id = actor.id(), "ticket taken");
        answer(bot, actor, query, Some(done)).await?;
        match Card::of(query) {
            Some(card) => rewrite(bot, actor, card, text, &rows).await,
            None => reply::buttons(bot, actor, text, &rows).await?,
        }
        return Ok(());
    }
    let name = store::users::get_tx(&mut tx, staff)
        .await?
        .map(|u| u.first_name)
        .unwrap_or_default();
    app.commit(tx).await?;
    tracing::info!(
        ticket_id = id,
        user_id = actor.id(),
        to = staff,
        "ticket reassigned"
    );
    let done = t_args(
        actor.lang,
        "work-reassigned",
        &[
            ("number", ticket.number.clone().into()),
            ("staff", name.into()),
        ],
    );
    answer(bot, actor, query, Some(done.clone())).await?;
    match Card::of(query) {
        Some(card) => rewrite(bot, actor, card, done, &[]).await,
        None => reply::text(bot, actor, done).await?,
    }
    Ok(())
}

async fn reassign_refused(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    refusal: Refusal,
) -> HandlerResult {
    match refusal {
        Refusal::NotYours => refuse(bot, actor, query).await,
        Refusal::NotNow(_) => {
            let Some(ticket) = store::tickets::read(app.db.pool(), id).await? else {
                return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
            };
            let holder = match ticket.assignee_id {
                Some(staff) => store::users::get(app.db.pool(), staff).await?,
                None => None,
            };
            let text = match holder {
                Some(holder) if is_open(&ticket) => t_args(
                    actor.lang,
                    "work-reassign-same",
                    &[
                        ("number", ticket.number.clone().into()),
                        ("staff", holder.first_name.into()),
                    ],
                ),
                _ => t_args(
                    actor.lang,
                    "work-already",
                    &[
                        ("number", ticket.number.clone().into()),
                        (
                            "status",
                            cards::label(actor.lang, "status", ticket.status.as_str()).into(),
                        ),
                    ],
                ),
            };
            answer(bot, actor, query, Some(text)).await
        }
        other => answer(bot, actor, query, Some(t(actor.lang, refusal_key(&other)))).await,
    }
}

fn is_open(ticket: &TicketRow) -> bool {
    ticket.status.is_open()
}

/// `/reassign R-0012`: the staff to choose from for that ticket.
pub async fn reassign_command(
    bot: Bot,
    app: Arc<App>,
    Supervisor(actor): Supervisor,
    args: String,
) -> HandlerResult {
    let result = reassign_command_inner(&bot, &app, &actor, &args).await;
    settle(&bot, &app, &actor, result).await
}

async fn reassign_command_inner(bot: &Bot, app: &App, actor: &Actor, args: &str) -> HandlerResult {
    let number = args.trim().to_uppercase();
    if number.is_empty() {
        return reply::text(bot, actor, t(actor.lang, "work-reassign-usage")).await;
    }
    let Some(ticket) = store::tickets::by_number(app.db.pool(), &number).await? else {
        let text = t_args(
            actor.lang,
            "work-ticket-unknown",
            &[("number", number.into())],
        );
        return reply::text(bot, actor, text).await;
    };
    send_staff_choice(bot, app, actor, &ticket).await
}
