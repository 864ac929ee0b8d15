//! Two blind sets for issue 7, each written by people who had not read the
//! lexicon or the code, labelled per TAXONOMY.md, sent at 2026-11-27 10:00
//! Hong Kong (format of tests/labelled/mod.rs).
//!
//! - `data/blind_a.txt`, the development set: 200 lines, 80 emergencies and
//!   50 look-alikes (a drill, a bill, "stuck yesterday, fine now", "no
//!   smell"). Its misses were read and fixed as word families and rules.
//!   Labelling fix before scoring: its writer gave past incident times as
//!   `-`; TAXONOMY.md ("past times are times too") and every earlier set give
//!   them dates, so its five such lines were given theirs (琴晚 → 11-26
//!   18:00–23:59, 尋日/yesterday → 11-26).
//! - `data/blind_b.txt`, held out: 200 lines, 45 emergencies and about 40
//!   look-alikes. Scored only before the first rule change and after the
//!   last; its lines and misses were never printed (`score_quietly`). Its
//!   floors sit under the final figures; they were not fitted.
//!
//! Before any rule change (kind, category, urgency, unit, when; emergencies
//! caught; non-emergencies raised to an emergency):
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | A | 79.0% | 81.0% | 64.5% | 98.0% | 96.5% | 36/80 | 15/120 |
//! | B | 82.0% | 85.0% | 77.0% | 98.5% | 96.5% | 28/45 | 18/155 |

mod labelled;

#[test]
fn blind_a() {
    let set = labelled::parse(include_str!("data/blind_a.txt"));
    let score = labelled::score(&set);
    score.print("blind set A");
}

#[test]
fn blind_b() {
    let set = labelled::parse(include_str!("data/blind_b.txt"));
    let score = labelled::score_quietly(&set);
    score.print("blind set B");
}
