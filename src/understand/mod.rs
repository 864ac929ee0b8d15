//! Understanding a resident's message: text → kind, category, urgency, unit, time.
//! Pure: no I/O. (Filled in by issue 3.)

pub mod cli;

use crate::domain::unit::UnitRef;

/// Provisional until the understanding step lands.
pub fn extract_unit(_text: &str) -> Option<UnitRef> {
    None
}
