//! The report's charts: tickets by category (this month and the previous),
//! the weekly trend and satisfaction.

use super::{Made, label};
use crate::chart::{BarChart, ChartError, LineChart, Series, bar_png, line_png};
use crate::domain::lang::Lang;
use crate::texts::{t, t_args};

/// `(file name, PNG)` of each chart.
pub fn charts(made: &Made, lang: Lang) -> Result<Vec<(String, Vec<u8>)>, ChartError> {
    let r = &made.report;
    let previous_by_category = &made.previous_by_category;
    let month = [("month", r.month.clone().into())];
    let mut categories: Vec<&String> = r
        .tickets
        .by_category
        .keys()
        .chain(previous_by_category.keys())
        .collect();
    categories
        .sort_by_key(|c| std::cmp::Reverse(r.tickets.by_category.get(*c).copied().unwrap_or(0)));
    let mut seen = std::collections::BTreeSet::new();
    categories.retain(|c| seen.insert(*c));
    let by_category = BarChart {
        title: t_args(lang, "report-chart-categories", &month),
        labels: categories
            .iter()
            .map(|c| label(lang, "category", c))
            .collect(),
        series: vec![
            Series::new(
                r.month.clone(),
                categories
                    .iter()
                    .map(|c| r.tickets.by_category.get(*c).copied().unwrap_or(0) as f64)
                    .collect(),
            ),
            Series::new(
                r.previous.month.clone(),
                categories
                    .iter()
                    .map(|c| previous_by_category.get(*c).copied().unwrap_or(0) as f64)
                    .collect(),
            ),
        ],
        decimals: 0,
    };
    let trend = LineChart {
        title: t_args(lang, "report-chart-weekly", &month),
        labels: r
            .weekly
            .iter()
            .map(|w| w.week_start.format("%m-%d").to_string())
            .collect(),
        series: vec![
            Series::new(
                t(lang, "report-series-created"),
                r.weekly.iter().map(|w| w.created as f64).collect(),
            ),
            Series::new(
                t(lang, "report-series-resolved"),
                r.weekly.iter().map(|w| w.resolved as f64).collect(),
            ),
        ],
        decimals: 0,
    };
    let satisfaction = BarChart {
        title: t_args(lang, "report-chart-satisfaction", &month),
        labels: (1..=5).rev().map(|n| format!("{n} ★")).collect(),
        series: vec![Series::new(
            t(lang, "report-series-ratings"),
            (1..=5u8)
                .rev()
                .map(|n| r.satisfaction.distribution.get(&n).copied().unwrap_or(0) as f64)
                .collect(),
        )],
        decimals: 0,
    };
    Ok(vec![
        (
            format!("categories-{}.png", r.month),
            bar_png(&by_category)?,
        ),
        (format!("weekly-{}.png", r.month), line_png(&trend)?),
        (
            format!("satisfaction-{}.png", r.month),
            bar_png(&satisfaction)?,
        ),
    ])
}
