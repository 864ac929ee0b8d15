//! The monthly report's maths (每月客服統計分析報告), pure: facts about the
//! month's tickets and callbacks in, figures out. `src/report` gathers the
//! facts from the store and renders the figures (text, JSON, CSV, XLSX, charts).
//!
//! Definitions (the README repeats them):
//! - a ticket belongs to the month it was created in (estate time);
//! - response time: creation → first acceptance; resolution time: creation →
//!   the last resolution; both in minutes, median and nearest-rank p90;
//! - within the limit: among tickets answered (or resolved), or whose limit
//!   had passed by the time of the report without it, the share answered
//!   (resolved) within their urgency's configured limit, counted on that
//!   urgency's clock (office hours or around the clock); cancelled tickets
//!   that were never answered (resolved) are left out;
//! - reopen rate: tickets reopened at least once ÷ tickets;
//! - callbacks: those that follow a resolution made in the month; rate =
//!   answered ÷ all; satisfaction: average stars of those rated, satisfied
//!   share = answered as satisfied ÷ answered;
//! - complaint validity rate: (valid + partly valid) ÷ complaints judged.

pub mod hotspot;
pub mod stats;

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use self::hotspot::Cluster;
use self::stats::{mean, median, percentile, round, share};

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Self> {
        let (y, m) = s.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let year = y.parse().ok()?;
        let month = m.parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(Self { year, month })
    }

    /// The month a moment falls in, in a time zone.
    pub fn of(at: DateTime<Utc>, tz: Tz) -> Self {
        let local = at.with_timezone(&tz);
        Self {
            year: local.year(),
            month: local.month(),
        }
    }

    pub fn previous(self) -> Self {
        match self.month {
            1 => Self {
                year: self.year - 1,
                month: 12,
            },
            m => Self {
                year: self.year,
                month: m - 1,
            },
        }
    }

    pub fn next(self) -> Self {
        match self.month {
            12 => Self {
                year: self.year + 1,
                month: 1,
            },
            m => Self {
                year: self.year,
                month: m + 1,
            },
        }
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// Midnight of the first day, in the time zone.
    pub fn start(self, tz: Tz) -> DateTime<Utc> {
        let midnight = self.first_day().and_hms_opt(0, 0, 0).unwrap_or_default();
        tz.from_local_datetime(&midnight)
            .earliest()
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
    }

    /// `[start, end)` of the month in the time zone.
    pub fn range(self, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        (self.start(tz), self.next().start(tz))
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A ticket as the report sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketFact {
    pub number: String,
    pub kind: String,
    pub category: String,
    pub urgency: String,
    pub source: String,
    pub department: String,
    /// The unit's building, if the ticket names a unit.
    pub building: Option<String>,
    pub unit: Option<String>,
    pub status: String,
    pub assignee: Option<String>,
    pub created_at: DateTime<Utc>,
    pub responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    /// Its time limits as the desk counts them (office hours or around the
    /// clock, per urgency); `None`: the configured minutes, around the clock.
    pub respond_by: Option<DateTime<Utc>>,
    pub resolve_by: Option<DateTime<Utc>>,
    pub reopen_count: i64,
    pub escalated: bool,
    /// `valid`, `partly` or `not_valid`, once judged (and confirmed).
    pub validity: Option<String>,
    /// The reason it was judged with (a key of `complaints.validity_reasons`).
    pub validity_reason: Option<String>,
    pub key_complaint: bool,
}

/// A callback as the report sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct CallbackFact {
    pub department: String,
    pub staff: Option<String>,
    pub answered: bool,
    pub rating: Option<u8>,
    pub satisfied: Option<bool>,
}

/// The configured limits of an urgency, in minutes: (respond, resolve).
pub type Limits = BTreeMap<String, (i64, i64)>;

/// Times to respond or resolve.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Times {
    /// Tickets with a time.
    pub count: usize,
    pub median_minutes: Option<f64>,
    pub p90_minutes: Option<f64>,
    /// Tickets the limit applies to (see the module's definitions).
    pub limit_applies: usize,
    pub within_limit: usize,
    pub within_limit_share: Option<f64>,
}

