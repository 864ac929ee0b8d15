//! Understanding a resident's message: text → kind, category, urgency, unit, time.
//! Pure: no I/O. (Filled in by issue 3.)
//!
//! Provisional: the types and signatures below are the contract the bot is
//! written against; the bodies are stubs until the understanding step lands.

pub mod cli;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::unit::UnitRef;

/// What a message means (TAXONOMY.md).
#[derive(Debug, Clone, PartialEq)]
pub struct Understanding {
    pub kind: Kind,
    pub category: Category,
    pub urgency: Urgency,
    pub unit: Option<UnitRef>,
    pub when: Option<When>,
    /// 0..1: how sure the kind and category are.
    pub confidence: f32,
}

/// A time the resident named: the earliest and the last moment they meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
}

/// Provisional until the understanding step lands: understands nothing.
pub fn understand(text: &str, now: DateTime<Tz>) -> Understanding {
    Understanding {
        kind: Kind::Unknown,
        category: Category::Other,
        urgency: Urgency::Normal,
        unit: extract_unit(text),
        when: extract_when(text, now),
        confidence: 0.0,
    }
}

/// Provisional until the understanding step lands.
pub fn extract_unit(_text: &str) -> Option<UnitRef> {
    None
}

/// Provisional until the understanding step lands.
pub fn extract_when(_text: &str, _now: DateTime<Tz>) -> Option<When> {
    None
}

/// The frequently asked question a message asks, if any: one of `fees`,
/// `office_hours`, `renovation`, `parking`. Provisional until the
/// understanding step lands.
pub fn faq_topic(_text: &str) -> Option<&'static str> {
    None
}
