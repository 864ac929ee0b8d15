//! Hot spots (熱點): `count` tickets of one category in one building (or at
//! one place) within `days` days. Pure: the report lists the month's
//! clusters, the desk alerts on a new one.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// When tickets of a category make a hot spot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub count: usize,
    pub days: i64,
}

/// A ticket as clustering sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Point<'a> {
    pub number: &'a str,
    pub category: &'a str,
    /// The building, or the place when the ticket names no unit.
    pub place: &'a str,
    pub at: DateTime<Utc>,
}

/// A cluster of tickets: one category, one place, within the rule's days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    pub category: String,
    pub place: String,
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
    pub tickets: Vec<String>,
}

/// The clusters among `points`: for each category and place, in time order,
/// a run that starts at a ticket and takes every ticket within the rule's
/// days of it is a cluster when it holds at least the rule's count; the next
/// run starts after it. A category without a rule makes no hot spots.
pub fn clusters<'a>(points: &[Point<'a>], rule_of: impl Fn(&str) -> Option<Rule>) -> Vec<Cluster> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Point<'a>>> = BTreeMap::new();
    for p in points {
        if !p.place.is_empty() {
            groups.entry((p.category, p.place)).or_default().push(p);
        }
    }
    let mut out = Vec::new();
    for ((category, place), mut group) in groups {
        let Some(rule) = rule_of(category).filter(|r| r.count > 0) else {
            continue;
        };
        group.sort_by(|a, b| a.at.cmp(&b.at).then(a.number.cmp(b.number)));
        let window = Duration::days(rule.days);
        let mut i = 0;
        while i < group.len() {
            let end = group[i..]
                .iter()
                .take_while(|p| p.at - group[i].at <= window)
                .count()
                + i;
            if end - i >= rule.count {
                out.push(Cluster {
                    category: category.to_owned(),
                    place: place.to_owned(),
                    first: group[i].at,
                    last: group[end - 1].at,
                    tickets: group[i..end].iter().map(|p| p.number.to_owned()).collect(),
                });
                i = end;
            } else {
                i += 1;
            }
        }
    }
    out.sort_by(|a, b| a.first.cmp(&b.first).then(a.category.cmp(&b.category)));
    out
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 2, 0, 0).unwrap()
    }

    #[test]
    fn three_leaks_in_one_building_within_a_week_are_one_cluster() {
        let numbers = ["R-1", "R-2", "R-3", "R-4", "R-5"];
        let points = vec![
            Point {
                number: numbers[0],
                category: "plumbing",
                place: "3",
                at: at(1),
            },
            Point {
                number: numbers[1],
                category: "plumbing",
                place: "3",
                at: at(3),
            },
            Point {
                number: numbers[2],
                category: "plumbing",
                place: "5",
                at: at(4),
            },
            Point {
                number: numbers[3],
                category: "plumbing",
                place: "3",
                at: at(8),
            },
            Point {
                number: numbers[4],
                category: "plumbing",
                place: "3",
                at: at(20),
            },
        ];
        let rule = |c: &str| (c == "plumbing").then_some(Rule { count: 3, days: 7 });
        let found = clusters(&points, rule);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].tickets, vec!["R-1", "R-2", "R-4"]);
        assert_eq!(found[0].place, "3");
        let none = clusters(&points, |_| None);
        assert!(none.is_empty());
    }

    #[test]
    fn a_long_run_makes_separate_clusters_not_overlapping_ones() {
        let numbers: Vec<String> = (1..=6).map(|n| format!("C-{n}")).collect();
        let points: Vec<Point> = numbers
            .iter()
            .enumerate()
            .map(|(n, number)| Point {
                number,
                category: "noise",
                place: "1",
                at: at(1 + n as u32),
            })
            .collect();
        let found = clusters(&points, |_| Some(Rule { count: 3, days: 2 }));
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].tickets, vec!["C-1", "C-2", "C-3"]);
        assert_eq!(found[1].tickets, vec!["C-4", "C-5", "C-6"]);
    }
}
