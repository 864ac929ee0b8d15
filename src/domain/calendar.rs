//! Office hours: the working week, public holidays, and time limits counted
//! on them. A limit runs either around the clock or in office hours; in
//! office hours, a limit of whole days (`3days`) ends that many working days
//! later at the same time of day, and any other limit (`4h`, `90m`) counts
//! only the time the office is open. Pure arithmetic, no I/O.

use std::collections::BTreeSet;
use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize};

/// Which clock a time limit runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    /// Every minute counts, nights, weekends and holidays too.
    Always,
    /// Only the office's opening hours count.
    Office,
}

/// Opening hours of one day: `09:00-18:00` (close after open, same day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    pub open: NaiveTime,
    pub close: NaiveTime,
}

impl Hours {
    /// Reads `09:00-18:00` (an en dash or `–` works too).
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not opening hours like \"09:00-18:00\"");
        let (a, b) = text.split_once(['-', '–']).ok_or_else(bad)?;
        let time = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| bad());
        let (open, close) = (time(a)?, time(b)?);
        if close <= open {
            return Err(format!("`{text}`: closing must come after opening"));
        }
        Ok(Self { open, close })
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.open.format("%H:%M"),
            self.close.format("%H:%M")
        )
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Opening hours per weekday; a day left out is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Week {
    pub mon: Option<Hours>,
    pub tue: Option<Hours>,
    pub wed: Option<Hours>,
    pub thu: Option<Hours>,
    pub fri: Option<Hours>,
    pub sat: Option<Hours>,
    pub sun: Option<Hours>,
}

impl Week {
    /// The same hours every day from Monday to Friday, none at weekends.
    pub fn weekdays(hours: Hours) -> Self {
        Self {
            mon: Some(hours),
            tue: Some(hours),
            wed: Some(hours),
            thu: Some(hours),
            fri: Some(hours),
            sat: None,
            sun: None,
        }
    }

    /// The hours of a weekday.
    pub fn on(&self, day: Weekday) -> Option<Hours> {
        match day {
            Weekday::Mon => self.mon,
            Weekday::Tue => self.tue,
            Weekday::Wed => self.wed,
            Weekday::Thu => self.thu,
            Weekday::Fri => self.fri,
            Weekday::Sat => self.sat,
            Weekday::Sun => self.sun,
        }
    }

    /// Whether the week has any open hours at all.
    pub fn is_empty(&self) -> bool {
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ]
        .into_iter()
        .all(|d| self.on(d).is_none())
    }
}

/// A date as `2026-12-25` in settings.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date like \"2026-12-25\""))
}

/// Deserializes a list of `YYYY-MM-DD` strings.
pub fn deserialize_dates<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeSet<NaiveDate>, D::Error> {
    let list = Vec::<String>::deserialize(d)?;
    list.iter()
        .map(|s| parse_date(s).map_err(serde::de::Error::custom))
        .collect()
}

/// The office's calendar in its time zone: when it is open.
#[derive(Debug, Clone, Copy)]
pub struct Calendar<'a> {
    pub tz: Tz,
    pub week: &'a Week,
    pub holidays: &'a BTreeSet<NaiveDate>,
}

/// How far ahead a calendar is searched for an open day before giving up
/// (a week with no hours, or years of holidays).
const SEARCH_DAYS: i64 = 800;

