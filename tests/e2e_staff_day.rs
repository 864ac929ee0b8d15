//! The staff's and supervisors' working day end to end: declines that
//! converge on the supervisors with their reasons, cards that say where
//! their ticket went and lose their buttons, a supervisor taking or giving a
//! ticket to anyone, the resident told who really handles it, and the
//! resolution (its labelled note and photos) reaching the resident.

mod common;
mod staff_rig;

use common::{TestDesk, opening, text};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Urgency};
use residesk::domain::ticket::Status;
use residesk::emulator::{BotMessage, TgUser};
use residesk::store;
use residesk::texts::t_args;
use staff_rig::*;

/// `user` declines `card` with `reason` and waits for the bot's word.
async fn decline(desk: &TestDesk, user: &TgUser, lang: Lang, card: &BotMessage, reason: &str) {
    press(desk, user, card, &data(card, &text(lang, "button-decline"))).await;
    desk.expect_message(user, &opening(lang, "work-ask-decline-reason"))
        .await;
    desk.emu.send_text(user, reason);
    desk.expect_message(user, "↩️").await;
}

/// Cards to `user` about `number` that still carry buttons.
fn live_cards(desk: &TestDesk, user: &TgUser, number: &str) -> usize {
    desk.emu
        .bot_messages(user.id)
        .iter()
        .filter(|m| m.body().contains(number) && !m.inline_keyboard.is_empty())
        .count()
}

#[tokio::test]
async fn declines_never_bounce_back_and_end_with_one_supervisor_card_carrying_every_reason() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let wong = desk.person("desk");
    let lee = desk.person("supervisor");
    let zh = Lang::ZhHant;
    let t = open_ticket(
        &desk,
        "升降機按鈕失靈",
        Category::Lift,
        Urgency::Normal,
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(t.assignee_id, Some(chan.id));
    let chans = desk.expect_message(&chan, &t.number).await;

    // Chan declines: Wong (customer service) gets it, with Chan's reason.
    decline(&desk, &chan, zh, &chans, "我今日唔喺屋苑").await;
    let db = desk.db().await;
    assert_eq!(ticket(&db, t.id).await.assignee_id, Some(wong.id));
    let wongs = desk.expect_message(&wong, &t.number).await;
    assert!(wongs.body().contains("我今日唔喺屋苑"), "{}", wongs.body());
    assert!(wongs.body().contains("Chan"), "{}", wongs.body());
    // The card says why customer service has lift work.
    assert!(
        wongs.body().contains(&opening(zh, "card-other-department")),
        "{}",
        wongs.body()
    );
    // History names to whom the system gave it.
    let steps = store::tickets::history(db.pool(), t.id).await.unwrap();
    let assigned = steps.last().unwrap();
    assert_eq!(assigned.action, "assigned");
    assert_eq!(
        assigned.target_name.as_deref(),
        Some(wong.first_name.as_str())
    );

    // Wong declines too: nobody is left, so it does not go back to Chan.
    decline(&desk, &wong, zh, &wongs, "唔係客服部嘅工作").await;
    let now = ticket(&db, t.id).await;
    assert_eq!(now.status, Status::New);
    assert_eq!(now.assignee_id, None);
    // Lee gets one card with both declines and their reasons, and the buttons.
    let en = Lang::En;
    let alert = desk
        .expect_message(&lee, &opening(en, "alert-declined-all"))
        .await;
    assert!(alert.body().contains("我今日唔喺屋苑"), "{}", alert.body());
    assert!(
        alert.body().contains("唔係客服部嘅工作"),
        "{}",
        alert.body()
    );
    assert!(alert.button(&text(en, "button-take")).is_some());
    assert!(alert.button(&text(en, "button-reassign")).is_some());
    assert_eq!(live_cards(&desk, &lee, &t.number), 1, "one card, not two");
    // It was not given back to Chan: he has no card with buttons.
    assert_eq!(live_cards(&desk, &chan, &t.number), 0);
    // Wong's card says it waits for a supervisor, without buttons.
    let wongs = edited(&desk, &wongs).await;
    assert!(wongs.inline_keyboard.is_empty(), "{:?}", labels(&wongs));

    // Lee gives it to anyone, even Chan who declined it; the list offers Lee too.
    press(
        &desk,
        &lee,
        &alert,
        &data(&alert, &text(en, "button-reassign")),
    )
    .await;
    let choice = desk
        .expect_message(&lee, &opening(en, "work-reassign-choose"))
        .await;
    let me = choice
        .buttons()
        .next()
        .map(|b| b.text.clone())
        .expect("buttons");
    assert!(me.starts_with("🙋"), "the supervisor first: {me}");
    let to_chan = choice
        .buttons()
        .find(|b| b.text.contains("Chan"))
        .and_then(|b| b.callback_data.clone())
        .expect("Chan in the list");
    press(&desk, &lee, &choice, &to_chan).await;
    let again = desk
        .emu
        .wait_for_message(
            chan.id,
            |m| m.body().contains(&t.number) && m.button(&text(zh, "button-accept")).is_some(),
            common::WAIT,
        )
        .await
        .expect("Chan gets a new card");
    assert_ne!(again.message_id, chans.message_id);
    // Lee's alert now says where it went, without buttons.
    let alert = edited(&desk, &alert).await;
    assert!(alert.inline_keyboard.is_empty(), "{:?}", labels(&alert));
    assert!(alert.body().contains(&chan.first_name), "{}", alert.body());
    assert_eq!(ticket(&db, t.id).await.assignee_id, Some(chan.id));
}

