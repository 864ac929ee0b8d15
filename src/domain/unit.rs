//! A unit (flat) of the estate as a resident names it.

use serde::{Deserialize, Serialize};

/// A building and, when named, a flat (`"1502"`, `"15B"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitRef {
    pub building: String,
    pub flat: Option<String>,
}

impl UnitRef {
    /// `3-1502`, or `3` when no flat is named.
    pub fn label(&self) -> String {
        match &self.flat {
            Some(flat) => format!("{}-{}", self.building, flat),
            None => self.building.clone(),
        }
    }
}
