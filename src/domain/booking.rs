//! Bookable things (visit types and facilities) and their slots: when one
//! may be booked, which slots a day has, which free slot is nearest to the
//! time asked. Pure rules, no I/O; the settings hold the bookables.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::calendar::{self, Hours, Week};

/// A visit the office makes or receives, or a facility residents use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Staff come to the flat, or the resident comes to the office.
    Visit,
    /// A room or place of the estate residents book for themselves.
    Facility,
}

/// One bookable thing, as configured under `bookables.<key>`. Its name in
/// each language is `bookable-<key>` in the prompts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bookable {
    pub sort: Sort,
    /// The department that handles its bookings.
    pub department: String,
    /// How long one slot lasts; slots follow one another from opening.
    #[serde(with = "humantime_serde")]
    pub duration: Duration,
    /// How many bookings one slot takes.
    pub capacity: u32,
    /// Opening hours per weekday; a day left out has no slots.
    pub week: Week,
    /// Days without slots (`YYYY-MM-DD`).
    #[serde(default, deserialize_with = "calendar::deserialize_dates")]
    pub closed: BTreeSet<NaiveDate>,
    /// How far ahead a slot may be booked.
    #[serde(with = "humantime_serde")]
    pub ahead: Duration,
    /// The least time between booking and the slot's start.
    #[serde(with = "humantime_serde")]
    pub late: Duration,
    /// Until how long before the start a booking may be changed or cancelled.
    #[serde(with = "humantime_serde")]
    pub cancel_cutoff: Duration,
    /// How residents name it, in any script (matched without case).
    #[serde(default)]
    pub words: Vec<String>,
}

fn span(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::MAX / 4)
}

impl Bookable {
    /// The start of every slot of `date` (local), closed days none.
    pub fn slots_on(&self, tz: Tz, date: NaiveDate) -> Vec<DateTime<Utc>> {
        let Some(hours) = self
            .week
            .on(date.weekday())
            .filter(|_| !self.closed.contains(&date))
        else {
            return Vec::new();
        };
        let (open, close) = (
            calendar::local(tz, date, hours.open),
            calendar::local(tz, date, hours.close),
        );
        let step = span(self.duration);
        if step <= chrono::Duration::zero() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut at = open;
        while at + step <= close {
            out.push(at);
            at += step;
        }
        out
    }

    /// Checks the settings of bookable `key`: `Err((setting, why))`.
    pub fn check(&self, key: &str, departments: &[String]) -> Result<(), (String, String)> {
        let at = |field: &str| format!("bookables.{key}{field}");
        if !departments.contains(&self.department) {
            let why = format!("`{}` is not one of `departments`", self.department);
            return Err((at(".department"), why));
        }
        if self.capacity == 0 {
            return Err((at(".capacity"), "must be at least 1".into()));
        }
        if self.duration.is_zero() {
            return Err((at(".duration"), "must be longer than nothing".into()));
        }
        let usable = key.len() <= 24
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !usable {
            return Err((at(""), "a key is up to 24 of a-z, 0-9 and _".into()));
        }
        Ok(())
    }

    /// The end of the slot that starts at `start`.
    pub fn end_of(&self, start: DateTime<Utc>) -> DateTime<Utc> {
        start + span(self.duration)
    }

    /// Whether a slot starting at `start` may be booked at `now`.
    pub fn open_for_booking(&self, start: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        start >= now + span(self.late) && start <= now + span(self.ahead)
    }

    /// Whether `start` is one of the slots of its day.
    pub fn is_slot(&self, tz: Tz, start: DateTime<Utc>) -> bool {
        let date = start.with_timezone(&tz).date_naive();
        self.slots_on(tz, date).contains(&start)
    }

    /// Whether a booking of the slot at `start` may still be changed or
    /// cancelled at `now`.
    pub fn changeable(&self, start: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now + span(self.cancel_cutoff) <= start
    }

    /// The last moment a booking of the slot at `start` may be changed.
    pub fn cutoff(&self, start: DateTime<Utc>) -> DateTime<Utc> {
        start - span(self.cancel_cutoff)
    }

    /// The days one may book from `now` (local), the first `max` of them.
    pub fn days(&self, tz: Tz, now: DateTime<Utc>, max: usize) -> Vec<NaiveDate> {
        let first = (now + span(self.late)).with_timezone(&tz).date_naive();
        let last = (now + span(self.ahead)).with_timezone(&tz).date_naive();
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .take(max)
            .collect()
    }

    /// Every slot bookable at `now`, earliest first.
    pub fn bookable_slots(&self, tz: Tz, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        self.days(tz, now, 400)
            .into_iter()
            .flat_map(|d| self.slots_on(tz, d))
            .filter(|s| self.open_for_booking(*s, now))
            .collect()
    }
}

