//! The one place that owns the format of callback data (≤ 64 bytes).
//! Callback data comes from the client and can be forged: parsing only says
//! what was asked; handlers still check the sender's role and ownership.

use crate::domain::lang::Lang;

/// What a pressed button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// Switch the interface language.
    Lang(Lang),
    /// Decide a resident's request to be bound to a unit.
    Bind { request: i64, approve: bool },
}

const LANG: &str = "lang";
const BIND_APPROVE: &str = "bind+";
const BIND_REJECT: &str = "bind-";

impl Callback {
    /// The callback data for a button.
    pub fn encode(&self) -> String {
        match self {
            Self::Lang(lang) => format!("{LANG}:{}", lang.tag()),
            Self::Bind { request, approve } => {
                let prefix = if *approve { BIND_APPROVE } else { BIND_REJECT };
                format!("{prefix}:{request}")
            }
        }
    }

    /// Reads callback data; `None` for anything we did not make.
    pub fn parse(data: &str) -> Option<Self> {
        let (prefix, rest) = data.split_once(':')?;
        match prefix {
            LANG => rest.parse().ok().map(Self::Lang),
            BIND_APPROVE | BIND_REJECT => Some(Self::Bind {
                request: rest.parse().ok()?,
                approve: prefix == BIND_APPROVE,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_callback_survives_a_round_trip_within_64_bytes() {
        let all = [
            Callback::Lang(Lang::ZhHant),
            Callback::Bind {
                request: i64::MAX,
                approve: true,
            },
            Callback::Bind {
                request: 7,
                approve: false,
            },
        ];
        for c in all {
            let data = c.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Callback::parse(&data), Some(c));
        }
    }

    #[test]
    fn garbage_and_forged_formats_are_not_understood() {
        for data in [
            "",
            "bind+",
            "bind+:x",
            "lang:fr",
            "nope:1",
            "bind+:1:2",
            "💥",
        ] {
            assert_eq!(Callback::parse(data), None, "{data}");
        }
    }
}