#[tokio::test]
async fn a_card_left_behind_says_where_its_ticket_went_and_an_old_press_is_told_so() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let lee = desk.person("supervisor");
    let zh = Lang::ZhHant;
    let en = Lang::En;
    let t = open_ticket(
        &desk,
        "走廊燈唔著",
        Category::Electrical,
        Urgency::Normal,
        Some(amy.id),
        Vec::new(),
    )
    .await;
    let card = desk.expect_message(&chan, &t.number).await;

    // Lee takes it himself from /ticket.
    desk.emu.send_text(&lee, &format!("/ticket {}", t.number));
    let view = desk.expect_message(&lee, &text(en, "work-history")).await;
    press(&desk, &lee, &view, &data(&view, &text(en, "button-take"))).await;
    let db = desk.db().await;
    let now = ticket(&db, t.id).await;
    assert_eq!(now.assignee_id, Some(lee.id));
    assert_eq!(now.status, Status::Accepted);
    // The resident hears who handles it; Chan's card says so and has no buttons.
    desk.expect_message(&amy, "Lee").await;
    let stale = edited(&desk, &card).await;
    let moved = t_args(
        zh,
        "card-now-with",
        &[
            ("number", t.number.clone().into()),
            ("staff", lee.first_name.clone().into()),
        ],
    );
    assert!(stale.body().contains(&moved), "{}", stale.body());
    assert!(stale.inline_keyboard.is_empty(), "{:?}", labels(&stale));

    // An old Accept (a copy of the card's buttons) is told where it went.
    let answer = press(&desk, &chan, &stale, &format!("t:acc:{}", t.id)).await;
    assert_eq!(answer.text.as_deref(), Some(moved.as_str()));
    assert_ne!(answer.text, Some(text(zh, "not-allowed-staff")));
    assert_eq!(ticket(&db, t.id).await.assignee_id, Some(lee.id));

    // Someone who never had a card gets the polite refusal, as before.
    let wong = desk.person("desk");
    let forged = press(&desk, &wong, &stale, &format!("t:acc:{}", t.id)).await;
    assert_eq!(forged.text, Some(text(zh, "not-allowed-staff")));
}

