//! Surveys (業戶意見征詢) as pure data: texts in several languages, the
//! questions and their kinds, an answer, and the rules a survey must keep to
//! fit in Telegram (button counts, message lengths).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::lang::Lang;

/// The most options a choice question may have (one button each).
pub const MAX_OPTIONS: usize = 10;
/// The most questions in a survey.
pub const MAX_QUESTIONS: usize = 30;
/// The longest title, intro, question or option text, in characters; with
/// the frame around it a question message stays far below Telegram's 4,096.
pub const MAX_TITLE: usize = 120;
pub const MAX_INTRO: usize = 1_500;
pub const MAX_QUESTION: usize = 500;
/// An option is a button's label.
pub const MAX_OPTION: usize = 60;
/// The longest free-text answer kept.
pub const MAX_TEXT_ANSWER: usize = 2_000;

/// A text written in one or more languages. A resident gets theirs, else the
/// estate's default language, else any language it was written in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<Lang, String>);

impl Localized {
    /// The same text for every language.
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        Self(Lang::ALL.into_iter().map(|l| (l, text.clone())).collect())
    }

    /// One language's text.
    pub fn one(lang: Lang, text: impl Into<String>) -> Self {
        Self(BTreeMap::from([(lang, text.into())]))
    }

    /// The text for `lang`, falling back to `default`, then to any.
    pub fn get(&self, lang: Lang, default: Lang) -> &str {
        self.0
            .get(&lang)
            .or_else(|| self.0.get(&default))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// Whether no language has a non-blank text.
    pub fn is_blank(&self) -> bool {
        self.0.values().all(|t| t.trim().is_empty())
    }

    /// The longest text over the languages, in characters.
    fn longest(&self) -> usize {
        self.0
            .values()
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(0)
    }
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// 1 to 5 stars.
    Rating,
    /// One of the options.
    Single,
    /// Any of the options.
    Multiple,
    /// Free text.
    Text,
}

impl QuestionKind {
    pub const ALL: [Self; 4] = [Self::Rating, Self::Single, Self::Multiple, Self::Text];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rating => "rating",
            Self::Single => "single",
            Self::Multiple => "multiple",
            Self::Text => "text",
        }
    }

    /// Whether the question has options.
    pub fn has_options(self) -> bool {
        matches!(self, Self::Single | Self::Multiple)
    }
}

impl std::str::FromStr for QuestionKind {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|k| k.as_str() == s).ok_or(())
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub kind: QuestionKind,
    pub text: Localized,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Localized>,
    pub required: bool,
}

/// A survey's content: what residents are shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Survey {
    pub title: Localized,
    #[serde(default)]
    pub intro: Localized,
    pub questions: Vec<Question>,
}

/// Why a survey cannot be sent as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("the survey has no title")]
    NoTitle,
    #[error("the title is longer than {MAX_TITLE} characters")]
    LongTitle,
    #[error("the introduction is longer than {MAX_INTRO} characters")]
    LongIntro,
    #[error("the survey has no questions")]
    NoQuestions,
    #[error("the survey has more than {MAX_QUESTIONS} questions")]
    TooManyQuestions,
    #[error("question {0} has no text")]
    NoText(usize),
    #[error("question {0} is longer than {MAX_QUESTION} characters")]
    LongQuestion(usize),
    #[error("question {0} needs 2 to {MAX_OPTIONS} options")]
    Options(usize),
    #[error("question {0} is not a choice question and takes no options")]
    NotAChoice(usize),
    #[error("an option of question {0} is empty or longer than {MAX_OPTION} characters")]
    BadOption(usize),
}

impl Survey {
    /// Checks that the survey can be shown to residents. Questions are
    /// numbered from 1 in the errors.
    pub fn validate(&self) -> Result<(), Invalid> {
        if self.title.is_blank() {
            return Err(Invalid::NoTitle);
        }
        if self.title.longest() > MAX_TITLE {
            return Err(Invalid::LongTitle);
        }
        if self.intro.longest() > MAX_INTRO {
            return Err(Invalid::LongIntro);
        }
        if self.questions.is_empty() {
            return Err(Invalid::NoQuestions);
        }
        if self.questions.len() > MAX_QUESTIONS {
            return Err(Invalid::TooManyQuestions);
        }
        for (i, q) in self.questions.iter().enumerate() {
            let n = i + 1;
            if q.text.is_blank() {
                return Err(Invalid::NoText(n));
            }
            if q.text.longest() > MAX_QUESTION {
                return Err(Invalid::LongQuestion(n));
            }
            match (q.kind.has_options(), q.options.len()) {
                (true, 2..=MAX_OPTIONS) => {}
                (true, _) => return Err(Invalid::Options(n)),
                (false, 0) => {}
                (false, _) => return Err(Invalid::NotAChoice(n)),
            }
            if q.options
                .iter()
                .any(|o| o.is_blank() || o.longest() > MAX_OPTION)
            {
                return Err(Invalid::BadOption(n));
            }
        }
        Ok(())
    }
}

/// A resident's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// 1 to 5.
    Rating(u8),
    /// The index of the option chosen.
    Choice(u8),
    /// The indexes of the options chosen, in order.
    Choices(Vec<u8>),
    /// Free text.
    Text(String),
    /// An optional question passed over.
    Skipped,
}

