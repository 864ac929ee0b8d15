//! What residents see of a campaign: a survey's invitation, each question
//! with its buttons, the thanks with a summary, reminders; a notice. The
//! supervisor's preview renders the same screens with token 0.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::domain::button::{AnswerOp, Callback};
use crate::domain::campaign::{MAX_CAPTION, Notice};
use crate::domain::lang::Lang;
use crate::domain::survey::{Answer, QuestionKind, Survey};
use crate::domain::survey_results::cell;
use crate::outbox::{OutButton, OutMessage};
use crate::texts::{t, t_args};

/// A text with its buttons, to send or to edit a message into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub text: String,
    pub buttons: Vec<Vec<OutButton>>,
}

impl Screen {
    pub fn into_message(self) -> OutMessage {
        OutMessage::with_buttons(self.text, self.buttons)
    }
}

/// The languages, time zone and present moment to render in.
#[derive(Debug, Clone, Copy)]
pub struct Locale {
    pub lang: Lang,
    pub default: Lang,
    pub tz: Tz,
    /// Now, for dates: the year shows only when it is not this year's.
    pub now: DateTime<Utc>,
}

impl Locale {
    /// A moment as people read it, with the weekday (`Mon 30 Nov 13:00`).
    pub fn time(&self, at: DateTime<Utc>) -> String {
        crate::dates::moment(self.lang, self.tz, at, self.now)
    }
}

/// About a minute for every three questions, at least one.
fn minutes(survey: &Survey) -> i64 {
    i64::try_from(survey.questions.len().div_ceil(3))
        .unwrap_or(1)
        .max(1)
}

/// The invitation: title, introduction, how long it takes, when it closes,
/// whether it is anonymous, and a Start button.
pub fn invite(
    survey: &Survey,
    campaign: i64,
    anonymous: bool,
    closes: Option<DateTime<Utc>>,
    l: Locale,
) -> Screen {
    let mut text = format!("📋 {}", survey.title.get(l.lang, l.default));
    let intro = survey.intro.get(l.lang, l.default);
    if !intro.trim().is_empty() {
        text.push_str("\n\n");
        text.push_str(intro);
    }
    let count = i64::try_from(survey.questions.len()).unwrap_or(0);
    let facts = t_args(
        l.lang,
        "survey-facts",
        &[("count", count.into()), ("minutes", minutes(survey).into())],
    );
    text.push_str("\n\n");
    text.push_str(&facts);
    if let Some(closes) = closes {
        text.push('\n');
        text.push_str(&t_args(
            l.lang,
            "survey-closes",
            &[("closes", l.time(closes).into())],
        ));
    }
    text.push('\n');
    text.push_str(&t(
        l.lang,
        if anonymous {
            "survey-anonymous"
        } else {
            "survey-named"
        },
    ));
    Screen {
        text,
        buttons: vec![vec![OutButton::new(
            t(l.lang, "survey-start"),
            Callback::SurveyStart { campaign }.encode(),
        )]],
    }
}

/// The reminder to someone who has not finished.
pub fn reminder(
    survey: &Survey,
    campaign: i64,
    closes: Option<DateTime<Utc>>,
    l: Locale,
) -> Screen {
    let closes = closes.map(|c| l.time(c)).unwrap_or_default();
    Screen {
        text: t_args(
            l.lang,
            "survey-reminder",
            &[
                (
                    "title",
                    survey.title.get(l.lang, l.default).to_owned().into(),
                ),
                ("closes", closes.into()),
                ("minutes", minutes(survey).into()),
            ],
        ),
        buttons: vec![vec![OutButton::new(
            t(l.lang, "survey-continue"),
            Callback::SurveyStart { campaign }.encode(),
        )]],
    }
}

fn button(l: Locale, key: &str, token: i64, question: u8, op: AnswerOp) -> OutButton {
    OutButton::new(
        t(l.lang, key),
        Callback::Answer {
            token,
            question,
            op,
        }
        .encode(),
    )
}

