//! The button data of surveys and notices: a resident's answers, a
//! supervisor's campaign buttons and the steps of composing one.

use crate::domain::lang::Lang;

/// What a resident does on a survey question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerOp {
    /// 1–5 stars.
    Rate(u8),
    /// Picks an option of a single choice.
    Choose(u8),
    /// Switches an option of a multiple choice on or off.
    Toggle(u8),
    /// Goes on (after a multiple choice, or keeping a text answer).
    Next,
    /// Passes over an optional question.
    Skip,
    /// Goes back a question.
    Back,
    /// Reopens a finished survey to change answers.
    Change,
}

/// What a supervisor does with a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignOp {
    /// Its card: status and buttons.
    View,
    /// Shows exactly what residents will see, in a language.
    Preview(Lang),
    /// Asks to send (shows the audience's size first).
    Send,
    /// Confirms sending.
    ConfirmSend,
    /// Refreshes the status in place.
    Status,
    /// Sends the results (text, chart, CSV and XLSX).
    Results,
    /// Closes it now.
    Close,
    /// Deletes a draft.
    Discard,
}

/// A step of composing a survey or notice in chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComposeOp {
    /// The kind of the next question.
    Kind(crate::domain::survey::QuestionKind),
    /// Whether the question just written must be answered.
    Required(bool),
    /// Another question, or done with questions.
    More(bool),
    /// The audience: everyone, chosen buildings, a post-service period, or
    /// the non-responders of the latest survey.
    Audience(AudiencePick),
    /// A building toggled in or out of the audience (index in the list shown).
    Building(u8),
    /// Done choosing buildings.
    BuildingsDone,
    /// Anonymous or named.
    Anonymous(bool),
    /// Stays open this many days.
    Days(u8),
    /// Reminder this many days after sending (0: none).
    Remind(u8),
    /// A notice gets a 收到 button or not.
    Ack(bool),
    /// A notice goes out now (urgent or not) or at a typed time.
    NoticeWhen(NoticeWhen),
    /// Starts composing a new survey (`true`) or notice.
    New(bool),
    /// Leaves out an optional text (a survey's introduction).
    Skip,
}

/// Which audience a supervisor picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudiencePick {
    All,
    Buildings,
    /// Tickets closed in the last 30 days.
    ClosedLastMonth,
    /// Who has not finished the latest survey sent.
    NotAnswered,
}

/// When a composed notice goes out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeWhen {
    Now,
    Urgent,
    Later,
}

const ANSWER_OPS: &[(AnswerOp, &str)] = &[
    (AnswerOp::Next, "n"),
    (AnswerOp::Skip, "s"),
    (AnswerOp::Back, "b"),
    (AnswerOp::Change, "e"),
];

pub(super) const CAMPAIGN_OPS: &[(CampaignOp, &str)] = &[
    (CampaignOp::View, "v"),
    (CampaignOp::Send, "send"),
    (CampaignOp::ConfirmSend, "go"),
    (CampaignOp::Status, "st"),
    (CampaignOp::Results, "res"),
    (CampaignOp::Close, "close"),
    (CampaignOp::Discard, "del"),
];

const AUDIENCE_PICKS: &[(AudiencePick, &str)] = &[
    (AudiencePick::All, "all"),
    (AudiencePick::Buildings, "bld"),
    (AudiencePick::ClosedLastMonth, "closed"),
    (AudiencePick::NotAnswered, "na"),
];

const NOTICE_WHENS: &[(NoticeWhen, &str)] = &[
    (NoticeWhen::Now, "now"),
    (NoticeWhen::Urgent, "urgent"),
    (NoticeWhen::Later, "later"),
];

pub(super) fn name_of<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("?", |(_, n)| n)
}

