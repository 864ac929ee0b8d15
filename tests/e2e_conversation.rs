//! A resident's conversation never drops what matters (issue 7), end to end
//! through the emulator and the real dispatcher: an emergency in the middle
//! of a question, an addition or a draft is handled as one and what was in
//! progress survives; people not (yet) registered reporting a fire get the
//! advice and the configured numbers, and staff are alerted.

mod common;
mod resident;

use common::{TestDesk, opening, text};
use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, TgUser};
use residesk::texts::t_args;

use resident::{amy, card, number_in, press, press_data, tam, ticket, tickets, wang};

/// The safety advice of a category's key as the desk renders it.
fn advice(desk: &TestDesk, lang: Lang, key: &str) -> String {
    let numbers = &desk.settings.emergency;
    t_args(
        lang,
        key,
        &[
            (
                "emergency",
                desk.settings.office.emergency_phone.clone().into(),
            ),
            ("fire", numbers.fire.clone().into()),
            ("police", numbers.police.clone().into()),
            ("ambulance", numbers.ambulance.clone().into()),
        ],
    )
}

/// Waits for the emergency acknowledgement and checks the advice in it.
async fn emergency_reply(desk: &TestDesk, user: &TgUser, lang: Lang, key: &str) -> BotMessage {
    let reply = desk
        .expect_message(user, &opening(lang, "emergency-opened"))
        .await;
    assert!(
        reply.body().contains(&advice(desk, lang, key)),
        "{}",
        reply.body()
    );
    assert!(reply.body().contains(&desk.settings.office.emergency_phone));
    reply
}

#[tokio::test]
async fn a_fire_while_the_desk_asks_for_a_booking_time_is_an_emergency_and_the_booking_survives() {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    let tam = tam(&desk).await;
    let lang = Lang::En;

    // The tennis court is no bookable of the settings: a draft asks the time.
    desk.emu.send_text(&tam, "I want to book the tennis court");
    let question = desk
        .expect_message(&tam, &text(lang, "draft-ask-time"))
        .await;
    // The question shows its way out.
    assert!(
        question
            .button(&text(lang, "button-draft-cancel"))
            .is_some()
    );

    desk.emu
        .send_text(&tam, "There is smoke and fire in the corridor!");
    let reply = emergency_reply(&desk, &tam, lang, "safety-security").await;
    assert!(reply.body().contains(&desk.settings.emergency.fire));
    let number = number_in(reply.body());
    let alert = desk.expect_message(&lee, &number).await;
    assert!(alert.body().contains("Tam"), "{}", alert.body());
    assert!(alert.body().contains("smoke and fire"), "{}", alert.body());
    assert_eq!(ticket(&desk, &number).await.urgency.as_str(), "emergency");
    desk.expect_message(&tam, &opening(lang, "emergency-kept-draft"))
        .await;

    // The booking's question is still pending and now gets its answer.
    desk.emu.send_text(&tam, "tomorrow 3pm");
    let card = card(&desk, &tam, lang).await;
    assert!(card.body().contains("tennis"), "{}", card.body());
    assert!(card.body().contains("15:00"), "{}", card.body());
    press(&desk, &tam, &card, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&tam, &opening(lang, "draft-confirmed"))
        .await;
    assert!(number_in(done.body()).starts_with("B-"));
    assert_eq!(tickets(&desk).await.len(), 2);
}

#[tokio::test]
async fn someone_trapped_in_a_lift_while_the_desk_asks_where_is_an_emergency_and_the_question_stays()
 {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;

    // A leak in a flat that is not hers: the desk asks where.
    desk.emu.send_text(&amy, "5座802廁所漏水");
    let question = desk
        .expect_message(&amy, &text(lang, "draft-ask-unit"))
        .await;
    assert!(
        question
            .button(&text(lang, "button-draft-cancel"))
            .is_some()
    );

    desk.emu
        .send_text(&amy, "有人困咗喺3座升降機入面，㩒警鐘都冇人應！");
    let reply = emergency_reply(&desk, &amy, lang, "safety-lift").await;
    let number = number_in(reply.body());
    desk.expect_message(&chan, &number).await;
    let row = ticket(&desk, &number).await;
    assert_eq!(
        (row.urgency.as_str(), row.category.as_str()),
        ("emergency", "lift")
    );
    assert!(row.description.contains("困咗"), "{}", row.description);

    // The words of the emergency were not taken as the place: the same
    // question still waits, and a wrong answer says how to answer.
    desk.emu.send_text(&amy, "唔知呀");
    let retry = desk
        .expect_message(&amy, &text(lang, "draft-unit-not-understood"))
        .await;
    assert!(retry.button(&text(lang, "button-draft-cancel")).is_some());
    let own = retry
        .buttons()
        .find(|b| b.text.contains("3-1502"))
        .expect("the resident's own unit")
        .clone();
    desk.emu.press(
        &amy,
        amy.id,
        retry.message_id,
        own.callback_data.as_deref().unwrap(),
    );
    let card = card(&desk, &amy, lang).await;
    assert!(card.body().contains("廁所漏水"), "{}", card.body());
}

