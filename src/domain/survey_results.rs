//! A survey's results from its responses: per question counts, averages and
//! distributions, per building, free-text answers; and the same as CSV rows.
//! Pure: the caller reads the rows, this only counts.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::campaign::Delivery;
use crate::domain::lang::Lang;
use crate::domain::survey::{Answer, QuestionKind, Survey};

/// One resident's answers as stored (no token, no user id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The building of the resident's unit, when known.
    pub building: Option<String>,
    /// The unit, for a named survey only.
    pub unit: Option<String>,
    pub completed: bool,
    /// Question index → answer.
    pub answers: BTreeMap<usize, Answer>,
}

/// A survey's results, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub survey: i64,
    pub title: String,
    pub status: String,
    pub anonymous: bool,
    pub delivery: Delivery,
    /// Completed ÷ sent.
    pub response_rate: f64,
    /// Residents who answered at least one question.
    pub responses: usize,
    pub completed: usize,
    pub questions: Vec<QuestionResult>,
}

/// One question's results.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionResult {
    pub number: usize,
    pub kind: QuestionKind,
    pub text: String,
    pub required: bool,
    pub answered: usize,
    pub skipped: usize,
    /// Ratings only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average: Option<f64>,
    /// Ratings: 1–5 stars; choices: each option, in order. Empty for text.
    pub distribution: Vec<Bucket>,
    /// Per building (a response of no known building is under "").
    pub by_building: BTreeMap<String, BuildingResult>,
    /// Free-text answers, in the order of the responses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<String>,
}

/// One value of a distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    pub label: String,
    pub count: usize,
}

/// A question's results within one building.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BuildingResult {
    pub answered: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average: Option<f64>,
    /// Counts in the order of the question's distribution.
    pub counts: Vec<usize>,
}

/// What the results are about.
#[derive(Debug, Clone)]
pub struct Header {
    pub survey: i64,
    pub status: String,
    pub anonymous: bool,
    pub delivery: Delivery,
}

/// Counts the responses to a survey, with its texts in `lang` (falling back
/// to `default`).
pub fn tally(
    header: Header,
    survey: &Survey,
    responses: &[Response],
    lang: Lang,
    default: Lang,
) -> Results {
    let questions = survey
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let labels: Vec<String> = match q.kind {
                QuestionKind::Rating => (1..=5).map(|n| n.to_string()).collect(),
                QuestionKind::Single | QuestionKind::Multiple => q
                    .options
                    .iter()
                    .map(|o| o.get(lang, default).to_owned())
                    .collect(),
                QuestionKind::Text => Vec::new(),
            };
            let mut result = QuestionResult {
                number: i + 1,
                kind: q.kind,
                text: q.text.get(lang, default).to_owned(),
                required: q.required,
                answered: 0,
                skipped: 0,
                average: None,
                distribution: labels
                    .iter()
                    .map(|l| Bucket {
                        label: l.clone(),
                        count: 0,
                    })
                    .collect(),
                by_building: BTreeMap::new(),
                texts: Vec::new(),
            };
            let mut sum = 0u64;
            let mut sums: BTreeMap<String, u64> = BTreeMap::new();
            for response in responses {
                let Some(answer) = response.answers.get(&i) else {
                    continue;
                };
                if !answer.is_given() {
                    continue;
                }
                if *answer == Answer::Skipped {
                    result.skipped += 1;
                    continue;
                }
                result.answered += 1;
                let building = response.building.clone().unwrap_or_default();
                let place = result
                    .by_building
                    .entry(building.clone())
                    .or_insert_with(|| BuildingResult {
                        counts: vec![0; labels.len()],
                        ..BuildingResult::default()
                    });
                place.answered += 1;
                let mut count = |index: usize| {
                    if let Some(bucket) = result.distribution.get_mut(index) {
                        bucket.count += 1;
                    }
                    if let Some(c) = place.counts.get_mut(index) {
                        *c += 1;
                    }
                };
                match answer {
                    Answer::Rating(n) => {
                        count(usize::from(*n) - 1);
                        sum += u64::from(*n);
                        *sums.entry(building).or_default() += u64::from(*n);
                    }
                    Answer::Choice(o) => count(usize::from(*o)),
                    Answer::Choices(os) => os.iter().for_each(|o| count(usize::from(*o))),
                    Answer::Text(t) => result.texts.push(t.clone()),
                    Answer::Skipped => {}
                }
            }
            if q.kind == QuestionKind::Rating {
                result.average = average(sum, result.answered);
                for (building, place) in &mut result.by_building {
                    place.average =
                        average(sums.get(building).copied().unwrap_or(0), place.answered);
                }
            }
            result
        })
        .collect();
    let answered = |r: &&Response| r.answers.values().any(Answer::is_given);
    Results {
        survey: header.survey,
        title: survey.title.get(lang, default).to_owned(),
        status: header.status,
        anonymous: header.anonymous,
        response_rate: header.delivery.response_rate(),
        delivery: header.delivery,
        responses: responses.iter().filter(answered).count(),
        completed: responses.iter().filter(|r| r.completed).count(),
        questions,
    }
}

fn average(sum: u64, n: usize) -> Option<f64> {
    (n > 0).then(|| ((sum as f64 / n as f64) * 100.0).round() / 100.0)
}

