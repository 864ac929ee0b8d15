//! A survey's results, read from the database and counted by
//! `domain::survey_results`: as JSON, CSV, and a summary for the chat; and
//! a campaign's status for its supervisor.

use std::collections::BTreeMap;

use super::{Campaign, Content, delivery, read};
use crate::app::App;
use crate::domain::campaign::{Audience, Status};
use crate::domain::lang::Lang;
use crate::domain::survey::QuestionKind;
use crate::domain::survey_results::{self, Header, Response, Results};
use crate::error::Error;
use crate::store;
use crate::texts::{t, t_args};

/// A survey with its counted results.
pub struct Report {
    pub campaign: Campaign,
    pub results: Results,
    pub responses: Vec<Response>,
}

/// Reads and counts a survey's results in `lang`; `None` when there is no
/// such survey.
pub async fn report(app: &App, id: i64, lang: Lang) -> Result<Option<Report>, Error> {
    let Some(campaign) = read(app, id).await? else {
        return Ok(None);
    };
    let Content::Survey(plan) = &campaign.content else {
        return Ok(None);
    };
    let rows = store::surveys::all_answers(app.db.pool(), id).await?;
    let mut responses: BTreeMap<i64, Response> = BTreeMap::new();
    for row in rows {
        let response = responses.entry(row.response).or_insert_with(|| Response {
            building: row.building.clone(),
            unit: row.unit.clone(),
            completed: row.completed,
            answers: BTreeMap::new(),
        });
        if let (Some(q), Some(value)) = (row.question, row.value)
            && let (Ok(q), Ok(answer)) = (usize::try_from(q), serde_json::from_str(&value))
        {
            response.answers.insert(q, answer);
        }
    }
    let responses: Vec<Response> = responses.into_values().collect();
    let header = Header {
        survey: id,
        status: campaign.row.status.as_str().to_owned(),
        anonymous: campaign.row.anonymous,
        delivery: delivery(app, id).await?,
    };
    let default = app.settings.default_language;
    let results = survey_results::tally(header, &plan.survey, &responses, lang, default);
    Ok(Some(Report {
        campaign,
        results,
        responses,
    }))
}

impl Report {
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(&self.results).unwrap_or_default()
    }

    pub fn csv(&self, lang: Lang, default: Lang) -> String {
        match &self.campaign.content {
            Content::Survey(plan) => {
                survey_results::csv(&plan.survey, &self.responses, lang, default)
            }
            Content::Notice(_) => String::new(),
        }
    }

    /// The results as a chat message: per question, the average and
    /// distribution, the options' counts, and the free-text answers.
    pub fn summary(&self, lang: Lang) -> String {
        let r = &self.results;
        let mut text = t_args(
            lang,
            "results-head",
            &[
                ("id", r.survey.into()),
                ("title", r.title.clone().into()),
                ("completed", i64::try_from(r.completed).unwrap_or(0).into()),
                ("sent", r.delivery.sent.into()),
                ("rate", percent(r.response_rate).into()),
            ],
        );
        for q in &r.questions {
            text.push_str(&format!("\n\n{}. {}", q.number, q.text));
            let answered = i64::try_from(q.answered).unwrap_or(0);
            text.push('\n');
            text.push_str(&t_args(
                lang,
                "results-answered",
                &[("count", answered.into())],
            ));
            match q.kind {
                QuestionKind::Rating => {
                    if let Some(avg) = q.average {
                        text.push_str(&format!(" · ⭐ {avg:.2}"));
                    }
                    let bars: Vec<String> = q
                        .distribution
                        .iter()
                        .map(|b| format!("{}⭐ {}", b.label, b.count))
                        .collect();
                    text.push_str(&format!("\n{}", bars.join(" · ")));
                    if q.by_building.len() > 1 {
                        let per: Vec<String> = q
                            .by_building
                            .iter()
                            .map(|(b, s)| {
                                let b = if b.is_empty() { "?" } else { b };
                                format!("{b}: {:.2} ({})", s.average.unwrap_or(0.0), s.answered)
                            })
                            .collect();
                        text.push('\n');
                        text.push_str(&t_args(
                            lang,
                            "results-by-building",
                            &[("list", per.join(" · ").into())],
                        ));
                    }
                }
                QuestionKind::Single | QuestionKind::Multiple => {
                    for b in &q.distribution {
                        text.push_str(&format!("\n• {} — {}", b.label, b.count));
                    }
                }
                QuestionKind::Text => {
                    for said in q.texts.iter().take(20) {
                        let said: String = said.chars().take(200).collect();
                        text.push_str(&format!("\n• {said}"));
                    }
                    if q.texts.len() > 20 {
                        let more = i64::try_from(q.texts.len() - 20).unwrap_or(0);
                        text.push('\n');
                        text.push_str(&t_args(
                            lang,
                            "results-more-texts",
                            &[("count", more.into())],
                        ));
                    }
                }
            }
        }
        super::screens::clip(text, 4_000)
    }
}

fn percent(rate: f64) -> String {
    format!("{:.0}%", rate * 100.0)
}

