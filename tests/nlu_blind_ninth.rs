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
//! Scored, totals only, with main before them (09ff23d) and with the desk
//! of this file's commit, which reads the eighth round's misses and learns
//! from every earlier set (`src/understand/model/corpus/README.md`); nothing
//! was chosen by them:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | AG | 09ff23d | 93.5% | 93.0% | 92.0% | 33/33 | 7/166 |
//! | AG | this commit | 94.5% | 93.5% | 93.5% | 33/33 | 7/166 |
//! | AH | 09ff23d | 89.5% | 88.5% | 90.0% | 32/33 | 9/167 |
//! | AH | this commit | 91.0% | 89.5% | 92.5% | 32/33 | 9/167 |
//! | AI | 09ff23d | 93.0% | 92.0% | 95.5% | 32/33 | 5/167 |
//! | AI | this commit | 93.5% | 92.5% | 96.5% | 32/33 | 5/167 |
//! | AJ | 09ff23d | 92.0% | 92.5% | 94.0% | 32/32 | 4/165 |
//! | AJ | this commit | 92.5% | 93.5% | 94.5% | 32/32 | 4/165 |
//! | **AG–AJ (800)** | 09ff23d | **92.0%** | **91.5%** | **92.9%** | **129/131** | **25/665** |
//! | **AG–AJ (800)** | this commit | **92.9%** | **92.3%** | **94.3%** | **129/131** | **25/665** |
//!
//! So on this unseen text kind, category and urgency are above the 92%
//! target, 98.5% of the emergencies are caught (target 97%) and 3.8% of the
//! rest are raised (at most 5%). Category is the nearest to its target:
//! AH, a mainland compound, reads 89.5%. Unit is 82.0% on AJ, whose writer
//! wrote Taiwan's floor-and-door numbers (7樓之2, 12F-3) as `7-2`, a form
//! TAXONOMY does not define; 94.5–99.0% on the others. Floors sit under
//! the figures of this commit's desk; they are not the targets.

mod labelled;

#[test]
fn the_ninth_rounds_held_out_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "AG",
            include_str!("data/blind_ag.txt"),
            [94.0, 93.0, 93.0, 98.5, 97.0],
            100.0,
            4.5,
        ),
        (
            "AH",
            include_str!("data/blind_ah.txt"),
            [90.5, 89.0, 92.0, 98.5, 96.0],
            96.5,
            5.5,
        ),
        (
            "AI",
            include_str!("data/blind_ai.txt"),
            [93.0, 92.0, 96.0, 94.0, 94.5],
            96.5,
            3.0,
        ),
        (
            "AJ",
            include_str!("data/blind_aj.txt"),
            [92.0, 93.0, 94.0, 81.5, 92.0],
            100.0,
            2.5,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
