//! A supervisor's powers on a ticket's card (under `/ticket` and History):
//! change its urgency or category, close or cancel it with a reason, merge a
//! duplicate into another ticket (also `/merge R-0002 R-0001`).
//!
//! ```text
//! supervisor: (⚡ Urgency)         → [🚨 Emergency] [High] [Normal] [Low]
//! supervisor: (High)               → ⚡ R-0007 is now High; its time limits are recomputed.
//! supervisor: (✔️ Close)
//! bot:        Why are you closing R-0007? …
//! supervisor: done by the contractor on Monday
//! bot:        ✔️ R-0007 is closed. The resident has been told why.
//! supervisor: /merge R-0008 R-0007
//! bot:        🔗 R-0008 is merged into R-0007; both residents have been told.
//! ```

use std::sync::Arc;

use fluent_bundle::FluentValue;
use teloxide::prelude::*;

use super::ticket::{not_yours_or_refused, render};
use super::{Card, Flow, answer, refusal_key, rewrite};
use crate::bot::onboarding::settle;
use crate::bot::{Actor, App, BotDialogue, HandlerResult, State, Supervisor, reply};
use crate::desk::{self, Refusal, cards};
use crate::domain::button::{Callback, TicketOp};
use crate::domain::request::{Category, Urgency};
use crate::domain::ticket::Action;
use crate::error::Error;
use crate::outbox::OutButton;
use crate::store::tickets::TicketRow;
use crate::store::{self, Tx};
use crate::texts::{t, t_args};

/// The supervisor's rows under an open ticket: urgency and category, close
/// and cancel, and a merge button for each open duplicate.
pub(super) async fn rows(
    tx: &mut Tx,
    actor: &Actor,
    ticket: &TicketRow,
) -> Result<Vec<Vec<OutButton>>, Error> {
    if !ticket.status.is_open() {
        return Ok(Vec::new());
    }
    let (id, lang) = (ticket.id, actor.lang);
    let mut rows = vec![
        vec![
            cards::button(lang, "button-urgency", id, TicketOp::Urgency),
            cards::button(lang, "button-category", id, TicketOp::Category),
        ],
        vec![
            cards::button(lang, "button-close", id, TicketOp::Close),
            cards::button(lang, "button-office-cancel", id, TicketOp::Cancel),
        ],
    ];
    let same = store::work::open_duplicates(
        tx,
        ticket.id,
        ticket.category,
        ticket.unit_id,
        ticket.resident_id,
    )
    .await?;
    for (into, number) in same.into_iter().take(3) {
        let label = t_args(lang, "button-merge-into", &[("number", number.into())]);
        let data = Callback::Ticket {
            id,
            op: TicketOp::MergeInto(into),
        };
        rows.push(vec![OutButton::new(label, data.encode())]);
    }
    Ok(rows)
}

