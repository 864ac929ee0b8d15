//! The tenth round of issue 7's blind sets, written by four more writers
//! who read only TAXONOMY.md, DOMAIN.md and the nlu README (the brief of
//! the earlier rounds), 200 lines each:
//!
//! - AK: village houses in the New Territories in winter: a stream and a
//!   hillside, wild animals, septic tanks, power dips;
//! - AL: an old mainland community being retrofitted: scaffolding, lifts
//!   added to six-storey blocks, gas pipes replaced, retirees, a canteen;
//! - AM: rental towers of small flats and co-living floors in Kowloon:
//!   short night-time messages, slang, e-scooters, delivery riders;
//! - AN: a senior-friendly estate: a clinic, pull cords, a day-care
//!   centre, carers and family writing for residents.
//!
//! Scored once, totals only, with main before this session (09ff23d) and
//! with d6e64c6 (the ninth round's desk) before any line was read:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | AK | 09ff23d | 92.5% | 87.5% | 91.0% | 30/34 | 5/166 |
//! | AK | d6e64c6 | 93.5% | 92.0% | 93.5% | 30/34 | 5/166 |
//! | AL | 09ff23d | 84.0% | 81.0% | 89.5% | 31/33 | 5/167 |
//! | AL | d6e64c6 | 87.0% | 82.5% | 91.5% | 32/33 | 4/167 |
//! | AM | 09ff23d | 89.5% | 87.0% | 90.0% | 31/32 | 5/168 |
//! | AM | d6e64c6 | 90.0% | 86.5% | 91.5% | 31/32 | 5/168 |
//! | AN | 09ff23d | 92.5% | 88.0% | 91.5% | 29/32 | 5/167 |
//! | AN | d6e64c6 | 93.5% | 88.5% | 93.0% | 31/32 | 3/167 |
//! | **AK–AN (800)** | 09ff23d | **89.6%** | **85.9%** | **90.5%** | **121/131** | **20/668** |
//! | **AK–AN (800)** | d6e64c6 | **91.0%** | **87.4%** | **92.4%** | **124/131 (94.7%)** | **17/668** |
//!
//! So on this unseen text the ninth round's desk missed the targets: kind
//! 91.0% and category 87.4% (92%), 94.7% of emergencies caught (97%). Then
//! its misses were read and mended as word families
//! (`tests/nlu_emergency_retold.rs`), and the model learns from these four
//! sets (`src/understand/model/corpus/README.md`): they are fitted now, and
//! the floors below guard against regression; they no longer measure the
//! desk.

mod labelled;

#[test]
fn the_tenth_rounds_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "AK",
            include_str!("data/blind_ak.txt"),
            [97.5, 97.0, 99.5, 81.5, 89.5],
            100.0,
            0.0,
        ),
        (
            "AL",
            include_str!("data/blind_al.txt"),
            [96.5, 96.5, 99.0, 98.5, 95.0],
            100.0,
            0.0,
        ),
        (
            "AM",
            include_str!("data/blind_am.txt"),
            [97.0, 97.5, 98.0, 82.5, 92.0],
            100.0,
            0.0,
        ),
        (
            "AN",
            include_str!("data/blind_an.txt"),
            [98.0, 98.0, 99.0, 99.5, 95.0],
            100.0,
            1.0,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
