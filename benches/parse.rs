//! Parse throughput on the labelled sample messages in
//! `tests/data/nlu/sample.jsonl` (goal: ≥ 10,000 messages/s on one core).

use chrono::TimeZone;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use residesk::understand::understand;

fn sample_texts() -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/nlu/sample.jsonl");
    let fallback = || {
        vec![
            "你好，3座1502室廚房水喉爆咗，啲水射到成地都係！！".to_owned(),
            "Could someone come in 2 hours to check the washing machine tap?".to_owned(),
            "下周六上午想预约装修验收 8幢1103".to_owned(),
        ]
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return fallback();
    };
    let texts: Vec<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    if texts.is_empty() { fallback() } else { texts }
}

fn bench(c: &mut Criterion) {
    let texts = sample_texts();
    let now = chrono_tz::Asia::Hong_Kong
        .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
        .unwrap();
    // Compile the lexicon and regexes outside the measurement.
    let _ = understand(&texts[0], now);
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("sample_messages", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(understand(std::hint::black_box(t), now));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
