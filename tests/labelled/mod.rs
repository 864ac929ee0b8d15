//! Scoring of a labelled set in the `tests/data/generalise.txt` format:
//! `lang | kind | category | urgency | unit | when | text`, alternatives after
//! "/", sent at 2026-11-27 10:00 Hong Kong (a Friday).
#![allow(dead_code)]

use chrono::TimeZone;
use residesk::understand::{Urgency, understand};

/// One labelled line: labels with their alternatives.
pub struct Line<'a> {
    pub lang: &'a str,
    pub kind: &'a str,
    pub category: &'a str,
    pub urgency: &'a str,
    pub unit: &'a str,
    pub when: &'a str,
    pub text: &'a str,
}

/// The field names, in the order of `Score::right`.
pub const FIELDS: [&str; 5] = ["kind", "category", "urgency", "unit", "when"];

/// How a set scored.
pub struct Score {
    pub lines: usize,
    pub right: [usize; 5],
    pub emergencies: usize,
    pub caught: usize,
    /// Lines not labelled an emergency at all, and how many of them the
    /// parser raised to one anyway.
    pub calm: usize,
    pub raised: usize,
}

impl Score {
    pub fn pct(&self, field: usize) -> f64 {
        100.0 * self.right[field] as f64 / self.lines as f64
    }

    /// Prints one line per field, prefixed with the set's name.
    pub fn print(&self, name: &str) {
        for (i, field) in FIELDS.iter().enumerate() {
            println!("{name} ({}): {field} {:.1}%", self.lines, self.pct(i));
        }
        println!("{name}: emergencies {}/{}", self.caught, self.emergencies);
        println!(
            "{name}: non-emergencies raised {}/{}",
            self.raised, self.calm
        );
    }

    /// The share of labelled emergencies caught, in percent.
    pub fn caught_pct(&self) -> f64 {
        100.0 * self.caught as f64 / self.emergencies.max(1) as f64
    }

    /// The share of non-emergencies raised to an emergency, in percent.
    pub fn raised_pct(&self) -> f64 {
        100.0 * self.raised as f64 / self.calm.max(1) as f64
    }
}

pub fn parse(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.splitn(7, '|').map(str::trim).collect();
            assert_eq!(f.len(), 7, "bad line: {l}");
            Line {
                lang: f[0],
                kind: f[1],
                category: f[2],
                urgency: f[3],
                unit: f[4],
                when: f[5],
                text: f[6],
            }
        })
        .collect()
}

/// The labelled intervals of a `when` field, as local 2026 times: "MM-DD",
/// "MM-DD HH:MM" or "MM-DD HH:MM-HH:MM", or "START/END" in RFC 3339 (more
/// than one such pair, "/"-separated, are alternatives). Empty for "-".
fn intervals(label: &str) -> Vec<(Stamp, Stamp)> {
    let p =
        |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap_or_else(|e| panic!("{t}: {e}"));
    if label == "-" {
        return Vec::new();
    }
    if label.contains('T') {
        let parts: Vec<&str> = label.split('/').map(str::trim).collect();
        assert!(parts.len().is_multiple_of(2), "bad interval: {label}");
        return parts.chunks(2).map(|c| (p(c[0]), p(c[1]))).collect();
    }
    let (day, clock) = label.split_once(' ').unwrap_or((label, ""));
    let at = |t: &str| p(&format!("2026-{day}T{t}+08:00"));
    vec![match clock.split_once('-') {
        _ if clock.is_empty() => (at("00:00:00"), at("23:59:59")),
        Some((a, b)) => (at(&format!("{a}:00")), at(&format!("{}:59", &b[..5]))),
        None => (at(&format!("{clock}:00")), at(&format!("{clock}:59"))),
    }]
}

type Stamp = chrono::DateTime<chrono::FixedOffset>;

fn one_of(want: &str, got: &str) -> bool {
    want.split('/').any(|w| w == got)
}

/// Scores every line, printing the misses.
pub fn score(lines: &[Line<'_>]) -> Score {
    score_lines(lines, true)
}

/// Scores a held-out set without printing its lines: only its figures may be
/// looked at, so that nothing is fitted to it.
pub fn score_quietly(lines: &[Line<'_>]) -> Score {
    score_lines(lines, false)
}

fn score_lines(lines: &[Line<'_>], print_misses: bool) -> Score {
    let now = chrono_tz::Asia::Hong_Kong
        .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .unwrap();
    let mut score = Score {
        lines: lines.len(),
        right: [0; 5],
        emergencies: 0,
        caught: 0,
        calm: 0,
        raised: 0,
    };
    for line in lines {
        let got = understand(line.text, now);
        let unit = got.unit.as_ref().map_or("-".to_owned(), |u| {
            format!("{}/{}", u.building, u.flat.as_deref().unwrap_or("-"))
        });
        let wanted = intervals(line.when);
        let when_ok = match got.when {
            None => wanted.is_empty(),
            Some(w) => wanted.iter().any(|(s, e)| *s <= w.start && w.start <= *e),
        };
        let oks = [
            one_of(line.kind, got.kind.as_str()),
            one_of(line.category, got.category.as_str()),
            one_of(line.urgency, got.urgency.as_str()),
            unit == line.unit,
            when_ok,
        ];
        for (r, ok) in score.right.iter_mut().zip(oks) {
            *r += usize::from(ok);
        }
        if line.urgency.starts_with("emergency") {
            score.emergencies += 1;
            score.caught += usize::from(got.urgency == Urgency::Emergency);
        } else if !line.urgency.contains("emergency") {
            score.calm += 1;
            score.raised += usize::from(got.urgency == Urgency::Emergency);
        }
        if print_misses && oks.contains(&false) {
            let when = got.when.map(|w| w.start.to_rfc3339());
            let wrong: Vec<&str> = FIELDS
                .iter()
                .zip(oks)
                .filter(|(_, ok)| !ok)
                .map(|(f, _)| *f)
                .collect();
            println!(
                "MISS {wrong:?} [{}] {}: got {}/{}/{} {unit} {when:?}; want {}/{}/{} {} {}",
                line.lang,
                line.text,
                got.kind.as_str(),
                got.category.as_str(),
                got.urgency.as_str(),
                line.kind,
                line.category,
                line.urgency,
                line.unit,
                line.when
            );
        }
    }
    score
}

/// Asserts a floor per field (kind, category, urgency, unit, when), a least
/// share of emergencies caught and a most share of non-emergencies raised.
pub fn assert_floors(score: &Score, floors: [f64; 5], caught: f64, raised: f64) {
    for (i, floor) in floors.iter().enumerate() {
        assert!(
            score.pct(i) >= *floor,
            "{} {:.1}% < {floor}%",
            FIELDS[i],
            score.pct(i)
        );
    }
    assert!(
        score.caught_pct() >= caught,
        "emergencies caught {}/{}",
        score.caught,
        score.emergencies
    );
    assert!(
        score.raised_pct() <= raised,
        "non-emergencies raised {}/{}",
        score.raised,
        score.calm
    );
}

/// Scores a held-out set quietly (figures only, never its lines), checks
/// it has `lines` lines and asserts its floors.
pub fn assert_held_out(
    name: &str,
    text: &str,
    lines: usize,
    floors: [f64; 5],
    caught: f64,
    raised: f64,
) {
    let set = parse(text);
    assert_eq!(set.len(), lines, "{name}");
    let score = score_quietly(&set);
    score.print(&format!("blind set {name}"));
    assert_floors(&score, floors, caught, raised);
}
