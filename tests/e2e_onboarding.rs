//! Onboarding end to end: residents by phone, staff and supervisors by invite,
//! forged buttons refused, each language served.

mod common;

use std::time::Duration;

use chrono::Utc;
use common::{TestDesk, WAIT, text};
use residesk::admin::create_invite;
use residesk::domain::lang::Lang;
use residesk::domain::role::Role;
use residesk::store;
use residesk::texts::t_args;

#[tokio::test]
async fn a_resident_sharing_their_own_phone_is_bound_to_their_unit() {
    let desk = TestDesk::start().await;
    let amy = desk.person("resident");
    desk.emu.send_text(&amy, "/start");
    let welcome = desk.expect_message(&amy, "住戶服務台").await;
    let keyboard = welcome
        .reply_keyboard
        .expect("a reply keyboard with the contact button");
    assert!(keyboard.rows.iter().flatten().any(|b| b.request_contact));

    desk.emu
        .send_contact(&amy, desk.phone_of("resident"), Some(amy.id));
    let done = desk.expect_message(&amy, "3-1502").await;
    assert!(done.removes_keyboard);

    let db = desk.db().await;
    let units = store::units::of_resident(db.pool(), amy.id).await.unwrap();
    assert_eq!(
        units.iter().map(|u| u.label()).collect::<Vec<_>>(),
        ["3-1502"]
    );
    let user = store::users::get(db.pool(), amy.id).await.unwrap().unwrap();
    assert_eq!(user.role, Some(Role::Resident));
    // The resident's own command menu arrives through the outbox.
    let menu = common::eventually(|| desk.emu.commands_for_chat(amy.id)).await;
    assert!(menu.iter().any(|(c, _)| c == "my"), "{menu:?}");
}

#[tokio::test]
async fn a_forwarded_contact_is_refused_and_nothing_is_bound() {
    let desk = TestDesk::start().await;
    let amy = desk.person("resident");
    desk.emu.send_text(&amy, "/start");
    desk.next_message(&amy).await;
    // Someone else's card (Telegram gives it another user id, or none).
    desk.emu
        .send_contact(&amy, desk.phone_of("resident"), Some(999_999));
    desk.expect_message(&amy, &text(Lang::ZhHant, "contact-not-own"))
        .await;
    let before = desk.emu.version();
    desk.emu.send_contact(&amy, desk.phone_of("resident"), None);
    let refused = text(Lang::ZhHant, "contact-not-own");
    desk.emu
        .wait_for_message_after(amy.id, before, |m| m.body() == refused, WAIT)
        .await
        .expect("the card without a user id is refused too");
    let db = desk.db().await;
    assert!(
        store::units::of_resident(db.pool(), amy.id)
            .await
            .unwrap()
            .is_empty()
    );
    let user = store::users::get(db.pool(), amy.id).await.unwrap().unwrap();
    assert_eq!(user.role, None);
}

#[tokio::test]
async fn an_unknown_phone_goes_to_customer_service_for_approval() {
    let desk = TestDesk::start().await;
    let ben = desk.person("newcomer");
    let wong = desk.person("desk");
    desk.emu.send_text(&ben, "/start");
    desk.next_message(&ben).await;
    desk.emu
        .send_contact(&ben, desk.phone_of("newcomer"), Some(ben.id));
    desk.expect_message(&ben, &text(Lang::En, "ask-unit")).await;

    desk.emu.send_text(&ben, "I live in Block 9 Flat 9Z");
    desk.expect_message(&ben, "9-9Z").await; // not in the register
    desk.emu.send_text(&ben, "Block 3 Flat 1503");
    desk.expect_message(&ben, "3-1503").await;

    let request = desk.expect_message(&wong, "3-1503").await;
    let approve = request.buttons().next().expect("approve button").clone();
    let query = desk.emu.press(
        &wong,
        wong.id,
        request.message_id,
        approve.callback_data.as_deref().unwrap(),
    );
    desk.emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .expect("answered");
    let news = t_args(
        Lang::En,
        "bind-approved",
        &[("unit", "3-1503".into()), ("next", "".into())],
    );
    desk.expect_message(&ben, news.trim()).await;
    let db = desk.db().await;
    let units = store::units::of_resident(db.pool(), ben.id).await.unwrap();
    assert_eq!(
        units.iter().map(|u| u.label()).collect::<Vec<_>>(),
        ["3-1503"]
    );

    // A second press (or a colleague's) does not decide it twice.
    let again = desk.emu.press(
        &wong,
        wong.id,
        request.message_id,
        approve.callback_data.as_deref().unwrap(),
    );
    let answer = desk
        .emu
        .wait_for_callback_answer(&again, WAIT)
        .await
        .unwrap();
    assert_eq!(
        answer.text.as_deref(),
        Some(text(Lang::ZhHant, "bind-already-decided").as_str())
    );
}

