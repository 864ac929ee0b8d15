//! The report as tables, in the reader's language: the workbook's sheets
//! and the CSV's sections.

use std::collections::BTreeMap;

use chrono_tz::Tz;

use super::{Made, label};
use crate::domain::lang::Lang;
use crate::domain::report::{CallbackFigures, Satisfaction, Times};
use crate::sheet::{Cell, Table};
use crate::texts::t;

fn headers(lang: Lang, keys: &[&str]) -> Vec<String> {
    keys.iter()
        .map(|k| t(lang, &format!("report-col-{k}")))
        .collect()
}

fn sheet(lang: Lang, key: &str, columns: &[&str]) -> Table {
    Table::new(
        t(lang, &format!("report-sheet-{key}")),
        headers(lang, columns),
    )
}

fn count_table(lang: Lang, key: &str, prefix: &str, counts: &BTreeMap<String, usize>) -> Table {
    let mut table = sheet(lang, key, &["item", "count"]);
    for (item, n) in counts {
        table.push(vec![label(lang, prefix, item).into(), Cell::Int(*n as i64)]);
    }
    table
}

fn times_cells(t: &Times) -> Vec<Cell> {
    vec![
        Cell::Int(t.count as i64),
        Cell::maybe(t.median_minutes, 1),
        Cell::maybe(t.p90_minutes, 1),
        Cell::maybe_percent(t.within_limit_share),
    ]
}

fn people_row(name: String, c: &CallbackFigures, s: &Satisfaction) -> Vec<Cell> {
    vec![
        name.into(),
        Cell::Int(c.due as i64),
        Cell::Int(c.answered as i64),
        Cell::maybe_percent(c.rate),
        Cell::Int(s.rated as i64),
        Cell::maybe(s.average, 2),
        Cell::maybe_percent(s.satisfied_share),
    ]
}

const PEOPLE: [&str; 7] = [
    "item",
    "callbacks-due",
    "callbacks-answered",
    "callback-rate",
    "rated",
    "average",
    "satisfied-share",
];

