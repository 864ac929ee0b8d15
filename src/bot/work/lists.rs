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

/// `/open [unit|status|department|overdue|emergency]`: tickets for a
/// supervisor, with filters, a page at a time.
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
        filter_named(app, wanted).await?
    };
    let Some(filter) = filter else {
        let text = t_args(
            actor.lang,
            "work-open-unknown",
            &[("filter", wanted.into())],
        );
        return reply::buttons(bot, actor, text, &filter_rows(app, actor.lang)).await;
    };
    let (text, rows) = open_list(app, actor.lang, &filter, 0).await?;
    reply::buttons(bot, actor, text, &rows).await
}

/// A filter or page button under `/open`: the same message shows the list.
pub async fn open_button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    query: &CallbackQuery,
    filter: OpenFilter,
    page: u32,
) -> HandlerResult {
    let valid = match &filter {
        OpenFilter::All | OpenFilter::Status(_) | OpenFilter::Overdue | OpenFilter::Emergency => {
            true
        }
        OpenFilter::Department(dept) => app.settings.departments.contains(dept),
        OpenFilter::Unit(id) => store::units::read(app.db.pool(), *id).await?.is_some(),
    };
    if !valid {
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    }
    let (text, rows) = open_list(app, actor.lang, &filter, page).await?;
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

/// The filter a supervisor typed: a unit (`3-1502`), a status (resolved and
/// closed too), a department, overdue or emergency, by its key or by its
/// name in any of the three languages.
async fn filter_named(app: &App, wanted: &str) -> Result<Option<OpenFilter>, Error> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let named = |key: &str, prefix: &str| {
        same(key, wanted)
            || Lang::ALL
                .into_iter()
                .any(|lang| same(&cards::label(lang, prefix, key), wanted))
    };
    if let Some(status) = Status::ALL
        .into_iter()
        .find(|s| named(s.as_str(), "status"))
    {
        return Ok(Some(OpenFilter::Status(status)));
    }
    if let Some(dept) = app.settings.departments.iter().find(|d| named(d, "dept")) {
        return Ok(Some(OpenFilter::Department(dept.clone())));
    }
    let word = |key: &str, english: &str| {
        same(english, wanted)
            || Lang::ALL
                .into_iter()
                .any(|lang| same(&t(lang, key), wanted))
    };
    if word("work-open-overdue", "overdue") {
        return Ok(Some(OpenFilter::Overdue));
    }
    if word("work-open-emergency", "emergency") {
        return Ok(Some(OpenFilter::Emergency));
    }
    if let Some(unit) = crate::understand::extract_unit(wanted)
        && let Some(flat) = unit.flat
        && let Some(row) = store::units::find(app.db.pool(), &unit.building, &flat).await?
    {
        return Ok(Some(OpenFilter::Unit(row.id)));
    }
    Ok(None)
}

async fn filter_label(app: &App, lang: Lang, filter: &OpenFilter) -> Result<String, Error> {
    Ok(match filter {
        OpenFilter::All => t(lang, "work-open-all"),
        OpenFilter::Status(status) => cards::label(lang, "status", status.as_str()),
        OpenFilter::Department(dept) => cards::label(lang, "dept", dept),
        OpenFilter::Overdue => t(lang, "work-open-overdue"),
        OpenFilter::Emergency => t(lang, "work-open-emergency"),
        OpenFilter::Unit(id) => store::units::read(app.db.pool(), *id)
            .await?
            .map_or_else(|| "—".to_owned(), |u| u.label()),
    })
}

/// The filter buttons: every open status, overdue and emergencies, then
/// every department.
fn filter_rows(app: &App, lang: Lang) -> Vec<Vec<OutButton>> {
    let button = |filter: OpenFilter, label: String| {
        OutButton::new(label, Callback::Open(filter, 0).encode())
    };
    let mut statuses = vec![button(OpenFilter::All, t(lang, "button-open-all"))];
    statuses.extend(OPEN_STATUSES.into_iter().map(|s| {
        button(
            OpenFilter::Status(s),
            cards::label(lang, "status", s.as_str()),
        )
    }));
    statuses.push(button(OpenFilter::Overdue, t(lang, "button-open-overdue")));
    statuses.push(button(
        OpenFilter::Emergency,
        t(lang, "button-open-emergency"),
    ));
    let departments: Vec<OutButton> = app
        .settings
        .departments
        .iter()
        .map(|d| {
            button(
                OpenFilter::Department(d.clone()),
                cards::label(lang, "dept", d),
            )
        })
        .collect();
    let mut rows: Vec<Vec<OutButton>> = statuses.chunks(3).map(<[_]>::to_vec).collect();
    rows.extend(departments.chunks(3).map(<[_]>::to_vec));
    rows
}

async fn open_list(
    app: &App,
    lang: Lang,
    filter: &OpenFilter,
    page: u32,
) -> Result<(String, Vec<Vec<OutButton>>), Error> {
    let mut listing = store::tickets::Listing::default();
    match filter {
        OpenFilter::All => {}
        OpenFilter::Status(status) => listing.status = Some(*status),
        OpenFilter::Department(dept) => listing.department = Some(dept.as_str()),
        OpenFilter::Unit(id) => listing.unit_id = Some(*id),
        OpenFilter::Overdue => listing.overdue_at = Some(app.now()),
        OpenFilter::Emergency => listing.emergency = true,
    }
    let total = store::tickets::listed_count(app.db.pool(), &listing).await?;
    let per_page = i64::try_from(SHOWN).unwrap_or(25);
    let pages = (total + per_page - 1) / per_page;
    // A page past the end (the list got shorter) shows the last one.
    let page = i64::from(page).min((pages - 1).max(0));
    let tickets =
        store::tickets::listed(app.db.pool(), &listing, per_page, page * per_page).await?;
    let name = filter_label(app, lang, filter).await?;
    // A resolved, closed or cancelled list is no list of open requests.
    let open = !matches!(filter, OpenFilter::Status(s) if !OPEN_STATUSES.contains(s));
    let mut rows = Vec::new();
    let text = if tickets.is_empty() {
        let key = if open {
            "work-open-none"
        } else {
            "work-listed-none"
        };
        t_args(lang, key, &[("filter", name.into())])
    } else {
        let key = if open { "work-open" } else { "work-listed" };
        let mut header = t_args(
            lang,
            key,
            &[("filter", name.into()), ("count", FluentValue::from(total))],
        );
        if pages > 1 {
            let of = t_args(
                lang,
                "work-page",
                &[
                    ("page", FluentValue::from(page + 1)),
                    ("pages", FluentValue::from(pages)),
                ],
            );
            header = format!("{header} · {of}");
        }
        let (text, ticket_rows) = listing_of(app, lang, header, &tickets, false).await?;
        rows = ticket_rows;
        text
    };
    let mut turn = Vec::new();
    let at = u32::try_from(page).unwrap_or(0);
    if page > 0 {
        turn.push(OutButton::new(
            t(lang, "button-page-previous"),
            Callback::Open(filter.clone(), at - 1).encode(),
        ));
    }
    if page + 1 < pages {
        turn.push(OutButton::new(
            t(lang, "button-page-next"),
            Callback::Open(filter.clone(), at + 1).encode(),
        ));
    }
    if !turn.is_empty() {
        rows.push(turn);
    }
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
    listing_of(app, lang, header, tickets, true).await
}

/// [`listing`], counting what is left out (`more`) or not (a paged list).
async fn listing_of(
    app: &App,
    lang: Lang,
    header: String,
    tickets: &[TicketRow],
    more: bool,
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
    if more && tickets.len() > SHOWN {
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
