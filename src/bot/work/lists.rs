//! Lists of tickets: `/tasks` for staff, `/open` with its filters for supervisors.

use std::sync::Arc;

use fluent_bundle::FluentValue;
use teloxide::prelude::*;

use super::{Card, answer, rewrite};
use crate::bot::onboarding::settle;
use crate::bot::{Actor, App, HandlerResult, Staff, Supervisor, reply};
use crate::desk::cards;
use crate::domain::button::{Callback, OpenFilter, TicketOp};
use crate::domain::lang::Lang;
use crate::domain::ticket::Status;
use crate::error::Error;
use crate::outbox::OutButton;
use crate::store;
use crate::store::tickets::TicketRow;
use crate::texts::{t, t_args};

/// How many tickets a list shows; the rest are counted.
const SHOWN: usize = 25;
/// How many open tickets `/open` looks at.
const FETCHED: i64 = 500;

/// `/tasks`: the staff member's open tickets by deadline, a button for each.
pub async fn tasks(bot: Bot, app: Arc<App>, Staff(actor): Staff) -> HandlerResult {
    let result = tasks_inner(&bot, &app, &actor).await;
    settle(&bot, &app, &actor, result).await
}

async fn tasks_inner(bot: &Bot, app: &App, actor: &Actor) -> HandlerResult {
    let tickets = store::tickets::open_of_assignee(app.db.pool(), actor.id()).await?;
    let on_duty = if actor.user.on_duty { "yes" } else { "no" };
    let duty = t_args(actor.lang, "work-duty", &[("on_duty", on_duty.into())]);
    if tickets.is_empty() {
        let text = t_args(actor.lang, "work-tasks-none", &[("duty", duty.into())]);
        return reply::text(bot, actor, text).await;
    }
    let header = t_args(
        actor.lang,
        "work-tasks",
        &[
            ("count", FluentValue::from(tickets.len())),
            ("duty", duty.into()),
        ],
    );
    let (text, rows) = listing(app, actor.lang, header, &tickets).await?;
    reply::buttons(bot, actor, text, &rows).await
}

/// `/open [status|department]`: open tickets for a supervisor, with filters.
pub async fn open(
    bot: Bot,
    app: Arc<App>,
    Supervisor(actor): Supervisor,
    args: String,
) -> HandlerResult {
    let result = open_inner(&bot, &app, &actor, &args).await;
    settle(&bot, &app, &actor, result).await
}

async fn open_inner(bot: &Bot, app: &App, actor: &Actor, args: &str) -> HandlerResult {
    let wanted = args.trim();
    let filter = if wanted.is_empty() {
        Some(OpenFilter::All)
    } else {
        filter_named(app, actor.lang, wanted)
    };
    let Some(filter) = filter else {
        let text = t_args(
            actor.lang,
            "work-open-unknown",
            &[("filter", wanted.into())],
        );
        return reply::buttons(bot, actor, text, &filter_rows(app, actor.lang)).await;
    };
    let (text, rows) = open_list(app, actor.lang, &filter).await?;
    reply::buttons(bot, actor, text, &rows).await
}

/// A filter button under `/open`: the same message shows the new list.
pub async fn open_button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    filter: OpenFilter,
) -> HandlerResult {
    let valid = match &filter {
        OpenFilter::All => true,
        OpenFilter::Status(status) => OPEN_STATUSES.contains(status),
        OpenFilter::Department(dept) => app.settings.departments.contains(dept),
    };
    if !valid {
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    }
    let (text, rows) = open_list(app, actor.lang, &filter).await?;
    answer(bot, actor, query, None).await?;
    match Card::of(query) {
        Some(card) => rewrite(bot, actor, card, text, &rows).await,
        None => reply::buttons(bot, actor, text, &rows).await?,
    }
    Ok(())
}

const OPEN_STATUSES: [Status; 4] = [
    Status::New,
    Status::Assigned,
    Status::Accepted,
    Status::InProgress,
];

/// The filter a supervisor typed: a status or department, by its key or by
/// its name in their language.
fn filter_named(app: &App, lang: Lang, wanted: &str) -> Option<OpenFilter> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    if let Some(status) = OPEN_STATUSES.into_iter().find(|s| {
        same(s.as_str(), wanted) || same(&cards::label(lang, "status", s.as_str()), wanted)
    }) {
        return Some(OpenFilter::Status(status));
    }
    app.settings
        .departments
        .iter()
        .find(|d| same(d, wanted) || same(&cards::label(lang, "dept", d), wanted))
        .map(|d| OpenFilter::Department(d.clone()))
}

