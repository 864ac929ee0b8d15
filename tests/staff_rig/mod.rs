//! What the staff-side end-to-end tests share: demo people bound or added
//! as onboarding would leave them, tickets opened the way the resident side
//! opens them, and button presses with their answers.
#![allow(dead_code)]

use residesk::desk::{self, NewRequest, Source};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::domain::role::Role;
use residesk::emulator::{BotMessage, CallbackAnswer, TgUser};
use residesk::store::tickets::TicketRow;
use residesk::store::{self, Db};
use residesk::texts::t_args;

use crate::common::{self, TestDesk, WAIT};

/// A 1×1 PNG.
pub fn png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0D, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0,
        0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}

/// Amy, registered for 3-1502 with her phone, as onboarding would leave her.
pub async fn bind_amy(desk: &TestDesk) -> TgUser {
    let amy = desk.person("resident");
    let db = desk.db().await;
    let now = desk.clock.now();
    store::users::upsert_seen(db.pool(), amy.id, amy.id, &amy.first_name, None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), amy.id, Lang::ZhHant.tag())
        .await
        .unwrap();
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .expect("3-1502 is in the demo register");
    let mut tx = db.begin().await.unwrap();
    store::users::set_phone(&mut tx, amy.id, "91234567")
        .await
        .unwrap();
    store::units::bind(&mut tx, amy.id, unit.id, "phone", now)
        .await
        .unwrap();
    store::users::set_role(&mut tx, amy.id, Role::Resident, None, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    amy
}

/// Another staff member of `department`, on duty, speaking `lang`.
pub async fn add_staff(
    desk: &TestDesk,
    id: i64,
    name: &str,
    lang: Lang,
    department: &str,
) -> TgUser {
    let code = match lang {
        Lang::ZhHant => "zh-hk",
        Lang::ZhHans => "zh-cn",
        Lang::En => "en",
    };
    let user = desk.stranger(id, name, code);
    let db = desk.db().await;
    let now = desk.clock.now();
    store::users::upsert_seen(db.pool(), id, id, name, None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), id, lang.tag())
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::users::set_role(&mut tx, id, Role::Staff, Some(department), now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    user
}

/// A confirmed request, opened the way the resident side opens it.
pub async fn open_ticket(
    desk: &TestDesk,
    description: &str,
    category: Category,
    urgency: Urgency,
    resident: Option<i64>,
    photos: Vec<String>,
) -> TicketRow {
    let db = desk.db().await;
    let app = desk.app(&db);
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let request = NewRequest {
        kind: Kind::Repair,
        category,
        urgency,
        unit_id: Some(unit.id),
        resident_id: resident,
        source: Source::Telegram,
        logged_by: None,
        description: description.to_owned(),
        when: None,
        photos,
    };
    let mut tx = db.begin().await.unwrap();
    let opened = desk::open_ticket(&mut tx, &app, request, app.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    opened.ticket
}

pub async fn ticket(db: &Db, id: i64) -> TicketRow {
    store::tickets::read(db.pool(), id).await.unwrap().unwrap()
}

pub async fn history(db: &Db, id: i64) -> Vec<String> {
    store::tickets::history(db.pool(), id)
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.action)
        .collect()
}

/// The callback data of the button labelled `label` under `message`.
pub fn data(message: &BotMessage, label: &str) -> String {
    message
        .button(label)
        .and_then(|b| b.callback_data.clone())
        .unwrap_or_else(|| {
            panic!(
                "no button {label:?} under {:?}; buttons: {:?}",
                message.body(),
                message.buttons().map(|b| &b.text).collect::<Vec<_>>()
            )
        })
}

/// `user` presses `data` under `message` and gets the bot's answer.
pub async fn press(
    desk: &TestDesk,
    user: &TgUser,
    message: &BotMessage,
    data: &str,
) -> CallbackAnswer {
    let query = desk.emu.press(user, user.id, message.message_id, data);
    desk.emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .unwrap_or_else(|| panic!("no answer to {data} from {}", user.first_name))
}

/// Waits until the bot has rewritten `message` (its `edited` count went up).
pub async fn edited(desk: &TestDesk, message: &BotMessage) -> BotMessage {
    let before = message.edited;
    common::eventually(|| {
        desk.emu
            .bot_message(message.chat_id, message.message_id)
            .filter(|m| m.edited > before)
    })
    .await
}

/// A prompt about one ticket, rendered as the bot renders it.
pub fn said(lang: Lang, key: &str, ticket: &TicketRow) -> String {
    t_args(lang, key, &[("number", ticket.number.clone().into())])
}

pub fn labels(message: &BotMessage) -> Vec<String> {
    message.buttons().map(|b| b.text.clone()).collect()
}
