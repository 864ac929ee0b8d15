//! Scores the understanding step on the labelled sample set and the public
//! time-expression suites, as `tests/data/nlu/sample.md` and
//! `tests/data/nlu/time-suites.md` describe.
//!
//! The data is kept in the repository (`tests/data/nlu/`, sources and
//! licences in `tests/data/README.md`), so a plain clone runs this test.
//! Run with `-- --nocapture` to see the scores and the misses.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use residesk::understand::{Understanding, extract_when, understand};
use serde_json::Value;

/// The labelled data, inside the repository.
fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/nlu")
}

fn lines(path: PathBuf) -> Vec<Value> {
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn now_of(v: &Value) -> DateTime<Tz> {
    let fixed = DateTime::parse_from_rfc3339(v["now"].as_str().unwrap()).unwrap();
    fixed.with_timezone(&chrono_tz::Asia::Hong_Kong)
}

fn instant(v: &Value) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap()
}

fn label_ok(field: &str, predicted: &str, line: &Value) -> bool {
    line[field].as_str() == Some(predicted)
        || line[format!("{field}_ok")]
            .as_array()
            .is_some_and(|ok| ok.iter().any(|x| x.as_str() == Some(predicted)))
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

struct Tally {
    name: &'static str,
    right: usize,
    total: usize,
}

impl Tally {
    fn new(name: &'static str) -> Self {
        Self {
            name,
            right: 0,
            total: 0,
        }
    }
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
    }
    fn pct(&self) -> f64 {
        pct(self.right, self.total)
    }
    fn print(&self) {
        println!(
            "{:<28} {:>3}/{:<3} {:>6.1}%",
            self.name,
            self.right,
            self.total,
            self.pct()
        );
    }
}

#[test]
fn sample_set_scores_meet_the_thresholds() {
    let sample = lines(data().join("sample.jsonl"));
    let (mut kind, mut category, mut urgency) = (
        Tally::new("kind"),
        Tally::new("category"),
        Tally::new("urgency"),
    );
    let mut recall = Tally::new("emergency recall");
    let (mut unit_all, mut unit_named) = (
        Tally::new("unit (all)"),
        Tally::new("unit (lines with a unit)"),
    );
    let (mut when_interval, mut when_null) = (
        Tally::new("when (with interval)"),
        Tally::new("when (null)"),
    );
    let mut misses = Vec::new();
    for line in &sample {
        let u: Understanding = understand(line["text"].as_str().unwrap(), now_of(line));
        let id = line["id"].as_str().unwrap_or("?");
        let mut miss = |what: &str, got: String| {
            misses.push(format!("{id} {what}: got {got} | {}", line["text"]))
        };
        let k = label_ok("kind", u.kind.as_str(), line);
        let c = label_ok("category", u.category.as_str(), line);
        let g = label_ok("urgency", u.urgency.as_str(), line);
        kind.add(k);
        category.add(c);
        urgency.add(g);
        if !k {
            miss("kind", format!("{} want {}", u.kind.as_str(), line["kind"]));
        }
        if !c {
            miss(
                "category",
                format!("{} want {}", u.category.as_str(), line["category"]),
            );
        }
        if !g {
            miss(
                "urgency",
                format!("{} want {}", u.urgency.as_str(), line["urgency"]),
            );
        }
        if line["urgency"] == "emergency" {
            recall.add(u.urgency == residesk::domain::request::Urgency::Emergency);
        }
        let want_unit = &line["unit"];
        let unit_ok = match (&u.unit, want_unit.is_null()) {
            (None, true) => true,
            (Some(got), false) => {
                want_unit["building"].as_str() == Some(got.building.as_str())
                    && want_unit["flat"].as_str() == got.flat.as_deref()
            }
            _ => false,
        };
        unit_all.add(unit_ok);
        if !want_unit.is_null() {
            unit_named.add(unit_ok);
        }
        if !unit_ok {
            miss("unit", format!("{:?} want {}", u.unit, want_unit));
        }
        let want_when = &line["when"];
        if want_when.is_null() {
            when_null.add(u.when.is_none());
            if let Some(w) = u.when {
                miss("when", format!("{} want null", w.start));
            }
        } else {
            let ok = u.when.is_some_and(|w| {
                instant(&want_when["start"]) <= w.start && w.start <= instant(&want_when["end"])
            });
            when_interval.add(ok);
            if !ok {
                miss(
                    "when",
                    format!(
                        "{:?} want {}",
                        u.when.map(|w| w.start.to_rfc3339()),
                        want_when["start"]
                    ),
                );
            }
        }
    }
    println!("--- misses ---");
    for m in &misses {
        println!("{m}");
    }
    println!("--- sample.jsonl ({} lines) ---", sample.len());
    for t in [
        &kind,
        &category,
        &urgency,
        &recall,
        &unit_all,
        &unit_named,
        &when_interval,
        &when_null,
    ] {
        t.print();
    }
    assert!(kind.pct() >= 90.0, "kind accuracy {:.1}% < 90%", kind.pct());
    assert!(
        category.pct() >= 90.0,
        "category accuracy {:.1}% < 90%",
        category.pct()
    );
    assert!(
        urgency.pct() >= 90.0,
        "urgency accuracy {:.1}% < 90%",
        urgency.pct()
    );
    assert_eq!(recall.right, recall.total, "every emergency must be caught");
    assert!(
        unit_all.pct() >= 95.0,
        "unit accuracy {:.1}% < 95%",
        unit_all.pct()
    );
    assert!(
        when_interval.pct() >= 90.0,
        "when (interval) {:.1}% < 90%",
        when_interval.pct()
    );
    assert!(
        when_null.pct() >= 90.0,
        "when (null) {:.1}% < 90%",
        when_null.pct()
    );
}

fn suite(file: &str) -> (Tally, Vec<String>) {
    let mut tally = Tally::new(if file.contains("zh") {
        "time_zh"
    } else {
        "time_en"
    });
    let mut misses = Vec::new();
    for case in lines(data().join(file)) {
        let text = case["text"].as_str().unwrap();
        let got = extract_when(text, now_of(&case));
        let ok = got.is_some_and(|w| {
            instant(&case["start"]) <= w.start && w.start <= instant(&case["end"])
        });
        tally.add(ok);
        if !ok {
            misses.push(format!(
                "{} {text:?}: got {:?} want {}",
                case["id"].as_str().unwrap_or("?"),
                got.map(|w| w.start.to_rfc3339()),
                case["start"]
            ));
        }
    }
    (tally, misses)
}

#[test]
fn external_time_suites_pass_at_least_85_percent() {
    let (zh, zh_misses) = suite("time_zh.jsonl");
    let (en, en_misses) = suite("time_en.jsonl");
    println!("--- external misses ---");
    for m in zh_misses.iter().chain(&en_misses) {
        println!("{m}");
    }
    println!("--- external suites ---");
    zh.print();
    en.print();
    assert!(zh.pct() >= 85.0, "time_zh {:.1}% < 85%", zh.pct());
    assert!(en.pct() >= 85.0, "time_en {:.1}% < 85%", en.pct());
}
