//! Phone numbers as the unit register and Telegram contacts write them.

use std::fmt;

/// A phone number reduced to its national digits, so that `+852 9123-4567`,
/// `85291234567` and `9123 4567` compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

/// Country codes of the estates residesk serves: Hong Kong, mainland China, Taiwan, Macau.
const COUNTRY_CODES: [(&str, usize); 4] = [("852", 8), ("86", 11), ("886", 9), ("853", 8)];

impl Phone {
    /// Normalises a number: drops spaces, dashes, dots and brackets, a leading
    /// `+` or `00`, a known country code, and Taiwan's trunk `0`.
    pub fn parse(raw: &str) -> Result<Self, PhoneError> {
        let trimmed = raw.trim();
        let mut digits = String::with_capacity(trimmed.len());
        for c in trimmed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '０'..='９' => {
                    digits.push(char::from(b'0' + (c as u32 - '０' as u32) as u8));
                }
                ' ' | '-' | '.' | '(' | ')' | '+' | '\u{a0}' => {}
                _ => return Err(PhoneError(raw.to_owned())),
            }
        }
        let had_plus = trimmed.starts_with('+');
        let mut national = digits.as_str();
        if !had_plus && national.starts_with("00") {
            national = &national[2..];
        }
        let international = had_plus || digits.len() != national.len();
        for (code, len) in COUNTRY_CODES {
            if let Some(rest) = national.strip_prefix(code) {
                let rest = rest
                    .strip_prefix('0')
                    .filter(|r| r.len() == len)
                    .unwrap_or(rest);
                if international || rest.len() == len {
                    national = rest;
                    break;
                }
            }
        }
        // Taiwan numbers are written nationally with a trunk 0 (0912 345 678).
        if national.len() == 10 && national.starts_with("09") {
            national = &national[1..];
        }
        if !(6..=15).contains(&national.len()) {
            return Err(PhoneError(raw.to_owned()));
        }
        Ok(Self(national.to_owned()))
    }

    /// The national digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A string that is not a phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a phone number: {0:?}")]
pub struct PhoneError(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        Phone::parse(s).expect(s).0
    }

    #[test]
    fn a_hong_kong_number_is_the_same_with_or_without_852() {
        assert_eq!(p("+852 9123 4567"), "91234567");
        assert_eq!(p("852-9123-4567"), "91234567");
        assert_eq!(p("9123-4567"), "91234567");
        assert_eq!(p("0085291234567"), "91234567");
    }

    #[test]
    fn a_mainland_number_drops_86() {
        assert_eq!(p("+86 138 0013 8000"), "13800138000");
        assert_eq!(p("8613800138000"), "13800138000");
        assert_eq!(p("138-0013-8000"), "13800138000");
    }

    #[test]
    fn a_taiwan_number_drops_886_and_the_trunk_zero() {
        assert_eq!(p("+886 912 345 678"), "912345678");
        assert_eq!(p("0912-345-678"), "912345678");
        assert_eq!(p("+886 0912345678"), "912345678");
    }

    #[test]
    fn letters_and_too_short_numbers_are_refused() {
        assert!(Phone::parse("call me").is_err());
        assert!(Phone::parse("123").is_err());
        assert!(Phone::parse("").is_err());
    }
}
