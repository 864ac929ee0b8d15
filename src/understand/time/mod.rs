//! Time expressions → a `When` relative to the moment a message was sent.
//!
//! The finders in `zh`, `en` and `common` each fill slots of a `Spec` (day,
//! date, weekday, part of day, clock, offset) from the first expression of
//! their kind, blanking what they used; `resolve` turns the spec into an
//! interval in the estate's zone.

mod common;
mod en;
mod en_clock;
mod zh;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike, Weekday};
use chrono_tz::Tz;

use super::When;

/// Which week a weekday is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeekRef {
    /// The next such day; today only if the named part of today is still ahead.
    Bare,
    /// This Monday-to-Sunday week.
    This,
    /// Next week (N weeks on).
    Next(i64),
    /// Last week (N weeks back).
    Last(i64),
}

/// A part of the day and its window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    EarlyMorning,
    Morning,
    Noon,
    Lunch,
    Afternoon,
    Dusk,
    Evening,
    Night,
    Daytime,
    Pm,
    Am,
    WholeDay,
}

impl Part {
    /// The window as (start hour, end hour inclusive).
    fn window(self) -> (u32, u32) {
        match self {
            Self::EarlyMorning => (0, 5),
            Self::Morning | Self::Am => (6, 11),
            Self::Noon => (11, 13),
            Self::Lunch => (12, 13),
            Self::Afternoon | Self::Pm => (12, 17),
            Self::Dusk => (17, 18),
            Self::Evening | Self::Night => (18, 23),
            Self::Daytime => (6, 18),
            Self::WholeDay => (0, 23),
        }
    }
}

/// AM or PM written next to a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Meridiem {
    Am,
    Pm,
}

/// A clock time as written (12- or 24-hour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Clock {
    pub h: u32,
    pub m: u32,
    pub s: Option<u32>,
    pub mer: Option<Meridiem>,
    /// "midnight" / "12am": the coming midnight.
    pub midnight: bool,
}

impl Clock {
    pub fn new(h: u32, m: u32) -> Self {
        Self {
            h,
            m,
            s: None,
            mer: None,
            midnight: false,
        }
    }
}

