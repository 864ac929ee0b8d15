//! The eleventh round of issue 7's blind sets, written by four more writers
//! who read only TAXONOMY.md, DOMAIN.md and the nlu README (the brief of
//! the earlier rounds), 200 lines each, held out for two rounds and then
//! read:
//!
//! - AO: a building of shops, offices and flats: grease traps, kitchen
//!   exhausts, a loading bay, a shared lift core, rooftop tanks;
//! - AP: a newly handed-over mainland high-rise: defects, decoration
//!   permits and deposits, renovation noise and rubbish, smart locks;
//! - AQ: a family estate on an outlying island: ferries, a beach, golf
//!   carts, children, pets, snakes, monkeys and storms;
//! - AR: an ordinary estate's inbox over a year: seasons, festivals, fee
//!   notices, owners' meetings, maintenance schedules.
//!
//! Scored, totals only, with main before this session (09ff23d), with
//! d6e64c6 (the ninth round's desk), with the desk that read the tenth
//! round, and with the desk of this file's commit, which also learns from
//! eleven training sets written meanwhile (T20–T30, 2,200 lines, in two
//! batches; added whatever these figures said); nothing was chosen by them:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | AO | 09ff23d | 95.0% | 92.5% | 95.0% | 33/33 | 5/165 |
//! | AO | this commit | 96.0% | 93.5% | 95.0% | 33/33 | 5/165 |
//! | AP | 09ff23d | 90.0% | 84.0% | 90.0% | 31/32 | 6/168 |
//! | AP | this commit | 91.0% | 86.0% | 89.5% | 31/32 | 5/168 |
//! | AQ | 09ff23d | 95.0% | 86.5% | 90.5% | 33/33 | 9/167 |
//! | AQ | this commit | 95.5% | 90.5% | 91.5% | 33/33 | 9/167 |
//! | AR | 09ff23d | 88.0% | 92.0% | 91.5% | 32/32 | 2/168 |
//! | AR | this commit | 91.0% | 95.0% | 94.0% | 32/32 | 2/168 |
//! | **AO–AR (800)** | 09ff23d | **92.0%** | **88.8%** | **91.8%** | **129/130** | **22/668** |
//! | **AO–AR (800)** | d6e64c6 | **93.4%** | **89.9%** | **92.4%** | **129/130** | **21/668** |
//! | **AO–AR (800)** | before T20–T26 | **93.3%** | **90.6%** | **93.0%** | **129/130** | **21/668** |
//! | **AO–AR (800)** | with T20–T26 | **93.0%** | **91.1%** | **92.4%** | **129/130** | **21/668** |
//! | **AO–AR (800)** | this commit | **93.4%** | **91.3%** | **92.5%** | **129/130 (99.2%)** | **21/668 (3.1%)** |
//!
//! So on this unseen text kind and urgency were above the 92% target, 99.2%
//! of the emergencies were caught (97%) and 3.1% of the rest raised (at
//! most 5%), but category was 91.3%: AP, a new mainland high-rise's
//! defects and renovations, read 86.0%.
//!
//! In the thirteenth round, once AW–AZ had been written and scored, these
//! sets were read: their false alarms mended as word families (praise for
//! help in a past emergency, dry ice, "not dangerous", a feeding neighbour's
//! monkeys, a call button that does not answer, "nothing's burning"), and
//! the model learns from them since (`src/understand/model/corpus/`). They
//! are fitted now; the floors below guard against regression and no longer
//! measure the desk.

mod labelled;

#[test]
fn the_eleventh_rounds_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "AO",
            include_str!("data/blind_ao.txt"),
            [99.0, 98.5, 99.0, 99.5, 94.5],
            100.0,
            1.0,
        ),
        (
            "AP",
            include_str!("data/blind_ap.txt"),
            [97.0, 96.5, 99.0, 97.5, 96.0],
            100.0,
            0.0,
        ),
        (
            "AQ",
            include_str!("data/blind_aq.txt"),
            [98.5, 99.0, 99.5, 99.0, 90.5],
            100.0,
            0.0,
        ),
        (
            "AR",
            include_str!("data/blind_ar.txt"),
            [97.5, 99.5, 99.0, 99.5, 97.0],
            100.0,
            1.0,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