/// Response or resolution, over all tickets and per urgency.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TimesReport {
    pub all: Times,
    pub by_urgency: BTreeMap<String, Times>,
}

/// Callbacks of a group.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CallbackFigures {
    pub due: usize,
    pub answered: usize,
    pub rate: Option<f64>,
}

/// Satisfaction of a group.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Satisfaction {
    pub rated: usize,
    pub average: Option<f64>,
    pub satisfied: usize,
    pub satisfied_share: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TicketCounts {
    pub total: usize,
    pub by_kind: BTreeMap<String, usize>,
    pub by_category: BTreeMap<String, usize>,
    pub by_building: BTreeMap<String, usize>,
    pub by_department: BTreeMap<String, usize>,
    pub by_source: BTreeMap<String, usize>,
    pub by_urgency: BTreeMap<String, usize>,
    /// Not resolved, closed or cancelled when the report was made.
    pub open: usize,
    pub reopened: usize,
    pub reopen_rate: Option<f64>,
    pub escalated: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CallbackReport {
    #[serde(flatten)]
    pub all: CallbackFigures,
    pub by_department: BTreeMap<String, CallbackFigures>,
    pub by_staff: BTreeMap<String, CallbackFigures>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SatisfactionReport {
    #[serde(flatten)]
    pub all: Satisfaction,
    /// Ratings 1–5 and how many gave each.
    pub distribution: BTreeMap<u8, usize>,
    pub by_department: BTreeMap<String, Satisfaction>,
    pub by_staff: BTreeMap<String, Satisfaction>,
}

/// A key complaint and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyComplaint {
    pub number: String,
    pub category: String,
    pub unit: Option<String>,
    pub status: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Complaints {
    pub total: usize,
    pub judged: usize,
    pub valid: usize,
    pub partly: usize,
    pub not_valid: usize,
    pub validity_rate: Option<f64>,
    /// Judged complaints by the reason they were judged with.
    pub reasons: BTreeMap<String, usize>,
    pub key: Vec<KeyComplaint>,
}

/// A hot spot of the month (one with a ticket created in it) and where it
/// stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HotSpot {
    /// The desk's number for it (`/hotspots`).
    pub id: i64,
    #[serde(flatten)]
    pub cluster: Cluster,
    /// Tickets of it not yet resolved, closed or cancelled.
    pub open: usize,
    /// A supervisor marked it a hot spot.
    pub marked: bool,
    /// When it was closed (by a supervisor, or with its last ticket).
    pub closed_at: Option<DateTime<Utc>>,
}

/// One week (Monday to Sunday, estate time) of the month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Week {
    pub week_start: NaiveDate,
    pub created: usize,
    pub resolved: usize,
}

/// The previous month's headline figures and the change to this month.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Headline {
    pub tickets_total: usize,
    pub complaints: usize,
    pub response_median_minutes: Option<f64>,
    pub resolution_median_minutes: Option<f64>,
    pub callback_rate: Option<f64>,
    pub satisfaction_average: Option<f64>,
    pub validity_rate: Option<f64>,
    pub reopen_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub month: String,
    pub previous: Headline,
    /// This month's headline minus the previous month's.
    pub change: BTreeMap<String, Option<f64>>,
}

/// The month's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthlyReport {
    pub month: String,
    pub tickets: TicketCounts,
    pub response: TimesReport,
    pub resolution: TimesReport,
    pub callbacks: CallbackReport,
    pub satisfaction: SatisfactionReport,
    pub complaints: Complaints,
    pub hot_spots: Vec<HotSpot>,
    pub weekly: Vec<Week>,
    pub headline: Headline,
    pub previous: Comparison,
}

