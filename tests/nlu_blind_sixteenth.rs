//! The sixteenth round of issue 7's blind sets, written by four more
//! writers who read only TAXONOMY.md, DOMAIN.md and the nlu README (the
//! brief of the earlier rounds), 200 lines each, all four held out and
//! never read:
//!
//! - BI: a large Sha Tin estate of blocks named after flowers above a wet
//!   market and a bus terminus: retirees, young families, cockroaches and
//!   rats, mahjong, hawkers, a week of heavy rain;
//! - BJ: a Shenzhen gated community: young tech-worker families, smart
//!   locks and face-recognition gates, a kindergarten, delivery riders,
//!   piped-gas safety checks, rooftop structures, a late heat wave;
//! - BK: an old New Taipei community of walk-ups and two lift buildings:
//!   a volunteer committee, gas cylinders and piped gas, a night market,
//!   elderly people living alone, a typhoon just passed;
//! - BL: a Kowloon harbourfront tower complex: duplexes and penthouses, a
//!   clubhouse, concierge and valet parking, expatriate and mainland
//!   owners, agency tenants, a penthouse renovation next door.
//!
//! Written while the fourteenth round was being read, and scored, totals
//! only, twice: with main at the start of that session (9dbbeb2) and with
//! the desk of this file's commit, which had read and learned from BA–BD;
//! nothing was chosen by these figures:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | BI | 9dbbeb2 | 93.5% | 95.5% | 93.5% | 35/35 | 4/165 |
//! | BI | this commit | 93.5% | 95.0% | 93.0% | 35/35 | 4/165 |
//! | BJ | 9dbbeb2 | 94.0% | 89.5% | 95.0% | 33/33 | 4/167 |
//! | BJ | this commit | 94.0% | 89.0% | 93.0% | 32/33 | 4/167 |
//! | BK | 9dbbeb2 | 90.0% | 91.5% | 93.0% | 32/33 | 4/167 |
//! | BK | this commit | 90.0% | 90.5% | 91.5% | 32/33 | 4/167 |
//! | BL | 9dbbeb2 | 93.0% | 93.5% | 93.0% | 33/33 | 8/167 |
//! | BL | this commit | 93.0% | 93.5% | 92.5% | 33/33 | 9/167 |
//! | **BI–BL (800)** | 9dbbeb2 | **92.6%** | **92.5%** | **93.6%** | **133/134 (99.3%)** | **20/666 (3.0%)** |
//! | **BI–BL (800)** | this commit | **92.6%** | **92.0%** | **92.5%** | **132/134 (98.5%)** | **21/666 (3.2%)** |
//!
//! So on this unseen text kind, category and urgency are above the 92%
//! target (category only just: 92.0%), 98.5% of the emergencies are
//! caught (at least 97%) and 3.2% of the calm lines are raised (at most
//! 5%). BI's writer labelled its named
//! blocks by their Chinese or English names (康樂/1523, Hong Lok/1523),
//! not the ASCII building TAXONOMY.md asks for, so its unit figure is low
//! and its floor only guards against regression. Floors sit under the
//! figures of this commit's desk; they are not the targets.

mod labelled;

#[test]
fn the_sixteenth_rounds_held_out_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "BI",
            include_str!("data/blind_bi.txt"),
            [93.0, 94.5, 92.5, 51.5, 94.5],
            100.0,
            2.5,
        ),
        (
            "BJ",
            include_str!("data/blind_bj.txt"),
            [93.5, 88.5, 92.5, 97.5, 97.5],
            96.5,
            2.5,
        ),
        (
            "BK",
            include_str!("data/blind_bk.txt"),
            [89.5, 90.0, 91.0, 96.0, 93.5],
            96.5,
            2.5,
        ),
        (
            "BL",
            include_str!("data/blind_bl.txt"),
            [92.5, 93.0, 92.0, 97.0, 94.5],
            100.0,
            5.5,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