impl Calendar<'_> {
    /// The open interval of a local date, as instants; `None` when closed.
    pub fn open_on(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        if self.holidays.contains(&date) {
            return None;
        }
        let hours = self.week.on(date.weekday())?;
        let at = |t: NaiveTime| local(self.tz, date, t);
        Some((at(hours.open), at(hours.close)))
    }

    /// Whether `date` is a working day (open, not a holiday).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.open_on(date).is_some()
    }

    /// The first open moment at or after `t` with the interval it is in;
    /// `None` if the office never opens.
    fn next_open(&self, t: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let first = t.with_timezone(&self.tz).date_naive();
        (0..SEARCH_DAYS)
            .filter_map(|i| first.checked_add_signed(chrono::Duration::days(i)))
            .filter_map(|d| self.open_on(d))
            .find(|(_, close)| *close > t)
            .map(|(open, close)| (open.max(t), close))
    }

    /// The last open moment at or before `t` with the start of its interval.
    fn last_open(&self, t: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let first = t.with_timezone(&self.tz).date_naive();
        (0..SEARCH_DAYS)
            .filter_map(|i| first.checked_sub_signed(chrono::Duration::days(i)))
            .filter_map(|d| self.open_on(d))
            .find(|(open, _)| *open < t)
            .map(|(open, close)| (open, close.min(t)))
    }

    /// `from` plus `limit` on `clock`.
    pub fn add(&self, clock: Clock, from: DateTime<Utc>, limit: Duration) -> DateTime<Utc> {
        let span = chrono::Duration::from_std(limit).unwrap_or(chrono::Duration::MAX / 4);
        if clock == Clock::Always || self.week.is_empty() {
            return from + span;
        }
        let secs = limit.as_secs();
        let whole_days = secs > 0 && secs.is_multiple_of(86_400) && limit.subsec_nanos() == 0;
        if let Some(at) = whole_days
            .then(|| self.add_days(from, secs / 86_400))
            .flatten()
        {
            return at;
        }
        self.add_open_time(from, span).unwrap_or(from + span)
    }

    /// `n` working days after the first open moment at or after `from`, at
    /// the same time of day (within that day's hours).
    fn add_days(&self, from: DateTime<Utc>, n: u64) -> Option<DateTime<Utc>> {
        let (start, _) = self.next_open(from)?;
        let local_start = start.with_timezone(&self.tz);
        let time = local_start.time();
        let mut date = local_start.date_naive();
        let mut left = n;
        let mut tries = 0;
        while left > 0 {
            date = date.succ_opt()?;
            tries += 1;
            if tries > SEARCH_DAYS {
                return None;
            }
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        let hours = self.week.on(date.weekday())?;
        let time = time.clamp(hours.open, hours.close);
        Some(local(self.tz, date, time))
    }

    /// `from` plus `span` of open time.
    fn add_open_time(&self, from: DateTime<Utc>, span: chrono::Duration) -> Option<DateTime<Utc>> {
        let mut left = span;
        let mut t = from;
        loop {
            let (open, close) = self.next_open(t)?;
            if open + left <= close {
                return Some(open + left);
            }
            left -= close - open;
            t = close;
        }
    }

    /// The moment `lead` before `at` on `clock` (open time back from `at`
    /// in office hours).
    pub fn before(&self, clock: Clock, at: DateTime<Utc>, lead: Duration) -> DateTime<Utc> {
        let span = chrono::Duration::from_std(lead).unwrap_or(chrono::Duration::MAX / 4);
        if clock == Clock::Always || self.week.is_empty() {
            return at - span;
        }
        let mut left = span;
        let mut t = at;
        loop {
            let Some((open, close)) = self.last_open(t) else {
                return at - span;
            };
            if close - left >= open {
                return close - left;
            }
            left -= close - open;
            t = open;
        }
    }

    /// When the assignee is reminded of a limit that ends at `deadline`:
    /// `lead` before it on the limit's clock, but never more than half the
    /// limit before it, so a lead longer than a short limit does not make
    /// the reminder due at once.
    pub fn reminder(
        &self,
        clock: Clock,
        deadline: DateTime<Utc>,
        limit: Duration,
        lead: Duration,
    ) -> DateTime<Utc> {
        self.before(clock, deadline, lead.min(limit / 2))
    }
}

/// A local date and time as an instant: the earlier of two in a repeated
/// hour, the moment just after a skipped one.
pub fn local(tz: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let naive = date.and_time(time);
    match tz.from_local_datetime(&naive).earliest() {
        Some(t) => t.to_utc(),
        None => {
            // In a gap (spring forward): the same wall time an hour on exists.
            let later = naive + chrono::Duration::hours(1);
            tz.from_local_datetime(&later)
                .earliest()
                .map_or_else(|| naive.and_utc(), |t| t.to_utc())
        }
    }
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
