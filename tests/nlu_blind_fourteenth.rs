//! The fourteenth round of issue 7's blind sets, written by four more
//! writers who read only TAXONOMY.md, DOMAIN.md and the nlu README (the
//! brief of the earlier rounds), 200 lines each, held out while they
//! measured the desk, then read:
//!
//! - BA: a Home Ownership Scheme estate of six blocks by a wet market:
//!   elderly owners, young couples, tenants of nearby subdivided flats, a
//!   minibus stop, a kindergarten on the podium, an office short of staff;
//! - BB: a new Greater Bay Area development of twelve towers: EV chargers,
//!   smart locks and face-recognition gates, weekend owners from Hong
//!   Kong, cross-border parcels, typhoon preparations, weak water pressure;
//! - BC: a mid-rise Taiwan community with a management committee: scooter
//!   bays, a rooftop garden, elderly people living alone, students renting
//!   rooms, pets, typhoon and earthquake drills, expatriate tenants;
//! - BD: an older seaside estate with a marina and a ferry pier: retirees
//!   and helpers, restaurants below, messages at all hours, relatives
//!   abroad writing about an elderly parent.
//!
//! Written while the eleventh to thirteenth rounds were being read, and
//! scored, totals only, twice: with main before that session (484c2d0)
//! and with the desk of this file's commit, which had read and learned
//! from AO–AZ; nothing was chosen by these figures:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | BA | 484c2d0 | 93.0% | 92.5% | 91.5% | 32/34 | 9/166 |
//! | BA | this commit | 94.0% | 92.0% | 93.5% | 33/34 | 7/166 |
//! | BB | 484c2d0 | 92.0% | 95.0% | 90.5% | 32/35 | 6/165 |
//! | BB | this commit | 92.5% | 96.0% | 91.5% | 32/35 | 5/165 |
//! | BC | 484c2d0 | 93.5% | 94.5% | 96.0% | 31/34 | 3/166 |
//! | BC | this commit | 96.0% | 92.5% | 96.5% | 33/34 | 3/166 |
//! | BD | 484c2d0 | 91.5% | 95.0% | 91.5% | 30/33 | 8/167 |
//! | BD | this commit | 92.0% | 95.0% | 92.5% | 30/33 | 7/167 |
//! | **BA–BD (800)** | 484c2d0 | **92.5%** | **94.2%** | **92.4%** | **125/136 (91.9%)** | **26/664 (3.9%)** |
//! | **BA–BD (800)** | this commit | **93.6%** | **93.9%** | **93.5%** | **128/136 (94.1%)** | **22/664 (3.3%)** |
//!
//! So on this unseen text kind, category and urgency were above the 92%
//! target and 3.3% of the calm lines were raised (at most 5%), but 94.1% of
//! the emergencies were caught (target 97%).
//!
//! Then, with the fifteenth and sixteenth rounds (BE–BL,
//! `tests/nlu_blind_fifteenth.rs`, `_sixteenth.rs`) written to measure the
//! desk instead, these sets were read: their misses mended as word
//! families (`tests/nlu_emergency_fourteenth.rs`: goods and service lifts,
//! water coming in over the tyres or spraying without stop, a lift door
//! with no lift behind it, someone trying a home's door code, power gone
//! where someone lives on a machine, a gas smell told with a question; and
//! as calm, a past incident asked about now or paid for, a danger heard of
//! elsewhere, a hazard only possible), and the model learns from them.
//! Read and learned from (they are in the model's corpus now), the desk
//! scores BA–BD at 98.2% kind, 99.2% category, 98.9% urgency, 136/136
//! caught and 6/664 raised. They are fitted now; the floors below guard against regression and no longer
//! measure the desk.

mod labelled;

#[test]
fn the_fourteenth_rounds_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "BA",
            include_str!("data/blind_ba.txt"),
            [99.0, 98.5, 98.0, 99.5, 94.5],
            100.0,
            2.0,
        ),
        (
            "BB",
            include_str!("data/blind_bb.txt"),
            [98.5, 99.5, 99.0, 98.5, 96.5],
            100.0,
            0.0,
        ),
        (
            "BC",
            include_str!("data/blind_bc.txt"),
            [98.0, 99.0, 99.0, 98.5, 94.0],
            100.0,
            1.0,
        ),
        (
            "BD",
            include_str!("data/blind_bd.txt"),
            [96.0, 98.0, 97.5, 98.0, 96.5],
            100.0,
            1.5,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
