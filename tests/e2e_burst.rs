//! Bursts against Telegram's real limits: the emulator answers 429 past 30
//! messages a second, 1 a second per chat and 20 a minute per group, and
//! the bot runs with the same limits configured. Every reply arrives, at
//! about the overall rate, and the bot provokes at most a handful of 429s.

mod common;
mod staff_rig;

use std::time::{Duration, Instant};

use chrono::Utc;
use common::{TestDesk, eventually, opening, text};
use residesk::desk::{self, NewRequest, Source};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::emulator::{BotMessage, Emulator, Fault, RateLimits, TgUser};
use residesk::store;
use staff_rig::{add_staff, data};

/// People in one burst.
const CROWD: usize = 150;
/// At most this many 429s may the bot provoke in a burst.
const HANDFUL: usize = 5;

/// The desk with Telegram's own limits on both sides.
async fn limited_desk() -> TestDesk {
    let desk = TestDesk::start_with(|s| {
        s.sending.global_per_second = 30;
        s.sending.per_chat_interval = Duration::from_secs(1);
        s.sending.group_per_minute = 20;
        s.sending.idle_poll = Duration::from_millis(200);
    })
    .await;
    desk.emu.enforce_limits(RateLimits::default());
    // Start-up (loading the prompts, training the understanding model) is
    // not part of answering a burst: time from the bot's first poll.
    wait_for("the bot polls", Duration::from_secs(60), || {
        !desk.emu.requests_for("getUpdates").is_empty()
    })
    .await;
    desk
}

/// How long `n` messages take at 30 a second, plus a margin for the
/// handlers' own work on a shared test machine.
fn bound(n: usize) -> Duration {
    Duration::from_secs_f64(n as f64 / 30.0) + Duration::from_secs(3)
}

/// When the last successful request of `method` about one of `chats` arrived.
fn last_arrival(emu: &Emulator, method: &str, chats: &[i64]) -> Instant {
    emu.requests_for(method)
        .into_iter()
        .filter(|r| r.status == Some(200) && r.chat_id().is_some_and(|c| chats.contains(&c)))
        .map(|r| r.at)
        .max()
        .expect("some arrived")
}

