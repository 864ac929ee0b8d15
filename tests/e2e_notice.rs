//! Notices and surveys composed in chat by a supervisor: a notice with a
//! photo and a 收到 button reaches the chosen building only and its count
//! shows on the card; a survey written question by question goes out and
//! is answered; wrong roles and forged presses change nothing.

mod common;
mod survey_rig;

use std::time::Duration;

use common::{TestDesk, opening, text};
use residesk::domain::lang::Lang;
use residesk::emulator::sample_png;
use survey_rig::*;

#[tokio::test]
async fn a_notice_with_a_photo_and_a_received_button_reaches_one_building_and_is_counted() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let a1 = resident(&desk, &db, 70_001, "3", "101", Lang::ZhHant).await;
    let a2 = resident(&desk, &db, 70_002, "3", "102", Lang::En).await;
    let b1 = resident(&desk, &db, 70_003, "5", "201", Lang::ZhHans).await;
    let lee = desk.person("supervisor");
    let en = |key: &str| text(Lang::En, key);

    // A resident cannot use /notice.
    desk.emu.send_text(&a1, "/notice");
    desk.expect_message(&a1, &opening(Lang::ZhHant, "command-not-yours"))
        .await;

    desk.emu.send_text(&lee, "/notice");
    let list = desk.expect_message(&lee, &en("notice-list-empty")).await;
    press(&desk, &lee, &list, &en("notice-new"));
    desk.expect_message(&lee, &en("compose-notice-text")).await;
    desk.emu.send_photo(
        &lee,
        sample_png(),
        Some("Water cut in Block 3 tomorrow 10:00–12:00."),
    );
    let audience = desk.expect_message(&lee, &en("compose-audience")).await;
    press(&desk, &lee, &audience, &en("audience-pick-buildings"));
    let buildings = with_button(&desk, &lee, "⬜ 3").await;
    assert!(buildings.button("⬜ 5").is_some());
    press(&desk, &lee, &buildings, "⬜ 3");
    let buildings = with_button(&desk, &lee, "☑️ 3").await;
    press(&desk, &lee, &buildings, &en("compose-buildings-done"));
    let ack = desk.expect_message(&lee, &en("compose-ack")).await;
    press(&desk, &lee, &ack, &en("compose-ack-yes"));
    let when = desk.expect_message(&lee, &en("compose-when")).await;
    press(&desk, &lee, &when, &en("when-now"));
    let card = desk.expect_message(&lee, "Notice #1").await;
    assert!(
        card.body().contains("It would reach 2 residents"),
        "{}",
        card.body()
    );
    assert!(card.body().contains("building(s) 3"), "{}", card.body());
    press(&desk, &lee, &card, &en("campaign-send"));
    let confirm = desk.expect_message(&lee, "Send #1 to 2").await;
    press(&desk, &lee, &confirm, &en("campaign-send-now"));
    desk.expect_message(&lee, &en("campaign-status-sending"))
        .await;

    let got = desk.expect_message(&a1, "Water cut in Block 3").await;
    assert!(got.photo.is_some(), "the photo goes with it");
    let got2 = desk.expect_message(&a2, "Water cut in Block 3").await;
    assert!(got2.button(&text(Lang::En, "notice-ack")).is_some());

    // 收到 from a1 counts once; b1 (not sent it) cannot press it.
    let q = press(&desk, &a1, &got, &text(Lang::ZhHant, "notice-ack"));
    assert_eq!(
        answer_of(&desk, &q).await.text.as_deref(),
        Some(text(Lang::ZhHant, "notice-acked").as_str())
    );
    let data = got
        .button(&text(Lang::ZhHant, "notice-ack"))
        .unwrap()
        .callback_data
        .clone()
        .unwrap();
    let q = desk.emu.press(&a1, a1.id, got.message_id, &data);
    answer_of(&desk, &q).await;
    let q = desk.emu.press(&b1, b1.id, got.message_id, &data);
    assert!(answer_of(&desk, &q).await.show_alert, "refused");

    let card = current(&desk, &lee, &card);
    press(&desk, &lee, &card, &en("campaign-refresh"));
    desk.expect_message(&lee, "Received (收到) 1").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        desk.emu.bot_messages(b1.id).is_empty(),
        "building 5 got nothing"
    );
}