#[tokio::test]
async fn a_gas_smell_while_adding_to_a_ticket_is_an_emergency_not_a_note() {
    let desk = TestDesk::start().await;
    let wang = wang(&desk).await;
    let lang = Lang::ZhHans;

    desk.emu.send_text(&wang, "厨房水管漏水");
    let first = card(&desk, &wang, lang).await;
    press(&desk, &wang, &first, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&wang, &opening(lang, "draft-confirmed"))
        .await;
    let leak = number_in(done.body());

    desk.emu.send_text(&wang, "/my");
    let list = desk.expect_message(&wang, &leak).await;
    let open = list.button(&leak).expect("the ticket's button").clone();
    press_data(&desk, &wang, &list, open.callback_data.as_deref().unwrap()).await;
    let view = desk
        .emu
        .wait_for_message(
            wang.id,
            |m| m.button(&text(lang, "button-add-info")).is_some(),
            common::WAIT,
        )
        .await
        .expect("the ticket with its buttons");
    press(&desk, &wang, &view, lang, "button-add-info").await;
    desk.expect_message(&wang, &opening(lang, "addinfo-ask"))
        .await;

    desk.emu.send_text(&wang, "闻到很大的煤气味！");
    let reply = emergency_reply(&desk, &wang, lang, "safety-gas").await;
    let gas = number_in(reply.body());
    assert_ne!(gas, leak);
    assert_eq!(ticket(&desk, &gas).await.category.as_str(), "gas");
    assert!(
        !ticket(&desk, &leak).await.description.contains("煤气"),
        "the gas smell is not a note on the leak"
    );
    desk.expect_message(&wang, &text(lang, "emergency-kept-addinfo"))
        .await;

    // The addition is still pending and takes the next message.
    desk.emu.send_text(&wang, "补充：水管在洗碗盆下面");
    desk.expect_message(&wang, &opening(lang, "addinfo-done"))
        .await;
    let db = desk.db().await;
    let history = residesk::store::tickets::history(db.pool(), ticket(&desk, &leak).await.id)
        .await
        .expect("history");
    assert!(
        history
            .iter()
            .any(|h| h.note.as_deref().is_some_and(|n| n.contains("洗碗盆"))),
        "{history:?}"
    );
}

#[tokio::test]
async fn a_fire_during_a_draft_is_an_emergency_and_the_draft_can_still_be_confirmed() {
    let desk = TestDesk::start().await;
    let wang = wang(&desk).await;
    let lang = Lang::ZhHans;

    desk.emu.send_text(&wang, "厨房水管漏水");
    let leak = card(&desk, &wang, lang).await;
    desk.emu.send_text(&wang, "走廊有好多烟，着火了！");
    let reply = emergency_reply(&desk, &wang, lang, "safety-security").await;
    // The Simplified-Chinese advice carries the configured number, not 119.
    assert!(reply.body().contains(&desk.settings.emergency.fire));
    assert!(!reply.body().contains("119"), "{}", reply.body());
    assert!(!reply.body().contains("110"), "{}", reply.body());
    desk.expect_message(&wang, &opening(lang, "emergency-kept-draft"))
        .await;

    press(&desk, &wang, &leak, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&wang, &opening(lang, "draft-confirmed"))
        .await;
    let row = ticket(&desk, &number_in(done.body())).await;
    assert_eq!(row.category.as_str(), "plumbing");
    assert!(!row.description.contains("烟"), "{}", row.description);
    assert_eq!(tickets(&desk).await.len(), 2);
}

