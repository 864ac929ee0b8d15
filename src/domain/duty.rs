//! The on-duty schedule: whether a moment falls inside a department's shift.
//! Pure, no I/O.

use chrono::{DateTime, Datelike, Utc};
use chrono_tz::Tz;

use super::calendar::Week;

/// Whether `at` (in the estate's zone `tz`) is inside that weekday's shift.
pub fn on_shift(week: &Week, tz: Tz, at: DateTime<Utc>) -> bool {
    let local = at.with_timezone(&tz);
    week.on(local.weekday()).is_some_and(|shift| {
        let time = local.time();
        shift.open <= time && time < shift.close
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::domain::calendar::Hours;

    const HK: Tz = chrono_tz::Asia::Hong_Kong;

    fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        // 2026-11-30 is a Monday.
        HK.with_ymd_and_hms(2026, 11, day, hour, minute, 0)
            .single()
            .expect("a valid moment")
            .to_utc()
    }

    #[test]
    fn a_shift_starts_at_its_opening_and_ends_at_its_closing_on_its_weekday() {
        let week = Week {
            mon: Some(Hours::parse("08:00-20:00").unwrap()),
            ..Week::default()
        };
        assert!(!on_shift(&week, HK, at(30, 7, 59)));
        assert!(on_shift(&week, HK, at(30, 8, 0)));
        assert!(on_shift(&week, HK, at(30, 19, 59)));
        assert!(!on_shift(&week, HK, at(30, 20, 0)));
        // Sunday the 29th has no shift.
        assert!(!on_shift(&week, HK, at(29, 12, 0)));
    }
}
