use super::*;

const MIN: u64 = 60;
const HOUR: u64 = 3600;
const DAY: u64 = 86_400;

fn hk_week() -> Week {
    let mut week = Week::weekdays(Hours::parse("09:00-18:00").unwrap());
    week.sat = Some(Hours::parse("09:00-13:00").unwrap());
    week
}

fn hk_holidays() -> BTreeSet<NaiveDate> {
    [
        "2026-02-17",
        "2026-02-18",
        "2026-02-19",
        "2026-12-25",
        "2026-12-26",
    ]
    .iter()
    .map(|d| parse_date(d).unwrap())
    .collect()
}

/// `2026-11-29 21:42` in `tz` as an instant.
fn at(tz: Tz, text: &str) -> DateTime<Utc> {
    let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
    tz.from_local_datetime(&naive).single().unwrap().to_utc()
}

#[test]
fn time_limits_count_office_hours_across_weekends_and_holidays() {
    let hk = chrono_tz::Asia::Hong_Kong;
    let (week, holidays) = (hk_week(), hk_holidays());
    let cal = Calendar {
        tz: hk,
        week: &week,
        holidays: &holidays,
    };
    // (why, clock, opened (local), limit, deadline (local))
    let cases: &[(&str, Clock, &str, u64, &str)] = &[
        (
            "Sunday night, 4 office hours: Monday 13:00",
            Clock::Office,
            "2026-11-29 21:42",
            4 * HOUR,
            "2026-11-30 13:00",
        ),
        (
            "within the day",
            Clock::Office,
            "2026-11-30 10:00",
            4 * HOUR,
            "2026-11-30 14:00",
        ),
        (
            "ending exactly at closing",
            Clock::Office,
            "2026-11-30 14:00",
            4 * HOUR,
            "2026-11-30 18:00",
        ),
        (
            "Friday afternoon runs into Saturday's short day",
            Clock::Office,
            "2026-11-27 16:00",
            4 * HOUR,
            "2026-11-28 11:00",
        ),
        (
            "Saturday noon skips Sunday",
            Clock::Office,
            "2026-11-28 12:00",
            4 * HOUR,
            "2026-11-30 12:00",
        ),
        (
            "Christmas Eve skips Christmas, the day after and Sunday",
            Clock::Office,
            "2026-12-24 17:00",
            4 * HOUR,
            "2026-12-28 12:00",
        ),
        (
            "Lunar New Year's three days",
            Clock::Office,
            "2026-02-16 17:00",
            4 * HOUR,
            "2026-02-20 12:00",
        ),
        (
            "whole days are working days at the same time",
            Clock::Office,
            "2026-12-24 10:00",
            3 * DAY,
            "2026-12-30 10:00",
        ),
        (
            "whole days from Sunday night start Monday morning",
            Clock::Office,
            "2026-11-29 21:42",
            DAY,
            "2026-12-01 09:00",
        ),
        (
            "a day landing on Saturday afternoon ends at Saturday's closing",
            Clock::Office,
            "2026-11-27 15:00",
            DAY,
            "2026-11-28 13:00",
        ),
        (
            "an emergency runs around the clock",
            Clock::Always,
            "2026-11-29 21:42",
            5 * MIN,
            "2026-11-29 21:47",
        ),
        (
            "around the clock ignores holidays",
            Clock::Always,
            "2026-12-24 17:00",
            24 * HOUR,
            "2026-12-25 17:00",
        ),
    ];
    for (why, clock, opened, limit, want) in cases {
        let got = cal.add(*clock, at(hk, opened), Duration::from_secs(*limit));
        assert_eq!(got, at(hk, want), "{why}: got {}", got.with_timezone(&hk));
    }
}