/// A calendar date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Year {
    Auto,
    Abs(i32),
    Rel(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Month {
    /// Day of month only: this month, or next if already past.
    Auto,
    Abs(u32),
    Rel(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateSpec {
    pub year: Year,
    pub month: Month,
    pub day: u32,
}

/// A relative offset from now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Offset {
    Seconds(i64),
    Months(i32),
}

/// Everything found in one message; the first expression of each kind wins.
#[derive(Debug, Clone, Default)]
pub(crate) struct Spec {
    pub now: bool,
    pub offset: Option<Offset>,
    /// Days from today (明天 = 1, 昨天 = -1).
    pub day: Option<i64>,
    pub date: Option<DateSpec>,
    pub weekday: Option<(Weekday, WeekRef)>,
    pub part: Option<Part>,
    pub clock: Option<Clock>,
    pub end_clock: Option<Clock>,
    /// A whole week named with no day (下週, next week): weeks from this one.
    pub week: Option<i64>,
}

impl Spec {
    pub(crate) fn has_day(&self) -> bool {
        self.day.is_some() || self.date.is_some() || self.weekday.is_some()
    }

    fn is_empty(&self) -> bool {
        !self.now
            && self.offset.is_none()
            && !self.has_day()
            && self.part.is_none()
            && self.clock.is_none()
            && self.week.is_none()
    }
}

/// The text being searched, with used expressions blanked out.
pub(crate) struct Work {
    pub text: String,
    pub spec: Spec,
    /// The year of `now`, for two-digit years.
    pub now_year: i32,
}

impl Work {
    /// Replaces a byte range with spaces so later finders do not see it again.
    pub fn blank(&mut self, start: usize, end: usize) {
        if start < end
            && end <= self.text.len()
            && self.text.is_char_boundary(start)
            && self.text.is_char_boundary(end)
        {
            self.text
                .replace_range(start..end, &" ".repeat(end - start));
        }
    }
}

/// What was found and how specific it was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    pub when: When,
    /// Only a part of the day was named (no day, date, clock or offset).
    pub part_only: bool,
    /// A habit or duration (日日, every day, for a week) was named, and no
    /// day: "日日晚上12點後" or "at 7am every day" is a habit, not a time.
    pub habit_without_day: bool,
    /// Only a bare weekday was named (星期日, Saturday): in a question about
    /// the rules ("星期日得唔得開工？") it means any such day.
    pub weekday_only: bool,
    /// An offset was named and no clock or part of day ("in 10 mins"): in
    /// thanks, how long the job took.
    pub offset_only: bool,
}

/// Finds the first time expression in unit-blanked normalised text.
pub(crate) fn find(text: &str, now: DateTime<Tz>) -> Option<Found> {
    let mut work = Work {
        text: text.to_owned(),
        spec: Spec::default(),
        now_year: now.year(),
    };
    if common::is_now(&work.text) {
        let at = now.fixed_offset();
        return Some(Found {
            when: When { start: at, end: at },
            part_only: false,
            habit_without_day: false,
            weekday_only: false,
            offset_only: false,
        });
    }
    if common::is_whole_day(&work.text) {
        work.spec.day = Some(0);
        return resolve(&work.spec, now).map(|when| Found {
            when,
            part_only: false,
            habit_without_day: false,
            weekday_only: false,
            offset_only: false,
        });
    }
    let has_cjk = work
        .text
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let has_ascii = work.text.bytes().any(|b| b.is_ascii_alphanumeric());
    if has_cjk {
        zh::relative(&mut work);
        zh::deadlines(&mut work);
    }
    if has_ascii {
        en::words_to_digits(&mut work);
        en::relative(&mut work);
        en::deadlines(&mut work);
    }
    let habit = common::habits(&mut work);
    if has_ascii || has_cjk {
        common::numeric_dates(&mut work);
    }
    if has_cjk {
        zh::dates(&mut work);
        zh::days(&mut work);
        zh::weekdays(&mut work);
        zh::weeks(&mut work);
        zh::clocks(&mut work);
        zh::parts(&mut work);
    }
    if has_ascii {
        en::dates(&mut work);
        // Clocks before day words: "8 tonight" needs to see "tonight".
        en_clock::clocks(&mut work);
        en::days(&mut work);
        en::weekdays(&mut work);
        en::weeks(&mut work);
        en::parts(&mut work);
        common::clock_24h(&mut work);
    }
    let spec = &work.spec;
    if spec.is_empty() {
        return None;
    }
    let part_only =
        spec.part.is_some() && !spec.has_day() && spec.clock.is_none() && spec.offset.is_none();
    let habit_without_day = habit && !spec.has_day() && spec.offset.is_none();
    let nothing_but = |only: bool| {
        only && spec.day.is_none()
            && spec.date.is_none()
            && spec.clock.is_none()
            && spec.part.is_none()
            && spec.week.is_none()
    };
    let weekday_only =
        nothing_but(matches!(spec.weekday, Some((_, WeekRef::Bare))) && spec.offset.is_none());
    let offset_only = spec.offset.is_some() && spec.clock.is_none() && spec.part.is_none();
    resolve(spec, now).map(|when| Found {
        when,
        part_only,
        habit_without_day,
        weekday_only,
        offset_only,
    })
}

fn at(
    now: DateTime<Tz>,
    date: NaiveDate,
    h: u32,
    m: u32,
    s: u32,
) -> Option<DateTime<chrono::FixedOffset>> {
    let naive = date.and_time(NaiveTime::from_hms_opt(h, m, s)?);
    let local = now.timezone().from_local_datetime(&naive);
    local
        .earliest()
        .or_else(|| local.latest())
        .map(|t| t.fixed_offset())
}

fn shift_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = date.year() * 12 + date.month0() as i32 + months;
    let (y, m0) = (total.div_euclid(12), total.rem_euclid(12) as u32);
    (0..4)
        .find_map(|back| NaiveDate::from_ymd_opt(y, m0 + 1, date.day().saturating_sub(back).max(1)))
}

fn resolve_date(d: &DateSpec, spec: &Spec, today: NaiveDate) -> Option<NaiveDate> {
    let weekday = spec.weekday.map(|(w, _)| w);
    match (d.year, d.month) {
        (Year::Abs(y), Month::Abs(m)) => NaiveDate::from_ymd_opt(y, m, d.day),
        (Year::Rel(r), Month::Abs(m)) => NaiveDate::from_ymd_opt(today.year() + r, m, d.day),
        (_, Month::Abs(m)) => {
            let this = NaiveDate::from_ymd_opt(today.year(), m, d.day);
            match this {
                Some(date) if date >= today || weekday == Some(date.weekday()) => Some(date),
                _ => NaiveDate::from_ymd_opt(today.year() + 1, m, d.day),
            }
        }
        (_, Month::Rel(r)) => {
            let first = shift_months(today.with_day(1)?, r)?;
            NaiveDate::from_ymd_opt(first.year(), first.month(), d.day)
        }
        (_, Month::Auto) => {
            let this = NaiveDate::from_ymd_opt(today.year(), today.month(), d.day);
            match this {
                Some(date) if date >= today || weekday == Some(date.weekday()) => Some(date),
                _ => {
                    let next = shift_months(today.with_day(1)?, 1)?;
                    NaiveDate::from_ymd_opt(next.year(), next.month(), d.day)
                }
            }
        }
    }
}

