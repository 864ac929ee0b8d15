//! The fifth round of issue 7's blind sets: four more held-out sets,
//! P–S (200 lines each), written by four more writers who had not read the
//! lexicon, the code or any other set (the fourth round's brief: they read
//! only TAXONOMY.md, DOMAIN.md and the nlu README):
//!
//! - P: a long holiday weekend at a large estate with a skeleton shift;
//! - Q: the night desk;
//! - R: a new estate in its first year (defects, fitting-out, deposits);
//! - S: an older estate with an ageing population.
//!
//! Scored before any change (main at 09675c2), as totals only; nothing was
//! chosen by them. (`tests/nlu_blind.rs` holds rounds one to four; it is
//! past the size a file should have.)
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | P | 93.5% | 92.5% | 89.5% | 99.0% | 95.0% | 32/33 | 4/166 |
//! | Q | 93.0% | 93.5% | 90.5% | 99.0% | 88.0% | 31/36 | 5/164 |
//! | R | 86.5% | 85.0% | 89.0% | 99.5% | 95.5% | 31/31 | 7/169 |
//! | S | 92.0% | 94.0% | 90.5% | 99.0% | 97.5% | 33/33 | 10/164 |
//! | **P–S (800)** | **91.3%** | **91.3%** | **89.9%** | | | **127/133** | **26/663** |
//!
//! So on unseen text the desk of the fourth round catches 95.5% of the
//! emergencies (the target is 97%) and raises 3.9% of the calm messages;
//! kind and category are at 91.3% and urgency at 89.9% (the target is 92%).
//! R, a new estate's defects and fitting-out, is the weakest: little of it
//! is in the corpus.
//!
//! After these figures, the fifth round's lexicon (calm rules that held
//! back a danger still there, families from the misses of the training
//! sets and of T17, T18 and M, all in `tests/nlu_emergency_signs.rs`) and
//! the sixth round's training sets W and X (`tests/nlu_blind_sixth.rs`)
//! give:
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | P | 94.0% | 92.5% | 91.0% | 99.0% | 95.5% | 32/33 | 5/166 |
//! | Q | 94.0% | 91.0% | 91.5% | 99.0% | 88.0% | 34/36 | 5/164 |
//! | R | 86.5% | 85.0% | 89.0% | 99.5% | 95.5% | 30/31 | 6/169 |
//! | S | 92.5% | 93.0% | 91.0% | 99.0% | 97.5% | 33/33 | 9/164 |
//! | **P–S (800)** | **91.8%** | **90.4%** | **90.6%** | | | **129/133** | **25/663** |
//!
//! P–S stay held out: no rule was changed by a line of theirs (their totals
//! were seen while the emergency weight was chosen, 5 to 8; 6, the best on
//! the validation sets, was also the best here). A logistic
//! model was tried too and not kept: it gave nothing more here, and it
//! turned "空调不制冷，想找人来修" to `other` so that the conversation
//! asked its kind.
//!
//! In the seventh round the category misses and the missed emergencies of
//! P–S were read, with those of H–O, T15–T18, U and V, to find the
//! families of `tests/nlu_emergency_category.rs`, so P–S are validation
//! sets since; the seventh round's held-out sets are in
//! `tests/nlu_blind_seventh.rs`. With that round's desk:
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | P | 94.5% | 93.0% | 92.5% | 99.0% | 95.5% | 32/33 | 3/166 |
//! | Q | 93.5% | 92.0% | 92.0% | 99.5% | 88.0% | 35/36 | 5/164 |
//! | R | 87.0% | 84.0% | 89.5% | 100.0% | 95.5% | 30/31 | 6/169 |
//! | S | 93.0% | 95.5% | 91.0% | 99.0% | 97.5% | 33/33 | 9/164 |
//! | **P–S (800)** | **92.0%** | **91.1%** | **91.3%** | | | **130/133** | **23/663** |
//!
//! Floors sit under the figures of the latest desk.
//!
//! Since the ninth round (`tests/nlu_blind_ninth.rs`) the model learns from
//! these sets (`src/understand/model/corpus/README.md`): the tables above
//! are their history, and the floors below, rewritten then, guard against
//! regression; they no longer measure the desk.

mod labelled;

#[test]
fn the_fifth_rounds_held_out_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "P",
            include_str!("data/blind_p.txt"),
            [98.5, 98.5, 97.5, 98.5, 95.0],
            100.0,
            1.5,
        ),
        (
            "Q",
            include_str!("data/blind_q.txt"),
            [97.5, 96.5, 97.0, 99.0, 87.0],
            97.0,
            2.0,
        ),
        (
            "R",
            include_str!("data/blind_r.txt"),
            [93.5, 97.0, 96.0, 99.5, 95.0],
            100.0,
            3.0,
        ),
        (
            "S",
            include_str!("data/blind_s.txt"),
            [95.5, 97.0, 95.5, 98.5, 97.0],
            100.0,
            5.0,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
