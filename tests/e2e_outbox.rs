//! Durable sending end to end: pacing, 429 pauses, retries, blocked users, and
//! `kill -9` in the middle of a queue of 200.

mod common;

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use common::{TestDesk, WAIT, eventually};
use residesk::emulator::{Emulator, Fault, RecordedRequest};
use residesk::outbox::{self, OutMessage};
use residesk::store::{self, Db};

/// Queues `per_chat` messages to each chat, registering the chats as people.
async fn queue(db: &Db, emu: &Emulator, chats: std::ops::Range<i64>, per_chat: usize) {
    let now = Utc::now();
    for chat in chats.clone() {
        emu.user(chat, "Reader", Some("en"));
        store::users::upsert_seen(db.pool(), chat, chat, "Reader", None, now)
            .await
            .unwrap();
    }
    let mut tx = db.begin().await.unwrap();
    for chat in chats {
        for n in 0..per_chat {
            let message = OutMessage::text(format!("notice {n} for {chat}"));
            outbox::enqueue(&mut tx, chat, &message, now).await.unwrap();
        }
    }
    tx.commit().await.unwrap();
}

fn delivered(emu: &Emulator) -> Vec<RecordedRequest> {
    emu.requests_for("sendMessage")
        .into_iter()
        .filter(|r| r.status == Some(200))
        .collect()
}

#[tokio::test]
async fn the_sender_keeps_to_the_overall_and_per_chat_rates() {
    let desk = TestDesk::start_with(|s| {
        s.sending.global_per_second = 5;
        s.sending.per_chat_interval = Duration::from_secs(1);
    })
    .await;
    let db = desk.db().await;
    queue(&db, &desk.emu, 7001..7009, 3).await;
    let sent = eventually(|| Some(delivered(&desk.emu)).filter(|d| d.len() >= 24)).await;
    assert_eq!(sent.len(), 24, "each message once");

    let times: Vec<Instant> = sent.iter().map(|r| r.at).collect();
    // Any window a little under a second holds at most 5 (the margin is for
    // the scheduling jitter between sending and arrival on a busy machine).
    let window = Duration::from_millis(900);
    for (i, start) in times.iter().enumerate() {
        let in_window = times[i..]
            .iter()
            .take_while(|t| t.duration_since(*start) < window)
            .count();
        assert!(in_window <= 5, "{in_window} messages within {window:?}");
    }
    let mut by_chat: HashMap<i64, Vec<Instant>> = HashMap::new();
    for r in &sent {
        by_chat.entry(r.chat_id().unwrap()).or_default().push(r.at);
    }
    for (chat, times) in by_chat {
        assert_eq!(times.len(), 3);
        for pair in times.windows(2) {
            let gap = pair[1].duration_since(pair[0]);
            assert!(
                gap >= Duration::from_millis(950),
                "chat {chat}: {gap:?} between messages"
            );
        }
    }
}

#[tokio::test]
async fn a_429_pauses_all_sending_for_retry_after_and_every_message_arrives_once() {
    let desk = TestDesk::start_with(|s| s.sending.global_per_second = 5).await;
    desk.emu
        .inject(Fault::RetryAfter(2), Some("sendMessage"), 1);
    let db = desk.db().await;
    queue(&db, &desk.emu, 7101..7116, 1).await;
    eventually(|| Some(delivered(&desk.emu)).filter(|d| d.len() >= 15)).await;

    let all = desk.emu.requests_for("sendMessage");
    let limited = all
        .iter()
        .find(|r| r.status == Some(429))
        .expect("one request got 429");
    // Requests already under way when the 429 came back may still arrive.
    let quiet_from = limited.at + Duration::from_millis(500);
    let quiet_to = limited.at + Duration::from_millis(1900);
    let during: Vec<_> = all
        .iter()
        .filter(|r| r.at > quiet_from && r.at < quiet_to)
        .collect();
    assert!(
        during.is_empty(),
        "{} requests during the pause",
        during.len()
    );
    for chat in 7101..7116 {
        assert_eq!(
            desk.emu.bot_messages(chat).len(),
            1,
            "chat {chat} got its message once"
        );
    }
}