/// Every table of the report, in order: summary, breakdowns, times,
/// callbacks and satisfaction, hot spots, key complaints, the tickets.
pub fn tables(made: &Made, lang: Lang, tz: Tz) -> Vec<Table> {
    let r = &made.report;
    let mut summary = sheet(
        lang,
        "summary",
        &["measure", "this-month", "previous-month"],
    );
    let (now, before) = (&r.headline, &r.previous.previous);
    let rows: [(&str, Cell, Cell); 8] = [
        (
            "tickets",
            Cell::Int(now.tickets_total as i64),
            Cell::Int(before.tickets_total as i64),
        ),
        (
            "complaints",
            Cell::Int(now.complaints as i64),
            Cell::Int(before.complaints as i64),
        ),
        (
            "response-median",
            Cell::maybe(now.response_median_minutes, 1),
            Cell::maybe(before.response_median_minutes, 1),
        ),
        (
            "resolution-median",
            Cell::maybe(now.resolution_median_minutes, 1),
            Cell::maybe(before.resolution_median_minutes, 1),
        ),
        (
            "callback-rate",
            Cell::maybe_percent(now.callback_rate),
            Cell::maybe_percent(before.callback_rate),
        ),
        (
            "satisfaction",
            Cell::maybe(now.satisfaction_average, 2),
            Cell::maybe(before.satisfaction_average, 2),
        ),
        (
            "validity-rate",
            Cell::maybe_percent(now.validity_rate),
            Cell::maybe_percent(before.validity_rate),
        ),
        (
            "reopen-rate",
            Cell::maybe_percent(now.reopen_rate),
            Cell::maybe_percent(before.reopen_rate),
        ),
    ];
    for (key, a, b) in rows {
        summary.push(vec![t(lang, &format!("report-measure-{key}")).into(), a, b]);
    }

    let mut times = sheet(
        lang,
        "times",
        &[
            "urgency",
            "responded",
            "response-median",
            "response-p90",
            "response-within",
            "resolved",
            "resolution-median",
            "resolution-p90",
            "resolution-within",
        ],
    );
    let mut push_times = |name: String, a: &Times, b: &Times| {
        let mut row = vec![Cell::from(name)];
        row.extend(times_cells(a));
        row.extend(times_cells(b));
        times.push(row);
    };
    push_times(t(lang, "report-all"), &r.response.all, &r.resolution.all);
    for (urgency, a) in &r.response.by_urgency {
        let b = r
            .resolution
            .by_urgency
            .get(urgency)
            .cloned()
            .unwrap_or_default();
        push_times(label(lang, "urgency", urgency), a, &b);
    }

    let mut departments = sheet(lang, "callbacks", &PEOPLE);
    for (dept, c) in &r.callbacks.by_department {
        let s = r
            .satisfaction
            .by_department
            .get(dept)
            .cloned()
            .unwrap_or_default();
        departments.push(people_row(label(lang, "dept", dept), c, &s));
    }
    let mut staff = sheet(lang, "staff", &PEOPLE);
    for (name, c) in &r.callbacks.by_staff {
        let s = r
            .satisfaction
            .by_staff
            .get(name)
            .cloned()
            .unwrap_or_default();
        staff.push(people_row(name.clone(), c, &s));
    }

    let mut hot = sheet(
        lang,
        "hot-spots",
        &[
            "category", "place", "first", "last", "tickets", "open", "state",
        ],
    );
    for h in &r.hot_spots {
        let c = &h.cluster;
        let state = match (h.closed_at, h.marked) {
            (Some(_), _) => "hotspot-state-closed",
            (None, true) => "hotspot-state-marked",
            (None, false) => "hotspot-state-open",
        };
        hot.push(vec![
            label(lang, "category", &c.category).into(),
            crate::desk::hotspots::place_label(lang, &c.place).into(),
            c.first
                .with_timezone(&tz)
                .format("%Y-%m-%d")
                .to_string()
                .into(),
            c.last
                .with_timezone(&tz)
                .format("%Y-%m-%d")
                .to_string()
                .into(),
            c.tickets.join(" ").into(),
            Cell::Int(h.open as i64),
            crate::texts::t(lang, state).into(),
        ]);
    }
    let mut key = sheet(lang, "key", &["number", "category", "unit", "status"]);
    for k in &r.complaints.key {
        key.push(vec![
            k.number.clone().into(),
            label(lang, "category", &k.category).into(),
            k.unit.clone().unwrap_or_default().into(),
            label(lang, "status", &k.status).into(),
        ]);
    }

    let tickets = tickets_table(made, lang, tz);

    vec![
        summary,
        count_table(lang, "kinds", "kind", &r.tickets.by_kind),
        count_table(lang, "categories", "category", &r.tickets.by_category),
        count_table(lang, "buildings", "building", &r.tickets.by_building),
        count_table(lang, "departments", "dept", &r.tickets.by_department),
        count_table(lang, "sources", "source", &r.tickets.by_source),
        times,
        departments,
        staff,
        hot,
        key,
        tickets,
    ]
}

/// The month's tickets, one row each (the last sheet of the workbook, and
/// what `/export` sends).
pub fn tickets_table(made: &Made, lang: Lang, tz: Tz) -> Table {
    let mut tickets = sheet(
        lang,
        "tickets",
        &[
            "number",
            "created",
            "kind",
            "category",
            "urgency",
            "source",
            "department",
            "unit",
            "status",
            "assignee",
            "response-minutes",
            "resolution-minutes",
            "reopened",
            "validity",
            "key-complaint",
        ],
    );
    for row in &made.tickets {
        let minutes = |at: Option<chrono::DateTime<chrono::Utc>>| {
            Cell::maybe(
                at.map(|a| (a - row.created_at).num_seconds() as f64 / 60.0),
                1,
            )
        };
        let unit = row
            .building
            .as_ref()
            .zip(row.flat.as_ref())
            .map(|(b, f)| format!("{b}-{f}"))
            .unwrap_or_default();
        tickets.push(vec![
            row.number.clone().into(),
            row.created_at
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M")
                .to_string()
                .into(),
            label(lang, "kind", &row.kind).into(),
            label(lang, "category", &row.category).into(),
            label(lang, "urgency", &row.urgency).into(),
            label(lang, "source", &row.source).into(),
            label(lang, "dept", &row.department).into(),
            unit.into(),
            label(lang, "status", &row.status).into(),
            row.assignee.clone().unwrap_or_default().into(),
            minutes(row.responded_at),
            minutes(row.resolved_at),
            Cell::Int(row.reopen_count),
            row.validity
                .as_deref()
                .map(|v| label(lang, "validity", v))
                .unwrap_or_default()
                .into(),
            Cell::Int(i64::from(row.key_complaint)),
        ]);
    }
    tickets
}
