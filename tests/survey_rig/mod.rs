//! What the survey and notice end-to-end tests share: many residents bound
//! to units as onboarding would leave them, the example survey imported, a
//! supervisor pressing a campaign's buttons, residents answering.
#![allow(dead_code)]

use chrono::Utc;
use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, CallbackAnswer, TgUser};
use residesk::store::{self, Db};

use crate::common::{TestDesk, WAIT};

/// The Telegram language code of a language.
pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHant => "zh-hk",
        Lang::ZhHans => "zh-cn",
        Lang::En => "en",
    }
}

/// A resident with id `id` bound to `building`-`flat`, speaking `lang`.
pub async fn resident(
    desk: &TestDesk,
    db: &Db,
    id: i64,
    building: &str,
    flat: &str,
    lang: Lang,
) -> TgUser {
    let name = format!("R{id}");
    let user = desk.stranger(id, &name, code(lang));
    add_resident(db, id, building, flat, lang).await;
    user
}

/// The database side of [`resident`], without a scripted Telegram user.
pub async fn add_resident(db: &Db, id: i64, building: &str, flat: &str, lang: Lang) {
    let now = Utc::now();
    let name = format!("R{id}");
    store::users::upsert_seen(db.pool(), id, id, &name, None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), id, lang.tag())
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    let unit = store::units::upsert(&mut tx, building, flat).await.unwrap();
    store::units::bind(&mut tx, id, unit.id, "phone", now)
        .await
        .unwrap();
    store::users::set_role(
        &mut tx,
        id,
        residesk::domain::role::Role::Resident,
        None,
        now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// The example survey (`examples/survey.toml`) imported as a draft, with
/// `adjust` applied to what the file says; returns its number.
pub async fn import_example(
    db: &Db,
    adjust: impl FnOnce(&mut residesk::domain::survey_file::Imported),
) -> i64 {
    let source = include_str!("../../examples/survey.toml");
    let mut imported =
        residesk::domain::survey_file::parse(source, chrono_tz::Asia::Hong_Kong).unwrap();
    adjust(&mut imported);
    residesk::admin::import_survey(db, &imported, Utc::now())
        .await
        .unwrap()
}

/// Presses the button labelled `label` (exactly) under `message`.
pub fn press(desk: &TestDesk, user: &TgUser, message: &BotMessage, label: &str) -> String {
    let button = message.button(label).unwrap_or_else(|| {
        panic!(
            "no button {label:?} under {:?}; buttons: {:?}",
            message.body(),
            message
                .buttons()
                .map(|b| b.text.clone())
                .collect::<Vec<_>>()
        )
    });
    let data = button.callback_data.clone().expect("an inline button");
    desk.emu.press(user, user.id, message.message_id, &data)
}

/// Presses the button whose label contains `needle`.
pub fn press_containing(
    desk: &TestDesk,
    user: &TgUser,
    message: &BotMessage,
    needle: &str,
) -> String {
    let label = message
        .buttons()
        .find(|b| b.text.contains(needle))
        .unwrap_or_else(|| {
            panic!(
                "no button with {needle:?} under {:?}; buttons: {:?}",
                message.body(),
                message
                    .buttons()
                    .map(|b| b.text.clone())
                    .collect::<Vec<_>>()
            )
        })
        .text
        .clone();
    press(desk, user, message, &label)
}

/// Waits for the bot's answer to a press.
pub async fn answer_of(desk: &TestDesk, query: &str) -> CallbackAnswer {
    desk.emu
        .wait_for_callback_answer(query, WAIT)
        .await
        .expect("the press is answered")
}

/// The current state of a message.
pub fn current(desk: &TestDesk, user: &TgUser, message: &BotMessage) -> BotMessage {
    desk.emu
        .bot_message(user.id, message.message_id)
        .expect("the message is still there")
}

/// Waits for a message to `user` with a button labelled `label`.
pub async fn with_button(desk: &TestDesk, user: &TgUser, label: &str) -> BotMessage {
    desk.emu
        .wait_for_message(user.id, |m| m.button(label).is_some(), WAIT)
        .await
        .unwrap_or_else(|| {
            panic!(
                "no message to {} with the button {label:?}; buttons: {:?}",
                user.first_name,
                desk.emu
                    .bot_messages(user.id)
                    .iter()
                    .map(|m| m.buttons().map(|b| b.text.clone()).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            )
        })
}

/// Many residents at once (ids `ids`, flat = id, building by `building`),
/// in one transaction, each also a scripted Telegram user.
pub async fn add_many(
    desk_emu: &residesk::emulator::Emulator,
    db: &Db,
    ids: std::ops::Range<i64>,
    building: impl Fn(i64) -> String,
) {
    let now = Utc::now();
    let mut tx = db.begin().await.unwrap();
    for id in ids {
        let lang = Lang::ALL[usize::try_from(id).unwrap() % 3];
        desk_emu.user(id, &format!("R{id}"), Some(code(lang)));
        sqlx::query(
            "INSERT INTO users (id, chat_id, first_name, lang, role, created_at, updated_at)
             VALUES (?1, ?1, ?2, ?3, 'resident', ?4, ?4)",
        )
        .bind(id)
        .bind(format!("R{id}"))
        .bind(lang.tag())
        .bind(now)
        .execute(&mut *tx)
        .await
        .unwrap();
        let unit = store::units::upsert(&mut tx, &building(id), &id.to_string())
            .await
            .unwrap();
        store::units::bind(&mut tx, id, unit.id, "phone", now)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

/// Sends a campaign as a supervisor's confirmed Send does.
pub async fn send_now(desk: &TestDesk, db: &Db, id: i64) {
    let mut tx = db.begin().await.unwrap();
    residesk::desk::campaign::send(&mut tx, id, desk.person("supervisor").id, None, Utc::now())
        .await
        .unwrap()
        .expect("a draft is sent");
    tx.commit().await.unwrap();
}
