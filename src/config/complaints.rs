//! The `[complaints]` settings: the reasons a complaint's validity
//! (投訴成立) is recorded with.

use serde::Deserialize;

/// How complaints are judged.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Complaints {
    /// The reasons offered when a complaint is judged valid, partly valid or
    /// not valid, as keys (a-z, 0-9, _; at most 24), in the order they are
    /// shown. Each one's words are `validity-reason-<key>` in
    /// `prompts/<lang>/judge.ftl`.
    pub validity_reasons: Vec<String>,
}

impl Complaints {
    /// Whether `reason` is one of the configured reasons.
    pub fn is_reason(&self, reason: &str) -> bool {
        self.validity_reasons.iter().any(|r| r == reason)
    }

    /// Why the list cannot be used, if it cannot.
    pub(super) fn check(&self) -> Result<(), String> {
        if self.validity_reasons.is_empty() {
            return Err("needs at least one reason".to_owned());
        }
        for (i, reason) in self.validity_reasons.iter().enumerate() {
            let usable = !reason.is_empty()
                && reason.len() <= 24
                && reason
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !usable {
                return Err(format!(
                    "`{reason}`: a reason is a key of up to 24 of a-z, 0-9 and _"
                ));
            }
            if self.validity_reasons[..i].contains(reason) {
                return Err(format!("`{reason}` is listed twice"));
            }
        }
        Ok(())
    }
}

impl Default for Complaints {
    fn default() -> Self {
        Self {
            validity_reasons: [
                "service_attitude",
                "slow_response",
                "workmanship",
                "facility_fault",
                "management_rules",
                "misunderstanding",
                "outside_duty",
                "neighbour_dispute",
                "other",
            ]
            .map(str::to_owned)
            .to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;

    #[test]
    fn every_default_reason_has_words_in_every_language() {
        for lang in Lang::ALL {
            for reason in &Complaints::default().validity_reasons {
                let key = format!("validity-reason-{reason}");
                assert!(crate::texts::has(lang, &key), "{key} in {}", lang.tag());
            }
        }
    }
}