#[tokio::test]
async fn a_residents_forged_staff_button_is_refused_and_changes_nothing() {
    let desk = TestDesk::start().await;
    let ben = desk.person("newcomer");
    desk.emu.send_text(&ben, "/start");
    desk.next_message(&ben).await;
    desk.emu
        .send_contact(&ben, desk.phone_of("newcomer"), Some(ben.id));
    desk.expect_message(&ben, &text(Lang::En, "ask-unit")).await;
    desk.emu.send_text(&ben, "3座1503室");
    let pending = desk.expect_message(&ben, "3-1503").await;

    let db = desk.db().await;
    let request = store::units::pending_bind_request_of(db.pool(), ben.id)
        .await
        .unwrap()
        .expect("pending");
    // Ben forges the approve button of his own request on a message he has.
    let forged = format!("bind+:{}", request.id);
    let query = desk.emu.press(&ben, ben.id, pending.message_id, &forged);
    let answer = desk
        .emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .unwrap();
    assert_eq!(
        answer.text.as_deref(),
        Some(text(Lang::En, "not-allowed").as_str())
    );
    let still = store::units::pending_bind_request_of(db.pool(), ben.id)
        .await
        .unwrap();
    assert!(still.is_some(), "the request is still pending");
    assert!(
        store::units::of_resident(db.pool(), ben.id)
            .await
            .unwrap()
            .is_empty()
    );

    // Garbage callback data is answered too.
    let query = desk
        .emu
        .press(&ben, ben.id, pending.message_id, "💥:drop table");
    let answer = desk
        .emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .unwrap();
    assert_eq!(
        answer.text.as_deref(),
        Some(text(Lang::En, "stale-button").as_str())
    );
}

#[tokio::test]
async fn staff_and_supervisors_join_by_invite_codes_that_work_once() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let ttl = Duration::from_secs(3600);
    let staff_code = create_invite(&db, Role::Staff, Some("cleaning"), Utc::now(), ttl)
        .await
        .unwrap();
    let boss_code = create_invite(&db, Role::Supervisor, None, Utc::now(), ttl)
        .await
        .unwrap();

    let kim = desk.stranger(4001, "Kim", "en");
    desk.emu.send_text(&kim, &format!("/start {staff_code}"));
    desk.expect_message(&kim, "Cleaning").await;
    let user = store::users::get(db.pool(), kim.id).await.unwrap().unwrap();
    assert_eq!(
        (user.role, user.department.as_deref()),
        (Some(Role::Staff), Some("cleaning"))
    );

    let mo = desk.stranger(4002, "Mo", "zh-cn");
    desk.emu.send_text(&mo, &format!("/start {boss_code}"));
    desk.expect_message(&mo, "客服主管").await;

    // The same code a second time.
    let eve = desk.stranger(4003, "Eve", "en");
    desk.emu.send_text(&eve, &format!("/start {staff_code}"));
    desk.expect_message(&eve, &text(Lang::En, "invite-used"))
        .await;
    // An expired code, and one that never existed.
    let old = create_invite(
        &db,
        Role::Staff,
        Some("security"),
        Utc::now() - chrono::Duration::hours(2),
        ttl,
    )
    .await
    .unwrap();
    desk.emu.send_text(&eve, &format!("/start {old}"));
    desk.expect_message(&eve, &text(Lang::En, "invite-expired"))
        .await;
    desk.emu.send_text(&eve, "/start NOSUCHCODE");
    desk.expect_message(&eve, &text(Lang::En, "invite-invalid"))
        .await;
    let user = store::users::get(db.pool(), eve.id).await.unwrap().unwrap();
    assert_eq!(user.role, None);
}

#[tokio::test]
async fn each_language_is_served_and_can_be_changed() {
    let desk = TestDesk::start().await;
    for (id, code, lang) in [
        (5001, "zh-hk", Lang::ZhHant),
        (5002, "zh-cn", Lang::ZhHans),
        (5003, "en-GB", Lang::En),
    ] {
        let person = desk.stranger(id, "Pat", code);
        desk.emu.send_text(&person, "/start");
        let office = text(lang, "office-default-name");
        let welcome = t_args(lang, "welcome-new", &[("office", office.into())]);
        desk.expect_message(&person, &welcome).await;
    }
    // /lang switches and remembers.
    let pat = desk.stranger(5001, "Pat", "zh-hk");
    desk.emu.send_text(&pat, "/lang");
    let menu = desk
        .expect_message(&pat, &text(Lang::ZhHant, "lang-choose"))
        .await;
    let english = menu
        .button("English")
        .expect("English button")
        .callback_data
        .clone()
        .unwrap();
    desk.emu.press(&pat, pat.id, menu.message_id, &english);
    desk.expect_message(&pat, "Language set to English").await;
    desk.emu.send_text(&pat, "/help");
    let help = t_args(
        Lang::En,
        "help-guest",
        &[
            ("office", text(Lang::En, "office-default-name").into()),
            ("phone", desk.settings.office.phone.clone().into()),
            ("hours", desk.settings.office.hours.clone().into()),
        ],
    );
    desk.expect_message(&pat, &help).await;
}

#[tokio::test]
async fn an_unknown_command_is_answered_as_one_and_never_taken_for_a_request() {
    let desk = TestDesk::start().await;
    let amy = desk.person("resident");
    desk.emu.send_text(&amy, "/start");
    desk.next_message(&amy).await;
    desk.emu
        .send_contact(&amy, desk.phone_of("resident"), Some(amy.id));
    desk.expect_message(&amy, "3-1502").await;
    desk.emu.send_text(&amy, "/frobnicate the lift");
    desk.expect_message(&amy, &text(Lang::ZhHant, "unknown-command"))
        .await;
    let stranger = desk.stranger(6001, "Sam", "en");
    desk.emu.send_text(&stranger, "/frobnicate");
    desk.expect_message(&stranger, &text(Lang::En, "unknown-command"))
        .await;
    let db = desk.db().await;
    let state: Option<String> = sqlx::query_scalar("SELECT state FROM dialogues WHERE chat_id = ?")
        .bind(amy.id)
        .fetch_optional(db.pool())
        .await
        .unwrap();
    assert!(
        !state.unwrap_or_default().contains("Draft"),
        "no draft was started"
    );
}