/// What the report is computed from.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub month: Month,
    pub tz: Tz,
    pub tickets: &'a [TicketFact],
    pub callbacks: &'a [CallbackFact],
    /// The month's hot spots as the desk followed them.
    pub hot_spots: Vec<HotSpot>,
}

/// Computes the report of `current`, compared with `previous`; `limits` per
/// urgency, `as_of` the moment it is made.
pub fn compute(
    current: &Facts<'_>,
    previous: &Facts<'_>,
    limits: &Limits,
    as_of: DateTime<Utc>,
) -> MonthlyReport {
    let tickets = counts(current.tickets);
    let response = times(current.tickets, limits, as_of, Stage::Respond);
    let resolution = times(current.tickets, limits, as_of, Stage::Resolve);
    let callbacks = callback_report(current.callbacks);
    let satisfaction = satisfaction_report(current.callbacks);
    let complaints = complaints(current.tickets);
    let headline = headline(current, limits, as_of);
    let before = headline_of(previous, limits, as_of);
    let change = changes(&headline, &before);
    let hot_spots = current.hot_spots.clone();
    MonthlyReport {
        month: current.month.to_string(),
        tickets,
        response,
        resolution,
        callbacks,
        satisfaction,
        complaints,
        hot_spots,
        weekly: weeks(current),
        headline,
        previous: Comparison {
            month: previous.month.to_string(),
            previous: before,
            change,
        },
    }
}

fn is_open(status: &str) -> bool {
    !matches!(status, "resolved" | "closed" | "cancelled")
}

fn bump(map: &mut BTreeMap<String, usize>, key: &str) {
    *map.entry(key.to_owned()).or_default() += 1;
}

fn counts(tickets: &[TicketFact]) -> TicketCounts {
    let mut c = TicketCounts {
        total: tickets.len(),
        ..TicketCounts::default()
    };
    for t in tickets {
        bump(&mut c.by_kind, &t.kind);
        bump(&mut c.by_category, &t.category);
        bump(&mut c.by_department, &t.department);
        bump(&mut c.by_source, &t.source);
        bump(&mut c.by_urgency, &t.urgency);
        if let Some(b) = &t.building {
            bump(&mut c.by_building, b);
        }
        c.open += usize::from(is_open(&t.status));
        c.reopened += usize::from(t.reopen_count > 0);
        c.escalated += usize::from(t.escalated);
    }
    c.reopen_rate = share(c.reopened, c.total).map(|v| round(v, 4));
    c
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Respond,
    Resolve,
}

fn times_of<'a>(
    tickets: impl Iterator<Item = &'a TicketFact>,
    limits: &Limits,
    as_of: DateTime<Utc>,
    stage: Stage,
) -> Times {
    let mut minutes = Vec::new();
    let (mut applies, mut within) = (0, 0);
    for t in tickets {
        let done = match stage {
            Stage::Respond => t.responded_at,
            Stage::Resolve => t.resolved_at,
        };
        if let Some(d) = done {
            minutes.push((d - t.created_at).num_seconds() as f64 / 60.0);
        }
        let own = match stage {
            Stage::Respond => t.respond_by,
            Stage::Resolve => t.resolve_by,
        };
        let by = own.or_else(|| {
            let &(respond, resolve) = limits.get(&t.urgency)?;
            let limit = match stage {
                Stage::Respond => respond,
                Stage::Resolve => resolve,
            };
            Some(t.created_at + Duration::minutes(limit))
        });
        let Some(by) = by else {
            continue;
        };
        match done {
            Some(d) => {
                applies += 1;
                within += usize::from(d <= by);
            }
            None if t.status != "cancelled" && by <= as_of => applies += 1,
            None => {}
        }
    }
    minutes.sort_by(f64::total_cmp);
    Times {
        count: minutes.len(),
        median_minutes: median(&minutes).map(|v| round(v, 2)),
        p90_minutes: percentile(&minutes, 90.0).map(|v| round(v, 2)),
        limit_applies: applies,
        within_limit: within,
        within_limit_share: share(within, applies).map(|v| round(v, 4)),
    }
}