#[test]
fn time_limits_in_a_zone_with_summer_time_count_real_office_hours() {
    let london = chrono_tz::Europe::London;
    let week = Week::weekdays(Hours::parse("09:00-17:00").unwrap());
    let holidays = BTreeSet::new();
    let cal = Calendar {
        tz: london,
        week: &week,
        holidays: &holidays,
    };
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    let cases: &[(&str, Clock, &str, u64, &str)] = &[
        (
            "Friday GMT to Monday BST, 4 office hours",
            Clock::Office,
            "2026-03-27 15:00",
            4 * HOUR,
            "2026-03-30 11:00",
        ),
        (
            "a working day across the change keeps the wall time",
            Clock::Office,
            "2026-03-27 10:00",
            DAY,
            "2026-03-30 10:00",
        ),
        (
            "24 hours around the clock are 24 real hours",
            Clock::Always,
            "2026-03-28 12:00",
            24 * HOUR,
            "2026-03-29 13:00",
        ),
        (
            "clocks go back in October",
            Clock::Office,
            "2026-10-23 16:00",
            2 * HOUR,
            "2026-10-26 10:00",
        ),
    ];
    for (why, clock, opened, limit, want) in cases {
        let got = cal.add(*clock, at(london, opened), Duration::from_secs(*limit));
        assert_eq!(
            got,
            at(london, want),
            "{why}: got {}",
            got.with_timezone(&london)
        );
    }
    // The Monday deadline is 10:00 UTC: 11:00 summer time, not 11:00 GMT.
    let monday = cal.add(
        Clock::Office,
        at(london, "2026-03-27 15:00"),
        Duration::from_secs(4 * HOUR),
    );
    assert_eq!(monday.to_rfc3339(), "2026-03-30T10:00:00+00:00");
}

#[test]
fn reminders_run_on_the_limits_clock_and_never_fall_due_at_once() {
    let hk = chrono_tz::Asia::Hong_Kong;
    let (week, holidays) = (hk_week(), hk_holidays());
    let cal = Calendar {
        tz: hk,
        week: &week,
        holidays: &holidays,
    };
    let lead = Duration::from_secs(30 * MIN);
    // (why, clock, deadline, limit, reminder)
    let cases: &[(&str, Clock, &str, u64, &str)] = &[
        (
            "in the same morning",
            Clock::Office,
            "2026-11-30 09:30",
            4 * HOUR,
            "2026-11-30 09:00",
        ),
        (
            "back over Sunday into Saturday's hours",
            Clock::Office,
            "2026-11-30 09:15",
            4 * HOUR,
            "2026-11-28 12:45",
        ),
        (
            "back over Christmas",
            Clock::Office,
            "2026-12-28 09:10",
            4 * HOUR,
            "2026-12-24 17:40",
        ),
        (
            "a 5-minute limit with a 30-minute lead: halfway",
            Clock::Always,
            "2026-11-29 21:47",
            5 * MIN,
            "2026-11-29 21:44",
        ),
        (
            "around the clock, the plain lead",
            Clock::Always,
            "2026-11-30 10:00",
            HOUR,
            "2026-11-30 09:30",
        ),
        (
            "a 40-minute office limit: 20 office minutes before",
            Clock::Office,
            "2026-11-30 09:10",
            40 * MIN,
            "2026-11-28 12:50",
        ),
    ];
    for (why, clock, deadline, limit, want) in cases {
        let got = cal.reminder(*clock, at(hk, deadline), Duration::from_secs(*limit), lead);
        // The 5-minute case is 2½ minutes before: compare to the minute below.
        let got_min = got - chrono::Duration::seconds(got.timestamp() % 60);
        assert_eq!(
            got_min,
            at(hk, want),
            "{why}: got {}",
            got.with_timezone(&hk)
        );
    }
    // The reminder of a ticket opened now is never due now.
    let opened = at(hk, "2026-11-29 21:42");
    for limit in [MIN, 5 * MIN, 20 * MIN, HOUR, 4 * HOUR, DAY] {
        for clock in [Clock::Always, Clock::Office] {
            let limit = Duration::from_secs(limit);
            let deadline = cal.add(clock, opened, limit);
            let reminder = cal.reminder(clock, deadline, limit, lead);
            assert!(reminder > opened, "{clock:?} {limit:?}: reminder at once");
            assert!(reminder < deadline, "{clock:?} {limit:?}");
        }
    }
}

#[test]
fn opening_hours_read_and_refuse() {
    let h = Hours::parse("09:00–18:00").unwrap();
    assert_eq!(h.to_string(), "09:00-18:00");
    assert!(Hours::parse("18:00-09:00").is_err());
    assert!(Hours::parse("nine to five").is_err());
    assert!(parse_date("2026-02-30").is_err());
}

#[test]
fn an_office_that_never_opens_counts_around_the_clock() {
    let week = Week::default();
    let holidays = BTreeSet::new();
    let cal = Calendar {
        tz: chrono_tz::Asia::Hong_Kong,
        week: &week,
        holidays: &holidays,
    };
    let t = at(chrono_tz::Asia::Hong_Kong, "2026-11-29 21:42");
    assert_eq!(
        cal.add(Clock::Office, t, Duration::from_secs(HOUR)),
        t + chrono::Duration::hours(1)
    );
}
