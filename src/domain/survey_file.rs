//! The survey file format read by `residesk survey import FILE.toml` (see
//! `examples/survey.toml`): a title, an introduction, questions, the
//! audience, anonymity, and when it closes and reminds. Any text is either a
//! plain string (every language) or a table by language tag
//! (`{ zh-Hant = "…", en = "…" }`); a resident whose language is missing
//! gets the estate's default language.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

use crate::domain::campaign::Audience;
use crate::domain::lang::Lang;
use crate::domain::survey::{Localized, Question, QuestionKind, Survey};

/// A survey draft: the content and when it closes and reminds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct Plan {
    pub survey: Survey,
    pub closes: When,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remind: Option<When>,
}

/// A moment given outright or as a time after the survey is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// Seconds after sending.
    After(u64),
    At(DateTime<Utc>),
}

impl When {
    /// The moment, for a survey sent at `sent`.
    pub fn resolve(self, sent: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Self::After(secs) => {
                sent + chrono::Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 1_000))
            }
            Self::At(at) => at,
        }
    }
}

/// What an imported file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub plan: Plan,
    pub audience: Audience,
    pub anonymous: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    title: Text,
    #[serde(default)]
    intro: Option<Text>,
    #[serde(default)]
    anonymous: bool,
    #[serde(default, with = "humantime_serde")]
    open_for: Option<Duration>,
    #[serde(default)]
    closes_at: Option<String>,
    #[serde(default, with = "humantime_serde")]
    remind_after: Option<Duration>,
    #[serde(default)]
    remind_at: Option<String>,
    #[serde(default)]
    audience: Option<AudienceFile>,
    questions: Vec<QuestionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Text {
    Plain(String),
    ByLanguage(BTreeMap<String, String>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    kind: String,
    text: Text,
    #[serde(default)]
    options: Vec<Text>,
    #[serde(default = "yes")]
    required: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AudienceFile {
    kind: String,
    #[serde(default)]
    buildings: Vec<String>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
    #[serde(default)]
    survey: Option<i64>,
}

/// How long a survey stays open when the file does not say.
pub const DEFAULT_OPEN_FOR: Duration = Duration::from_secs(14 * 24 * 3600);

/// Reads a survey file; the error names what is wrong and where.
pub fn parse(source: &str, tz: Tz) -> Result<Imported, String> {
    let de = toml::Deserializer::new(source);
    let file: File = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        format!("{path}: {}", e.into_inner().message())
    })?;
    let survey = Survey {
        title: text(file.title, "title")?,
        intro: file
            .intro
            .map(|t| text(t, "intro"))
            .transpose()?
            .unwrap_or_default(),
        questions: file
            .questions
            .into_iter()
            .enumerate()
            .map(|(i, q)| question(q, i + 1))
            .collect::<Result<_, _>>()?,
    };
    survey.validate().map_err(|e| e.to_string())?;
    let closes = match (file.open_for, file.closes_at) {
        (Some(_), Some(_)) => return Err("give open_for or closes_at, not both".to_owned()),
        (Some(d), None) => When::After(d.as_secs()),
        (None, Some(at)) => When::At(moment(&at, tz, "closes_at")?),
        (None, None) => When::After(DEFAULT_OPEN_FOR.as_secs()),
    };
    let remind = match (file.remind_after, file.remind_at) {
        (Some(_), Some(_)) => return Err("give remind_after or remind_at, not both".to_owned()),
        (Some(d), None) => Some(When::After(d.as_secs())),
        (None, Some(at)) => Some(When::At(moment(&at, tz, "remind_at")?)),
        (None, None) => None,
    };
    if let (Some(When::After(r)), When::After(c)) = (remind, closes)
        && r >= c
    {
        return Err("remind_after must be shorter than open_for".to_owned());
    }
    let audience = match file.audience {
        None => Audience::All,
        Some(a) => audience(a, tz)?,
    };
    Ok(Imported {
        plan: Plan {
            survey,
            closes,
            remind,
        },
        audience,
        anonymous: file.anonymous,
    })
}

fn text(text: Text, what: &str) -> Result<Localized, String> {
    match text {
        Text::Plain(s) => Ok(Localized::plain(s.trim())),
        Text::ByLanguage(map) => {
            let mut out = BTreeMap::new();
            for (tag, s) in map {
                let lang: Lang = tag.parse().map_err(|_| {
                    format!("{what}: unknown language `{tag}` (use zh-Hant, zh-Hans or en)")
                })?;
                out.insert(lang, s.trim().to_owned());
            }
            Ok(Localized(out))
        }
    }
}

fn question(q: QuestionFile, n: usize) -> Result<Question, String> {
    let kind: QuestionKind = q.kind.parse().map_err(|()| {
        format!(
            "questions[{n}].kind: `{}` is not one of rating, single, multiple, text",
            q.kind
        )
    })?;
    let where_ = format!("questions[{n}]");
    Ok(Question {
        kind,
        text: text(q.text, &format!("{where_}.text"))?,
        options: q
            .options
            .into_iter()
            .map(|o| text(o, &format!("{where_}.options")))
            .collect::<Result<_, _>>()?,
        required: q.required,
    })
}