fn times(
    tickets: &[TicketFact],
    limits: &Limits,
    as_of: DateTime<Utc>,
    stage: Stage,
) -> TimesReport {
    let mut urgencies: Vec<&str> = tickets.iter().map(|t| t.urgency.as_str()).collect();
    urgencies.sort_unstable();
    urgencies.dedup();
    TimesReport {
        all: times_of(tickets.iter(), limits, as_of, stage),
        by_urgency: urgencies
            .into_iter()
            .map(|u| {
                let of = tickets.iter().filter(|t| t.urgency == u);
                (u.to_owned(), times_of(of, limits, as_of, stage))
            })
            .collect(),
    }
}

fn callback_figures<'a>(callbacks: impl Iterator<Item = &'a CallbackFact>) -> CallbackFigures {
    let (mut due, mut answered) = (0, 0);
    for c in callbacks {
        due += 1;
        answered += usize::from(c.answered);
    }
    CallbackFigures {
        due,
        answered,
        rate: share(answered, due).map(|v| round(v, 4)),
    }
}

fn satisfaction_of<'a>(callbacks: impl Iterator<Item = &'a CallbackFact>) -> Satisfaction {
    let mut ratings = Vec::new();
    let (mut answered, mut satisfied) = (0, 0);
    for c in callbacks.filter(|c| c.answered) {
        answered += 1;
        satisfied += usize::from(c.satisfied == Some(true));
        if let Some(r) = c.rating {
            ratings.push(f64::from(r));
        }
    }
    Satisfaction {
        rated: ratings.len(),
        average: mean(&ratings).map(|v| round(v, 2)),
        satisfied,
        satisfied_share: share(satisfied, answered).map(|v| round(v, 4)),
    }
}

fn keys<'a>(
    callbacks: &'a [CallbackFact],
    key: impl Fn(&'a CallbackFact) -> Option<&'a str>,
) -> Vec<&'a str> {
    let mut all: Vec<&str> = callbacks.iter().filter_map(key).collect();
    all.sort_unstable();
    all.dedup();
    all
}

fn callback_report(callbacks: &[CallbackFact]) -> CallbackReport {
    CallbackReport {
        all: callback_figures(callbacks.iter()),
        by_department: keys(callbacks, |c| Some(c.department.as_str()))
            .into_iter()
            .map(|d| {
                (
                    d.to_owned(),
                    callback_figures(callbacks.iter().filter(|c| c.department == d)),
                )
            })
            .collect(),
        by_staff: keys(callbacks, |c| c.staff.as_deref())
            .into_iter()
            .map(|s| {
                let of = callbacks.iter().filter(|c| c.staff.as_deref() == Some(s));
                (s.to_owned(), callback_figures(of))
            })
            .collect(),
    }
}

fn satisfaction_report(callbacks: &[CallbackFact]) -> SatisfactionReport {
    let mut distribution: BTreeMap<u8, usize> = (1..=5).map(|r| (r, 0)).collect();
    for r in callbacks
        .iter()
        .filter(|c| c.answered)
        .filter_map(|c| c.rating)
    {
        *distribution.entry(r).or_default() += 1;
    }
    SatisfactionReport {
        all: satisfaction_of(callbacks.iter()),
        distribution,
        by_department: keys(callbacks, |c| Some(c.department.as_str()))
            .into_iter()
            .map(|d| {
                (
                    d.to_owned(),
                    satisfaction_of(callbacks.iter().filter(|c| c.department == d)),
                )
            })
            .collect(),
        by_staff: keys(callbacks, |c| c.staff.as_deref())
            .into_iter()
            .map(|s| {
                let of = callbacks.iter().filter(|c| c.staff.as_deref() == Some(s));
                (s.to_owned(), satisfaction_of(of))
            })
            .collect(),
    }
}

