//! The ninth round of issue 7's blind sets, written by four more writers
//! who read only TAXONOMY.md, DOMAIN.md and the nlu README (the brief of
//! the earlier rounds), 200 lines each, all four held out:
//!
//! - AG: an older public-housing estate of numbered blocks: elderly
//!   residents and their helpers, a wet-market podium, a bus terminus;
//! - AH: a large mainland compound: 栋 and 单元, an underground garage with
//!   EV chargers, a clubhouse, delivery lockers, a kindergarten;
//! - AI: a luxury development of towers: expatriate tenants, a concierge,
//!   tennis courts, a shuttle bus, valet parking;
//! - AJ: a Taiwan-style 社區 with a 管委會: mechanical parking lifts, the
//!   garbage truck's round, a rooftop water tank, earthquakes and typhoons.
//!
//! Scored, totals only, with main before them (09ff23d), with d6e64c6 (the
//! desk that read the eighth round's misses and learns from every earlier
//! set, `src/understand/model/corpus/README.md`) and with the desk of this
//! file's latest floors, which also read the tenth round
//! (`tests/nlu_blind_tenth.rs`) and learns from eleven more training sets
//! (T20–T30). Nothing was chosen by them, with one
//! caveat: while d6e64c6 was built its totals were printed after each of
//! four builds, and the number of training orders went from three to five
//! after two builds with trivial lexicon changes had moved category by
//! 0.6 points (the earlier validation sets had already favoured five; the
//! three had been kept only for CI's timing, which the optimised debug
//! build removed). With five orders and five different sets of orders,
//! d6e64c6 read these sets at kind 92.5–93.1, category 92.0–93.0, urgency
//! 94.0–94.4, 129/131 caught and 25/665 raised every time.
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | AG | 09ff23d | 93.5% | 93.0% | 92.0% | 33/33 | 7/166 |
//! | AG | d6e64c6 | 94.5% | 93.5% | 93.5% | 33/33 | 7/166 |
//! | AG | latest | 94.5% | 94.5% | 94.5% | 33/33 | 6/166 |
//! | AH | 09ff23d | 89.5% | 88.5% | 90.0% | 32/33 | 9/167 |
//! | AH | d6e64c6 | 91.0% | 89.5% | 92.5% | 32/33 | 9/167 |
//! | AH | latest | 90.0% | 91.5% | 91.0% | 32/33 | 8/167 |
//! | AI | 09ff23d | 93.0% | 92.0% | 95.5% | 32/33 | 5/167 |
//! | AI | d6e64c6 | 93.5% | 92.5% | 96.5% | 32/33 | 5/167 |
//! | AI | latest | 93.5% | 92.0% | 96.0% | 32/33 | 5/167 |
//! | AJ | 09ff23d | 92.0% | 92.5% | 94.0% | 32/32 | 4/165 |
//! | AJ | d6e64c6 | 92.5% | 93.5% | 94.5% | 32/32 | 4/165 |
//! | AJ | latest | 92.5% | 93.5% | 95.0% | 32/32 | 4/165 |
//! | **AG–AJ (800)** | 09ff23d | **92.0%** | **91.5%** | **92.9%** | **129/131** | **25/665** |
//! | **AG–AJ (800)** | d6e64c6 | **92.9%** | **92.3%** | **94.3%** | **129/131** | **25/665** |
//! | **AG–AJ (800)** | latest | **92.6%** | **92.9%** | **94.1%** | **129/131 (98.5%)** | **23/665 (3.5%)** |
//!
//! So on this text kind, category and urgency are above the 92% target,
//! 98.5% of the emergencies are caught (target 97%) and 3.5% of the rest
//! are raised (at most 5%). The tenth and eleventh rounds, written later,
//! are harder: see their files. Unit is 82.0% on AJ, whose writer wrote
//! Taiwan's floor-and-door numbers (7樓之2, 12F-3) as `7-2`, a form
//! TAXONOMY does not define; 94.5–99.0% on the others. Floors sit under
//! the latest figures; they are not the targets.

mod labelled;

#[test]
fn the_ninth_rounds_held_out_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "AG",
            include_str!("data/blind_ag.txt"),
            [95.0, 95.5, 95.5, 98.5, 97.0],
            100.0,
            2.0,
        ),
        (
            "AH",
            include_str!("data/blind_ah.txt"),
            [92.0, 92.0, 93.0, 98.5, 96.0],
            96.5,
            4.0,
        ),
        (
            "AI",
            include_str!("data/blind_ai.txt"),
            [93.5, 91.5, 95.5, 94.0, 94.5],
            96.5,
            3.0,
        ),
        (
            "AJ",
            include_str!("data/blind_aj.txt"),
            [91.0, 93.5, 94.0, 94.0, 92.0],
            100.0,
            2.0,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
