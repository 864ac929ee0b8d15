//! The fifteenth round of issue 7's blind sets, written by four more
//! writers who read only TAXONOMY.md, DOMAIN.md and the nlu README (the
//! brief of the earlier rounds), 200 lines each, all four held out and
//! never read:
//!
//! - BE: a 1980s private estate of six blocks in Tuen Mun in a cold snap:
//!   elderly owners living alone, helpers writing for their employers,
//!   space heaters, an ageing gas supply, lifts replaced one at a time;
//! - BF: a Shanghai high-rise community of twelve buildings: a two-level
//!   garage with EV chargers, e-bikes charging in corridors, parcel
//!   lockers, a playground, a renovation season, short bursts of text;
//! - BG: a Taichung community run by a management committee: four towers,
//!   flats written 7F-2 and 七樓之二, scooter parking, a rooftop water
//!   tower, a pool and gym, small earthquakes, garbage-truck times;
//! - BH: a low-density island estate by a ferry pier: villas and low-rise
//!   blocks, golf buggies, a beach, slopes and trees, wild boars and
//!   snakes, expatriate families and their helpers, a shuttle bus.
//!
//! Written at the start of the session that read the fourteenth round, and
//! scored, totals only, twice: with main at the start of that session
//! (9dbbeb2), before any rule changed, and with the desk of this file's
//! commit, which had read and learned from BA–BD; nothing was chosen by
//! these figures:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | BE | 9dbbeb2 | 93.0% | 94.5% | 94.0% | 33/34 | 3/164 |
//! | BE | this commit | 95.0% | 93.5% | 95.5% | 33/34 | 3/164 |
//! | BF | 9dbbeb2 | 91.5% | 95.5% | 93.0% | 33/33 | 4/167 |
//! | BF | this commit | 92.5% | 95.5% | 93.0% | 33/33 | 4/167 |
//! | BG | 9dbbeb2 | 94.0% | 96.5% | 94.5% | 35/35 | 3/164 |
//! | BG | this commit | 94.5% | 95.5% | 94.5% | 35/35 | 3/164 |
//! | BH | 9dbbeb2 | 95.0% | 90.0% | 92.0% | 33/34 | 6/166 |
//! | BH | this commit | 95.0% | 90.0% | 92.0% | 33/34 | 6/166 |
//! | **BE–BH (800)** | 9dbbeb2 | **93.4%** | **94.1%** | **93.4%** | **134/136 (98.5%)** | **16/661 (2.4%)** |
//! | **BE–BH (800)** | this commit | **94.2%** | **93.6%** | **93.8%** | **134/136 (98.5%)** | **16/661 (2.4%)** |
//!
//! So on this unseen text kind, category and urgency are above the 92%
//! target, 98.5% of the emergencies are caught (at least 97%) and 2.4% of
//! the calm lines are raised (at most 5%). Flats written the Taiwan way
//! (7F-2, 七樓之二) were read from this commit on, by a rule of the unit
//! step, not by these lines: BG's units went from 83.0% to 96.0%. Floors
//! sit under the figures of this commit's desk; they are not the targets.

mod labelled;

#[test]
fn the_fifteenth_rounds_held_out_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "BE",
            include_str!("data/blind_be.txt"),
            [94.5, 93.0, 95.0, 97.0, 94.5],
            97.0,
            2.0,
        ),
        (
            "BF",
            include_str!("data/blind_bf.txt"),
            [92.0, 95.0, 92.5, 98.5, 95.0],
            100.0,
            2.5,
        ),
        (
            "BG",
            include_str!("data/blind_bg.txt"),
            [94.0, 95.0, 94.0, 95.5, 97.0],
            100.0,
            2.0,
        ),
        (
            "BH",
            include_str!("data/blind_bh.txt"),
            [94.5, 89.5, 91.5, 89.5, 90.5],
            97.0,
            4.0,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
