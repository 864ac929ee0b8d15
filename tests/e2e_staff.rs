//! The staff side end to end: ping cards and their buttons, declines,
//! forged presses, assignment from a supervisor's alert, in Traditional
//! Chinese, Simplified Chinese and English.

mod common;
mod staff_rig;

use common::{TestDesk, opening, text};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Urgency};
use residesk::domain::ticket::Status;
use residesk::store;
use staff_rig::*;

#[tokio::test]
async fn an_engineer_gets_the_card_with_the_photo_and_works_it_to_resolved_while_the_resident_hears_each_step()
 {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    // A photo the emulator knows, sent by someone the desk does not know.
    let courier = desk.stranger(9_001, "Courier", "en");
    let sent = desk.emu.send_photo(&courier, png(), None);
    let photo = desk.emu.user_file_id(courier.id, sent).expect("file id");

    let t1 = open_ticket(
        &desk,
        "廚房水喉漏水",
        Category::Plumbing,
        Urgency::High,
        Some(amy.id),
        vec![photo.clone()],
    )
    .await;
    assert_eq!(t1.department, "engineering");
    assert_eq!(t1.assignee_id, Some(chan.id));
    let card = desk.expect_message(&chan, &t1.number).await;
    assert_eq!(card.photo.as_deref(), Some(photo.as_str()));
    assert!(card.body().contains("廚房水喉漏水"), "{}", card.body());
    assert!(card.body().contains("3-1502"), "{}", card.body());

    // Accept: the card turns to the accepted buttons, the resident is told.
    let answer = press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-accept")),
    )
    .await;
    assert_eq!(answer.text, Some(said(zh, "work-accepted", &t1)));
    let card = edited(&desk, &card).await;
    assert!(
        card.button(&text(zh, "button-start")).is_some(),
        "{:?}",
        labels(&card)
    );
    assert!(card.button(&text(zh, "button-accept")).is_none());
    let told = desk.expect_message(&amy, "接手").await;
    assert!(told.body().contains(&t1.number), "{}", told.body());

    // A second press of the old Accept changes nothing and says so.
    let db = desk.db().await;
    let steps = history(&db, t1.id).await.len();
    let again = press(&desk, &chan, &card, &format!("t:acc:{}", t1.id)).await;
    assert!(
        again
            .text
            .as_deref()
            .unwrap_or_default()
            .contains(&t1.number),
        "{again:?}"
    );
    assert_eq!(history(&db, t1.id).await.len(), steps);

    press(&desk, &chan, &card, &data(&card, &text(zh, "button-start"))).await;
    let card = edited(&desk, &card).await;
    desk.expect_message(&amy, &said(zh, "resident-started", &t1))
        .await;
    assert_eq!(ticket(&db, t1.id).await.status, Status::InProgress);

    // Resolved asks for a note; /cancel leaves the ticket as it was.
    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-resolve")),
    )
    .await;
    desk.expect_message(&chan, &said(zh, "work-ask-resolution", &t1))
        .await;
    desk.emu.send_text(&chan, "/cancel");
    desk.expect_message(&chan, &text(zh, "cancelled-staff"))
        .await;
    desk.emu.send_text(&chan, "換咗新嘅水喉");
    desk.expect_message(&chan, &opening(zh, "work-hint")).await;
    assert_eq!(ticket(&db, t1.id).await.status, Status::InProgress);

    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-resolve")),
    )
    .await;
    desk.expect_message(&chan, &said(zh, "work-ask-resolution", &t1))
        .await;
    desk.emu.send_text(&chan, "換咗新嘅水喉");
    desk.expect_message(&chan, &said(zh, "work-resolved", &t1))
        .await;
    let told = desk.expect_message(&amy, "換咗新嘅水喉").await;
    assert!(told.body().contains(&t1.number));
    let done = ticket(&db, t1.id).await;
    assert_eq!(done.status, Status::Resolved);
    assert_eq!(done.resolution_note.as_deref(), Some("換咗新嘅水喉"));
    let card = edited(&desk, &card).await;
    assert!(card.inline_keyboard.is_empty(), "{:?}", labels(&card));
    assert_eq!(
        history(&db, t1.id).await,
        ["created", "assigned", "accepted", "started", "resolved"]
    );
}