/// Places taken per slot start.
pub type Taken = HashMap<DateTime<Utc>, u32>;

/// Places left in the slot at `start`.
pub fn left(bookable: &Bookable, taken: &Taken, start: DateTime<Utc>) -> u32 {
    bookable
        .capacity
        .saturating_sub(taken.get(&start).copied().unwrap_or(0))
}

/// The free slots nearest to `asked` (the nearest first, ties to the
/// earlier), at most `max`.
pub fn nearest_free(
    bookable: &Bookable,
    tz: Tz,
    taken: &Taken,
    asked: DateTime<Utc>,
    now: DateTime<Utc>,
    max: usize,
) -> Vec<DateTime<Utc>> {
    let mut free: Vec<DateTime<Utc>> = bookable
        .bookable_slots(tz, now)
        .into_iter()
        .filter(|s| left(bookable, taken, *s) > 0)
        .collect();
    free.sort_by_key(|s| ((*s - asked).num_seconds().abs(), *s));
    free.truncate(max);
    free
}

/// The bookable a message names (by its `words`, without case), the longest
/// word winning.
pub fn named_in<'a>(bookables: &'a BTreeMap<String, Bookable>, text: &str) -> Option<&'a str> {
    let text = text.to_lowercase();
    bookables
        .iter()
        .flat_map(|(key, b)| b.words.iter().map(move |w| (key, w.to_lowercase())))
        .filter(|(_, w)| !w.is_empty() && text.contains(w.as_str()))
        .max_by_key(|(_, w)| w.chars().count())
        .map(|(key, _)| key.as_str())
}

/// The bookables a new estate starts with (the example file lists them).
pub fn defaults() -> BTreeMap<String, Bookable> {
    let hours = |s: &str| Hours::parse(s).ok();
    let every_day = |h: &str| Week {
        mon: hours(h),
        tue: hours(h),
        wed: hours(h),
        thu: hours(h),
        fri: hours(h),
        sat: hours(h),
        sun: hours(h),
    };
    let office_week = |h: &str| Week {
        sat: hours("09:00-13:00"),
        sun: None,
        ..every_day(h)
    };
    let hour = |h: u64| Duration::from_secs(h * 3600);
    let day = |d: u64| Duration::from_secs(d * 86_400);
    let words = |w: &[&str]| w.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let visit = |department: &str, duration: Duration, capacity: u32, w: &[&str]| Bookable {
        sort: Sort::Visit,
        department: department.to_owned(),
        duration,
        capacity,
        week: office_week("09:00-18:00"),
        closed: BTreeSet::new(),
        ahead: day(30),
        late: hour(24),
        cancel_cutoff: hour(24),
        words: words(w),
    };
    let facility = |week: Week, duration: Duration, capacity: u32, w: &[&str]| Bookable {
        sort: Sort::Facility,
        department: "customer_service".to_owned(),
        duration,
        capacity,
        week,
        closed: BTreeSet::new(),
        ahead: day(30),
        late: hour(2),
        cancel_cutoff: hour(24),
        words: words(w),
    };
    [
        (
            "repair_visit",
            visit(
                "engineering",
                hour(2),
                2,
                &["repair visit", "上門維修", "上门维修"],
            ),
        ),
        (
            "home_visit",
            visit(
                "customer_service",
                hour(1),
                1,
                &["home visit", "家訪", "家访"],
            ),
        ),
        (
            "office_appointment",
            visit(
                "customer_service",
                Duration::from_secs(30 * 60),
                2,
                &["office appointment", "來訪", "来访"],
            ),
        ),
        (
            "renovation_inspection",
            visit(
                "engineering",
                hour(1),
                1,
                &["renovation inspection", "裝修驗收", "装修验收"],
            ),
        ),
        (
            "party_room",
            facility(
                every_day("10:00-22:00"),
                hour(3),
                1,
                &["party room", "派對室", "派对室", "派對房", "party房"],
            ),
        ),
        (
            "bbq_pit",
            facility(
                every_day("12:00-22:00"),
                hour(2),
                4,
                &["bbq pit", "bbq", "燒烤爐", "烧烤炉", "燒烤場", "烧烤场"],
            ),
        ),
        (
            "function_room",
            facility(
                every_day("09:00-21:00"),
                hour(2),
                1,
                &["function room", "多用途室", "多功能室", "多功能厅"],
            ),
        ),
    ]
    .into_iter()
    .map(|(k, b)| (k.to_owned(), b))
    .collect()
}

#[cfg(test)]
#[path = "booking_tests.rs"]
mod tests;
