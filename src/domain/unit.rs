//! Where a request is: a building (block, tower, 座, 栋) and optionally a flat.

use serde::{Deserialize, Serialize};

/// A building and, when known, a flat in it ("15B", "1502").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitRef {
    /// The block as an ASCII string: digits or an upper-case letter ("3", "B").
    pub building: String,
    /// Floor and flat as a postman writes it ("1502", "15B"), if named.
    pub flat: Option<String>,
}

impl UnitRef {
    /// A building with no flat.
    pub fn building(building: impl Into<String>) -> Self {
        Self {
            building: building.into(),
            flat: None,
        }
    }

    /// A building and a flat in it.
    pub fn flat(building: impl Into<String>, flat: impl Into<String>) -> Self {
        Self {
            building: building.into(),
            flat: Some(flat.into()),
        }
    }

    /// The staff shorthand: "3-1502", or "3" when no flat is known.
    pub fn label(&self) -> String {
        match &self.flat {
            Some(flat) => format!("{}-{}", self.building, flat),
            None => self.building.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_with_a_flat_is_labelled_building_dash_flat() {
        assert_eq!(UnitRef::flat("3", "1502").label(), "3-1502");
    }

    #[test]
    fn a_building_alone_is_labelled_by_the_building() {
        assert_eq!(UnitRef::building("B").label(), "B");
    }
}
