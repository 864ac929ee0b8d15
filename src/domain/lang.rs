//! The languages residesk speaks, and how a Telegram `language_code` maps to one.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language of the prompts catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Traditional Chinese (Hong Kong, Taiwan).
    #[serde(rename = "zh-Hant")]
    ZhHant,
    /// Simplified Chinese (mainland).
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every language, in the order they are offered to a user.
    pub const ALL: [Self; 3] = [Self::ZhHant, Self::ZhHans, Self::En];

    /// The BCP 47 tag, also the folder name under `prompts/`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::ZhHant => "zh-Hant",
            Self::ZhHans => "zh-Hans",
            Self::En => "en",
        }
    }

    /// Picks a language from Telegram's `language_code` (an IETF tag such as
    /// `zh-hk`, `zh-TW`, `zh-cn`, `en-GB`); `None` when it is none of ours.
    pub fn from_telegram(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = code.split('-');
        match parts.next()? {
            "en" => Some(Self::En),
            "zh" | "yue" => {
                let rest: Vec<&str> = parts.collect();
                let traditional = rest
                    .iter()
                    .any(|p| matches!(*p, "hant" | "hk" | "tw" | "mo"));
                if traditional || code.starts_with("yue") {
                    Some(Self::ZhHant)
                } else {
                    Some(Self::ZhHans)
                }
            }
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown language `{s}` (expected zh-Hant, zh-Hans or en)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hong_kong_and_taiwan_codes_become_traditional() {
        assert_eq!(Lang::from_telegram("zh-hk"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_telegram("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(Lang::from_telegram("zh-Hant"), Some(Lang::ZhHant));
    }

    #[test]
    fn plain_and_mainland_chinese_become_simplified() {
        assert_eq!(Lang::from_telegram("zh"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_telegram("zh-cn"), Some(Lang::ZhHans));
        assert_eq!(Lang::from_telegram("zh-hans"), Some(Lang::ZhHans));
    }

    #[test]
    fn english_variants_become_english_and_others_none() {
        assert_eq!(Lang::from_telegram("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_telegram("fr"), None);
        assert_eq!(Lang::from_telegram(""), None);
    }
}