#[tokio::test]
async fn a_survey_written_in_chat_goes_out_and_is_answered() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let ann = resident(&desk, &db, 71_001, "3", "101", Lang::En).await;
    let lee = desk.person("supervisor");
    let en = |key: &str| text(Lang::En, key);

    desk.emu.send_text(&lee, "/survey");
    let list = desk.expect_message(&lee, &en("survey-list-empty")).await;
    press(&desk, &lee, &list, &en("survey-new"));
    desk.expect_message(&lee, &en("compose-title")).await;
    desk.emu.send_text(&lee, "Lift lobby lighting");
    let intro = desk.expect_message(&lee, &en("compose-intro")).await;
    press(&desk, &lee, &intro, &en("compose-skip"));
    desk.expect_message(&lee, "Question 1").await;
    desk.emu
        .send_text(&lee, "How bright is the lobby at night?");
    let kind = desk.expect_message(&lee, &en("compose-kind")).await;
    press(&desk, &lee, &kind, &en("kind-rating"));
    let required = desk.expect_message(&lee, &en("compose-required")).await;
    press(&desk, &lee, &required, &en("compose-required-yes"));
    let more = desk.expect_message(&lee, "1 question(s) so far").await;
    press(&desk, &lee, &more, &en("compose-more-yes"));
    desk.expect_message(&lee, "Question 2").await;
    desk.emu.send_text(&lee, "Should we add lamps?");
    let kind = desk.expect_message(&lee, &en("compose-kind")).await;
    press(&desk, &lee, &kind, &en("kind-single"));
    desk.expect_message(&lee, "Please type the options").await;
    desk.emu.send_text(&lee, "only one");
    desk.expect_message(&lee, "Please give 2 to 10 options")
        .await;
    desk.emu.send_text(&lee, "Yes, please\nNo need");
    let required = desk.expect_message(&lee, &en("compose-required")).await;
    press(&desk, &lee, &required, &en("compose-required-no"));
    let more = desk.expect_message(&lee, "2 question(s) so far").await;
    press(&desk, &lee, &more, &en("compose-more-no"));
    let audience = desk.expect_message(&lee, &en("compose-audience")).await;
    press(&desk, &lee, &audience, &en("audience-pick-all"));
    let anonymous = desk.expect_message(&lee, &en("compose-anonymous")).await;
    press(&desk, &lee, &anonymous, &en("compose-anonymous-no"));
    let days = desk.expect_message(&lee, &en("compose-days")).await;
    press(&desk, &lee, &days, "7 days");
    let remind = desk.expect_message(&lee, &en("compose-remind")).await;
    press(&desk, &lee, &remind, "After 3 day(s)");
    let card = desk.expect_message(&lee, "Survey #1").await;
    assert!(
        card.body().contains("2 questions · named"),
        "{}",
        card.body()
    );
    press(&desk, &lee, &card, &en("campaign-send"));
    let confirm = desk.expect_message(&lee, "Send #1 to 1").await;
    press(&desk, &lee, &confirm, &en("campaign-send-now"));
    let card = desk
        .expect_message(&lee, &en("campaign-status-sending"))
        .await;
    assert!(
        card.body().contains("Reminder to non-responders"),
        "{}",
        card.body()
    );

    let invite = desk.expect_message(&ann, "Lift lobby lighting").await;
    press(&desk, &ann, &invite, &en("survey-start"));
    let q1 = desk.expect_message(&ann, "How bright is the lobby").await;
    press(&desk, &ann, &q1, "2⭐");
    let q2 = desk.expect_message(&ann, "Should we add lamps?").await;
    assert!(q2.button(&en("survey-skip")).is_some(), "optional");
    press(&desk, &ann, &q2, "Yes, please");
    desk.expect_message(&ann, "Thank you for completing").await;

    let app = residesk::runtime::app(db.clone(), desk.settings.clone());
    let report = residesk::desk::campaign::results::report(&app, 1, Lang::En)
        .await
        .unwrap()
        .unwrap();
    let csv = report.csv(Lang::En, Lang::ZhHant);
    assert!(csv.ends_with("1,3,3-101,yes,2,\"Yes, please\"\n"), "{csv}");
}

#[tokio::test]
async fn a_notice_with_a_document_reaches_residents_as_that_document() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let amy = resident(&desk, &db, 71_001, "3", "101", Lang::ZhHant).await;
    let ben = resident(&desk, &db, 71_002, "5", "201", Lang::En).await;
    let lee = desk.person("supervisor");
    let en = |key: &str| text(Lang::En, key);

    desk.emu.send_text(&lee, "/notice");
    let list = desk.expect_message(&lee, &en("notice-list-empty")).await;
    press(&desk, &lee, &list, &en("notice-new"));
    desk.expect_message(&lee, &en("compose-notice-text")).await;
    // A document without a caption: the text is asked for again.
    desk.emu.send_document(
        &lee,
        "lift-works.pdf",
        "application/pdf",
        b"%PDF-1.4 lift works".to_vec(),
        None,
    );
    desk.expect_message(&lee, &en("compose-notice-text")).await;
    desk.emu.send_document(
        &lee,
        "lift-works.pdf",
        "application/pdf",
        b"%PDF-1.4 lift works".to_vec(),
        Some("Lift replacement works: the schedule is attached."),
    );
    let audience = desk.expect_message(&lee, &en("compose-audience")).await;
    press(&desk, &lee, &audience, &en("audience-pick-all"));
    let ack = desk.expect_message(&lee, &en("compose-ack")).await;
    press(&desk, &lee, &ack, &en("compose-ack-yes"));
    let when = desk.expect_message(&lee, &en("compose-when")).await;
    press(&desk, &lee, &when, &en("when-now"));
    let card = desk.expect_message(&lee, "Notice #1").await;
    // The preview is the document itself.
    press(&desk, &lee, &card, &en("campaign-preview"));
    let preview = desk.expect_message(&lee, "Lift replacement works").await;
    assert!(
        preview.document.is_some(),
        "the preview carries the document"
    );
    let card = current(&desk, &lee, &card);
    press(&desk, &lee, &card, &en("campaign-send"));
    let confirm = desk.expect_message(&lee, "Send #1 to 2").await;
    press(&desk, &lee, &confirm, &en("campaign-send-now"));

    for user in [&amy, &ben] {
        let got = desk.expect_message(user, "Lift replacement works").await;
        assert_eq!(
            got.document, preview.document,
            "the supervisor's file, by its Telegram id"
        );
        assert!(got.photo.is_none());
        assert!(got.buttons().next().is_some(), "with its 收到 button");
    }
}
