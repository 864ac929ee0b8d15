//! What each step of composing a survey or notice asks, with its buttons.

use chrono::Duration;

use super::compose::{Compose, Step};
use crate::bot::App;
use crate::domain::button::{AudiencePick, Callback, ComposeOp, NoticeWhen};
use crate::domain::lang::Lang;
use crate::domain::survey::{MAX_OPTIONS, QuestionKind};
use crate::outbox::OutButton;
use crate::texts::{t, t_args};

pub(super) fn button(lang: Lang, key: &str, nonce: u32, op: ComposeOp) -> OutButton {
    OutButton::new(t(lang, key), Callback::Compose { nonce, op }.encode())
}

/// Tomorrow at 09:00, estate time, as a time to type.
pub(super) fn example(app: &App) -> String {
    let tomorrow = (app.now() + Duration::days(1)).with_timezone(&app.settings.timezone);
    format!("{} 09:00", tomorrow.format("%Y-%m-%d"))
}

/// The question a step asks and its buttons (none: a typed answer).
pub(super) fn prompt(app: &App, lang: Lang, c: &Compose) -> (String, Vec<Vec<OutButton>>) {
    let n = c.nonce;
    let count = c.survey.as_ref().map_or(0, |s| s.questions.len());
    match c.step {
        Step::NoticeText => (t(lang, "compose-notice-text"), Vec::new()),
        Step::Title => (t(lang, "compose-title"), Vec::new()),
        Step::Intro => (
            t(lang, "compose-intro"),
            vec![vec![button(lang, "compose-skip", n, ComposeOp::Skip)]],
        ),
        Step::Question => (
            t_args(
                lang,
                "compose-question",
                &[("n", i64::try_from(count + 1).unwrap_or(0).into())],
            ),
            Vec::new(),
        ),
        Step::Kind => (
            t(lang, "compose-kind"),
            QuestionKind::ALL
                .into_iter()
                .map(|k| {
                    vec![button(
                        lang,
                        &format!("kind-{}", k.as_str()),
                        n,
                        ComposeOp::Kind(k),
                    )]
                })
                .collect(),
        ),
        Step::Options => (
            t_args(
                lang,
                "compose-options",
                &[("max", i64::try_from(MAX_OPTIONS).unwrap_or(0).into())],
            ),
            Vec::new(),
        ),
        Step::Required => (
            t(lang, "compose-required"),
            vec![vec![
                button(lang, "compose-required-yes", n, ComposeOp::Required(true)),
                button(lang, "compose-required-no", n, ComposeOp::Required(false)),
            ]],
        ),
        Step::More => (
            t_args(
                lang,
                "compose-more",
                &[("count", i64::try_from(count).unwrap_or(0).into())],
            ),
            vec![vec![
                button(lang, "compose-more-yes", n, ComposeOp::More(true)),
                button(lang, "compose-more-no", n, ComposeOp::More(false)),
            ]],
        ),
        Step::Audience => (
            t(lang, "compose-audience"),
            [
                ("audience-pick-all", AudiencePick::All),
                ("audience-pick-buildings", AudiencePick::Buildings),
                ("audience-pick-closed", AudiencePick::ClosedLastMonth),
                ("audience-pick-not-answered", AudiencePick::NotAnswered),
            ]
            .into_iter()
            .map(|(key, pick)| vec![button(lang, key, n, ComposeOp::Audience(pick))])
            .collect(),
        ),
        Step::Buildings => {
            let mut rows: Vec<Vec<OutButton>> = c
                .buildings
                .chunks(4)
                .enumerate()
                .map(|(r, chunk)| {
                    chunk
                        .iter()
                        .enumerate()
                        .map(|(k, b)| {
                            let i = u8::try_from(r * 4 + k).unwrap_or(u8::MAX);
                            let mark = if c.chosen.contains(&i) {
                                "☑️"
                            } else {
                                "⬜"
                            };
                            OutButton::new(
                                format!("{mark} {b}"),
                                Callback::Compose {
                                    nonce: n,
                                    op: ComposeOp::Building(i),
                                }
                                .encode(),
                            )
                        })
                        .collect()
                })
                .collect();
            rows.push(vec![button(
                lang,
                "compose-buildings-done",
                n,
                ComposeOp::BuildingsDone,
            )]);
            (t(lang, "compose-buildings"), rows)
        }
        Step::Ack => (
            t(lang, "compose-ack"),
            vec![vec![
                button(lang, "compose-ack-yes", n, ComposeOp::Ack(true)),
                button(lang, "compose-ack-no", n, ComposeOp::Ack(false)),
            ]],
        ),
        Step::When => (
            t(lang, "compose-when"),
            [
                ("when-now", NoticeWhen::Now),
                ("when-urgent", NoticeWhen::Urgent),
                ("when-later", NoticeWhen::Later),
            ]
            .into_iter()
            .map(|(key, when)| vec![button(lang, key, n, ComposeOp::NoticeWhen(when))])
            .collect(),
        ),
        Step::At => (
            t_args(lang, "compose-at", &[("example", example(app).into())]),
            Vec::new(),
        ),
        Step::Anonymous => (
            t(lang, "compose-anonymous"),
            vec![vec![
                button(lang, "compose-anonymous-yes", n, ComposeOp::Anonymous(true)),
                button(lang, "compose-anonymous-no", n, ComposeOp::Anonymous(false)),
            ]],
        ),
        Step::Days => (
            t(lang, "compose-days"),
            vec![
                [3u8, 7, 14, 30]
                    .into_iter()
                    .map(|d| {
                        OutButton::new(
                            t_args(lang, "compose-days-n", &[("days", i64::from(d).into())]),
                            Callback::Compose {
                                nonce: n,
                                op: ComposeOp::Days(d),
                            }
                            .encode(),
                        )
                    })
                    .collect(),
            ],
        ),
        Step::Remind => {
            let mut row = vec![button(lang, "compose-remind-none", n, ComposeOp::Remind(0))];
            for d in [1u8, 3, 7].into_iter().filter(|d| *d < c.days) {
                row.push(OutButton::new(
                    t_args(
                        lang,
                        "compose-remind-after",
                        &[("days", i64::from(d).into())],
                    ),
                    Callback::Compose {
                        nonce: n,
                        op: ComposeOp::Remind(d),
                    }
                    .encode(),
                ));
            }
            (t(lang, "compose-remind"), vec![row])
        }
    }
}