fn audience(a: AudienceFile, tz: Tz) -> Result<Audience, String> {
    match a.kind.as_str() {
        "all" => Ok(Audience::All),
        "buildings" if !a.buildings.is_empty() => Ok(Audience::buildings(a.buildings)),
        "buildings" => Err("audience.buildings: name at least one building".to_owned()),
        "closed_tickets" => {
            let (Some(from), Some(to)) = (a.from, a.to) else {
                return Err("audience: closed_tickets needs from and to dates".to_owned());
            };
            let from = moment(&from, tz, "audience.from")?;
            let to = moment(&to, tz, "audience.to")?;
            if to <= from {
                return Err("audience.to must be after audience.from".to_owned());
            }
            Ok(Audience::ClosedTickets { from, to })
        }
        "not_answered" => match a.survey {
            Some(survey) => Ok(Audience::NotAnswered { survey }),
            None => Err("audience: not_answered needs survey = <id>".to_owned()),
        },
        other => Err(format!(
            "audience.kind: `{other}` is not one of all, buildings, closed_tickets, not_answered"
        )),
    }
}

/// A date (`2026-12-01`, the start of that day in the estate's time zone) or
/// a moment (`2026-12-01T18:00:00+08:00`, or without offset in estate time).
pub fn moment(s: &str, tz: Tz, what: &str) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Ok(at.with_timezone(&Utc));
    }
    let local = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .or_else(|_| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map(|d| d.and_time(Default::default()))
        })
        .map_err(|_| {
            format!("{what}: `{s}` is not a date (2026-12-01) or a time (2026-12-01 18:00)")
        })?;
    tz.from_local_datetime(&local)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| format!("{what}: `{s}` does not exist in {tz}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TZ: Tz = chrono_tz::Asia::Hong_Kong;

    #[test]
    fn the_example_file_reads() {
        let source = include_str!("../../examples/survey.toml");
        let imported = parse(source, TZ).expect("the example is valid");
        assert_eq!(imported.plan.survey.questions.len(), 3);
        assert!(imported.anonymous);
        assert_eq!(
            imported.plan.survey.title.get(Lang::En, Lang::ZhHant),
            "Residents' opinion survey 2026"
        );
    }

    #[test]
    fn plain_and_per_language_texts_and_defaults() {
        let imported = parse(
            r#"
title = "Lobby"
open_for = "3d"
remind_after = "2d"
[audience]
kind = "buildings"
buildings = ["3", "b"]
[[questions]]
kind = "rating"
text = { zh-Hant = "大堂", en = "Lobby" }
[[questions]]
kind = "single"
text = "Which"
required = false
options = ["A", { en = "B", zh-Hans = "乙" }]
"#,
            TZ,
        )
        .unwrap();
        let s = &imported.plan.survey;
        assert_eq!(s.title.get(Lang::ZhHans, Lang::ZhHant), "Lobby");
        assert_eq!(s.questions[0].text.get(Lang::ZhHans, Lang::ZhHant), "大堂");
        assert!(s.questions[0].required);
        assert!(!s.questions[1].required);
        assert_eq!(s.questions[1].options[1].get(Lang::ZhHans, Lang::En), "乙");
        assert_eq!(imported.plan.closes, When::After(3 * 86_400));
        assert_eq!(imported.plan.remind, Some(When::After(2 * 86_400)));
        assert_eq!(imported.audience, Audience::buildings(["3", "B"]));
        assert!(!imported.anonymous);
    }

    #[test]
    fn mistakes_are_named() {
        let cases = [
            ("title = \"T\"\nquestions = []", "no questions"),
            (
                "title = \"T\"\n[[questions]]\nkind = \"stars\"\ntext = \"Q\"",
                "questions[1].kind",
            ),
            (
                "title = { fr = \"T\" }\n[[questions]]\nkind = \"text\"\ntext = \"Q\"",
                "unknown language `fr`",
            ),
            (
                "title = \"T\"\n[[questions]]\nkind = \"single\"\ntext = \"Q\"\noptions = [\"A\"]",
                "question 1 needs 2",
            ),
            (
                "title = \"T\"\ncolour = 1\n[[questions]]\nkind = \"text\"\ntext = \"Q\"",
                "colour",
            ),
            (
                "title = \"T\"\nopen_for = \"1d\"\nremind_after = \"2d\"\n[[questions]]\nkind = \"text\"\ntext = \"Q\"",
                "remind_after",
            ),
            (
                "title = \"T\"\nclosed_at = \"x\"\n[[questions]]\nkind = \"text\"\ntext = \"Q\"",
                "closed_at",
            ),
        ];
        for (source, needle) in cases {
            let err = parse(source, TZ).unwrap_err();
            assert!(err.contains(needle), "{needle:?} not in {err:?}");
        }
    }

    #[test]
    fn a_date_is_the_start_of_the_day_in_estate_time() {
        let at = moment("2026-12-01", TZ, "x").unwrap();
        assert_eq!(at.to_rfc3339(), "2026-11-30T16:00:00+00:00");
        let at = moment("2026-12-01 18:00", TZ, "x").unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-01T10:00:00+00:00");
        assert!(moment("tomorrow", TZ, "x").is_err());
    }
}
