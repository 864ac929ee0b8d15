//! A resident's tickets end to end: `/my`, a ticket's history, adding
//! information, cancelling; and nobody reads or touches another unit's ticket,
//! forged buttons included.

mod common;
mod resident;

use common::{TestDesk, WAIT, opening, text};
use resident::{amy, card, number_in, on_duty, press, press_data, tam, ticket};
use residesk::domain::lang::Lang;
use residesk::domain::ticket::Status;
use residesk::emulator::{BotMessage, TgUser};
use residesk::store;
use residesk::texts::t_args;

/// Amy files a plumbing repair; returns its number.
async fn amys_repair(desk: &TestDesk, amy: &TgUser) -> String {
    let lang = Lang::ZhHant;
    desk.emu.send_text(amy, "廚房水喉漏水");
    let card = card(desk, amy, lang).await;
    press(desk, amy, &card, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(amy, &opening(lang, "draft-confirmed"))
        .await;
    number_in(done.body())
}

/// Presses "cancel" under a ticket and waits for "are you sure?".
async fn ask_to_cancel(
    desk: &TestDesk,
    amy: &TgUser,
    view: &BotMessage,
    lang: Lang,
    number: &str,
) -> BotMessage {
    press(desk, amy, view, lang, "button-cancel-ticket").await;
    let question = opening(lang, "ticket-cancel-ask");
    desk.emu
        .wait_for_message(
            amy.id,
            |m| m.body().starts_with(&question) && m.buttons().next().is_some(),
            WAIT,
        )
        .await
        .filter(|m| m.body().contains(number))
        .expect("the resident is asked to confirm")
}

#[tokio::test]
async fn a_resident_follows_adds_to_and_cancels_their_ticket() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    on_duty(&desk, &chan, Lang::ZhHant).await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;
    let number = amys_repair(&desk, &amy).await;
    desk.expect_message(&chan, &number).await;

    desk.emu.send_text(&amy, "/my");
    let list = desk.expect_message(&amy, &text(lang, "my-title")).await;
    assert!(list.body().contains(&number));
    assert!(list.body().contains(&text(lang, "status-assigned")));
    let view_button = list.button(&number).expect("a button per ticket").clone();
    let view = press_data(
        &desk,
        &amy,
        &list,
        view_button.callback_data.as_deref().unwrap(),
    )
    .await;
    assert_eq!(view.text, None);
    let view = desk
        .expect_message(&amy, &text(lang, "history-created"))
        .await;
    assert!(view.body().contains(&number));

    press(&desk, &amy, &view, lang, "button-add-info").await;
    desk.expect_message(&amy, &number).await;
    desk.emu.send_text(&amy, "下午兩點後有人在家");
    desk.expect_message(&amy, &opening(lang, "addinfo-done"))
        .await;
    desk.expect_message(&chan, "下午兩點後有人在家").await;
    // The next message is a new request again, not another note.
    desk.emu.send_text(&amy, "大堂燈壞咗");
    card(&desk, &amy, lang).await;

    // Cancelling asks first, and "no" keeps the ticket as it is.
    let asked = ask_to_cancel(&desk, &amy, &view, lang, &number).await;
    assert_eq!(ticket(&desk, &number).await.status, Status::Assigned);
    let kept = press(&desk, &amy, &asked, lang, "button-cancel-no").await;
    let stays = t_args(lang, "ticket-kept", &[("number", number.clone().into())]);
    assert_eq!(kept.text.as_deref(), Some(stays.as_str()));
    assert_eq!(ticket(&desk, &number).await.status, Status::Assigned);
    let answered = desk.emu.bot_message(amy.id, asked.message_id).unwrap();
    assert!(
        answered.buttons().next().is_none(),
        "the question is put away"
    );

    let asked = ask_to_cancel(&desk, &amy, &view, lang, &number).await;
    press(&desk, &amy, &asked, lang, "button-cancel-yes").await;
    let cancelled = t_args(
        lang,
        "ticket-cancelled-by-you",
        &[("number", number.clone().into())],
    );
    desk.expect_message(&amy, &cancelled).await;
    let told = t_args(
        Lang::ZhHant,
        "staff-ticket-cancelled",
        &[("number", number.clone().into())],
    );
    desk.expect_message(&chan, &told).await;
    let row = ticket(&desk, &number).await;
    assert_eq!(row.status, Status::Cancelled);
    let db = desk.db().await;
    let history = store::tickets::history(db.pool(), row.id).await.unwrap();
    let actions: Vec<_> = history.iter().map(|h| h.action.as_str()).collect();
    assert_eq!(actions, ["created", "assigned", "note", "cancelled"]);

    // A second "yes" (a double press, or the question pressed again later)
    // is refused and changes nothing.
    let again = press(&desk, &amy, &asked, lang, "button-cancel-yes").await;
    assert!(again.text.unwrap_or_default().contains(&number));
    assert!(again.show_alert);
    let history = store::tickets::history(db.pool(), row.id).await.unwrap();
    assert_eq!(history.len(), 4);

    // A cancelled ticket takes no more additions.
    let again = press(&desk, &amy, &view, lang, "button-add-info").await;
    assert!(again.text.unwrap_or_default().contains(&number));
}

#[tokio::test]
async fn a_resident_cannot_read_or_touch_another_units_ticket() {
    let desk = TestDesk::start().await;
    let amy = amy(&desk).await;
    let tam = tam(&desk).await;
    let number = amys_repair(&desk, &amy).await;
    let row = ticket(&desk, &number).await;
    let db = desk.db().await;
    let history_before = store::tickets::history(db.pool(), row.id)
        .await
        .unwrap()
        .len();

    desk.emu.send_text(&tam, "/my");
    let mine = desk.expect_message(&tam, &text(Lang::En, "my-none")).await;
    assert!(!mine.body().contains(&number));

    let refused = text(Lang::En, "not-allowed");
    for op in ["view", "x", "x!", "keep", "add", "acc", "done", "go"] {
        let data = format!("t:{op}:{}", row.id);
        let answer = press_data(&desk, &tam, &mine, &data).await;
        assert_eq!(answer.text.as_deref(), Some(refused.as_str()), "{data}");
        assert!(answer.show_alert);
    }
    // A ticket that does not exist is refused the same way.
    let answer = press_data(&desk, &tam, &mine, "t:view:999999").await;
    assert_eq!(answer.text.as_deref(), Some(refused.as_str()));

    // Amy's unit cannot be set on Tam's own draft either.
    desk.emu.send_text(&tam, "The corridor light is broken");
    let card = card(&desk, &tam, Lang::En).await;
    let nonce = card
        .buttons()
        .filter_map(|b| b.callback_data.as_deref())
        .find_map(|d| d.strip_prefix("d:").and_then(|d| d.split(':').next()))
        .expect("a draft button")
        .to_owned();
    let amys_unit = row.unit_id.expect("Amy's unit");
    let answer = press_data(&desk, &tam, &card, &format!("d:{nonce}:u:{amys_unit}")).await;
    assert_eq!(answer.text.as_deref(), Some(refused.as_str()));

    let after = ticket(&desk, &number).await;
    assert_eq!(after.status, row.status);
    assert_eq!(
        store::tickets::history(db.pool(), row.id)
            .await
            .unwrap()
            .len(),
        history_before
    );
    let leaked = desk
        .emu
        .bot_messages(tam.id)
        .iter()
        .any(|m| m.body().contains(&number));
    assert!(!leaked, "Tam never reads Amy's ticket");
    let _ = amy;
}
