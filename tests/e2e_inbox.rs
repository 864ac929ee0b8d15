//! The durable inbox end to end: every update is stored and marked done with
//! what it changed, one that keeps failing is set aside without blocking its
//! chat, and old rows are pruned.

mod common;
mod resident;

use std::time::Duration;

use common::{TestDesk, WAIT, opening, text};
use resident::{amy, card, press, tickets};
use residesk::domain::lang::Lang;
use residesk::emulator::Fault;
use residesk::store;

#[tokio::test]
async fn every_update_is_stored_and_marked_done_once_handled() {
    let desk = TestDesk::start().await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;
    desk.emu.send_text(&amy, "廚房水喉漏水");
    let card = card(&desk, &amy, lang).await;
    press(&desk, &amy, &card, lang, "button-draft-confirm").await;
    desk.expect_message(&amy, &opening(lang, "draft-confirmed"))
        .await;

    let db = desk.db().await;
    // /start, the contact, the message and the press.
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let (pending, done, failed) = store::inbox::counts(db.pool()).await.unwrap();
        if done == 4 {
            assert_eq!((pending, failed), (0, 0));
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "inbox: {pending} pending, {done} done, {failed} set aside"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        desk.emu.pending_updates(),
        0,
        "all acknowledged to Telegram"
    );
    assert_eq!(tickets(&desk).await.len(), 1);
}

#[tokio::test]
async fn a_failing_update_is_tried_again_then_set_aside_and_the_supervisors_told_while_its_chat_goes_on()
 {
    let desk = TestDesk::start_with(|s| {
        s.inbox.max_attempts = 3;
        s.inbox.retry_initial = Duration::from_millis(50);
    })
    .await;
    let amy = amy(&desk).await;
    let lee = desk.person("supervisor");
    desk.emu
        .wait_until_quiet(Duration::from_millis(300), WAIT)
        .await;
    let lang = Lang::ZhHant;

    // Every reply to the first /help fails: Telegram refuses it three times
    // (a 429 would not do: the sender waits those out and the reply arrives).
    desk.emu
        .inject(Fault::ServerError(400), Some("sendMessage"), 3);
    desk.emu.send_text(&amy, "/help");
    // Queued behind the failing one in the same chat.
    desk.emu.send_text(&amy, "/my");

    let report = desk.expect_message(&lee, "/help").await;
    assert!(report.body().contains("Amy"), "{}", report.body());
    // The chat went on: /my was answered after the set-aside /help.
    desk.expect_message(&amy, &opening(lang, "my-none")).await;

    let db = desk.db().await;
    let (pending, _, failed) = store::inbox::counts(db.pool()).await.unwrap();
    assert_eq!((pending, failed), (0, 1));
    // The failed update was never half-answered.
    let help = text(lang, "help-resident");
    let first_line = help.lines().next().unwrap();
    assert!(
        desk.emu
            .bot_messages(amy.id)
            .iter()
            .all(|m| !m.body().contains(first_line)),
        "the set-aside /help was not answered"
    );

    // A later /help is answered as usual.
    desk.emu.send_text(&amy, "/help");
    desk.expect_message(&amy, first_line).await;
}

#[tokio::test]
async fn handled_updates_older_than_the_retention_are_pruned_at_start() {
    let mut desk = TestDesk::start_with(|s| s.inbox.retention = Duration::from_millis(1)).await;
    let amy = amy(&desk).await;
    desk.emu.send_text(&amy, "/help");
    desk.next_message(&amy).await;
    let db = desk.db().await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while store::inbox::counts(db.pool()).await.unwrap().1 < 3 {
        assert!(tokio::time::Instant::now() < deadline, "updates handled");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    desk.restart().await;
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let (pending, done, failed) = store::inbox::counts(db.pool()).await.unwrap();
        // The newest row stays: polling goes on after it.
        if (pending, done, failed) == (0, 1, 0) {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "left: {pending} pending, {done} done, {failed} set aside"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Polling goes on after the newest: nothing is handled twice.
    desk.emu.send_text(&amy, "/my");
    desk.expect_message(&amy, &opening(Lang::ZhHant, "my-none"))
        .await;
    desk.emu
        .wait_until_quiet(Duration::from_millis(300), WAIT)
        .await;
    let first_line = text(Lang::ZhHant, "help-resident");
    let first_line = first_line.lines().next().unwrap();
    let helps = desk
        .emu
        .bot_messages(amy.id)
        .iter()
        .filter(|m| m.body().contains(first_line))
        .count();
    assert_eq!(helps, 1, "the /help before the restart was answered once");
}