impl Answer {
    /// Whether this answer fits the question.
    pub fn fits(&self, question: &Question) -> bool {
        let options = question.options.len();
        match (self, question.kind) {
            (Self::Rating(n), QuestionKind::Rating) => (1..=5).contains(n),
            (Self::Choice(i), QuestionKind::Single) => usize::from(*i) < options,
            (Self::Choices(is), QuestionKind::Multiple) => {
                is.iter().all(|i| usize::from(*i) < options) && is.windows(2).all(|w| w[0] < w[1])
            }
            (Self::Text(t), QuestionKind::Text) => {
                !t.trim().is_empty() && t.chars().count() <= MAX_TEXT_ANSWER
            }
            (Self::Skipped, _) => !question.required,
            _ => false,
        }
    }

    /// A multiple-choice answer with option `i` switched on or off.
    pub fn toggled(previous: Option<&Self>, i: u8) -> Self {
        let mut chosen = match previous {
            Some(Self::Choices(is)) => is.clone(),
            _ => Vec::new(),
        };
        match chosen.binary_search(&i) {
            Ok(at) => {
                chosen.remove(at);
            }
            Err(at) => chosen.insert(at, i),
        }
        Self::Choices(chosen)
    }

    /// Whether the answer counts as answering (a multiple choice with nothing
    /// chosen does not, yet).
    pub fn is_given(&self) -> bool {
        !matches!(self, Self::Choices(is) if is.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind, options: usize, required: bool) -> Question {
        Question {
            kind,
            text: Localized::plain("Q"),
            options: (0..options)
                .map(|i| Localized::plain(format!("o{i}")))
                .collect(),
            required,
        }
    }

    fn survey(questions: Vec<Question>) -> Survey {
        Survey {
            title: Localized::plain("T"),
            intro: Localized::default(),
            questions,
        }
    }

    #[test]
    fn a_text_falls_back_to_the_default_language_then_any() {
        let mut text = Localized::one(Lang::ZhHant, "你好");
        text.0.insert(Lang::En, "Hello".to_owned());
        assert_eq!(text.get(Lang::En, Lang::ZhHant), "Hello");
        assert_eq!(text.get(Lang::ZhHans, Lang::ZhHant), "你好");
        let only_en = Localized::one(Lang::En, "Hello");
        assert_eq!(only_en.get(Lang::ZhHans, Lang::ZhHant), "Hello");
        assert_eq!(Localized::default().get(Lang::En, Lang::En), "");
    }

    #[test]
    fn a_choice_needs_two_to_ten_options_and_others_none() {
        assert_eq!(
            survey(vec![question(QuestionKind::Single, 1, true)]).validate(),
            Err(Invalid::Options(1))
        );
        assert_eq!(
            survey(vec![question(QuestionKind::Multiple, 11, true)]).validate(),
            Err(Invalid::Options(1))
        );
        assert_eq!(
            survey(vec![
                question(QuestionKind::Rating, 0, true),
                question(QuestionKind::Text, 2, true)
            ])
            .validate(),
            Err(Invalid::NotAChoice(2))
        );
        assert_eq!(
            survey(vec![
                question(QuestionKind::Rating, 0, true),
                question(QuestionKind::Single, 3, false),
                question(QuestionKind::Text, 0, false),
            ])
            .validate(),
            Ok(())
        );
        assert_eq!(survey(Vec::new()).validate(), Err(Invalid::NoQuestions));
    }

    #[test]
    fn an_answer_must_fit_its_question() {
        let rating = question(QuestionKind::Rating, 0, true);
        assert!(Answer::Rating(5).fits(&rating));
        assert!(!Answer::Rating(6).fits(&rating));
        assert!(!Answer::Rating(0).fits(&rating));
        assert!(!Answer::Skipped.fits(&rating), "a required question");
        let single = question(QuestionKind::Single, 3, false);
        assert!(Answer::Choice(2).fits(&single));
        assert!(!Answer::Choice(3).fits(&single));
        assert!(Answer::Skipped.fits(&single));
        let multiple = question(QuestionKind::Multiple, 3, true);
        assert!(Answer::Choices(vec![0, 2]).fits(&multiple));
        assert!(!Answer::Choices(vec![2, 0]).fits(&multiple));
        assert!(!Answer::Choices(vec![0, 3]).fits(&multiple));
        let text = question(QuestionKind::Text, 0, true);
        assert!(Answer::Text("好".to_owned()).fits(&text));
        assert!(!Answer::Text("  ".to_owned()).fits(&text));
        assert!(!Answer::Text("x".repeat(MAX_TEXT_ANSWER + 1)).fits(&text));
        assert!(!Answer::Rating(3).fits(&text));
    }

    #[test]
    fn toggling_an_option_adds_or_removes_it_in_order() {
        let a = Answer::toggled(None, 2);
        let b = Answer::toggled(Some(&a), 0);
        assert_eq!(b, Answer::Choices(vec![0, 2]));
        let c = Answer::toggled(Some(&b), 2);
        assert_eq!(c, Answer::Choices(vec![0]));
        assert!(!Answer::toggled(Some(&c), 0).is_given());
    }
}