async fn wait_for(what: &str, limit: Duration, done: impl Fn() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn a_hundred_and_fifty_residents_writing_at_once_all_get_their_answer() {
    let desk = limited_desk().await;
    let people: Vec<TgUser> = (0..CROWD)
        .map(|n| desk.stranger(20_000 + n as i64, &format!("Resident {n}"), "en"))
        .collect();
    let welcome = opening(Lang::En, "welcome-new");
    let start = Instant::now();
    for person in &people {
        desk.emu.send_text(person, "/start");
    }
    wait_for("every resident answered", Duration::from_secs(60), || {
        people
            .iter()
            .all(|p| !desk.emu.bot_messages(p.id).is_empty())
    })
    .await;
    let chats: Vec<i64> = people.iter().map(|p| p.id).collect();
    let took = last_arrival(&desk.emu, "sendMessage", &chats) - start;
    let refused = desk.emu.rate_limited();
    println!("{CROWD} residents answered in {took:?}; {refused} answers of 429");
    for person in &people {
        let got = desk.emu.bot_messages(person.id);
        assert_eq!(
            got.len(),
            1,
            "{} got {} messages",
            person.first_name,
            got.len()
        );
        assert!(got[0].body().contains(&welcome), "{}", got[0].body());
    }
    assert!(took <= bound(CROWD), "the last answer came after {took:?}");
    assert!(refused <= HANDFUL, "the bot provoked {refused} 429s");
}

/// Opens one ticket per staff member of a fresh department-sized crowd and
/// returns each member with their card.
async fn staff_with_cards(desk: &TestDesk) -> Vec<(TgUser, BotMessage)> {
    let mut staff = Vec::new();
    for n in 0..CROWD {
        let id = 30_000 + n as i64;
        staff.push(add_staff(desk, id, &format!("Fixer {n}"), Lang::En, "greening").await);
    }
    let db = desk.db().await;
    let app = residesk::runtime::app(db.clone(), desk.settings.clone());
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    for n in 0..CROWD {
        let request = NewRequest {
            kind: Kind::Repair,
            category: Category::Greening,
            urgency: Urgency::Normal,
            unit_id: Some(unit.id),
            resident_id: None,
            source: Source::Telegram,
            logged_by: None,
            description: format!("hedge {n} overgrown"),
            when: None,
            photos: Vec::new(),
        };
        desk::open_ticket(&mut tx, &app, request, Utc::now())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let accept = text(Lang::En, "button-accept");
    wait_for("every card delivered", Duration::from_secs(60), || {
        staff.iter().all(|s| {
            desk.emu
                .bot_messages(s.id)
                .iter()
                .any(|m| m.button(&accept).is_some())
        })
    })
    .await;
    staff
        .into_iter()
        .map(|s| {
            let card = desk
                .emu
                .bot_messages(s.id)
                .into_iter()
                .find(|m| m.button(&accept).is_some())
                .expect("a card");
            (s, card)
        })
        .collect()
}

#[tokio::test]
async fn a_hundred_and_fifty_staff_pressing_at_once_all_get_answers_and_edits() {
    let desk = limited_desk().await;
    let cards = staff_with_cards(&desk).await;
    let before = desk.emu.rate_limited();
    // Let every chat's one-second interval since its card pass.
    tokio::time::sleep(Duration::from_millis(1100)).await;

    let accept = text(Lang::En, "button-accept");
    let start = Instant::now();
    let queries: Vec<String> = cards
        .iter()
        .map(|(staff, card)| {
            let data = data(card, &accept);
            desk.emu.press(staff, staff.id, card.message_id, &data)
        })
        .collect();
    wait_for(
        "every press answered and its card edited",
        Duration::from_secs(60),
        || {
            queries
                .iter()
                .all(|q| desk.emu.callback_answer(q).is_some())
                && cards.iter().all(|(s, card)| {
                    desk.emu
                        .bot_message(s.id, card.message_id)
                        .is_some_and(|m| m.edited > card.edited)
                })
        },
    )
    .await;
    let chats: Vec<i64> = cards.iter().map(|(s, _)| s.id).collect();
    let took = last_arrival(&desk.emu, "editMessageText", &chats) - start;
    let refused = desk.emu.rate_limited() - before;
    println!("{CROWD} presses answered and edited in {took:?}; {refused} answers of 429");
    let accepted = opening(Lang::En, "work-accepted");
    for q in &queries {
        let answer = desk.emu.callback_answer(q).unwrap();
        assert!(
            answer
                .text
                .as_deref()
                .is_some_and(|t| t.contains(&accepted)),
            "{answer:?}"
        );
    }
    for (staff, card) in &cards {
        let now = desk.emu.bot_message(staff.id, card.message_id).unwrap();
        assert!(now.button(&accept).is_none(), "{}", now.body());
    }
    assert!(took <= bound(CROWD), "the last edit came after {took:?}");
    assert!(refused <= HANDFUL, "the bot provoked {refused} 429s");
}

#[tokio::test]
async fn a_direct_reply_that_meets_a_429_waits_and_arrives_once() {
    let desk = TestDesk::start().await;
    desk.emu
        .inject(Fault::RetryAfter(1), Some("sendMessage"), 1);
    let guest = desk.stranger(20_900, "Guest", "en");
    desk.emu.send_text(&guest, "/start");
    let welcome = desk
        .expect_message(&guest, &opening(Lang::En, "welcome-new"))
        .await;
    let tries = desk.emu.requests_for("sendMessage");
    let refused = tries.iter().find(|r| r.status == Some(429)).expect("a 429");
    let sent = tries
        .iter()
        .find(|r| r.status == Some(200) && r.chat_id() == Some(guest.id))
        .expect("the welcome");
    assert!(sent.at - refused.at >= Duration::from_millis(900));
    eventually(|| Some(()).filter(|()| desk.emu.bot_messages(guest.id).len() == 1)).await;
    assert_eq!(welcome.chat_id, guest.id);
}
