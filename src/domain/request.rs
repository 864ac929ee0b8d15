//! What a resident wants (kind), what it is about (category) and how soon it
//! needs action (urgency): the labels of `shared/TAXONOMY.md`.

use std::fmt;
use std::str::FromStr;

/// A label string that names none of an enum's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} label: {value:?}")]
pub struct UnknownLabel {
    /// Which set of labels was asked for ("kind", "category", "urgency").
    pub what: &'static str,
    /// The text that matched none of them.
    pub value: String,
}

macro_rules! labels {
    ($(#[$doc:meta])* $name:ident, $what:literal, { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            /// Every value, in the order of the taxonomy table.
            pub const ALL: &[Self] = &[$(Self::$variant),+];

            /// The taxonomy label, as printed by `residesk parse`.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $label),+
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownLabel;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let wanted = s.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| UnknownLabel { what: $what, value: s.to_owned() })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

labels!(
    /// What the resident wants.
    Kind, "kind", {
        Repair => "repair",
        Complaint => "complaint",
        Booking => "booking",
        Inquiry => "inquiry",
        Suggestion => "suggestion",
        Praise => "praise",
        Unknown => "unknown",
    }
);

labels!(
    /// What the message is about. Earlier values win where two fit (except staff conduct).
    Category, "category", {
        Gas => "gas",
        Lift => "lift",
        Noise => "noise",
        Plumbing => "plumbing",
        Electrical => "electrical",
        Security => "security",
        Parking => "parking",
        Cleaning => "cleaning",
        Pests => "pests",
        Greening => "greening",
        Renovation => "renovation",
        Fees => "fees",
        Staff => "staff",
        Facilities => "facilities",
        Neighbour => "neighbour",
        Other => "other",
    }
);

labels!(
    /// How soon the office must act.
    Urgency, "urgency", {
        Emergency => "emergency",
        High => "high",
        Normal => "normal",
        Low => "low",
    }
);

impl Urgency {
    /// One step more urgent, for a ticket reopened after a bad callback. A
    /// high ticket stays high: an emergency is a danger to someone, not a
    /// repair done badly twice.
    pub fn raised(self) -> Self {
        match self {
            Self::Low => Self::Normal,
            Self::Normal => Self::High,
            Self::High => Self::High,
            Self::Emergency => Self::Emergency,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reopened_ticket_goes_up_one_step_but_never_becomes_an_emergency() {
        assert_eq!(Urgency::Low.raised(), Urgency::Normal);
        assert_eq!(Urgency::Normal.raised(), Urgency::High);
        assert_eq!(Urgency::High.raised(), Urgency::High);
        assert_eq!(Urgency::Emergency.raised(), Urgency::Emergency);
    }

    #[test]
    fn every_label_parses_back_to_its_value() {
        for k in Kind::ALL {
            assert_eq!(k.as_str().parse::<Kind>(), Ok(*k));
        }
        for c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>(), Ok(*c));
        }
        for u in Urgency::ALL {
            assert_eq!(u.as_str().parse::<Urgency>(), Ok(*u));
        }
    }

    #[test]
    fn an_unknown_label_is_an_error_naming_the_field() {
        let err = "plumber".parse::<Category>().unwrap_err();
        assert_eq!(err.what, "category");
    }

    #[test]
    fn serde_uses_the_snake_case_label() {
        assert_eq!(
            serde_json::to_string(&Category::Neighbour).unwrap(),
            "\"neighbour\""
        );
        assert_eq!(
            serde_json::from_str::<Urgency>("\"high\"").unwrap(),
            Urgency::High
        );
    }

    #[test]
    fn categories_are_listed_in_taxonomy_precedence_order() {
        assert_eq!(Category::ALL.first(), Some(&Category::Gas));
        assert_eq!(Category::ALL.last(), Some(&Category::Other));
        assert_eq!(Category::ALL.len(), 16);
    }
}
