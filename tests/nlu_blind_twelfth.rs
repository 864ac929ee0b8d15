//! The twelfth round of issue 7's blind sets, written by four more writers
//! who read only TAXONOMY.md, DOMAIN.md and the nlu README (the brief of
//! the earlier rounds), 200 lines each, held out for one round and then
//! read:
//!
//! - AS: a large 1980s private estate of twenty blocks: an ageing
//!   population, a shopping centre, dogs, an owners' corporation in dispute
//!   with the management;
//! - AT: a mainland villa and townhouse community: gardens, basements,
//!   private pools, a lake, gate guards and patrols;
//! - AU: a serviced-apartment residence near the airport: short-stay
//!   tenants, aircrew, a concierge, a shuttle, housekeeping;
//! - AV: a public rental estate of tall blocks: a market, elderly people
//!   living alone, children, hawkers, social workers writing for residents.
//!
//! Written after the desk of this file's commit was final and scored once
//! with it and with main before the session (09ff23d), totals only:
//!
//! | set | desk | kind | category | urgency | caught | raised |
//! |---|---|---|---|---|---|---|
//! | AS | 09ff23d | 89.5% | 89.0% | 93.5% | 32/33 | 5/167 |
//! | AS | 021832a | 92.5% | 91.0% | 95.0% | 32/33 | 3/167 |
//! | AT | 09ff23d | 94.0% | 85.0% | 91.5% | 29/33 | 2/166 |
//! | AT | 021832a | 93.5% | 87.5% | 93.0% | 30/33 | 2/166 |
//! | AU | 09ff23d | 91.5% | 88.0% | 88.5% | 30/32 | 7/168 |
//! | AU | 021832a | 93.5% | 92.0% | 91.5% | 31/32 | 6/168 |
//! | AV | 09ff23d | 92.5% | 92.5% | 93.5% | 31/32 | 5/167 |
//! | AV | 021832a | 94.0% | 92.5% | 96.0% | 31/32 | 5/167 |
//! | **AS–AV (800)** | 09ff23d | **91.9%** | **88.6%** | **91.8%** | **122/130** | **19/668** |
//! | **AS–AV (800)** | 021832a | **93.4%** | **90.8%** | **93.9%** | **124/130 (95.4%)** | **16/668 (2.4%)** |
//!
//! So on this unseen text kind and urgency were above the 92% target and
//! 2.4% of the calm lines were raised (at most 5%), but category was 90.8%
//! (AT, the villa community, 87.5%) and 95.4% of the emergencies were
//! caught (target 97%).
//!
//! In the thirteenth round, once AW–AZ had been written and scored, these
//! sets were read and their misses mended as word families (fire set by
//! fireworks on a slope, a torch moving in a home whose owners are away,
//! a child through the ice, a smoking battery, someone inside a stopped
//! lift told as "I am in the lift", water pouring through a light as
//! plumbing, a lift with nobody in it, rent and sinking funds as fees),
//! and the model learns from them since. They are fitted now; the floors
//! below guard against regression and no longer measure the desk.

mod labelled;

#[test]
fn the_twelfth_rounds_sets_score_above_their_floors() {
    for (name, text, floors, caught, raised) in [
        (
            "AS",
            include_str!("data/blind_as.txt"),
            [97.5, 98.0, 99.5, 97.0, 93.5],
            100.0,
            0.0,
        ),
        (
            "AT",
            include_str!("data/blind_at.txt"),
            [98.5, 98.0, 99.0, 95.0, 97.5],
            100.0,
            0.0,
        ),
        (
            "AU",
            include_str!("data/blind_au.txt"),
            [98.0, 98.5, 98.5, 95.5, 95.0],
            100.0,
            1.0,
        ),
        (
            "AV",
            include_str!("data/blind_av.txt"),
            [98.0, 99.5, 99.5, 99.5, 97.0],
            100.0,
            0.0,
        ),
    ] {
        labelled::assert_held_out(name, text, 200, floors, caught, raised);
    }
}