fn complaints(tickets: &[TicketFact]) -> Complaints {
    let mut c = Complaints::default();
    for t in tickets.iter().filter(|t| t.kind == "complaint") {
        c.total += 1;
        match t.validity.as_deref() {
            Some("valid") => c.valid += 1,
            Some("partly") => c.partly += 1,
            Some("not_valid") => c.not_valid += 1,
            _ => {}
        }
        if t.validity.is_some()
            && let Some(reason) = &t.validity_reason
        {
            *c.reasons.entry(reason.clone()).or_default() += 1;
        }
        if t.key_complaint {
            c.key.push(KeyComplaint {
                number: t.number.clone(),
                category: t.category.clone(),
                unit: t.unit.clone(),
                status: t.status.clone(),
            });
        }
    }
    c.judged = c.valid + c.partly + c.not_valid;
    c.validity_rate = share(c.valid + c.partly, c.judged).map(|v| round(v, 4));
    c
}

fn weeks(facts: &Facts<'_>) -> Vec<Week> {
    let (start, end) = facts.month.range(facts.tz);
    let first = facts.month.first_day();
    let monday = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let mut out = Vec::new();
    let mut week = monday;
    while week < facts.month.next().first_day() {
        out.push(Week {
            week_start: week,
            created: 0,
            resolved: 0,
        });
        week += Duration::days(7);
    }
    let index = |at: DateTime<Utc>| -> Option<usize> {
        let day = at.with_timezone(&facts.tz).date_naive();
        usize::try_from((day - monday).num_days() / 7).ok()
    };
    for t in facts.tickets {
        if let Some(w) = index(t.created_at).and_then(|i| out.get_mut(i)) {
            w.created += 1;
        }
        if let Some(r) = t.resolved_at.filter(|r| *r >= start && *r < end)
            && let Some(w) = index(r).and_then(|i| out.get_mut(i))
        {
            w.resolved += 1;
        }
    }
    out
}

fn headline(facts: &Facts<'_>, limits: &Limits, as_of: DateTime<Utc>) -> Headline {
    headline_of(facts, limits, as_of)
}

fn headline_of(facts: &Facts<'_>, limits: &Limits, as_of: DateTime<Utc>) -> Headline {
    let counts = counts(facts.tickets);
    let complaints = complaints(facts.tickets);
    Headline {
        tickets_total: counts.total,
        complaints: complaints.total,
        response_median_minutes: times_of(facts.tickets.iter(), limits, as_of, Stage::Respond)
            .median_minutes,
        resolution_median_minutes: times_of(facts.tickets.iter(), limits, as_of, Stage::Resolve)
            .median_minutes,
        callback_rate: callback_figures(facts.callbacks.iter()).rate,
        satisfaction_average: satisfaction_of(facts.callbacks.iter()).average,
        validity_rate: complaints.validity_rate,
        reopen_rate: counts.reopen_rate,
    }
}

fn changes(now: &Headline, before: &Headline) -> BTreeMap<String, Option<f64>> {
    let diff = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| round(a - b, 4));
    BTreeMap::from([
        (
            "tickets_total".to_owned(),
            Some(now.tickets_total as f64 - before.tickets_total as f64),
        ),
        (
            "complaints".to_owned(),
            Some(now.complaints as f64 - before.complaints as f64),
        ),
        (
            "response_median_minutes".to_owned(),
            diff(now.response_median_minutes, before.response_median_minutes),
        ),
        (
            "resolution_median_minutes".to_owned(),
            diff(
                now.resolution_median_minutes,
                before.resolution_median_minutes,
            ),
        ),
        (
            "callback_rate".to_owned(),
            diff(now.callback_rate, before.callback_rate),
        ),
        (
            "satisfaction_average".to_owned(),
            diff(now.satisfaction_average, before.satisfaction_average),
        ),
        (
            "validity_rate".to_owned(),
            diff(now.validity_rate, before.validity_rate),
        ),
        (
            "reopen_rate".to_owned(),
            diff(now.reopen_rate, before.reopen_rate),
        ),
    ])
}

#[cfg(test)]
mod tests;