#[tokio::test]
async fn declining_with_a_reason_passes_the_ticket_to_another_engineer_even_across_a_restart() {
    let mut desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    let liu = add_staff(&desk, 2_101, "刘工", Lang::ZhHans, "engineering").await;
    let t1 = open_ticket(
        &desk,
        "lift button dead",
        Category::Lift,
        Urgency::Normal,
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(t1.assignee_id, Some(chan.id), "the lowest id wins a tie");
    let card = desk.expect_message(&chan, &t1.number).await;

    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-decline")),
    )
    .await;
    desk.expect_message(&chan, &said(zh, "work-ask-decline-reason", &t1))
        .await;
    // The question survives a restart: the answer still declines.
    desk.restart().await;
    desk.emu.send_text(&chan, "我喺第二座做緊緊急維修");
    let done = desk.expect_message(&chan, "↩️").await;
    assert!(done.body().contains("刘工"), "{}", done.body());

    let db = desk.db().await;
    let now = ticket(&db, t1.id).await;
    assert_eq!(now.assignee_id, Some(liu.id));
    assert_eq!(now.status, Status::Assigned);
    let steps = store::tickets::history(db.pool(), t1.id).await.unwrap();
    let declined = steps
        .iter()
        .find(|h| h.action == "declined")
        .expect("declined step");
    assert_eq!(declined.note.as_deref(), Some("我喺第二座做緊緊急維修"));

    // The colleague gets the card in Simplified Chinese; Chan's card has no buttons left.
    let theirs = desk.expect_message(&liu, &t1.number).await;
    assert!(
        theirs
            .button(&text(Lang::ZhHans, "button-accept"))
            .is_some(),
        "{:?}",
        labels(&theirs)
    );
    let mine = edited(&desk, &card).await;
    assert!(mine.inline_keyboard.is_empty(), "{:?}", labels(&mine));

    // Liu gives it back too: it never returns to Chan, who declined it; customer service has it.
    press(
        &desk,
        &liu,
        &theirs,
        &data(&theirs, &text(Lang::ZhHans, "button-decline")),
    )
    .await;
    desk.expect_message(&liu, &said(Lang::ZhHans, "work-ask-decline-reason", &t1))
        .await;
    desk.emu.send_text(&liu, "没有配件");
    desk.expect_message(&liu, "↩️").await;
    let wong = desk.person("desk");
    assert_eq!(ticket(&db, t1.id).await.assignee_id, Some(wong.id));
    let card = desk.expect_message(&wong, &t1.number).await;
    assert!(card.body().contains("没有配件"), "{}", card.body());
    assert!(
        card.body().contains("我喺第二座做緊緊急維修"),
        "{}",
        card.body()
    );
}

#[tokio::test]
async fn forged_presses_from_another_department_or_a_resident_change_nothing() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let wong = desk.person("desk");
    let zh = Lang::ZhHant;
    let t1 = open_ticket(
        &desk,
        "燈壞咗",
        Category::Electrical,
        Urgency::Normal,
        Some(amy.id),
        Vec::new(),
    )
    .await;
    let card = desk.expect_message(&chan, &t1.number).await;
    let db = desk.db().await;
    let before = history(&db, t1.id).await;

    // Wong (customer service) writes something, then presses forged buttons under it.
    desk.emu.send_text(&wong, "hello");
    let his = desk.next_message(&wong).await;
    for op in ["acc", "dec", "go", "done", "note", "tel", "view", "re"] {
        let answer = press(&desk, &wong, &his, &format!("t:{op}:{}", t1.id)).await;
        assert_eq!(answer.text, Some(text(zh, "not-allowed-staff")), "{op}");
    }
    let answer = press(&desk, &wong, &his, &format!("t:to:{}:{}", t1.id, wong.id)).await;
    assert_eq!(answer.text, Some(text(zh, "not-allowed-staff")));
    // A ticket that does not exist is only a stale button.
    let answer = press(&desk, &chan, &card, "t:acc:999999").await;
    assert_eq!(answer.text, Some(text(zh, "stale-button")));

    // The resident pressing staff buttons moves nothing either.
    for data in [
        format!("t:acc:{}", t1.id),
        format!("t:to:{}:{}", t1.id, wong.id),
    ] {
        let query = desk.emu.press(&amy, amy.id, 1, &data);
        let answer = desk
            .emu
            .wait_for_callback_answer(&query, common::WAIT)
            .await
            .expect("the press is answered");
        assert_eq!(answer.text, Some(text(zh, "not-allowed")), "{data}");
    }

    let after = ticket(&db, t1.id).await;
    assert_eq!(after.status, Status::Assigned);
    assert_eq!(after.assignee_id, Some(chan.id));
    assert_eq!(history(&db, t1.id).await, before);
    assert!(
        !desk
            .emu
            .bot_messages(wong.id)
            .iter()
            .any(|m| m.body().contains("91234567")),
        "the resident's phone leaked"
    );

    // The assignee does see the resident's contact.
    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-contact")),
    )
    .await;
    let contact = desk.expect_message(&chan, "91234567").await;
    assert!(contact.body().contains(&t1.number));
}