#[tokio::test]
async fn the_resident_is_told_who_really_handles_it_and_when_nobody_is_on_duty_the_phone() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let wong = desk.person("desk");
    let zh = Lang::ZhHant;
    // Noise goes to security, which has nobody: customer service has it, and says so.
    desk.emu.send_text(&amy, "樓上好嘈，日日半夜都拖櫈");
    let card = desk
        .expect_message(&amy, &text(zh, "button-draft-confirm"))
        .await;
    let _ = card;
    let card = desk
        .emu
        .wait_for_message(
            amy.id,
            |m| m.button(&text(zh, "button-draft-confirm")).is_some(),
            common::WAIT,
        )
        .await
        .expect("a card");
    press(
        &desk,
        &amy,
        &card,
        &data(&card, &text(zh, "button-draft-confirm")),
    )
    .await;
    let done = desk
        .expect_message(&amy, &opening(zh, "draft-confirmed"))
        .await;
    assert!(
        done.body().contains(&text(zh, "dept-customer_service")),
        "{}",
        done.body()
    );
    assert!(
        done.body().contains(&text(zh, "dept-security")),
        "{}",
        done.body()
    );
    assert!(done.body().contains(&wong.first_name), "{}", done.body());

    // Nobody on duty anywhere: exactly that, and the office's phone.
    desk.emu.send_text(&wong, "/duty off");
    desk.expect_message(&wong, &opening(zh, "duty-off")).await;
    let chan = desk.person("staff");
    desk.emu.send_text(&chan, "/duty off");
    desk.expect_message(&chan, &opening(zh, "duty-off")).await;
    desk.emu.send_text(&amy, "廚房水龍頭漏水");
    let card = desk
        .emu
        .wait_for_message(
            amy.id,
            |m| {
                m.body().contains("水龍頭") && m.button(&text(zh, "button-draft-confirm")).is_some()
            },
            common::WAIT,
        )
        .await
        .expect("a second card");
    press(
        &desk,
        &amy,
        &card,
        &data(&card, &text(zh, "button-draft-confirm")),
    )
    .await;
    let phone = desk.app(&desk.db().await).settings.office.phone.clone();
    let nobody = t_args(zh, "draft-next-nobody", &[("phone", phone.into())]);
    desk.expect_message(&amy, &nobody).await;
}

#[tokio::test]
async fn the_resident_gets_the_labelled_note_with_the_completion_photo() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    let t = open_ticket(
        &desk,
        "廚房水喉漏水",
        Category::Plumbing,
        Urgency::Normal,
        Some(amy.id),
        Vec::new(),
    )
    .await;
    let card = desk.expect_message(&chan, &t.number).await;
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
    desk.expect_message(&chan, &said(zh, "work-ask-resolution", &t))
        .await;
    let sent = desk.emu.send_photo(&chan, png(), Some("已更換新水喉"));
    let photo = desk.emu.user_file_id(chan.id, sent).expect("file id");
    desk.expect_message(&chan, &said(zh, "work-resolved", &t))
        .await;

    let note = t_args(
        zh,
        "resident-resolved-note",
        &[
            ("staff", chan.first_name.clone().into()),
            ("note", "已更換新水喉".into()),
        ],
    );
    let told = desk.expect_message(&amy, &note).await;
    assert_eq!(
        told.photo.as_deref(),
        Some(photo.as_str()),
        "the photo comes with it"
    );
    assert!(told.body().contains(&said(zh, "resident-resolved", &t)));
}

#[tokio::test]
async fn an_emergency_with_nobody_on_duty_tells_the_resident_so_and_gives_each_supervisor_one_card()
{
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let lee = desk.person("supervisor");
    let zh = Lang::ZhHant;
    for staff in [desk.person("staff"), desk.person("desk")] {
        desk.emu.send_text(&staff, "/duty off");
        desk.expect_message(&staff, &opening(zh, "duty-off")).await;
    }

    desk.emu
        .send_text(&amy, "有人困咗喺3座升降機入面，㩒警鐘都冇人應！");
    let told = desk
        .expect_message(&amy, &opening(zh, "emergency-opened-nobody"))
        .await;
    let emergency = desk
        .app(&desk.db().await)
        .settings
        .office
        .emergency_phone
        .clone();
    let number = told
        .body()
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .find(|w| w.starts_with("R-"))
        .expect("a number")
        .to_owned();
    let nobody = t_args(
        zh,
        "emergency-opened-nobody",
        &[
            ("number", number.clone().into()),
            ("emergency", emergency.into()),
        ],
    );
    assert!(told.body().starts_with(&nobody), "{}", told.body());
    let card = desk
        .expect_message(&lee, &opening(Lang::En, "alert-emergency-unassigned"))
        .await;
    assert!(card.button(&text(Lang::En, "button-take")).is_some());
    // Give the desk a moment to send anything else; still one card.
    desk.emu
        .wait_until_quiet(std::time::Duration::from_millis(300), common::WAIT)
        .await;
    assert!(card.body().contains(&number), "{}", card.body());
    assert_eq!(
        live_cards(&desk, &lee, &number),
        1,
        "one card per emergency"
    );
}
