//! Judging a complaint's validity (投訴成立): the question, the reason
//! picker and a supervisor's confirmation of a staff member's judgement.
//! `jg:ask:<ticket>`, `jg:v:<ticket>:<y|p|n>`,
//! `jg:r:<ticket>:<y|p|n>:<reason>`, `jg:ok:<ticket>:<y|p|n>:<reason>`.
//! The reason is a key of `complaints.validity_reasons` (at most 24
//! bytes), so the longest data is well under 64 bytes.

use crate::domain::ticket::Validity;

/// What a judging button asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JudgeOp {
    /// Ask whether this complaint (a ticket id) was valid.
    Ask(i64),
    /// Its validity was picked; ask for the reason.
    Pick(i64, Validity),
    /// The reason was picked: record the judgement.
    Reason(i64, Validity, String),
    /// A supervisor confirms the staff member's judgement, as shown.
    Confirm(i64, Validity, String),
}

fn code(v: Validity) -> &'static str {
    match v {
        Validity::Valid => "y",
        Validity::Partly => "p",
        Validity::NotValid => "n",
    }
}

fn validity(code: &str) -> Option<Validity> {
    match code {
        "y" => Some(Validity::Valid),
        "p" => Some(Validity::Partly),
        "n" => Some(Validity::NotValid),
        _ => None,
    }
}

/// A reason key as the settings allow it.
fn reason(s: &str) -> Option<String> {
    let usable = !s.is_empty()
        && s.len() <= 24
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    usable.then(|| s.to_owned())
}

impl JudgeOp {
    pub(super) fn encode(&self) -> String {
        match self {
            Self::Ask(id) => format!("ask:{id}"),
            Self::Pick(id, v) => format!("v:{id}:{}", code(*v)),
            Self::Reason(id, v, r) => format!("r:{id}:{}:{r}", code(*v)),
            Self::Confirm(id, v, r) => format!("ok:{id}:{}:{r}", code(*v)),
        }
    }

    pub(super) fn parse(rest: &[&str]) -> Option<Self> {
        let id = |s: &str| s.parse::<i64>().ok().filter(|n| *n > 0);
        match rest {
            ["ask", n] => Some(Self::Ask(id(n)?)),
            ["v", n, v] => Some(Self::Pick(id(n)?, validity(v)?)),
            ["r", n, v, r] => Some(Self::Reason(id(n)?, validity(v)?, reason(r)?)),
            ["ok", n, v, r] => Some(Self::Confirm(id(n)?, validity(v)?, reason(r)?)),
            _ => None,
        }
    }

    /// The complaint the button is about.
    pub fn ticket(&self) -> i64 {
        match self {
            Self::Ask(id) | Self::Pick(id, _) | Self::Reason(id, ..) | Self::Confirm(id, ..) => *id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Callback;
    use super::*;

    #[test]
    fn judging_buttons_survive_a_round_trip_within_64_bytes() {
        let longest = "a".repeat(24);
        let mut all = vec![JudgeOp::Ask(i64::MAX)];
        for v in Validity::ALL {
            all.push(JudgeOp::Pick(i64::MAX, v));
            all.push(JudgeOp::Reason(i64::MAX, v, longest.clone()));
            all.push(JudgeOp::Confirm(i64::MAX, v, "other".to_owned()));
        }
        for op in all {
            let data = Callback::Judge(op.clone()).encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Callback::parse(&data), Some(Callback::Judge(op)));
        }
    }

    #[test]
    fn forged_judging_buttons_are_not_understood() {
        for data in [
            "jg",
            "jg:ask",
            "jg:ask:0",
            "jg:ask:-1",
            "jg:v:1",
            "jg:v:1:maybe",
            "jg:r:1:y",
            "jg:r:1:y:Bad Reason",
            "jg:r:1:y:",
            "jg:r:1:q:other",
            "jg:ok:x:y:other",
            "jg:ok:1:y:aaaaaaaaaaaaaaaaaaaaaaaaa",
            "jg:zz:1",
        ] {
            assert_eq!(Callback::parse(data), None, "{data}");
        }
    }
}
