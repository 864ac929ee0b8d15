//! The `[reports]` settings: the monthly report, hot spots, key complaints
//! and the daily digest.

use std::collections::HashMap;

use serde::Deserialize;

use crate::domain::request::Category;

/// The supervisor's numbers: when the monthly report goes out, and what
/// makes a hot spot.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reports {
    /// Day of the month (1–28, estate time) the previous month's report goes
    /// to supervisors and managers.
    pub monthly_day: u32,
    /// Hour (0–23, estate time) it goes out.
    pub monthly_hour: u32,
    /// A hot spot: this many tickets of one category in one building…
    pub hot_spot_count: usize,
    /// …within this many days.
    pub hot_spot_days: i64,
    /// Per-category rules that override the two above.
    pub hot_spots: HashMap<Category, HotSpotRule>,
    /// Hour (0–23, estate time) of the daily follow-up reminder of each open
    /// key complaint (重點投訴) to its owner and the supervisors.
    pub key_reminder_hour: u32,
    /// A resident's complaint is proposed as key when it is at least their
    /// this many-th…
    pub repeat_complainer_count: i64,
    /// …within this many days.
    pub repeat_complainer_days: i64,
    /// Whether supervisors get the daily digest each morning.
    pub daily_digest: bool,
    /// Hour (0–23, estate time) the daily digest goes out.
    pub daily_digest_hour: u32,
}

/// A category's own hot-spot rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HotSpotRule {
    pub count: usize,
    pub days: i64,
}

impl Reports {
    /// The hot-spot rule of a category: its own, else the default one.
    pub fn hot_spot_rule(&self, category: Category) -> HotSpotRule {
        self.hot_spots
            .get(&category)
            .copied()
            .unwrap_or(HotSpotRule {
                count: self.hot_spot_count,
                days: self.hot_spot_days,
            })
    }
}

impl Default for Reports {
    fn default() -> Self {
        Self {
            monthly_day: 1,
            monthly_hour: 9,
            hot_spot_count: 3,
            hot_spot_days: 7,
            hot_spots: HashMap::new(),
            key_reminder_hour: 9,
            repeat_complainer_count: 3,
            repeat_complainer_days: 90,
            daily_digest: true,
            daily_digest_hour: 8,
        }
    }
}
