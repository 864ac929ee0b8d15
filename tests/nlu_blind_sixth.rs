//! The sixth round of issue 7's blind sets, written by four more writers
//! who read only TAXONOMY.md, DOMAIN.md and the nlu README (the brief of
//! the fourth and fifth rounds):
//!
//! - U: a mid-size estate in typhoon season and an ordinary working week;
//! - V: a large family estate (children, helpers, pets, elderly parents);
//! - W: a new estate's first eighteen months (defects, fitting-out,
//!   deposits), 300 lines, written to be learned from;
//! - X: the boundaries a desk tells apart every day (repair or complaint,
//!   inquiry or complaint, suggestion, booking, praise), 300 lines, written
//!   to be learned from.
//!
//! All four were scored before anything changed, with main at 70cb103 and
//! with the fifth round's lexicon (056bd93), totals only:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | U | 70cb103 | 91.5% | 90.0% | 92.0% | 29/32 | 6/168 |
//! | U | 056bd93 | 92.5% | 90.5% | 93.0% | 29/32 | 5/168 |
//! | V | 70cb103 | 93.5% | 90.5% | 96.0% | 31/31 | 1/169 |
//! | V | 056bd93 | 94.0% | 90.5% | 96.0% | 31/31 | 1/169 |
//! | W | 70cb103 | 91.0% | 83.7% | 87.3% | 22/25 | 7/275 |
//! | W | 056bd93 | 90.7% | 83.0% | 88.0% | 22/25 | 6/275 |
//! | X | 70cb103 | 91.7% | 87.7% | 88.7% | 21/22 | 13/278 |
//! | X | 056bd93 | 91.3% | 87.0% | 88.7% | 22/22 | 11/278 |
//!
//! W and X then joined the corpus (a new estate's defects and the kind
//! boundaries were thin there; the held-out set R is a new estate too), and
//! a missed emergency weighs six times a false alarm in the urgency model's
//! training instead of five (chosen on the validation sets H–O and T15–T18).
//! U and V stay held out. With that desk, and the families of a dog
//! that has just bitten a child and a child behind a locked door (chosen on
//! the validation sets J and T17) after it:
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | U | 93.0% | 89.5% | 92.0% | 99.5% | 96.5% | 29/32 | 5/168 |
//! | V | 95.0% | 90.5% | 96.0% | 99.5% | 96.5% | 31/31 | 1/169 |
//! | **U–V (400)** | **94.0%** | **90.0%** | **94.0%** | | | **60/63** | **6/337** |
//!
//! So on this unseen text kind and urgency pass the 92% target, category
//! does not (90.0%), and 95.2% of the emergencies are caught (the target is
//! 97%).
//!
//! In the seventh round the misses of U and V were read (their category
//! misses and missed emergencies, with those of H–S and T15–T18) to find
//! the families of `tests/nlu_emergency_category.rs`, so U and V are
//! validation sets since (`tests/nlu_blind_seventh.rs` holds that round's
//! held-out sets). With that round's desk:
//!
//! | set | kind | category | urgency | unit | when | caught | raised |
//! |---|---|---|---|---|---|---|---|
//! | U | 93.5% | 91.0% | 92.0% | 99.5% | 96.5% | 29/32 | 5/168 |
//! | V | 96.0% | 92.5% | 96.5% | 100.0% | 96.5% | 31/31 | 1/169 |
//! | **U–V (400)** | **94.8%** | **91.8%** | **94.3%** | | | **60/63** | **6/337** |
//!
//! Floors sit under the figures of the latest desk.
//!
//! Since the ninth round (`tests/nlu_blind_ninth.rs`) the model learns from
//! these sets (`src/understand/model/corpus/README.md`): the tables above
//! are their history, and the floors below, rewritten then, guard against
//! regression; they no longer measure the desk.

mod labelled;

#[test]
fn the_sixth_rounds_held_out_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "U",
            include_str!("data/blind_u.txt"),
            [95.0, 97.5, 96.5, 99.0, 96.0],
            100.0,
            2.5,
        ),
        (
            "V",
            include_str!("data/blind_v.txt"),
            [98.0, 98.5, 97.5, 99.5, 96.0],
            100.0,
            1.0,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