/// A supervisor's power button.
pub(super) async fn press(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    id: i64,
    op: TicketOp,
) -> HandlerResult {
    let Some(ticket) = store::tickets::read(app.db.pool(), id).await? else {
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    };
    if !ticket.status.is_open() {
        return not_yours_or_refused(
            bot,
            app,
            actor,
            query,
            id,
            Refusal::NotNow(not_open(&ticket)),
        )
        .await;
    }
    match op {
        TicketOp::Urgency => {
            let row = Urgency::ALL
                .iter()
                .map(|u| {
                    let label = cards::label(actor.lang, "urgency", u.as_str());
                    let data = Callback::Ticket {
                        id,
                        op: TicketOp::SetUrgency(*u),
                    };
                    OutButton::new(label, data.encode())
                })
                .collect();
            answer(bot, actor, query, None).await?;
            let text = t_args(actor.lang, "work-choose-urgency", &number(&ticket));
            reply::buttons(bot, actor, text, &[row]).await
        }
        TicketOp::Category => {
            let buttons: Vec<OutButton> = Category::ALL
                .iter()
                .map(|c| {
                    let label = cards::label(actor.lang, "category", c.as_str());
                    let data = Callback::Ticket {
                        id,
                        op: TicketOp::SetCategory(*c),
                    };
                    OutButton::new(label, data.encode())
                })
                .collect();
            let rows: Vec<Vec<OutButton>> = buttons.chunks(3).map(<[_]>::to_vec).collect();
            answer(bot, actor, query, None).await?;
            let text = t_args(actor.lang, "work-choose-category", &number(&ticket));
            reply::buttons(bot, actor, text, &rows).await
        }
        TicketOp::Close | TicketOp::Cancel => {
            let card = Card::of(query);
            let (flow, key) = match op {
                TicketOp::Close => (
                    Flow::CloseReason { ticket: id, card },
                    "work-ask-close-reason",
                ),
                _ => (
                    Flow::CancelReason { ticket: id, card },
                    "work-ask-cancel-reason",
                ),
            };
            dialogue.update(State::Desk(flow)).await?;
            answer(bot, actor, query, None).await?;
            let text = t_args(actor.lang, key, &number(&ticket));
            reply::text(bot, actor, text).await
        }
        TicketOp::SetUrgency(urgency) => {
            change(bot, app, actor, query, id, Change::Urgency(urgency)).await
        }
        TicketOp::SetCategory(category) => {
            change(bot, app, actor, query, id, Change::Category(category)).await
        }
        TicketOp::MergeInto(into) => change(bot, app, actor, query, id, Change::Merge(into)).await,
        _ => answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await,
    }
}

fn not_open(ticket: &TicketRow) -> crate::domain::ticket::NotNow {
    crate::domain::ticket::NotNow {
        action: Action::Reassign,
        from: ticket.status,
    }
}

fn number(ticket: &TicketRow) -> [(&'static str, FluentValue<'static>); 1] {
    [("number", ticket.number.clone().into())]
}

/// What a supervisor changes with one press.
#[derive(Debug, Clone, Copy)]
enum Change {
    Urgency(Urgency),
    Category(Category),
    /// Merge the ticket into this one.
    Merge(i64),
}

async fn change(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    what: Change,
) -> HandlerResult {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let result = apply(&mut tx, app, actor, id, what, now).await?;
    let (ticket, done) = match result {
        Ok(done) => done,
        Err(refusal) => {
            tx.rollback().await?;
            return not_yours_or_refused(bot, app, actor, query, id, refusal).await;
        }
    };
    let (text, rows) = render(&mut tx, app, actor, &ticket, Some(done.clone())).await?;
    app.commit(tx).await?;
    tracing::info!(ticket_id = id, user_id = actor.id(), change = ?what, "supervisor changed a ticket");
    answer(bot, actor, query, Some(done)).await?;
    match Card::of(query) {
        Some(card) => rewrite(bot, actor, card, text, &rows).await,
        None => reply::buttons(bot, actor, text, &rows).await?,
    }
    Ok(())
}

