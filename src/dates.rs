//! Dates and times as people read them: with the weekday, and with the year
//! only when it is not this year, each language its own way (the patterns
//! and the names of days and months are `date-*`, `weekday-*` and `month-*`
//! in `prompts/<lang>/dates.ftl`).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::domain::lang::Lang;
use crate::texts::{t, t_args};

/// A day: `Mon 30 Nov`, `11月30日（星期一）`; with the year when `date` is
/// not in the year of `today`.
pub fn day(lang: Lang, date: NaiveDate, today: NaiveDate) -> String {
    let weekday = t(
        lang,
        &format!("weekday-{}", date.weekday().number_from_monday()),
    );
    let month = t(lang, &format!("month-{}", date.month()));
    let key = if date.year() == today.year() {
        "date-day"
    } else {
        "date-day-year"
    };
    t_args(
        lang,
        key,
        &[
            ("weekday", weekday.into()),
            ("day", date.day().to_string().into()),
            ("month", month.into()),
            ("year", date.year().to_string().into()),
        ],
    )
}

/// A moment in `tz`: `Mon 30 Nov 13:00`, `11月30日（星期一）13:00`.
pub fn moment(lang: Lang, tz: Tz, at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let local = at.with_timezone(&tz);
    let today = now.with_timezone(&tz).date_naive();
    t_args(
        lang,
        "date-moment",
        &[
            ("date", day(lang, local.date_naive(), today).into()),
            ("time", local.format("%H:%M").to_string().into()),
        ],
    )
}

/// A span in `tz`: `Mon 30 Nov 15:00–16:00`, or two moments when it
/// crosses midnight. A span within one minute ("3pm" is 15:00:00–15:00:59)
/// reads as that one moment.
pub fn span(
    lang: Lang,
    tz: Tz,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> String {
    let (s, e) = (start.with_timezone(&tz), end.with_timezone(&tz));
    let first = moment(lang, tz, start, now);
    if s.date_naive() != e.date_naive() {
        return format!("{first} – {}", moment(lang, tz, end, now));
    }
    let last = e.format("%H:%M").to_string();
    if s.format("%H:%M").to_string() == last {
        return first;
    }
    format!("{first}–{last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    }

    #[test]
    fn a_moment_carries_the_weekday_in_each_languages_way() {
        let hk = chrono_tz::Asia::Hong_Kong;
        let now = utc("2026-11-29T21:42:00+08:00");
        let at = utc("2026-11-30T13:00:00+08:00");
        assert_eq!(moment(Lang::En, hk, at, now), "Mon 30 Nov 13:00");
        assert_eq!(moment(Lang::ZhHant, hk, at, now), "11月30日（星期一）13:00");
        assert_eq!(moment(Lang::ZhHans, hk, at, now), "11月30日（星期一）13:00");
    }

    #[test]
    fn the_year_shows_only_when_it_is_not_this_year() {
        let hk = chrono_tz::Asia::Hong_Kong;
        let now = utc("2026-12-30T10:00:00+08:00");
        let at = utc("2027-01-04T09:00:00+08:00");
        assert_eq!(moment(Lang::En, hk, at, now), "Mon 4 Jan 2027 09:00");
        assert_eq!(
            moment(Lang::ZhHant, hk, at, now),
            "2027年1月4日（星期一）09:00"
        );
        assert_eq!(
            moment(Lang::ZhHans, hk, at, now),
            "2027年1月4日（星期一）09:00"
        );
    }

    #[test]
    fn a_span_in_one_day_names_the_day_once() {
        let hk = chrono_tz::Asia::Hong_Kong;
        let now = utc("2026-11-29T10:00:00+08:00");
        let (s, e) = (
            utc("2026-12-05T15:00:00+08:00"),
            utc("2026-12-05T16:00:00+08:00"),
        );
        assert_eq!(span(Lang::En, hk, s, e, now), "Sat 5 Dec 15:00–16:00");
        assert_eq!(span(Lang::ZhHant, hk, s, s, now), "12月5日（星期六）15:00");
        let next = utc("2026-12-06T10:00:00+08:00");
        assert_eq!(
            span(Lang::En, hk, s, next, now),
            "Sat 5 Dec 15:00 – Sun 6 Dec 10:00"
        );
    }

    fn hk(day: u32, hour: u32, minute: u32, second: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        chrono_tz::Asia::Hong_Kong
            .with_ymd_and_hms(2025, 11, day, hour, minute, second)
            .single()
            .expect("a valid moment")
            .to_utc()
    }

    #[test]
    fn a_one_minute_span_reads_as_a_single_time() {
        let (hk_tz, now) = (chrono_tz::Asia::Hong_Kong, hk(1, 0, 0, 0));
        let en = |s, e| span(Lang::En, hk_tz, s, e, now);
        assert_eq!(en(hk(28, 15, 0, 0), hk(28, 15, 0, 59)), "Fri 28 Nov 15:00");
        assert_eq!(en(hk(28, 15, 0, 0), hk(28, 15, 0, 0)), "Fri 28 Nov 15:00");
        assert_eq!(
            en(hk(28, 12, 0, 0), hk(28, 17, 59, 59)),
            "Fri 28 Nov 12:00–17:59"
        );
        assert_eq!(
            en(hk(28, 15, 0, 0), hk(28, 15, 1, 0)),
            "Fri 28 Nov 15:00–15:01"
        );
        assert_eq!(
            en(hk(28, 22, 0, 0), hk(29, 1, 59, 59)),
            "Fri 28 Nov 22:00 – Sat 29 Nov 01:59"
        );
    }
}
