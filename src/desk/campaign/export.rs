//! A survey's results as files: the answers as CSV, a workbook (summary, per
//! building, answers), and a bar chart per question; and their delivery to a
//! supervisor through the outbox, in one transaction.

use chrono::{DateTime, Utc};

use super::results::Report;
use crate::chart::{self, BarChart, Series};
use crate::domain::lang::Lang;
use crate::domain::survey::QuestionKind;
use crate::domain::survey_results::{self, rows};
use crate::error::Error;
use crate::outbox::{self, OutMessage};
use crate::sheet::{self, Cell, Table};
use crate::store::Tx;
use crate::texts::{t, t_args};

/// Charts for at most this many questions are sent.
const MAX_CHARTS: usize = 6;

impl Report {
    /// The answers as CSV with a byte-order mark (for spreadsheet programs).
    pub fn csv_file(&self, lang: Lang, default: Lang) -> Vec<u8> {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(self.csv(lang, default).as_bytes());
        bytes
    }

    /// The workbook: a summary sheet (each question's counts and average), a
    /// sheet per building, and the answers.
    pub fn xlsx(&self, lang: Lang, default: Lang) -> Result<Vec<u8>, Error> {
        let r = &self.results;
        let mut summary = Table::new(
            t(lang, "results-sheet-summary"),
            vec![
                t(lang, "results-col-question"),
                t(lang, "results-col-answer"),
                t(lang, "results-col-count"),
                t(lang, "results-col-share"),
                t(lang, "results-col-average"),
            ],
        );
        let mut buildings = Table::new(
            t(lang, "results-sheet-buildings"),
            vec![
                t(lang, "results-col-question"),
                t(lang, "results-col-building"),
                t(lang, "results-col-count"),
                t(lang, "results-col-average"),
            ],
        );
        for q in &r.questions {
            let name = format!("Q{} {}", q.number, q.text);
            let answered = q.answered.max(1) as f64;
            summary.push(vec![
                name.clone().into(),
                t(lang, "results-col-all").into(),
                i64::try_from(q.answered).unwrap_or(0).into(),
                Cell::Empty,
                Cell::maybe(q.average, 2),
            ]);
            for b in &q.distribution {
                let count = i64::try_from(b.count).unwrap_or(0);
                summary.push(vec![
                    name.clone().into(),
                    b.label.clone().into(),
                    count.into(),
                    Cell::Percent(b.count as f64 / answered),
                    Cell::Empty,
                ]);
            }
            for said in &q.texts {
                summary.push(vec![
                    name.clone().into(),
                    said.clone().into(),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                ]);
            }
            for (building, place) in &q.by_building {
                buildings.push(vec![
                    name.clone().into(),
                    building.clone().into(),
                    i64::try_from(place.answered).unwrap_or(0).into(),
                    Cell::maybe(place.average, 2),
                ]);
            }
        }
        let mut answers = Table::new(t(lang, "results-sheet-answers"), Vec::new());
        if let Some(plan) = self.campaign.survey() {
            answers.headers = vec![
                "response".to_owned(),
                "building".to_owned(),
                "unit".to_owned(),
                "completed".to_owned(),
            ];
            for (i, q) in plan.survey.questions.iter().enumerate() {
                answers
                    .headers
                    .push(format!("Q{} {}", i + 1, q.text.get(lang, default)));
            }
            for (n, response) in rows(&self.responses).enumerate() {
                let mut row: Vec<Cell> = vec![
                    i64::try_from(n + 1).unwrap_or(0).into(),
                    response.building.clone().unwrap_or_default().into(),
                    response.unit.clone().unwrap_or_default().into(),
                    if response.completed { "yes" } else { "no" }.into(),
                ];
                for i in 0..plan.survey.questions.len() {
                    let cell = survey_results::cell(
                        &plan.survey,
                        i,
                        response.answers.get(&i),
                        lang,
                        default,
                    );
                    row.push(match response.answers.get(&i) {
                        Some(crate::domain::survey::Answer::Rating(n)) => i64::from(*n).into(),
                        _ => cell.into(),
                    });
                }
                answers.push(row);
            }
        }
        sheet::xlsx_bytes(&[summary, buildings, answers])
            .map_err(|e| Error::Other(format!("xlsx: {e}")))
    }

    /// A bar chart for each rating or choice question: `(caption, PNG)`.
    pub fn charts(&self, lang: Lang) -> Result<Vec<(String, Vec<u8>)>, Error> {
        let mut charts = Vec::new();
        for q in self
            .results
            .questions
            .iter()
            .filter(|q| q.kind != QuestionKind::Text)
            .take(MAX_CHARTS)
        {
            let labels = q
                .distribution
                .iter()
                .map(|b| match q.kind {
                    QuestionKind::Rating => format!("{}⭐", b.label),
                    _ => b.label.clone(),
                })
                .collect();
            let values = q.distribution.iter().map(|b| b.count as f64).collect();
            let title: String = format!("Q{} {}", q.number, q.text)
                .chars()
                .take(60)
                .collect();
            let png = chart::bar_png(&BarChart {
                title: title.clone(),
                labels,
                series: vec![Series::new(t(lang, "results-col-count"), values)],
                decimals: 0,
            })?;
            let caption = match q.average {
                Some(avg) => t_args(
                    lang,
                    "results-chart-average",
                    &[
                        ("title", title.into()),
                        ("average", format!("{avg:.2}").into()),
                    ],
                ),
                None => title,
            };
            charts.push((caption, png));
        }
        Ok(charts)
    }

    /// Queues the results for a supervisor: the summary, the charts, the
    /// CSV and the workbook, in the caller's transaction.
    pub async fn send_to(
        &self,
        tx: &mut Tx,
        chat_id: i64,
        lang: Lang,
        default: Lang,
        now: DateTime<Utc>,
    ) -> Result<(), Error> {
        let id = self.results.survey;
        outbox::enqueue(tx, chat_id, &OutMessage::text(self.summary(lang)), now).await?;
        for (n, (caption, png)) in self.charts(lang)?.into_iter().enumerate() {
            let name = format!("survey-{id}-q{}.png", n + 1);
            let file = outbox::store_file(tx, &name, "image/png", &png, now).await?;
            outbox::enqueue(tx, chat_id, &OutMessage::photo_file(file, caption), now).await?;
        }
        let csv = self.csv_file(lang, default);
        let file =
            outbox::store_file(tx, &format!("survey-{id}.csv"), sheet::CSV_MIME, &csv, now).await?;
        outbox::enqueue(tx, chat_id, &OutMessage::document(file, ""), now).await?;
        let xlsx = self.xlsx(lang, default)?;
        let file = outbox::store_file(
            tx,
            &format!("survey-{id}.xlsx"),
            sheet::XLSX_MIME,
            &xlsx,
            now,
        )
        .await?;
        outbox::enqueue(tx, chat_id, &OutMessage::document(file, ""), now).await?;
        Ok(())
    }
}
