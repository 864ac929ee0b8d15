//! Outbox lanes and fairness end to end: an emergency goes before a long bulk
//! queue, chats take turns, and paid broadcasts are a setting.

mod common;
mod resident;

use chrono::Utc;
use common::{TestDesk, eventually};
use resident::{amy, number_in, on_duty};
use residesk::domain::lang::Lang;
use residesk::emulator::{Emulator, RecordedRequest};
use residesk::outbox::{self, Lane, OutMessage};
use residesk::store::{self, Db};

/// Queues `count` bulk messages to a new chat.
async fn queue_bulk(db: &Db, emu: &Emulator, chat: i64, count: usize) {
    let now = Utc::now();
    emu.user(chat, "Reader", Some("en"));
    store::users::upsert_seen(db.pool(), chat, chat, "Reader", None, now)
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    for n in 0..count {
        let message = OutMessage::text(format!("bulletin {n}"));
        outbox::enqueue_in(&mut tx, chat, &message, Lane::Bulk, now, now)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

/// Delivered messages, in the order they reached Telegram.
fn delivered(emu: &Emulator) -> Vec<RecordedRequest> {
    let mut sent: Vec<_> = emu
        .requests()
        .into_iter()
        .filter(|r| r.method.starts_with("send") && r.status == Some(200))
        .collect();
    sent.sort_by_key(|r| r.at);
    sent
}

#[tokio::test]
async fn an_emergency_goes_before_500_bulk_messages_queued_for_another_chat() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let lee = desk.person("supervisor");
    on_duty(&desk, &chan, Lang::ZhHant).await;
    let amy = amy(&desk).await;
    let db = desk.db().await;
    let reader = 9_100;
    queue_bulk(&db, &desk.emu, reader, 500).await;
    // The bulk queue is flowing at the overall limit.
    eventually(|| Some(desk.emu.bot_messages(reader).len()).filter(|n| *n >= 30)).await;

    desk.emu.send_text(&amy, "有煤氣味！好大陣");
    let advice = desk.expect_message(&amy, "R-").await;
    desk.expect_message(&chan, "R-").await;
    desk.expect_message(&lee, "R-").await;
    let bulk_left = 500 - desk.emu.bot_messages(reader).len();
    assert!(
        bulk_left > 100,
        "the bulk queue was still long ({bulk_left} left)"
    );

    // The emergency's messages (the advice, the assignee's card, the
    // supervisor's alert) took the next send slots one after another: at
    // most one bulk message (already under way) slipped between them.
    let sent = delivered(&desk.emu);
    let number = number_in(advice.body());
    let emergency: Vec<usize> = sent
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            let ours = [amy.id, chan.id, lee.id].map(Some).contains(&r.chat_id());
            let body = r.param_str("text").or_else(|| r.param_str("caption"));
            ours && body.is_some_and(|b| b.contains(&number))
        })
        .map(|(i, _)| i)
        .collect();
    assert!(
        emergency.len() >= 3,
        "{} emergency messages",
        emergency.len()
    );
    let (first, last) = (emergency[0], emergency[emergency.len() - 1]);
    let between = sent[first..=last]
        .iter()
        .filter(|r| r.chat_id() == Some(reader))
        .count();
    assert!(
        between <= 1,
        "{between} bulk messages went between the emergency's {} messages",
        emergency.len()
    );
    // And the bulk queue goes on afterwards, in order.
    eventually(|| Some(desk.emu.bot_messages(reader).len()).filter(|n| *n >= 500 - bulk_left + 10))
        .await;
    let texts: Vec<String> = desk
        .emu
        .bot_messages(reader)
        .iter()
        .map(|m| m.body().to_owned())
        .collect();
    for (n, text) in texts.iter().enumerate() {
        assert_eq!(
            text,
            &format!("bulletin {n}"),
            "bulk messages keep their order"
        );
    }
}

#[tokio::test]
async fn chats_take_turns_so_one_long_queue_does_not_hold_up_the_others() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    queue_bulk(&db, &desk.emu, 9_200, 500).await;
    eventually(|| Some(desk.emu.bot_messages(9_200).len()).filter(|n| *n >= 10)).await;
    for chat in 9_201..9_211 {
        queue_bulk(&db, &desk.emu, chat, 1).await;
    }
    let before = desk.emu.bot_messages(9_200).len();
    eventually(|| {
        (9_201..9_211)
            .all(|c| !desk.emu.bot_messages(c).is_empty())
            .then_some(())
    })
    .await;
    // Taking turns, the long queue gets about one message per other chat
    // (plus those sent before the new rows were read).
    let meanwhile = desk.emu.bot_messages(9_200).len() - before;
    assert!(
        meanwhile <= 16,
        "the long queue sent {meanwhile} while ten chats waited for one each"
    );
}

#[tokio::test]
async fn bulk_messages_are_paid_broadcasts_only_when_the_setting_is_on() {
    for paid in [false, true] {
        let desk = TestDesk::start_with(|s| s.sending.allow_paid_broadcast = paid).await;
        let db = desk.db().await;
        queue_bulk(&db, &desk.emu, 9_300, 3).await;
        let now = Utc::now();
        let mut tx = db.begin().await.unwrap();
        outbox::enqueue(&mut tx, 9_300, &OutMessage::text("reply"), now)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        eventually(|| Some(desk.emu.bot_messages(9_300)).filter(|m| m.len() >= 4)).await;
        for r in desk.emu.requests_for("sendMessage") {
            let flagged = r.params.get("allow_paid_broadcast") == Some(&serde_json::json!(true));
            let bulk = r
                .param_str("text")
                .is_some_and(|t| t.starts_with("bulletin"));
            assert_eq!(flagged, paid && bulk, "{:?}", r.param_str("text"));
        }
    }
}
