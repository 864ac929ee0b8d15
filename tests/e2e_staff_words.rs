//! What staff read: `/log` with a unit and no words asks for them, replies
//! to `/cancel`, unknown commands and refusals worded for staff (residents
//! keep theirs), and a ticket's photos reaching staff as one album.

mod common;
mod staff_rig;

use common::{TestDesk, WAIT, opening, text};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Urgency};
use residesk::store;
use residesk::texts::t_args;
use staff_rig::*;

#[tokio::test]
async fn log_with_only_a_unit_asks_what_the_resident_needs_and_logs_just_that() {
    let desk = TestDesk::start().await;
    let _amy = bind_amy(&desk).await;
    let wong = desk.person("desk");
    let zh = Lang::ZhHant;

    desk.emu.send_text(&wong, "/log 3-1502");
    let ask = t_args(zh, "work-log-ask-text", &[("unit", "3-1502".into())]);
    desk.expect_message(&wong, &ask).await;
    desk.emu.send_text(&wong, "冷氣機滴水");
    let phone = text(zh, "button-log-phone");
    let preview = desk
        .emu
        .wait_for_message(wong.id, |m| m.button(&phone).is_some(), WAIT)
        .await
        .expect("phone or visit asked");
    press(&desk, &wong, &preview, &data(&preview, &phone)).await;
    edited(&desk, &preview).await;
    let db = desk.db().await;
    let ticket = store::tickets::open(db.pool(), None, None, 10)
        .await
        .unwrap()
        .pop()
        .expect("a ticket");
    assert_eq!(
        ticket.description, "冷氣機滴水",
        "not the unit as the request"
    );

    // The same with a message that is only the unit.
    let asked = desk
        .emu
        .bot_messages(wong.id)
        .iter()
        .filter(|m| m.body() == ask)
        .count();
    desk.emu.send_text(&wong, "3-1502");
    common::eventually(|| {
        let now = desk
            .emu
            .bot_messages(wong.id)
            .iter()
            .filter(|m| m.body() == ask)
            .count();
        (now > asked).then_some(())
    })
    .await;
}

#[tokio::test]
async fn staff_get_their_own_wording_for_cancel_unknown_commands_and_refusals() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let lee = desk.person("supervisor");
    let zh = Lang::ZhHant;

    desk.emu.send_text(&chan, "/cancel");
    desk.expect_message(&chan, &text(zh, "nothing-to-cancel-staff"))
        .await;
    desk.emu.send_text(&chan, "/frobnicate");
    desk.expect_message(&chan, &text(zh, "unknown-command-staff"))
        .await;
    // A command of another role says which are theirs.
    desk.emu.send_text(&chan, "/open");
    let refused = desk
        .expect_message(&chan, &opening(zh, "command-not-yours-staff"))
        .await;
    assert!(
        refused.body().contains("/tasks, /visits, /duty"),
        "{}",
        refused.body()
    );
    desk.emu.send_text(&lee, "/cancel");
    desk.expect_message(&lee, &text(Lang::En, "nothing-to-cancel-staff"))
        .await;
    // Residents keep the residents' wording.
    desk.emu.send_text(&amy, "/cancel");
    desk.expect_message(&amy, &text(zh, "nothing-to-cancel"))
        .await;
    desk.emu.send_text(&amy, "/tasks");
    let refused = desk
        .expect_message(&amy, &opening(zh, "command-not-yours"))
        .await;
    assert!(refused.body().contains("/my, /book"), "{}", refused.body());
    // Staff texts address staff as 你, residents' as 您.
    for key in [
        "not-allowed-staff",
        "command-not-yours-staff",
        "cancelled-staff",
        "duty-on",
        "work-taken",
    ] {
        assert!(!text(zh, key).contains('您'), "{key}");
    }
}

#[tokio::test]
async fn several_photos_reach_the_assignee_as_one_album_before_the_card() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let courier = desk.stranger(9_002, "Courier", "en");
    let photos: Vec<String> = (0..3)
        .map(|_| {
            let sent = desk.emu.send_photo(&courier, png(), None);
            desk.emu.user_file_id(courier.id, sent).expect("file id")
        })
        .collect();
    let t = open_ticket(
        &desk,
        "天花滲水，三張相",
        Category::Plumbing,
        Urgency::Normal,
        None,
        photos.clone(),
    )
    .await;
    let card = desk
        .emu
        .wait_for_message(
            chan.id,
            |m| m.body().contains("天花滲水") && !m.inline_keyboard.is_empty(),
            WAIT,
        )
        .await
        .expect("the card");
    let album: Vec<_> = desk
        .emu
        .bot_messages(chan.id)
        .into_iter()
        .filter(|m| m.photo.is_some())
        .collect();
    assert_eq!(
        album
            .iter()
            .map(|m| m.photo.clone().unwrap())
            .collect::<Vec<_>>(),
        photos
    );
    let group = album[0].media_group_id.clone();
    assert!(group.is_some(), "sent as an album");
    assert!(album.iter().all(|m| m.media_group_id == group));
    assert!(album[0].body().contains(&t.number));
    assert!(
        album.iter().all(|m| m.message_id < card.message_id),
        "album first"
    );
}