/// The hour on a 24-hour clock, and whether it falls on the following day.
fn hour24(c: &Clock, part: Option<Part>) -> (u32, bool) {
    if c.midnight {
        return (0, true);
    }
    let h = c.h;
    match (c.mer, part) {
        (Some(Meridiem::Am), _) => (h % 12, false),
        (Some(Meridiem::Pm), _) => (if h < 12 { h + 12 } else { h }, false),
        (None, _) if h > 12 => (h, false),
        (None, Some(Part::EarlyMorning)) => (h % 12, false),
        (None, Some(Part::Morning | Part::Am)) => (h, false),
        (None, Some(Part::Noon | Part::Lunch)) => (if h <= 5 { h + 12 } else { h }, false),
        (None, Some(Part::Afternoon | Part::Dusk | Part::Pm)) => {
            (if h < 12 { h + 12 } else { h }, false)
        }
        (None, Some(Part::Evening)) => match h {
            12 => (0, true),
            1..=4 => (h, true),
            _ => (h + 12, false),
        },
        (None, Some(Part::Night)) => match h {
            12 => (0, true),
            0..=5 => (h, true),
            _ => (h + 12, false),
        },
        (None, _) if (1..=6).contains(&h) => (h + 12, false),
        (None, _) => (h, false),
    }
}

/// Turns a spec into an interval.
pub(crate) fn resolve(spec: &Spec, now: DateTime<Tz>) -> Option<When> {
    let today = now.date_naive();
    let point = |t: DateTime<chrono::FixedOffset>| When {
        start: t,
        end: t + Duration::seconds(59),
    };
    if spec.now {
        let t = now.fixed_offset();
        return Some(When { start: t, end: t });
    }
    let mut day = None;
    match spec.offset {
        Some(Offset::Seconds(secs))
            if secs.abs() < 86_400 || (spec.clock.is_none() && spec.part.is_none()) =>
        {
            return Some(point((now + Duration::seconds(secs)).fixed_offset()));
        }
        Some(Offset::Seconds(secs)) => day = Some((now + Duration::seconds(secs)).date_naive()),
        Some(Offset::Months(m)) => {
            let date = shift_months(today, m)?;
            if spec.clock.is_none() && spec.part.is_none() {
                return Some(point(at(
                    now,
                    date,
                    now.hour(),
                    now.minute(),
                    now.second(),
                )?));
            }
            day = Some(date);
        }
        None => {}
    }
    if let (None, None, None, None, Some(n)) = (day, &spec.date, spec.day, spec.weekday, spec.week)
    {
        let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
        let first = monday + Duration::days(7 * n);
        return Some(When {
            start: at(now, first, 0, 0, 0)?,
            end: at(now, first + Duration::days(6), 23, 59, 59)?,
        });
    }
    let date = match (day, &spec.date, spec.day, spec.weekday) {
        (Some(d), ..) => d,
        (None, Some(d), ..) => resolve_date(d, spec, today)?,
        (None, None, Some(n), _) => today + Duration::days(n),
        (None, None, None, Some((wd, week))) => weekday_date(wd, week, spec, now)?,
        (None, None, None, None) => today,
    };
    if let Some(clock) = spec.clock {
        let (h, next_day) = hour24(&clock, spec.part);
        let date = if next_day {
            date + Duration::days(1)
        } else {
            date
        };
        let start = at(
            now,
            date,
            h.min(23),
            clock.m.min(59),
            clock.s.unwrap_or(0).min(59),
        )?;
        let end = match (spec.end_clock, clock.s) {
            (Some(e), _) => {
                let (eh, enext) = hour24(
                    &e,
                    spec.part.or(clock.mer.map(|m| {
                        if m == Meridiem::Pm {
                            Part::Pm
                        } else {
                            Part::Am
                        }
                    })),
                );
                let edate = if enext {
                    date + Duration::days(1)
                } else {
                    date
                };
                at(now, edate, eh.min(23), e.m.min(59), 59)
                    .filter(|e| *e >= start)
                    .unwrap_or(start + Duration::seconds(59))
            }
            (None, Some(_)) => start,
            (None, None) => start + Duration::seconds(59),
        };
        return Some(When { start, end });
    }
    let (from, to) = spec.part.unwrap_or(Part::WholeDay).window();
    Some(When {
        start: at(now, date, from, 0, 0)?,
        end: at(now, date, to, 59, 59)?,
    })
}

fn weekday_date(wd: Weekday, week: WeekRef, spec: &Spec, now: DateTime<Tz>) -> Option<NaiveDate> {
    let today = now.date_naive();
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let idx = i64::from(wd.num_days_from_monday());
    Some(match week {
        WeekRef::This => monday + Duration::days(idx),
        WeekRef::Next(n) => monday + Duration::days(7 * n + idx),
        WeekRef::Last(n) => monday - Duration::days(7 * n) + Duration::days(idx),
        WeekRef::Bare => {
            let delta = (idx - i64::from(today.weekday().num_days_from_monday())).rem_euclid(7);
            if delta > 0 {
                today + Duration::days(delta)
            } else if still_ahead_today(spec, now) {
                today
            } else {
                today + Duration::days(7)
            }
        }
    })
}

/// Whether the clock time or part of day named in `spec` is still ahead today.
fn still_ahead_today(spec: &Spec, now: DateTime<Tz>) -> bool {
    let hour = now.hour();
    if let Some(clock) = spec.clock {
        let (h, next_day) = hour24(&clock, spec.part);
        return next_day || (h, clock.m) > (hour, now.minute());
    }
    match spec.part {
        Some(part) => part.window().1 >= hour,
        None => false,
    }
}

#[cfg(test)]
mod tests;
