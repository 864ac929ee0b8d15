//! The report's short summary, for chat and `--format text`.

use fluent_bundle::FluentValue;

use super::{Made, duration, label, percent};
use crate::domain::lang::Lang;
use crate::texts::t_args;

/// The summary in a language: the headline figures against last month, the
/// largest categories, hot spots and key complaints.
pub fn summary(made: &Made, lang: Lang) -> String {
    let r = &made.report;
    let mut top: Vec<(&String, &usize)> = r.tickets.by_category.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let top = top
        .iter()
        .take(3)
        .map(|(c, n)| format!("{} {n}", label(lang, "category", c)))
        .collect::<Vec<_>>()
        .join(" · ");
    let change = r
        .previous
        .change
        .get("tickets_total")
        .copied()
        .flatten()
        .unwrap_or(0.0);
    let args: [(&str, FluentValue); 14] = [
        ("month", r.month.clone().into()),
        ("total", (r.tickets.total as i64).into()),
        ("change", format!("{change:+.0}").into()),
        ("complaints", (r.complaints.total as i64).into()),
        ("top", top.into()),
        ("response", duration(r.response.all.median_minutes).into()),
        (
            "response_within",
            percent(r.response.all.within_limit_share).into(),
        ),
        (
            "resolution",
            duration(r.resolution.all.median_minutes).into(),
        ),
        (
            "resolution_within",
            percent(r.resolution.all.within_limit_share).into(),
        ),
        ("callback_rate", percent(r.callbacks.all.rate).into()),
        (
            "satisfaction",
            r.satisfaction
                .all
                .average
                .map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
                .into(),
        ),
        ("validity", percent(r.complaints.validity_rate).into()),
        ("hot_spots", (r.hot_spots.len() as i64).into()),
        ("key", (r.complaints.key.len() as i64).into()),
    ];
    t_args(lang, "report-summary", &args)
}