pub(super) fn value_of<T: Copy>(table: &[(T, &'static str)], name: &str) -> Option<T> {
    table.iter().find(|(_, n)| *n == name).map(|(v, _)| *v)
}

fn flag(on: bool) -> &'static str {
    if on { "y" } else { "n" }
}

fn parse_flag(s: &str) -> Option<bool> {
    match s {
        "y" => Some(true),
        "n" => Some(false),
        _ => None,
    }
}

/// A small number written with a letter before it (`r5`, `c2`).
pub(super) fn lettered(s: &str, letter: char) -> Option<u8> {
    let digits = s.strip_prefix(letter)?;
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A positive id or token, written plainly (no sign, no leading zero).
pub(super) fn id(s: &str) -> Option<i64> {
    if s.is_empty() || s.starts_with('0') && s.len() > 1 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl AnswerOp {
    pub(super) fn encode(self) -> String {
        match self {
            Self::Rate(n) => format!("r{n}"),
            Self::Choose(i) => format!("c{i}"),
            Self::Toggle(i) => format!("t{i}"),
            op => name_of(ANSWER_OPS, op).to_owned(),
        }
    }

    pub(super) fn parse(s: &str) -> Option<Self> {
        if let Some(n) = lettered(s, 'r') {
            return (1..=5).contains(&n).then_some(Self::Rate(n));
        }
        let max = crate::domain::survey::MAX_OPTIONS as u8;
        if let Some(i) = lettered(s, 'c') {
            return (i < max).then_some(Self::Choose(i));
        }
        if let Some(i) = lettered(s, 't') {
            return (i < max).then_some(Self::Toggle(i));
        }
        value_of(ANSWER_OPS, s)
    }
}

impl ComposeOp {
    pub(super) fn encode(self) -> String {
        match self {
            Self::Kind(kind) => format!("k:{}", kind.as_str()),
            Self::Required(on) => format!("req:{}", flag(on)),
            Self::More(on) => format!("more:{}", flag(on)),
            Self::Audience(pick) => format!("aud:{}", name_of(AUDIENCE_PICKS, pick)),
            Self::Building(i) => format!("b:{i}"),
            Self::BuildingsDone => "b:ok".to_owned(),
            Self::Anonymous(on) => format!("anon:{}", flag(on)),
            Self::Days(n) => format!("days:{n}"),
            Self::Remind(n) => format!("rem:{n}"),
            Self::Ack(on) => format!("ack:{}", flag(on)),
            Self::NoticeWhen(when) => format!("when:{}", name_of(NOTICE_WHENS, when)),
            Self::New(survey) => format!("new:{}", flag(survey)),
            Self::Skip => "skip:y".to_owned(),
        }
    }

    pub(super) fn parse(name: &str, value: &str) -> Option<Self> {
        let small = || -> Option<u8> {
            (!value.is_empty() && value.len() <= 2 && value.bytes().all(|b| b.is_ascii_digit()))
                .then(|| value.parse().ok())
                .flatten()
        };
        match name {
            "k" => value.parse().ok().map(Self::Kind),
            "req" => parse_flag(value).map(Self::Required),
            "more" => parse_flag(value).map(Self::More),
            "aud" => value_of(AUDIENCE_PICKS, value).map(Self::Audience),
            "b" if value == "ok" => Some(Self::BuildingsDone),
            "b" => small().map(Self::Building),
            "anon" => parse_flag(value).map(Self::Anonymous),
            "days" => small().filter(|n| (1..=90).contains(n)).map(Self::Days),
            "rem" => small().filter(|n| *n <= 90).map(Self::Remind),
            "ack" => parse_flag(value).map(Self::Ack),
            "when" => value_of(NOTICE_WHENS, value).map(Self::NoticeWhen),
            "new" => parse_flag(value).map(Self::New),
            "skip" if value == "y" => Some(Self::Skip),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Callback;
    use super::*;

    #[test]
    fn campaign_buttons_survive_a_round_trip_within_64_bytes() {
        use crate::domain::survey::QuestionKind;
        let mut all = vec![
            Callback::SurveyStart { campaign: i64::MAX },
            Callback::NoticeAck { campaign: i64::MAX },
        ];
        let mut ops = vec![
            AnswerOp::Next,
            AnswerOp::Skip,
            AnswerOp::Back,
            AnswerOp::Change,
        ];
        for n in 1..=5 {
            ops.push(AnswerOp::Rate(n));
        }
        for i in [0, 9] {
            ops.push(AnswerOp::Choose(i));
            ops.push(AnswerOp::Toggle(i));
        }
        for op in ops {
            for token in [0, 1, i64::MAX] {
                all.push(Callback::Answer {
                    token,
                    question: 29,
                    op,
                });
            }
        }
        for (op, _) in CAMPAIGN_OPS {
            all.push(Callback::Campaign {
                id: i64::MAX,
                op: *op,
            });
        }
        for lang in Lang::ALL {
            all.push(Callback::Campaign {
                id: i64::MAX,
                op: CampaignOp::Preview(lang),
            });
        }
        let mut compose = vec![
            ComposeOp::BuildingsDone,
            ComposeOp::Building(99),
            ComposeOp::Days(90),
            ComposeOp::Remind(0),
            ComposeOp::Skip,
            ComposeOp::New(true),
            ComposeOp::New(false),
        ];
        for kind in QuestionKind::ALL {
            compose.push(ComposeOp::Kind(kind));
        }
        for on in [true, false] {
            compose.extend([
                ComposeOp::Required(on),
                ComposeOp::More(on),
                ComposeOp::Anonymous(on),
                ComposeOp::Ack(on),
            ]);
        }
        for (pick, _) in AUDIENCE_PICKS {
            compose.push(ComposeOp::Audience(*pick));
        }
        for (when, _) in NOTICE_WHENS {
            compose.push(ComposeOp::NoticeWhen(*when));
        }
        for op in compose {
            all.push(Callback::Compose {
                nonce: u32::MAX,
                op,
            });
        }
        for c in all {
            let data = c.encode();
            assert!(data.len() <= 64, "{data}");
            assert_eq!(Callback::parse(&data), Some(c), "{data}");
        }
    }

    #[test]
    fn forged_campaign_buttons_are_not_understood() {
        for data in [
            "sg:",
            "sg:-1",
            "sg:01",
            "sv:1:0:r6",
            "sv:1:0:r0",
            "sv:1:0:c10",
            "sv:1:0:t-1",
            "sv:1:0:c",
            "sv:-5:0:n",
            "sv:1:100:n",
            "sv:1:-1:n",
            "sv:1:0:zz",
            "sv:x:0:n",
            "sv:1:0",
            "na:x",
            "cp:pv:1:fr",
            "cp:zap:1",
            "cp:v:-1",
            "sc:1:k:stars",
            "sc:1:days:0",
            "sc:1:days:91",
            "sc:1:anon:maybe",
            "sc:x:more:y",
            "sc:1:aud:everyone",
        ] {
            assert_eq!(Callback::parse(data), None, "{data}");
        }
    }
}
