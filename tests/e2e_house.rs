//! Found in review, each fixed with a test: a long staff card still reaches
//! the assignee within Telegram's limits; `/log` ends its conversation in the
//! write that files the ticket; a person has one bind request waiting at a
//! time, and only a few a day.

mod common;
mod staff_rig;

use common::{TestDesk, WAIT, text};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Urgency};
use residesk::store;
use staff_rig::*;

#[tokio::test]
async fn a_4000_character_description_with_photos_still_pings_the_assignee() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let courier = desk.stranger(9_002, "Courier", "en");
    let photos: Vec<String> = (0..2)
        .map(|_| {
            let sent = desk.emu.send_photo(&courier, png(), None);
            desk.emu.user_file_id(courier.id, sent).expect("file id")
        })
        .collect();
    // As long as a resident may write (4,000 characters): the whole card
    // cannot be a caption, nor, quoted whole, a text.
    let description = "廚房水喉漏水，".repeat(572);
    assert!(description.chars().count() >= 4000);
    let t = open_ticket(
        &desk,
        &description,
        Category::Plumbing,
        Urgency::High,
        Some(amy.id),
        photos.clone(),
    )
    .await;
    assert_eq!(t.assignee_id, Some(chan.id));
    assert_eq!(t.description, description, "the ticket keeps every word");

    let zh = Lang::ZhHant;
    // The photos come first as one album, then the card with its buttons.
    let card = desk
        .emu
        .wait_for_message(
            chan.id,
            |m| m.body().contains(&t.number) && !m.inline_keyboard.is_empty(),
            WAIT,
        )
        .await
        .expect("the card");
    assert!(card.body().chars().count() <= 4096);
    assert!(card.body().contains("廚房水喉漏水"), "{}", card.body());
    assert!(
        card.button(&text(zh, "button-accept")).is_some(),
        "the card has its buttons"
    );
    for photo in &photos {
        let photo = photo.clone();
        desk.emu
            .wait_for_message(chan.id, |m| m.photo.as_deref() == Some(&photo), WAIT)
            .await
            .expect("each photo reaches the assignee");
    }
    // Nothing was refused on the way.
    let db = desk.db().await;
    let failed = tokio::time::timeout(WAIT, async {
        loop {
            let (pending, _, failed) = store::outbox::counts(db.pool()).await.unwrap();
            if pending == 0 {
                return failed;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the queue drains");
    assert_eq!(failed, 0);
}

#[tokio::test]
async fn a_crash_after_logging_a_call_leaves_no_button_that_files_it_again() {
    let desk = TestDesk::start().await;
    bind_amy(&desk).await;
    let wong = desk.person("desk");
    let zh = Lang::ZhHant;
    desk.emu
        .send_text(&wong, "/log 3-1502 住戶來電話廚房水喉漏水");
    let phone = text(zh, "button-log-phone");
    let preview = desk
        .emu
        .wait_for_message(wong.id, |m| m.button(&phone).is_some(), WAIT)
        .await
        .expect("phone or visit asked");
    // From the moment the ticket exists, no new state is saved for Wong's
    // conversation (the write is silently dropped): as if the bot died right
    // after that commit and never made the write that came after it.
    let db = desk.db().await;
    for event in ["INSERT", "UPDATE"] {
        sqlx::query(&format!(
            "CREATE TRIGGER crash_{event} BEFORE {event} ON dialogues
             WHEN NEW.chat_id = {} AND EXISTS (SELECT 1 FROM tickets WHERE source = 'phone')
             BEGIN SELECT RAISE(IGNORE); END",
            wong.id
        ))
        .execute(db.pool())
        .await
        .unwrap();
    }
    let button = data(&preview, &phone);
    let first = press(&desk, &wong, &preview, &button).await;
    assert_eq!(first.text, None);
    edited(&desk, &preview).await;
    // The same button again (after a restart, or a second tap) is stale.
    let again = press(&desk, &wong, &preview, &button).await;
    assert_eq!(again.text, Some(text(zh, "stale-button")));
    let logged = store::tickets::open(db.pool(), None, None, 10)
        .await
        .unwrap()
        .into_iter()
        .filter(|t| t.source == "phone")
        .count();
    assert_eq!(logged, 1, "filed once");
}

#[tokio::test]
async fn a_newcomer_has_one_request_waiting_at_a_time_and_few_a_day() {
    let desk = TestDesk::start_with(|s| s.onboarding.bind_requests_per_day = 2).await;
    let ben = desk.person("newcomer");
    let wong = desk.person("desk");
    let en = Lang::En;
    let ask = |unit: &'static str| {
        let desk = &desk;
        let ben = ben.clone();
        async move {
            let before = desk.emu.version();
            desk.emu
                .send_contact(&ben, desk.phone_of("newcomer"), Some(ben.id));
            desk.emu
                .wait_for_message_after(ben.id, before, |m| m.body() == text(en, "ask-unit"), WAIT)
                .await
                .expect("asked for the unit");
            let before = desk.emu.version();
            desk.emu.send_text(&ben, unit);
            desk.emu
                .wait_for_message_after(ben.id, before, |_| true, WAIT)
                .await
                .expect("an answer")
        }
    };
    let requests_to_wong = || {
        desk.emu
            .bot_messages(wong.id)
            .into_iter()
            .filter(|m| m.body().contains("3-1503"))
            .collect::<Vec<_>>()
    };
    desk.emu.send_text(&ben, "/start");
    desk.next_message(&ben).await;
    let pending = ask("Block 3 Flat 1503").await;
    assert!(pending.body().contains("3-1503"), "{}", pending.body());
    let request = desk.expect_message(&wong, "3-1503").await;

    // Sharing the contact again while it waits: told so, nobody pinged again.
    let again = ask("Block 3 Flat 1503").await;
    let still = residesk::texts::t_args(en, "bind-still-pending", &[("unit", "3-1503".into())]);
    assert_eq!(again.body(), still);
    assert_eq!(requests_to_wong().len(), 1);

    // Rejected, Ben asks again (the second of the day), then a third time.
    let reject = request
        .button(&text(Lang::ZhHant, "button-reject"))
        .expect("reject button")
        .clone();
    let query = desk.emu.press(
        &wong,
        wong.id,
        request.message_id,
        reject.callback_data.as_deref().unwrap(),
    );
    desk.emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .expect("answered");
    let second = ask("Block 3 Flat 1503").await;
    assert!(second.body().contains("3-1503"), "{}", second.body());
    common::eventually(|| (requests_to_wong().len() == 2).then_some(())).await;
    let request = desk
        .emu
        .last_bot_message(wong.id)
        .expect("the second request");
    let query = desk.emu.press(
        &wong,
        wong.id,
        request.message_id,
        request
            .button(&text(Lang::ZhHant, "button-reject"))
            .and_then(|b| b.callback_data.clone())
            .as_deref()
            .expect("reject button"),
    );
    desk.emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .expect("answered");
    let third = ask("Block 3 Flat 1503").await;
    let phone = desk.settings.office.phone.clone();
    let too_many = residesk::texts::t_args(en, "bind-too-many", &[("phone", phone.into())]);
    assert_eq!(third.body(), too_many);
    let db = desk.db().await;
    let made: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bind_requests WHERE user_id = ?")
        .bind(ben.id)
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(made, 2);
    assert_eq!(requests_to_wong().len(), 2, "no third ping");
}