/// One question, with the resident's current answer marked.
pub fn question(
    survey: &Survey,
    token: i64,
    index: usize,
    current: Option<&Answer>,
    l: Locale,
) -> Screen {
    let Some(q) = survey.questions.get(index) else {
        return Screen {
            text: String::new(),
            buttons: Vec::new(),
        };
    };
    let n = u8::try_from(index).unwrap_or(u8::MAX);
    let total = i64::try_from(survey.questions.len()).unwrap_or(0);
    let mut text = t_args(
        l.lang,
        "survey-question-head",
        &[
            (
                "title",
                survey.title.get(l.lang, l.default).to_owned().into(),
            ),
            ("n", i64::from(n + 1).into()),
            ("total", total.into()),
        ],
    );
    text.push_str("\n\n");
    text.push_str(q.text.get(l.lang, l.default));
    if !q.required {
        text.push_str(&t(l.lang, "survey-optional"));
    }
    let hint = match q.kind {
        QuestionKind::Rating => "survey-hint-rating",
        QuestionKind::Single => "survey-hint-single",
        QuestionKind::Multiple => "survey-hint-multiple",
        QuestionKind::Text => "survey-hint-text",
    };
    text.push_str("\n\n");
    text.push_str(&t(l.lang, hint));
    let mut rows: Vec<Vec<OutButton>> = Vec::new();
    let mark = |on: bool, label: &str| {
        if on {
            format!("✅ {label}")
        } else {
            label.to_owned()
        }
    };
    match q.kind {
        QuestionKind::Rating => {
            rows.push(
                (1..=5u8)
                    .map(|s| {
                        let label = format!("{s}⭐");
                        OutButton::new(
                            mark(current == Some(&Answer::Rating(s)), &label),
                            Callback::Answer {
                                token,
                                question: n,
                                op: AnswerOp::Rate(s),
                            }
                            .encode(),
                        )
                    })
                    .collect(),
            );
        }
        QuestionKind::Single | QuestionKind::Multiple => {
            for (i, option) in q.options.iter().enumerate() {
                let i = u8::try_from(i).unwrap_or(u8::MAX);
                let on = match current {
                    Some(Answer::Choice(c)) => *c == i,
                    Some(Answer::Choices(cs)) => cs.contains(&i),
                    _ => false,
                };
                let label = option.get(l.lang, l.default);
                let (label, op) = if q.kind == QuestionKind::Single {
                    (mark(on, label), AnswerOp::Choose(i))
                } else {
                    let check = if on { "☑️" } else { "⬜" };
                    (format!("{check} {label}"), AnswerOp::Toggle(i))
                };
                rows.push(vec![OutButton::new(
                    label,
                    Callback::Answer {
                        token,
                        question: n,
                        op,
                    }
                    .encode(),
                )]);
            }
        }
        QuestionKind::Text => {
            if let Some(Answer::Text(said)) = current {
                text.push_str("\n\n");
                text.push_str(&t_args(
                    l.lang,
                    "survey-current",
                    &[("answer", said.clone().into())],
                ));
            }
        }
    }
    let mut nav = Vec::new();
    if index > 0 {
        nav.push(button(l, "survey-back", token, n, AnswerOp::Back));
    }
    let answered = current.is_some_and(|a| a.is_given() && *a != Answer::Skipped);
    if q.kind == QuestionKind::Multiple || (q.kind == QuestionKind::Text && answered) {
        nav.push(button(l, "survey-next", token, n, AnswerOp::Next));
    }
    if !q.required {
        nav.push(button(l, "survey-skip", token, n, AnswerOp::Skip));
    }
    if !nav.is_empty() {
        rows.push(nav);
    }
    Screen {
        text,
        buttons: rows,
    }
}

/// The thanks at the end, with the answers given and a way to change them.
pub fn thanks(
    survey: &Survey,
    token: i64,
    answers: &BTreeMap<usize, Answer>,
    closes: Option<DateTime<Utc>>,
    updated: bool,
    l: Locale,
) -> Screen {
    let key = if updated {
        "survey-updated"
    } else {
        "survey-thanks"
    };
    let mut text = t_args(
        l.lang,
        key,
        &[(
            "title",
            survey.title.get(l.lang, l.default).to_owned().into(),
        )],
    );
    text.push('\n');
    for (i, q) in survey.questions.iter().enumerate() {
        let given = match answers.get(&i) {
            Some(Answer::Skipped) | None => t(l.lang, "survey-skipped"),
            Some(Answer::Rating(n)) => "⭐".repeat(usize::from(*n)),
            answer => cell(survey, i, answer, l.lang, l.default),
        };
        let question: String = q.text.get(l.lang, l.default).chars().take(40).collect();
        text.push_str(&format!("\n{}. {question}\n   → {given}", i + 1));
    }
    if let Some(closes) = closes {
        text.push_str("\n\n");
        text.push_str(&t_args(
            l.lang,
            "survey-change-until",
            &[("closes", l.time(closes).into())],
        ));
    }
    Screen {
        text: clip(text, 4_000),
        buttons: vec![vec![button(l, "survey-change", token, 0, AnswerOp::Change)]],
    }
}

/// A notice as residents get it: a photo with the text as its caption, or
/// a text; with a 收到 button when asked for.
pub fn notice(notice: &Notice, campaign: i64, l: Locale) -> OutMessage {
    let mut text = format!("📢 {}", notice.text.get(l.lang, l.default));
    let buttons = if notice.ack {
        vec![vec![OutButton::new(
            t(l.lang, "notice-ack"),
            Callback::NoticeAck { campaign }.encode(),
        )]]
    } else {
        Vec::new()
    };
    match (&notice.photo, &notice.document) {
        (Some(file_id), _) => {
            text = clip(text, MAX_CAPTION);
            OutMessage::Photo {
                file_id: file_id.clone(),
                caption: Some(text),
                buttons,
            }
        }
        (None, Some(file_id)) => {
            text = clip(text, MAX_CAPTION);
            OutMessage::DocumentId {
                file_id: file_id.clone(),
                caption: Some(text),
                buttons,
            }
        }
        (None, None) => OutMessage::Text { text, buttons },
    }
}

/// Cuts a text to at most `max` characters, with an ellipsis.
pub fn clip(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
