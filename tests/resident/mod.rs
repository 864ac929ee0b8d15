//! Helpers for the residents' end-to-end tests: registering, finding the
//! card, pressing its buttons by their label.
#![allow(dead_code)]

use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, CallbackAnswer, TgUser};
use residesk::store;
use residesk::store::tickets::TicketRow;

use crate::common::{TestDesk, WAIT, opening, text};

/// Amy, 3-1502, writes in Hong Kong Chinese.
pub const AMY: (&str, &str) = ("resident", "+852 9123 4567");
/// Tam, 3-1503, writes in English.
pub const TAM: (i64, &str, &str, &str) = (1003, "Tam", "en", "+852 9222 3333");
/// 王芳, 5-802, writes in Simplified Chinese.
pub const WANG: (i64, &str, &str, &str) = (1005, "王芳", "zh-cn", "+86 138 0013 8000");

/// Registers a person by sharing their phone and waits until they are bound.
pub async fn register(desk: &TestDesk, user: &TgUser, phone: &str, unit: &str) {
    desk.emu.send_text(user, "/start");
    desk.next_message(user).await;
    desk.emu.send_contact(user, phone, Some(user.id));
    desk.expect_message(user, unit).await;
}

/// Amy, registered.
pub async fn amy(desk: &TestDesk) -> TgUser {
    let amy = desk.person(AMY.0);
    register(desk, &amy, AMY.1, "3-1502").await;
    amy
}

/// Tam, registered.
pub async fn tam(desk: &TestDesk) -> TgUser {
    let tam = desk.stranger(TAM.0, TAM.1, TAM.2);
    register(desk, &tam, TAM.3, "3-1503").await;
    tam
}

/// 王芳, registered.
pub async fn wang(desk: &TestDesk) -> TgUser {
    let wang = desk.stranger(WANG.0, WANG.1, WANG.2);
    register(desk, &wang, WANG.3, "5-802").await;
    wang
}

/// A staff member is on duty (staff start on duty).
pub async fn on_duty(desk: &TestDesk, staff: &TgUser, lang: Lang) {
    if !is_on_duty(desk, staff).await {
        desk.emu.send_text(staff, "/duty on");
        desk.expect_message(staff, &opening(lang, "duty-on")).await;
    }
}

/// A staff member is off duty.
pub async fn off_duty(desk: &TestDesk, staff: &TgUser, lang: Lang) {
    if is_on_duty(desk, staff).await {
        desk.emu.send_text(staff, "/duty off");
        desk.expect_message(staff, &opening(lang, "duty-off")).await;
    }
}

async fn is_on_duty(desk: &TestDesk, staff: &TgUser) -> bool {
    let db = desk.db().await;
    store::users::get(db.pool(), staff.id)
        .await
        .expect("query")
        .is_some_and(|u| u.on_duty)
}

/// Waits for the confirmation card.
pub async fn card(desk: &TestDesk, user: &TgUser, lang: Lang) -> BotMessage {
    desk.expect_message(user, &opening(lang, "draft-card"))
        .await
}

/// Presses the button with the label of prompt `key` and waits for the answer.
pub async fn press(
    desk: &TestDesk,
    user: &TgUser,
    message: &BotMessage,
    lang: Lang,
    key: &str,
) -> CallbackAnswer {
    let label = text(lang, key);
    let data = message
        .button(&label)
        .unwrap_or_else(|| panic!("no button {label:?} under {:?}", message.body()))
        .callback_data
        .clone()
        .expect("an inline button");
    press_data(desk, user, message, &data).await
}

/// Presses a button with any data (forged ones too) and waits for the answer.
pub async fn press_data(
    desk: &TestDesk,
    user: &TgUser,
    message: &BotMessage,
    data: &str,
) -> CallbackAnswer {
    let query = desk.emu.press(user, user.id, message.message_id, data);
    desk.emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .unwrap_or_else(|| panic!("the bot did not answer the button {data:?}"))
}

/// The ticket with this number.
pub async fn ticket(desk: &TestDesk, number: &str) -> TicketRow {
    let db = desk.db().await;
    store::tickets::by_number(db.pool(), number)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("no ticket {number}"))
}

/// How many photos a ticket has (the read transaction is closed again, so
/// the bot is not kept from writing).
pub async fn photo_count(desk: &TestDesk, ticket_id: i64) -> usize {
    let db = desk.db().await;
    let mut tx = db.begin().await.expect("begin");
    let photos = store::tickets::photos(&mut tx, ticket_id)
        .await
        .expect("query");
    tx.rollback().await.expect("rollback");
    photos.len()
}

/// Every ticket, oldest first.
pub async fn tickets(desk: &TestDesk) -> Vec<TicketRow> {
    let db = desk.db().await;
    let mut all = store::tickets::open(db.pool(), None, None, 1000)
        .await
        .expect("query");
    all.sort_by_key(|t| t.id);
    all
}

/// The first ticket number in a text (`R-0001` …).
pub fn number_in(body: &str) -> String {
    body.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .find(|w| {
            w.len() >= 6
                && w.as_bytes()[1] == b'-'
                && "RCBQSP".contains(w.as_bytes()[0] as char)
                && w[2..].chars().all(|c| c.is_ascii_digit())
        })
        .unwrap_or_else(|| panic!("no ticket number in {body:?}"))
        .to_owned()
}
