//! Who a user is to the desk.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A user's role. A user without a role has not finished onboarding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Resident,
    Staff,
    Supervisor,
    /// 客服經理: receives the monthly report, key complaints and second-tier
    /// escalations; sees the lists read-only.
    Manager,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Resident => "resident",
            Self::Staff => "staff",
            Self::Supervisor => "supervisor",
            Self::Manager => "manager",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "resident" => Ok(Self::Resident),
            "staff" => Ok(Self::Staff),
            "supervisor" => Ok(Self::Supervisor),
            "manager" => Ok(Self::Manager),
            _ => Err(format!("unknown role `{s}`")),
        }
    }
}
