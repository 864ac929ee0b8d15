//! What a resident's request is: kind, category, urgency (labels of TAXONOMY.md).
//! Provisional: replaced by the understanding step's version.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

macro_rules! label_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order of TAXONOMY.md.
            pub const ALL: &[Self] = &[$(Self::$variant),+];

            /// The label of TAXONOMY.md.
            pub fn as_str(&self) -> &'static str {
                match self { $(Self::$variant => $label),+ }
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($label => Ok(Self::$variant),)+
                    _ => Err(format!("unknown {}: `{s}`", stringify!($name))),
                }
            }
        }
    };
}

label_enum!(
    /// What the resident wants.
    Kind { Repair => "repair", Complaint => "complaint", Booking => "booking", Inquiry => "inquiry",
    Suggestion => "suggestion", Praise => "praise", Unknown => "unknown" }
);

label_enum!(
    /// What the request is about.
    Category { Gas => "gas", Lift => "lift", Noise => "noise", Plumbing => "plumbing",
    Electrical => "electrical", Security => "security", Parking => "parking", Cleaning => "cleaning",
    Pests => "pests", Greening => "greening", Renovation => "renovation", Fees => "fees",
    Staff => "staff", Facilities => "facilities", Neighbour => "neighbour", Other => "other" }
);

label_enum!(
    /// How soon it must be handled.
    Urgency { Emergency => "emergency", High => "high", Normal => "normal", Low => "low" }
);
