//! Hot spots (熱點) as the report shows them: the desk's own hot spots
//! (`desk::hotspots` makes and follows them, one notion of place for both),
//! each with its tickets and where it stands.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// A hot spot's tickets: one category, one place, from its first ticket to
/// its latest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    pub category: String,
    /// `area@building` for a shared place, else the building.
    pub place: String,
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
    pub tickets: Vec<String>,
}