fn filter_label(lang: Lang, filter: &OpenFilter) -> String {
    match filter {
        OpenFilter::All => t(lang, "work-open-all"),
        OpenFilter::Status(status) => cards::label(lang, "status", status.as_str()),
        OpenFilter::Department(dept) => cards::label(lang, "dept", dept),
    }
}

/// The filter buttons: every open status, then every department.
fn filter_rows(app: &App, lang: Lang) -> Vec<Vec<OutButton>> {
    let button = |filter: OpenFilter| {
        OutButton::new(filter_label(lang, &filter), Callback::Open(filter).encode())
    };
    let mut statuses = vec![OutButton::new(
        t(lang, "button-open-all"),
        Callback::Open(OpenFilter::All).encode(),
    )];
    statuses.extend(
        OPEN_STATUSES
            .into_iter()
            .map(|s| button(OpenFilter::Status(s))),
    );
    let departments: Vec<OutButton> = app
        .settings
        .departments
        .iter()
        .map(|d| button(OpenFilter::Department(d.clone())))
        .collect();
    let mut rows: Vec<Vec<OutButton>> = statuses.chunks(3).map(<[_]>::to_vec).collect();
    rows.extend(departments.chunks(3).map(<[_]>::to_vec));
    rows
}

async fn open_list(
    app: &App,
    lang: Lang,
    filter: &OpenFilter,
) -> Result<(String, Vec<Vec<OutButton>>), Error> {
    let (status, department) = match filter {
        OpenFilter::All => (None, None),
        OpenFilter::Status(status) => (Some(*status), None),
        OpenFilter::Department(dept) => (None, Some(dept.as_str())),
    };
    let tickets = store::tickets::open(app.db.pool(), status, department, FETCHED).await?;
    let name = filter_label(lang, filter);
    let mut rows = Vec::new();
    let text = if tickets.is_empty() {
        t_args(lang, "work-open-none", &[("filter", name.into())])
    } else {
        let header = t_args(
            lang,
            "work-open",
            &[
                ("filter", name.into()),
                ("count", FluentValue::from(tickets.len())),
            ],
        );
        let (text, ticket_rows) = listing(app, lang, header, &tickets).await?;
        rows = ticket_rows;
        text
    };
    rows.extend(filter_rows(app, lang));
    Ok((text, rows))
}

/// A header over one line per ticket (the first [`SHOWN`]), and a button per
/// ticket that opens it.
async fn listing(
    app: &App,
    lang: Lang,
    header: String,
    tickets: &[TicketRow],
) -> Result<(String, Vec<Vec<OutButton>>), Error> {
    let mut lines = vec![header];
    let mut buttons = Vec::new();
    for ticket in tickets.iter().take(SHOWN) {
        let unit = unit_label(app, lang, ticket).await?;
        lines.push(list_line(app, lang, ticket, &unit));
        let label = t_args(
            lang,
            "work-ticket-button",
            &[
                ("number", ticket.number.clone().into()),
                ("unit", unit.into()),
            ],
        );
        let data = Callback::Ticket {
            id: ticket.id,
            op: TicketOp::View,
        };
        buttons.push(OutButton::new(label, data.encode()));
    }
    if tickets.len() > SHOWN {
        let more = FluentValue::from(tickets.len() - SHOWN);
        lines.push(t_args(lang, "work-list-more", &[("more", more)]));
    }
    let rows = buttons.chunks(2).map(<[_]>::to_vec).collect();
    Ok((lines.join("\n"), rows))
}

/// `3-1502`, the shared place of a ticket in no flat, or a dash.
pub(super) async fn unit_label(app: &App, lang: Lang, ticket: &TicketRow) -> Result<String, Error> {
    let Some(unit_id) = ticket.unit_id else {
        return Ok(cards::place_label(lang, ticket).unwrap_or_else(|| "—".to_owned()));
    };
    Ok(store::units::read(app.db.pool(), unit_id)
        .await?
        .map_or_else(|| "—".to_owned(), |u| u.label()))
}

/// One ticket in a list; the deadline shown is the next one to meet.
fn list_line(app: &App, lang: Lang, ticket: &TicketRow, unit: &str) -> String {
    let deadline = if ticket.accepted_at.is_none() {
        ticket.respond_by
    } else {
        ticket.resolve_by
    };
    let escalated = if ticket.escalated { "yes" } else { "no" };
    t_args(
        lang,
        "work-list-line",
        &[
            ("escalated", escalated.into()),
            ("number", ticket.number.clone().into()),
            (
                "category",
                cards::label(lang, "category", ticket.category.as_str()).into(),
            ),
            ("unit", unit.to_owned().into()),
            (
                "status",
                cards::label(lang, "status", ticket.status.as_str()).into(),
            ),
            ("deadline", cards::time(app, lang, deadline).into()),
        ],
    )
}