/// The audience in words.
pub fn audience_text(audience: &Audience, lang: Lang, app: &App) -> String {
    let l = super::locale(app, Some(lang.tag()));
    match audience {
        Audience::All => t(lang, "audience-all"),
        Audience::Buildings { buildings } => t_args(
            lang,
            "audience-buildings",
            &[("buildings", buildings.join(", ").into())],
        ),
        Audience::ClosedTickets { from, to } => t_args(
            lang,
            "audience-closed",
            &[("from", l.time(*from).into()), ("to", l.time(*to).into())],
        ),
        Audience::NotAnswered { survey } => t_args(
            lang,
            "audience-not-answered",
            &[("survey", (*survey).into())],
        ),
    }
}

/// A campaign's card for its supervisor: what it is, to whom, and what
/// became of its messages.
pub async fn status_text(app: &App, campaign: &Campaign, lang: Lang) -> Result<String, Error> {
    let default = app.settings.default_language;
    let l = super::locale(app, Some(lang.tag()));
    let id = campaign.id();
    let kind_key = match campaign.content {
        Content::Survey(_) => "campaign-kind-survey",
        Content::Notice(_) => "campaign-kind-notice",
    };
    let mut text = t_args(
        lang,
        "campaign-card",
        &[
            ("kind", t(lang, kind_key).into()),
            ("id", id.into()),
            ("title", super::title(campaign, lang, default).into()),
            (
                "status",
                t(
                    lang,
                    &format!("campaign-status-{}", campaign.row.status.as_str()),
                )
                .into(),
            ),
            (
                "audience",
                audience_text(&campaign.audience, lang, app).into(),
            ),
        ],
    );
    if let Content::Survey(plan) = &campaign.content {
        let count = i64::try_from(plan.survey.questions.len()).unwrap_or(0);
        let privacy = if campaign.row.anonymous {
            "survey-is-anonymous"
        } else {
            "survey-is-named"
        };
        text.push('\n');
        text.push_str(&t_args(
            lang,
            "campaign-questions",
            &[("count", count.into())],
        ));
        text.push_str(" · ");
        text.push_str(&t(lang, privacy));
    }
    if campaign.row.status == Status::Draft {
        let (total, blocked, missing) = super::audience_size(app, &campaign.audience).await?;
        text.push('\n');
        text.push_str(&t_args(
            lang,
            "campaign-reach",
            &[
                ("total", total.into()),
                ("blocked", blocked.into()),
                ("missing", missing.into()),
            ],
        ));
        return Ok(text);
    }
    let d = delivery(app, id).await?;
    let key = match campaign.content {
        Content::Survey(_) => "campaign-delivery-survey",
        Content::Notice(_) => "campaign-delivery-notice",
    };
    text.push('\n');
    text.push_str(&t_args(
        lang,
        key,
        &[
            ("recipients", d.recipients.into()),
            ("queued", d.queued.into()),
            ("sent", d.sent.into()),
            ("failed", d.failed.into()),
            ("blocked", d.blocked.into()),
            ("started", d.started.into()),
            ("completed", d.completed.into()),
            ("rate", percent(d.response_rate()).into()),
        ],
    ));
    match campaign.row.status {
        Status::Scheduled => {
            if let Some(at) = campaign.row.send_at {
                text.push('\n');
                text.push_str(&t_args(
                    lang,
                    "campaign-scheduled-at",
                    &[("at", l.time(at).into())],
                ));
            }
        }
        Status::Sending | Status::Open => {
            let (total, _, _) = super::audience_size(app, &campaign.audience).await?;
            let to_queue = if campaign.row.status == Status::Sending {
                total - d.recipients
            } else {
                0
            };
            let secs = d.seconds_to_finish(to_queue, app.settings.sending.global_per_second);
            if secs > 0 {
                text.push('\n');
                text.push_str(&t_args(
                    lang,
                    "campaign-finishing",
                    &[("seconds", secs.into())],
                ));
            } else if let (Some(sent), Some(queued)) =
                (campaign.row.sent_at, campaign.row.queued_at)
            {
                let took = (queued - sent).num_seconds().max(0);
                text.push('\n');
                text.push_str(&t_args(
                    lang,
                    "campaign-all-queued",
                    &[("seconds", took.into())],
                ));
            }
        }
        _ => {}
    }
    if let Some(closes) = campaign.row.closes_at {
        let key = if campaign.row.status == Status::Closed {
            "campaign-closed-at"
        } else {
            "campaign-closes-at"
        };
        text.push('\n');
        text.push_str(&t_args(
            lang,
            key,
            &[(
                "at",
                l.time(campaign.row.closed_at.unwrap_or(closes)).into(),
            )],
        ));
    }
    if let Some(remind) = campaign.row.remind_at {
        let key = if campaign.row.reminded_at.is_some() {
            "campaign-reminded"
        } else {
            "campaign-remind-at"
        };
        text.push('\n');
        text.push_str(&t_args(lang, key, &[("at", l.time(remind).into())]));
    }
    Ok(text)
}