#[tokio::test]
async fn mainland_numbers_set_in_the_configuration_reach_every_language() {
    let desk = TestDesk::start_with(|s| {
        s.emergency.fire = "119".into();
        s.emergency.police = "110".into();
        s.emergency.ambulance = "120".into();
    })
    .await;
    let wang = wang(&desk).await;
    desk.emu
        .send_text(&wang, "楼下有人打架，有人受伤流血，快来");
    let reply = desk
        .expect_message(&wang, &opening(Lang::ZhHans, "emergency-opened"))
        .await;
    assert!(reply.body().contains("拨打 110"), "{}", reply.body());
    assert!(reply.body().contains("拨打 120"), "{}", reply.body());
    assert!(!reply.body().contains("拨打 999"), "{}", reply.body());
}

#[tokio::test]
async fn someone_not_registered_reporting_a_fire_gets_the_advice_and_staff_are_alerted() {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    let wong = desk.person("desk");
    let lang = Lang::En;
    let stranger = desk.stranger(4242, "Visitor", "en");

    desk.emu
        .send_text(&stranger, "There is a fire in block 3, lots of smoke!");
    let reply = emergency_reply(&desk, &stranger, lang, "safety-security").await;
    assert!(reply.body().contains(&desk.settings.emergency.fire));
    let number = number_in(reply.body());
    let alert = desk.expect_message(&lee, &number).await;
    assert!(alert.body().contains("Visitor"), "{}", alert.body());
    assert!(
        alert
            .body()
            .contains(&text(Lang::En, "reporter-unregistered")),
        "{}",
        alert.body()
    );
    desk.expect_message(&wong, &number).await;
    let row = ticket(&desk, &number).await;
    assert_eq!(row.urgency.as_str(), "emergency");
    assert!(row.description.contains("lots of smoke"));

    // Anything else still asks them to register.
    desk.emu
        .send_text(&stranger, "what are your opening hours?");
    desk.expect_message(&stranger, &text(lang, "not-registered"))
        .await;
}

#[tokio::test]
async fn a_resident_waiting_for_approval_reporting_a_fire_gets_the_advice_and_staff_are_alerted() {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    let ben = desk.person("newcomer");
    desk.emu.send_text(&ben, "/start");
    desk.next_message(&ben).await;
    desk.emu
        .send_contact(&ben, desk.phone_of("newcomer"), Some(ben.id));
    desk.expect_message(&ben, &opening(Lang::En, "ask-unit"))
        .await;

    // Asked for his unit, he reports a fire instead: an emergency, and the
    // question of the unit still waits.
    desk.emu.send_text(&ben, "3座有火警，好大煙！");
    let reply = emergency_reply(&desk, &ben, Lang::En, "safety-security").await;
    let number = number_in(reply.body());
    let alert = desk.expect_message(&lee, &number).await;
    assert!(alert.body().contains("Ben"), "{}", alert.body());
    assert!(
        alert.body().contains("6000"),
        "the phone he shared: {}",
        alert.body()
    );
    desk.expect_message(&ben, &text(Lang::En, "emergency-kept-unit"))
        .await;
    desk.emu.send_text(&ben, "Block 3 Flat 1503");
    desk.expect_message(&ben, "3-1503").await;

    // Pending approval, a fire is still an emergency.
    desk.emu.send_text(
        &ben,
        "Fire in the lift lobby of block 3, the smoke is getting worse!",
    );
    let reply = emergency_reply(&desk, &ben, Lang::En, "safety-security").await;
    let second = number_in(reply.body());
    assert_ne!(second, number);
    desk.expect_message(&lee, &second).await;
}

#[tokio::test]
async fn a_bare_fire_in_a_corridor_is_an_emergency_for_a_resident_and_for_a_stranger() {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    let amy = amy(&desk).await;
    let stranger = desk.stranger(4343, "Passer", "zh-hk");

    for (user, lang, words) in [
        (&amy, Lang::ZhHant, "3座走廊有火，好大煙！"),
        (&stranger, Lang::ZhHant, "3座走廊有火！"),
    ] {
        desk.emu.send_text(user, words);
        let reply = emergency_reply(&desk, user, lang, "safety-security").await;
        let number = number_in(reply.body());
        desk.expect_message(&lee, &number).await;
        let row = ticket(&desk, &number).await;
        assert_eq!(
            (row.urgency.as_str(), row.category.as_str()),
            ("emergency", "security")
        );
    }
}