#[tokio::test]
async fn with_nobody_on_duty_a_supervisor_assigns_from_the_alert_and_the_engineer_resolves_with_a_photo()
 {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    let chan = desk.person("staff");
    let wong = desk.person("desk");
    let (en, zh) = (Lang::En, Lang::ZhHant);
    for staff in [&chan, &wong] {
        desk.emu.send_text(staff, "/duty off");
        desk.expect_message(staff, &opening(zh, "duty-off")).await;
    }
    let t1 = open_ticket(
        &desk,
        "gate motor noisy",
        Category::Facilities,
        Urgency::Normal,
        None,
        Vec::new(),
    )
    .await;
    assert_eq!((t1.status, t1.assignee_id), (Status::New, None));
    let alert = desk
        .expect_message(&lee, &said(en, "alert-unassigned", &t1))
        .await;

    press(
        &desk,
        &lee,
        &alert,
        &data(&alert, &text(en, "button-reassign")),
    )
    .await;
    let picker = desk
        .expect_message(&lee, &said(en, "work-reassign-choose", &t1))
        .await;
    let to_chan = picker
        .buttons()
        .find(|b| b.text.contains(&chan.first_name))
        .expect("Chan, though off duty");
    assert!(to_chan.text.starts_with('⚪'), "{}", to_chan.text);
    let to_chan = to_chan.callback_data.clone().expect("data");
    press(&desk, &lee, &picker, &to_chan).await;
    let card = desk.expect_message(&chan, &t1.number).await;

    // A note, then Resolved with a photo and a caption.
    press(&desk, &chan, &card, &data(&card, &text(zh, "button-note"))).await;
    desk.expect_message(&chan, &said(zh, "work-ask-note", &t1))
        .await;
    desk.emu.send_text(&chan, "摩打軸承磨損");
    desk.expect_message(&chan, &said(zh, "work-note-added", &t1))
        .await;

    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-accept")),
    )
    .await;
    let card = edited(&desk, &card).await;
    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-resolve")),
    )
    .await;
    desk.expect_message(&chan, &said(zh, "work-ask-resolution", &t1))
        .await;
    // The photo message is the chat's own: send it from Chan.
    let mine = desk.emu.send_photo(&chan, png(), Some("換咗軸承"));
    desk.expect_message(&chan, &said(zh, "work-resolved", &t1))
        .await;

    let db = desk.db().await;
    let done = ticket(&db, t1.id).await;
    assert_eq!(done.status, Status::Resolved);
    assert_eq!(done.resolution_note.as_deref(), Some("換咗軸承"));
    let mut tx = db.begin().await.unwrap();
    let photos = store::tickets::photos(&mut tx, t1.id).await.unwrap();
    tx.rollback().await.unwrap();
    assert_eq!(
        photos,
        [desk.emu.user_file_id(chan.id, mine).expect("file id")]
    );
    assert_eq!(
        history(&db, t1.id).await,
        [
            "created",
            "reassigned",
            "note",
            "accepted",
            "photo",
            "resolved"
        ]
    );
}
