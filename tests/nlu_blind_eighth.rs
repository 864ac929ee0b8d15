//! The eighth round of issue 7's blind sets, written by four more writers
//! who read only TAXONOMY.md, DOMAIN.md and the nlu README (the brief of
//! the earlier rounds), 200 lines each, all four held out:
//!
//! - AC: a week at a busy public-private estate: rain and mould, drains,
//!   hawkers, dogs, elderly residents, lifts being replaced;
//! - AD: late nights and weekends at a mixed estate: short messages,
//!   run-ons, frightened or angry writers, helpers writing simple English;
//! - AE: a mainland community in summer: heat, power cuts, water pressure,
//!   the pool, typhoon rain, e-bikes charging in corridors;
//! - AF: a large Taiwan-style condominium: solar panels, a community
//!   kitchen, a kids' club, retirees, pets, English-speaking tenants.
//!
//! Scored with main before the seventh round (3f1cb93), with each desk of
//! the round after that (f3a562d when they arrived, cfc133b, and one between
//! it and this commit's, whose start-up was too slow for CI) and with the
//! desk of this file's commit, totals only; nothing was chosen by them:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | AC | 3f1cb93 | 90.5% | 88.5% | 90.0% | 32/33 | 9/166 |
//! | AC | this commit | 92.0% | 90.5% | 92.0% | 32/33 | 6/166 |
//! | AD | 3f1cb93 | 91.0% | 93.0% | 93.5% | 31/32 | 5/168 |
//! | AD | this commit | 92.5% | 93.5% | 94.5% | 30/32 | 4/168 |
//! | AE | 3f1cb93 | 91.5% | 90.0% | 90.0% | 31/33 | 4/166 |
//! | AE | this commit | 91.5% | 90.0% | 89.5% | 31/33 | 5/166 |
//! | AF | 3f1cb93 | 90.5% | 90.5% | 94.0% | 32/32 | 9/168 |
//! | AF | this commit | 91.0% | 92.0% | 93.5% | 31/32 | 8/168 |
//! | **AC–AF (800)** | 3f1cb93 | **90.9%** | **90.5%** | **91.9%** | **126/130** | **27/668** |
//! | **AC–AF (800)** | f3a562d | **91.6%** | **91.3%** | **91.9%** | **124/130** | **28/668** |
//! | **AC–AF (800)** | cfc133b | **92.0%** | **91.6%** | **92.4%** | **125/130** | **23/668** |
//! | **AC–AF (800)** | this commit | **91.8%** | **91.5%** | **92.4%** | **124/130** | **23/668** |
//!
//! So on this unseen text urgency reaches the 92% target, kind (91.8%) and
//! category (91.5%) do not, and 95.4% of the emergencies are caught (the
//! target is 97%; main caught 96.9%, two more) with 3.4% of the rest raised
//! (4.0% on main). Unit is 99.0–100% (98.0–100% on main). Floors sit under
//! the figures of this commit's desk; they are not the targets.
//!
//! Since the ninth round (`tests/nlu_blind_ninth.rs`) the model learns from
//! these sets (`src/understand/model/corpus/README.md`): the tables above
//! are their history, and the floors below, rewritten then, guard against
//! regression; they no longer measure the desk.

mod labelled;

#[test]
fn the_eighth_rounds_held_out_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "AC",
            include_str!("data/blind_ac.txt"),
            [98.5, 98.5, 99.0, 99.5, 97.0],
            100.0,
            1.0,
        ),
        (
            "AD",
            include_str!("data/blind_ad.txt"),
            [98.0, 98.5, 98.5, 99.0, 88.5],
            100.0,
            0.0,
        ),
        (
            "AE",
            include_str!("data/blind_ae.txt"),
            [99.0, 99.0, 99.5, 99.0, 90.5],
            100.0,
            0.0,
        ),
        (
            "AF",
            include_str!("data/blind_af.txt"),
            [97.5, 99.0, 99.0, 98.5, 94.0],
            100.0,
            0.0,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
