//! The thirteenth round of issue 7's blind sets, written by four more
//! writers who read only TAXONOMY.md, DOMAIN.md and the nlu README (the
//! brief of the earlier rounds), 200 lines each, held out while the
//! eleventh and twelfth rounds were read, then read themselves:
//!
//! - AW: a hillside private estate of fourteen towers: slopes, covered
//!   walkways, escalators, a shuttle bus, retaining walls, young families
//!   with helpers and retirees, a cold dry spell after a wet autumn;
//! - AX: a large community in a northern mainland city as the winter
//!   heating comes on: cold radiators, frozen and burst pipes, ice on the
//!   paths, e-bike charging sheds, underground garages;
//! - AY: a Taiwan building complex with a management committee: scooter
//!   parking, mechanical parking, garbage-truck times, a package room,
//!   aftershocks, retirees and their foreign caregivers;
//! - AZ: a busy estate above a mall and a station over a long weekend:
//!   voice-note transcripts, helpers, teenagers, shop tenants, a
//!   Christmas fair, a burst water main, repeat complainers.
//!
//! Written at the start of the session that read the eleventh and twelfth
//! rounds, and scored, totals only, twice while held out: with main before
//! that session (484c2d0), before any rule changed, and with the desk that
//! had read and learned from the eleventh and twelfth rounds; nothing was
//! chosen by these figures:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | AW | 484c2d0 | 90.5% | 93.0% | 89.5% | 34/34 | 3/164 |
//! | AW | after AO–AV | 89.5% | 93.0% | 88.5% | 34/34 | 2/164 |
//! | AX | 484c2d0 | 93.0% | 91.0% | 92.5% | 33/35 | 4/164 |
//! | AX | after AO–AV | 93.0% | 90.5% | 92.5% | 34/35 | 4/164 |
//! | AY | 484c2d0 | 92.5% | 96.5% | 94.5% | 32/33 | 3/167 |
//! | AY | after AO–AV | 92.5% | 96.5% | 94.5% | 32/33 | 2/167 |
//! | AZ | 484c2d0 | 94.0% | 90.5% | 88.5% | 29/35 | 4/165 |
//! | AZ | after AO–AV | 95.5% | 91.0% | 90.5% | 30/35 | 3/165 |
//! | **AW–AZ (800)** | 484c2d0 | **92.5%** | **92.8%** | **91.2%** | **128/137 (93.4%)** | **14/660 (2.1%)** |
//! | **AW–AZ (800)** | after AO–AV | **92.6%** | **92.8%** | **91.5%** | **130/137 (94.9%)** | **11/660 (1.7%)** |
//!
//! So on this unseen text kind and category were above the 92% target and
//! 1.7% of the calm lines were raised (at most 5%), but urgency was 91.5%
//! and 94.9% of the emergencies were caught (target 97%).
//!
//! Then, with the fourteenth round (BA–BD, `tests/nlu_blind_fourteenth.rs`)
//! written to measure the desk instead, these sets were read: their misses
//! mended as word families (`tests/nlu_emergency_thirteenth.rs`: winter
//! heating and paths, a wire hanging into dripping water, water through a
//! light one is afraid to switch on, sewage reaching the bedrooms, smoke
//! filling a car park, an old person with dementia who walked out, objects
//! falling from a balcony as security, a barrier with cars queuing), and
//! the model learns from them. They are fitted now; the floors below guard
//! against regression and no longer measure the desk.

mod labelled;

#[test]
fn the_thirteenth_rounds_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "AW",
            include_str!("data/blind_aw.txt"),
            [98.0, 99.5, 98.0, 98.0, 91.5],
            100.0,
            1.0,
        ),
        (
            "AX",
            include_str!("data/blind_ax.txt"),
            [97.5, 98.5, 98.5, 99.5, 96.5],
            100.0,
            1.5,
        ),
        (
            "AY",
            include_str!("data/blind_ay.txt"),
            [97.0, 98.5, 98.5, 92.5, 97.0],
            100.0,
            1.0,
        ),
        (
            "AZ",
            include_str!("data/blind_az.txt"),
            [99.0, 98.5, 98.5, 96.5, 94.5],
            100.0,
            1.0,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
