//! The monthly report: gathered from the store, computed by
//! `domain::report`, and rendered as a chat summary, JSON, CSV, an XLSX
//! workbook and PNG charts. The monthly job (`job`) sends it to supervisors
//! and managers; `/report` and `residesk report` make it on demand.

pub mod charts;
pub mod cli;
pub mod job;
pub mod tables;
pub mod text;

use chrono::{DateTime, Utc};

use crate::config::Settings;
use crate::domain::lang::Lang;
use crate::domain::report::hotspot::Cluster;
use crate::domain::report::{
    self, CallbackFact, Facts, HotSpot, Limits, Month, MonthlyReport, TicketFact,
};
use crate::domain::request::{Kind, Urgency};
use crate::error::Error;
use crate::store::report::{ReportCallbackRow, ReportTicketRow};
use crate::store::{self, Db};
use crate::texts::t;

/// A report with the month's tickets it was made from (the workbook lists them).
#[derive(Debug, Clone)]
pub struct Made {
    pub report: MonthlyReport,
    pub tickets: Vec<ReportTicketRow>,
    /// The previous month's tickets by category (the category chart shows both).
    pub previous_by_category: std::collections::BTreeMap<String, usize>,
}

/// The limits per urgency in minutes, from the settings.
pub fn limits(settings: &Settings) -> Limits {
    settings
        .sla
        .iter()
        .map(|(u, sla)| {
            let minutes =
                |d: std::time::Duration| i64::try_from(d.as_secs() / 60).unwrap_or(i64::MAX);
            (
                u.as_str().to_owned(),
                (minutes(sla.respond), minutes(sla.resolve)),
            )
        })
        .collect()
}

fn ticket_fact(settings: &Settings, row: &ReportTicketRow) -> TicketFact {
    // The limits as the desk counts them, for the urgency the ticket has now.
    let limits = row
        .kind
        .parse::<Kind>()
        .ok()
        .zip(row.urgency.parse::<Urgency>().ok())
        .map(|(kind, urgency)| settings.deadlines(kind, urgency, row.created_at));
    TicketFact {
        number: row.number.clone(),
        kind: row.kind.clone(),
        category: row.category.clone(),
        urgency: row.urgency.clone(),
        source: row.source.clone(),
        department: row.department.clone(),
        building: row.building.clone(),
        unit: row
            .building
            .as_ref()
            .zip(row.flat.as_ref())
            .map(|(b, f)| format!("{b}-{f}")),
        status: row.status.clone(),
        assignee: row.assignee.clone(),
        created_at: row.created_at,
        responded_at: row.responded_at,
        resolved_at: row.resolved_at,
        respond_by: limits.as_ref().map(|d| d.respond_by),
        resolve_by: limits.as_ref().map(|d| d.resolve_by),
        reopen_count: row.reopen_count,
        escalated: row.escalated,
        // A staff member's judgement counts once a supervisor confirms it.
        validity: row.validity.clone().filter(|_| row.validity_confirmed),
        validity_reason: row
            .validity_reason
            .clone()
            .filter(|_| row.validity_confirmed),
        key_complaint: row.key_complaint,
    }
}

fn callback_fact(row: &ReportCallbackRow) -> CallbackFact {
    CallbackFact {
        department: row.department.clone(),
        staff: row.staff.clone(),
        answered: row.status == "answered",
        rating: row.rating.and_then(|r| u8::try_from(r).ok()),
        satisfied: row.satisfied,
    }
}

/// The month's tickets and callbacks as facts, with its hot spots.
async fn facts_of(
    db: &Db,
    settings: &Settings,
    month: Month,
) -> Result<(Vec<ReportTicketRow>, Vec<TicketFact>, Vec<CallbackFact>), Error> {
    let (from, to) = month.range(settings.timezone);
    // Two connections, read side by side.
    let (rows, callbacks) = tokio::try_join!(
        store::report::tickets_created(db.pool(), from, to),
        store::report::callbacks_resolved(db.pool(), from, to),
    )?;
    let tickets = rows.iter().map(|row| ticket_fact(settings, row)).collect();
    let callbacks = callbacks.iter().map(callback_fact).collect();
    Ok((rows, tickets, callbacks))
}

/// The hot spots with a ticket created in `month`, as the desk followed them.
async fn hot_spots_of(db: &Db, settings: &Settings, month: Month) -> Result<Vec<HotSpot>, Error> {
    let (from, to) = month.range(settings.timezone);
    let spots = store::hot_spots::of_period(db.pool(), from, to).await?;
    let ids: Vec<i64> = spots.iter().map(|s| s.spot.id).collect();
    let mut numbers: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
    for (id, number) in store::hot_spots::numbers_of(db.pool(), &ids).await? {
        numbers.entry(id).or_default().push(number);
    }
    Ok(spots
        .into_iter()
        .map(|listed| {
            let spot = listed.spot;
            HotSpot {
                id: spot.id,
                cluster: Cluster {
                    category: spot.category.as_str().to_owned(),
                    place: spot.place,
                    first: spot.first_at,
                    last: spot.last_at,
                    tickets: numbers.remove(&spot.id).unwrap_or_default(),
                },
                open: usize::try_from(listed.open).unwrap_or(0),
                marked: spot.marked_at.is_some(),
                closed_at: spot.closed_at,
            }
        })
        .collect())
}

/// Makes the report of `month` as of `as_of`.
pub async fn make(
    db: &Db,
    settings: &Settings,
    month: Month,
    as_of: DateTime<Utc>,
) -> Result<Made, Error> {
    // The month and the one before, read at once (the reads are most of the
    // time a report takes).
    let ((rows, tickets, callbacks), (_, before, before_callbacks), spots) = tokio::try_join!(
        facts_of(db, settings, month),
        facts_of(db, settings, month.previous()),
        hot_spots_of(db, settings, month),
    )?;
    let current = Facts {
        month,
        tz: settings.timezone,
        hot_spots: spots,
        tickets: &tickets,
        callbacks: &callbacks,
    };
    let previous = Facts {
        month: month.previous(),
        tz: settings.timezone,
        // The comparison with the month before counts no hot spots.
        hot_spots: Vec::new(),
        tickets: &before,
        callbacks: &before_callbacks,
    };
    let report = report::compute(&current, &previous, &limits(settings), as_of);
    let mut previous_by_category = std::collections::BTreeMap::new();
    for t in &before {
        *previous_by_category.entry(t.category.clone()).or_default() += 1;
    }
    Ok(Made {
        report,
        tickets: rows,
        previous_by_category,
    })
}

/// A label from the prompts (`category-plumbing`, `kind-repair` …), or the
/// key itself when there is none (a building's name).
pub fn label(lang: Lang, prefix: &str, key: &str) -> String {
    let id = format!("{prefix}-{key}");
    if crate::texts::has(lang, &id) {
        t(lang, &id)
    } else {
        key.to_owned()
    }
}

/// A share as a percentage with one decimal, or a dash.
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

/// Minutes as hours and minutes (`2h 05m`), or a dash.
pub fn duration(minutes: Option<f64>) -> String {
    let Some(m) = minutes else {
        return "–".to_owned();
    };
    let m = m.round() as i64;
    match (m / 60, m % 60) {
        (0, m) => format!("{m}m"),
        (h, m) if h < 48 => format!("{h}h {m:02}m"),
        (h, _) => format!("{}d {}h", h / 24, h % 24),
    }
}