/// One answer as a cell: a rating's number, the options' labels (joined by
/// "; "), the text; empty when skipped or unanswered.
pub fn cell(
    survey: &Survey,
    question: usize,
    answer: Option<&Answer>,
    lang: Lang,
    default: Lang,
) -> String {
    let Some(q) = survey.questions.get(question) else {
        return String::new();
    };
    let label = |o: &u8| {
        q.options
            .get(usize::from(*o))
            .map(|l| l.get(lang, default).to_owned())
            .unwrap_or_default()
    };
    match answer {
        Some(Answer::Rating(n)) => n.to_string(),
        Some(Answer::Choice(o)) => label(o),
        Some(Answer::Choices(os)) => os.iter().map(label).collect::<Vec<_>>().join("; "),
        Some(Answer::Text(t)) => t.clone(),
        Some(Answer::Skipped) | None => String::new(),
    }
}

/// The responses as CSV: a header row (`response, building, unit, completed`,
/// then `Q1 …` with each question's text) and one row per response that
/// answered something. `unit` stays empty for an anonymous survey.
pub fn csv(survey: &Survey, responses: &[Response], lang: Lang, default: Lang) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "response".to_owned(),
        "building".to_owned(),
        "unit".to_owned(),
        "completed".to_owned(),
    ];
    for (i, q) in survey.questions.iter().enumerate() {
        header.push(format!("Q{} {}", i + 1, q.text.get(lang, default)));
    }
    // Writing to memory cannot fail.
    let _ = out.write_record(&header);
    for (n, response) in rows(responses).enumerate() {
        let mut row = vec![
            (n + 1).to_string(),
            response.building.clone().unwrap_or_default(),
            response.unit.clone().unwrap_or_default(),
            if response.completed { "yes" } else { "no" }.to_owned(),
        ];
        for i in 0..survey.questions.len() {
            row.push(cell(survey, i, response.answers.get(&i), lang, default));
        }
        let _ = out.write_record(&row);
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The responses worth a row: those that answered something.
pub fn rows(responses: &[Response]) -> impl Iterator<Item = &Response> {
    responses
        .iter()
        .filter(|r| r.answers.values().any(Answer::is_given))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey::{Localized, Question};

    fn survey() -> Survey {
        let mut colour = Localized::one(Lang::En, "Red");
        colour.0.insert(Lang::ZhHant, "紅".to_owned());
        Survey {
            title: Localized::plain("T"),
            intro: Localized::default(),
            questions: vec![
                Question {
                    kind: QuestionKind::Rating,
                    text: Localized::plain("How?"),
                    options: Vec::new(),
                    required: true,
                },
                Question {
                    kind: QuestionKind::Multiple,
                    text: Localized::plain("Which?"),
                    options: vec![colour, Localized::plain("Blue")],
                    required: false,
                },
                Question {
                    kind: QuestionKind::Text,
                    text: Localized::plain("Say, \"anything\""),
                    options: Vec::new(),
                    required: false,
                },
            ],
        }
    }

    fn response(building: &str, answers: Vec<(usize, Answer)>, completed: bool) -> Response {
        Response {
            building: Some(building.to_owned()),
            unit: None,
            completed,
            answers: answers.into_iter().collect(),
        }
    }

    fn header() -> Header {
        Header {
            survey: 1,
            status: "open".to_owned(),
            anonymous: true,
            delivery: Delivery {
                sent: 4,
                completed: 2,
                ..Delivery::default()
            },
        }
    }

    fn responses() -> Vec<Response> {
        vec![
            response(
                "3",
                vec![
                    (0, Answer::Rating(5)),
                    (1, Answer::Choices(vec![0, 1])),
                    (2, Answer::Text("Lift, slow".to_owned())),
                ],
                true,
            ),
            response(
                "5",
                vec![
                    (0, Answer::Rating(2)),
                    (1, Answer::Skipped),
                    (2, Answer::Skipped),
                ],
                true,
            ),
            response("5", vec![(0, Answer::Rating(4))], false),
            response("5", vec![(1, Answer::Choices(Vec::new()))], false),
        ]
    }

    #[test]
    fn ratings_are_counted_averaged_and_split_by_building() {
        let r = tally(header(), &survey(), &responses(), Lang::En, Lang::ZhHant);
        let q = &r.questions[0];
        assert_eq!(q.answered, 3);
        assert_eq!(q.average, Some(3.67));
        let counts: Vec<usize> = q.distribution.iter().map(|b| b.count).collect();
        assert_eq!(counts, vec![0, 1, 0, 1, 1]);
        assert_eq!(q.by_building["5"].average, Some(3.0));
        assert_eq!(q.by_building["3"].counts, vec![0, 0, 0, 0, 1]);
        assert_eq!(r.responses, 3, "an empty multiple choice is no answer");
        assert_eq!(r.completed, 2);
        assert!((r.response_rate - 0.5).abs() < 1e-9);
    }

    #[test]
    fn choices_and_skips_and_texts_are_counted() {
        let r = tally(
            header(),
            &survey(),
            &responses(),
            Lang::ZhHant,
            Lang::ZhHant,
        );
        let q = &r.questions[1];
        assert_eq!(q.answered, 1);
        assert_eq!(q.skipped, 1);
        assert_eq!(q.distribution[0].label, "紅");
        assert_eq!(q.distribution[0].count, 1);
        assert_eq!(r.questions[2].texts, vec!["Lift, slow".to_owned()]);
    }

    #[test]
    fn the_csv_has_a_row_per_answering_response_and_quotes_commas() {
        let csv = csv(&survey(), &responses(), Lang::En, Lang::ZhHant);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4, "{csv}");
        assert_eq!(
            lines[0],
            r#"response,building,unit,completed,Q1 How?,Q2 Which?,"Q3 Say, ""anything""""#
        );
        assert_eq!(lines[1], r#"1,3,,yes,5,Red; Blue,"Lift, slow""#);
        assert_eq!(lines[2], "2,5,,yes,2,,");
        assert_eq!(lines[3], "3,5,,no,4,,");
    }
}
