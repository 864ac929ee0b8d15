//! The seventh round of issue 7's blind sets, written by four more writers
//! who read only TAXONOMY.md, DOMAIN.md and the nlu README (the brief of
//! the earlier rounds), 200 lines each, all four held out:
//!
//! - Y: an older estate in early winter (elderly residents living alone,
//!   helpers, old pipes and wiring, gas water heaters);
//! - Z: a large mainland community (小区): garages, EV charging, lockers,
//!   heating season, owners renovating;
//! - AA: a Taiwan-style building complex (社區大樓): a concierge, scooter
//!   parking, earthquakes and typhoons;
//! - AB: an upmarket estate with expatriate tenants, helpers, a clubhouse,
//!   a shuttle bus and pets.
//!
//! Scored twice, totals only: before anything changed (main at 3f1cb93),
//! and with the round's desk (the emergency rules' categories of
//! `tests/nlu_emergency_category.rs`, kind and urgency averaged over five
//! training orders), which was chosen on the validation sets H–V alone:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | Y | 3f1cb93 | 93.0% | 89.5% | 94.0% | 30/31 | 6/167 |
//! | Y | this round | 92.5% | 91.5% | 93.5% | 30/31 | 6/167 |
//! | Z | 3f1cb93 | 92.0% | 89.5% | 87.5% | 29/32 | 8/167 |
//! | Z | this round | 92.0% | 90.5% | 87.5% | 29/32 | 8/167 |
//! | AA | 3f1cb93 | 91.5% | 90.0% | 91.5% | 28/32 | 3/168 |
//! | AA | this round | 93.0% | 91.5% | 92.0% | 29/32 | 3/168 |
//! | AB | 3f1cb93 | 93.0% | 93.0% | 92.5% | 29/30 | 4/169 |
//! | AB | this round | 93.5% | 92.5% | 93.5% | 29/30 | 4/169 |
//! | **Y–AB (800)** | 3f1cb93 | **92.4%** | **90.5%** | **91.4%** | **116/125** | **21/671** |
//! | **Y–AB (800)** | this round | **92.8%** | **91.5%** | **91.6%** | **117/125** | **21/671** |
//!
//! So on this unseen text kind passes the 92% target, category (91.5%) and
//! urgency (91.6%) do not, and 93.6% of the emergencies are caught (the
//! target is 97%) with 3.1% of the rest raised. Unit is 88.5% on AB, where
//! the other sets read 98.5–100%.
//!
//! When the eighth round's sets (`tests/nlu_blind_eighth.rs`) had been
//! written, the misses of Y–AB were read: eight missed emergencies and
//! twenty-one false alarms. Their families (a danger still there after a
//! rescue or a precaution, dangers told by what is seen, a past incident
//! with a check wanted now, a danger's word standing in something else:
//! `tests/nlu_emergency_category.rs`) and one rule of reading (only a
//! word of a danger's state after a "but" makes it present, not the lift
//! or the wiring it names) were mended, so Y–AB are validation sets since.
//! With that desk:
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | Y | 93.0% | 92.5% | 96.5% | 99.0% | 98.0% | 31/31 | 0/167 |
//! | Z | 94.0% | 91.0% | 91.0% | 99.0% | 97.0% | 31/32 | 0/167 |
//! | AA | 93.0% | 90.5% | 94.0% | 100.0% | 95.5% | 31/32 | 0/168 |
//! | AB | 93.0% | 94.0% | 93.5% | 100.0% | 97.5% | 30/30 | 3/169 |
//! | **Y–AB (800)** | **93.3%** | **92.0%** | **93.8%** | | | **123/125** | **3/671** |
//!
//! AB's units (88.5% before) are read since: a tower written "T2" and a
//! flat written alone beside a named building ("Tower 6, 8A").
//!
//! Floors sit under the figures of the latest desk.
//!
//! Since the ninth round (`tests/nlu_blind_ninth.rs`) the model learns from
//! these sets (`src/understand/model/corpus/README.md`): the tables above
//! are their history, and the floors below, rewritten then, guard against
//! regression; they no longer measure the desk.

mod labelled;

#[test]
fn the_seventh_rounds_held_out_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "Y",
            include_str!("data/blind_y.txt"),
            [97.0, 98.0, 98.0, 98.5, 97.5],
            100.0,
            1.0,
        ),
        (
            "Z",
            include_str!("data/blind_z.txt"),
            [99.0, 98.5, 97.5, 98.5, 96.5],
            100.0,
            0.0,
        ),
        (
            "AA",
            include_str!("data/blind_aa.txt"),
            [98.5, 98.5, 99.0, 99.5, 95.5],
            100.0,
            0.0,
        ),
        (
            "AB",
            include_str!("data/blind_ab.txt"),
            [96.5, 98.5, 97.0, 99.5, 97.0],
            100.0,
            1.5,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
