//! When the office works: the working week and public holidays that time
//! limits counted in office hours run on.

use serde::Deserialize;

use crate::domain::calendar::{self, Hours, Week};

/// The office's working week and public holidays, in the estate's time zone.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OfficeHours {
    /// Opening hours per weekday (`mon` … `sun`); a day left out is closed.
    pub week: Week,
    /// Days the office is closed (`YYYY-MM-DD`).
    #[serde(deserialize_with = "calendar::deserialize_dates")]
    pub holidays: std::collections::BTreeSet<chrono::NaiveDate>,
}

impl Default for OfficeHours {
    fn default() -> Self {
        let hours = |s: &str| Hours::parse(s).unwrap_or_else(|e| panic!("{e}"));
        let mut week = Week::weekdays(hours("09:00-18:00"));
        week.sat = Some(hours("09:00-13:00"));
        let holidays = HONG_KONG_HOLIDAYS
            .iter()
            .filter_map(|d| calendar::parse_date(d).ok())
            .collect();
        Self { week, holidays }
    }
}

/// Hong Kong's general holidays (Sundays aside), 2026–2028, as gazetted.
pub const HONG_KONG_HOLIDAYS: &[&str] = &[
    "2026-01-01",
    "2026-02-17",
    "2026-02-18",
    "2026-02-19",
    "2026-04-03",
    "2026-04-04",
    "2026-04-06",
    "2026-04-07",
    "2026-05-01",
    "2026-05-25",
    "2026-06-19",
    "2026-07-01",
    "2026-09-26",
    "2026-10-01",
    "2026-10-19",
    "2026-12-25",
    "2026-12-26",
    "2027-01-01",
    "2027-02-06",
    "2027-02-08",
    "2027-02-09",
    "2027-03-26",
    "2027-03-27",
    "2027-03-29",
    "2027-04-05",
    "2027-05-01",
    "2027-05-13",
    "2027-06-09",
    "2027-07-01",
    "2027-09-16",
    "2027-10-01",
    "2027-10-08",
    "2027-12-25",
    "2027-12-27",
    "2028-01-01",
    "2028-01-26",
    "2028-01-27",
    "2028-01-28",
    "2028-04-04",
    "2028-04-14",
    "2028-04-15",
    "2028-04-17",
    "2028-05-01",
    "2028-05-02",
    "2028-05-29",
    "2028-07-01",
    "2028-10-02",
    "2028-10-04",
    "2028-10-26",
    "2028-12-25",
    "2028-12-26",
];