/// The change in the desk, and what the supervisor is told.
async fn apply(
    tx: &mut Tx,
    app: &App,
    actor: &Actor,
    id: i64,
    what: Change,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Result<(TicketRow, String), Refusal>, Error> {
    let lang = actor.lang;
    let me = actor.id();
    let result = match what {
        Change::Urgency(u) => desk::supervise::set_urgency(tx, app, id, me, u, now).await?,
        Change::Category(c) => desk::supervise::set_category(tx, app, id, me, c, now).await?,
        Change::Merge(into) => desk::supervise::merge(tx, app, id, into, me, now).await?,
    };
    let ticket = match result {
        Ok(ticket) => ticket,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let done = match what {
        Change::Urgency(u) => t_args(
            lang,
            "work-urgency-set",
            &[
                ("number", ticket.number.clone().into()),
                ("urgency", cards::label(lang, "urgency", u.as_str()).into()),
            ],
        ),
        Change::Category(c) => t_args(
            lang,
            "work-category-set",
            &[
                ("number", ticket.number.clone().into()),
                (
                    "category",
                    cards::label(lang, "category", c.as_str()).into(),
                ),
                (
                    "department",
                    cards::label(lang, "dept", &ticket.department).into(),
                ),
            ],
        ),
        Change::Merge(_) => {
            let duplicate = store::tickets::get(tx, id)
                .await?
                .map(|t| t.number)
                .unwrap_or_default();
            t_args(
                lang,
                "work-merged",
                &[
                    ("duplicate", duplicate.into()),
                    ("number", ticket.number.clone().into()),
                ],
            )
        }
    };
    Ok(Ok((ticket, done)))
}

/// The reason for closing or cancelling: the ticket is closed or cancelled
/// and the resident told why.
#[allow(clippy::too_many_arguments)]
pub(super) async fn reason(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    id: i64,
    card: Option<Card>,
    action: Action,
) -> HandlerResult {
    let Some(reason) = msg.text().map(str::trim).filter(|s| !s.is_empty()) else {
        return reply::text(bot, actor, t(actor.lang, "work-need-text")).await;
    };
    let reason: String = reason.chars().take(1000).collect();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let result = desk::act(&mut tx, app, id, actor.doer(), action, Some(&reason), now).await?;
    let ticket = match result {
        Ok(ticket) => ticket,
        Err(refusal) => {
            tx.rollback().await?;
            dialogue.update(State::Idle).await?;
            let text = match refusal {
                Refusal::NotNow(_) => match store::tickets::read(app.db.pool(), id).await? {
                    Some(ticket) => t_args(
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
                    None => t(actor.lang, "stale-button"),
                },
                other => t(actor.lang, refusal_key(&other)),
            };
            return reply::text(bot, actor, text).await;
        }
    };
    let key = match action {
        Action::Close => "work-closed",
        _ => "work-cancelled",
    };
    let done = t_args(actor.lang, key, &number(&ticket));
    let (text, rows) = render(&mut tx, app, actor, &ticket, Some(done.clone())).await?;
    store::dialogues::clear(&mut tx, dialogue.chat_id().0).await?;
    app.commit(tx).await?;
    tracing::info!(
        ticket_id = id,
        user_id = actor.id(),
        action = action.as_str(),
        "supervisor ended a ticket"
    );
    if let Some(card) = card {
        rewrite(bot, actor, card, text, &rows).await;
    }
    reply::text(bot, actor, done).await?;
    if action == Action::Close {
        crate::bot::judge::ask_after(bot, actor, &ticket).await?;
    }
    Ok(())
}

/// `/merge R-0008 R-0007`: the first ticket is merged into the second.
pub async fn merge_command(
    bot: Bot,
    app: Arc<App>,
    Supervisor(actor): Supervisor,
    args: String,
) -> HandlerResult {
    let result = merge_inner(&bot, &app, &actor, &args).await;
    settle(&bot, &app, &actor, result).await
}

async fn merge_inner(bot: &Bot, app: &App, actor: &Actor, args: &str) -> HandlerResult {
    let numbers: Vec<String> = args.split_whitespace().map(str::to_uppercase).collect();
    let [duplicate, kept] = numbers.as_slice() else {
        return reply::text(bot, actor, t(actor.lang, "work-merge-usage")).await;
    };
    let mut found = Vec::new();
    for number in [duplicate, kept] {
        match store::tickets::by_number(app.db.pool(), number).await? {
            Some(ticket) => found.push(ticket),
            None => {
                let text = t_args(
                    actor.lang,
                    "work-ticket-unknown",
                    &[("number", number.clone().into())],
                );
                return reply::text(bot, actor, text).await;
            }
        }
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    match apply(
        &mut tx,
        app,
        actor,
        found[0].id,
        Change::Merge(found[1].id),
        now,
    )
    .await?
    {
        Ok((_, done)) => {
            app.commit(tx).await?;
            reply::text(bot, actor, done).await
        }
        Err(refusal) => {
            tx.rollback().await?;
            let text = match refusal {
                Refusal::NotFound => t(actor.lang, "work-merge-usage"),
                _ => t_args(
                    actor.lang,
                    "work-merge-refused",
                    &[
                        ("duplicate", duplicate.clone().into()),
                        ("number", kept.clone().into()),
                    ],
                ),
            };
            reply::text(bot, actor, text).await
        }
    }
}