#[tokio::test]
async fn a_server_error_is_retried_and_the_message_arrives_once() {
    let desk = TestDesk::start().await;
    desk.emu
        .inject(Fault::ServerError(502), Some("sendMessage"), 1);
    let db = desk.db().await;
    queue(&db, &desk.emu, 7201..7202, 1).await;
    eventually(|| Some(desk.emu.bot_messages(7201)).filter(|m| !m.is_empty())).await;
    // Once the outbox holds nothing pending, nothing more can go out: the
    // count that arrived is final.
    let (pending, sent, failed) = tokio::time::timeout(WAIT, async {
        loop {
            let counts = store::outbox::counts(db.pool()).await.unwrap();
            if counts.0 == 0 {
                return counts;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the queue drains");
    assert_eq!((pending, failed), (0, 0));
    assert!(sent >= 1);
    assert_eq!(desk.emu.bot_messages(7201).len(), 1);
}

#[tokio::test]
async fn a_403_marks_the_user_blocked_and_gives_the_message_up() {
    let desk = TestDesk::start().await;
    desk.emu.block_chat(7301);
    let db = desk.db().await;
    queue(&db, &desk.emu, 7301..7303, 1).await;
    let blocked = tokio::time::timeout(WAIT, async {
        loop {
            let u = store::users::get(db.pool(), 7301).await.unwrap().unwrap();
            if u.blocked_at.is_some() {
                return u;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .expect("the user is marked blocked");
    assert!(blocked.blocked_at.is_some());
    eventually(|| Some(desk.emu.bot_messages(7302)).filter(|m| !m.is_empty())).await;
    let other = store::users::get(db.pool(), 7302).await.unwrap().unwrap();
    assert!(other.blocked_at.is_none());
    settles_at(&db, 0, 1, "one given up, the other sent").await;
}

fn start_binary(emu: &Emulator, dir: &tempfile::TempDir) -> Child {
    Command::new(env!("CARGO_BIN_EXE_residesk"))
        .arg("run")
        .current_dir(dir.path())
        .env("TELOXIDE_TOKEN", emu.token())
        .env("TELOXIDE_API_URL", emu.api_url().as_str())
        .env("RESIDESK_DATABASE", dir.path().join("residesk.db"))
        .env("RESIDESK_SENDING__IDLE_POLL", "\"50ms\"")
        .env("RESIDESK_SENDING__PER_CHAT_INTERVAL", "\"50ms\"")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the residesk binary starts")
}

#[tokio::test]
async fn two_hundred_queued_messages_survive_kill_9() {
    let emu = Emulator::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("residesk.db")).await.unwrap();
    queue(&db, &emu, 8000..8200, 1).await;

    let mut bot = start_binary(&emu, &dir);
    let before = eventually(|| Some(delivered(&emu).len()).filter(|n| *n >= 40)).await;
    bot.kill().expect("kill -9");
    bot.wait().unwrap();
    assert!(before < 200, "the kill came before the end ({before} sent)");

    let mut bot = start_binary(&emu, &dir);
    let deadline = Instant::now() + Duration::from_secs(60);
    let missing = loop {
        let missing: Vec<i64> = (8000..8200)
            .filter(|c| emu.bot_messages(*c).is_empty())
            .collect();
        if missing.is_empty() || Instant::now() > deadline {
            break missing;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    bot.kill().unwrap();
    bot.wait().unwrap();
    assert!(missing.is_empty(), "never arrived: {missing:?}");
    let twice: usize = (8000..8200)
        .map(|c| emu.bot_messages(c).len().saturating_sub(1))
        .sum();
    println!("200 messages, killed after {before}; {twice} arrived twice");
    assert!(twice <= 5, "{twice} messages arrived twice");
}

#[tokio::test]
async fn stored_files_go_out_as_uploaded_documents_and_photos() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let chat = 7101;
    desk.emu.user(chat, "Reader", Some("en"));
    let now = Utc::now();
    store::users::upsert_seen(db.pool(), chat, chat, "Reader", None, now)
        .await
        .unwrap();
    let chart = residesk::chart::bar_png(&residesk::chart::BarChart {
        title: "分類 by category".into(),
        labels: vec!["水喉 plumbing".into()],
        series: vec![residesk::chart::Series::new("本月", vec![3.0])],
        decimals: 0,
    })
    .unwrap();
    let workbook: Vec<u8> = b"PK\x03\x04 not really a workbook".to_vec();
    let mut tx = db.begin().await.unwrap();
    let picture = outbox::store_file(&mut tx, "chart.png", "image/png", &chart, now)
        .await
        .unwrap();
    let document = outbox::store_file(
        &mut tx,
        "報告 2026-11.xlsx",
        "application/x",
        &workbook,
        now,
    )
    .await
    .unwrap();
    let gone = document + 100;
    for message in [
        OutMessage::photo_file(picture, "圖表 chart"),
        OutMessage::document(document, "報告 report"),
        OutMessage::document(gone, "never sent"),
        OutMessage::text("after the files"),
    ] {
        outbox::enqueue(&mut tx, chat, &message, now).await.unwrap();
    }
    tx.commit().await.unwrap();

    let messages = eventually(|| Some(desk.emu.bot_messages(chat)).filter(|m| m.len() >= 3)).await;
    assert_eq!(messages.len(), 3, "{messages:?}");
    let photo = messages[0].photo.clone().expect("a photo");
    assert_eq!(messages[0].caption.as_deref(), Some("圖表 chart"));
    assert_eq!(desk.emu.file(&photo).expect("stored").bytes, chart);
    let doc = messages[1].document.clone().expect("a document");
    assert_eq!(messages[1].caption.as_deref(), Some("報告 report"));
    let stored = desk.emu.file(&doc).expect("stored");
    assert_eq!(stored.bytes, workbook);
    assert_eq!(stored.file_name.as_deref(), Some("報告 2026-11.xlsx"));
    assert_eq!(messages[2].text.as_deref(), Some("after the files"));
    settles_at(&db, 0, 1, "the missing file is given up").await;
}

/// Waits until the outbox holds `pending` and `failed` rows: a send is
/// recorded just after Telegram has it, so a message can be seen before its
/// mark is committed.
async fn settles_at(db: &residesk::store::Db, pending: i64, failed: i64, why: &str) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let (p, _, f) = store::outbox::counts(db.pool()).await.unwrap();
        if (p, f) == (pending, failed) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{why}: pending {p}, failed {f}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
