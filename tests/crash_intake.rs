//! `kill -9` in the middle of a flood of intake: 30 residents write, get
//! their cards and confirm them while the real binary is killed at random
//! moments and started again. Nothing a resident sent is lost (every message
//! gets its card, every confirmation its ticket, its acknowledgement and its
//! staff ping) and nothing is applied twice (no ticket is filed twice); the
//! messages that arrive twice (sent, then the process died before it could
//! record that) are counted and stay under 1%.

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use regex::Regex;
use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, Emulator, TgUser};
use residesk::sandbox::setup::{DEMO_PEOPLE, seed_demo, seed_residents};
use residesk::store::{self, Db};
use residesk::texts::t;
use tokio::time::Instant;

const RESIDENTS: usize = 30;
/// Tickets each resident files, one after the other.
const TICKETS_EACH: usize = 2;
/// How often the binary is killed.
const KILLS: usize = 6;
const FIRST_ID: i64 = 50_000;
/// What the residents write: two messages per request, different for each
/// of their requests so that a card shown twice is told from the next one.
const REQUESTS: [(&str, &str); TICKETS_EACH] = [
    ("廚房水喉漏水", "仲滴到落樓下"),
    ("浴室去水渠塞咗", "好慢先去到水"),
];
/// How long one resident may take for everything, restarts included.
const PATIENCE: Duration = Duration::from_secs(60);

fn start_binary(emu: &Emulator, dir: &tempfile::TempDir) -> Child {
    Command::new(env!("CARGO_BIN_EXE_residesk"))
        .arg("run")
        .current_dir(dir.path())
        .env("TELOXIDE_TOKEN", emu.token())
        .env("TELOXIDE_API_URL", emu.api_url().as_str())
        .env("RESIDESK_DATABASE", dir.path().join("residesk.db"))
        .env("RESIDESK_SENDING__IDLE_POLL", "\"50ms\"")
        .env("RESIDESK_SENDING__PER_CHAT_INTERVAL", "\"20ms\"")
        .env("RESIDESK_INBOX__RETRY_INITIAL", "\"50ms\"")
        .env("RUST_LOG", "warn,residesk::inbox=debug")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(log(dir))
        .spawn()
        .expect("the residesk binary starts")
}

/// The binary's log, appended to over its restarts (shown when the test fails).
fn log(dir: &tempfile::TempDir) -> Stdio {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.path().join("residesk.log"))
        .map_or_else(|_| Stdio::null(), Stdio::from)
}

/// The start of a prompt, before any placeholder.
fn opening(key: &str) -> String {
    let full = t(Lang::ZhHant, key);
    full.split(['{', '\n'])
        .next()
        .unwrap_or_default()
        .trim()
        .chars()
        .take(12)
        .collect()
}

/// What one resident saw: the ticket numbers of their acknowledgements.
#[derive(Debug, Default)]
struct Filed {
    numbers: Vec<String>,
    presses: usize,
}

/// The newest message of the chat with a confirm button, after `after`.
fn newest_card(emu: &Emulator, chat: i64, after: i32, confirm: &str) -> Option<BotMessage> {
    emu.bot_messages(chat)
        .into_iter()
        .filter(|m| m.message_id > after && m.button(confirm).is_some())
        .max_by_key(|m| m.message_id)
}

/// One resident's requests, each to its acknowledgement, whatever happens to
/// the bot meanwhile: a press that goes unanswered is tried again, a card that
/// went stale (the bot died before keeping it and showed a new one) is
/// replaced by the newest.
async fn resident(emu: Emulator, user: TgUser) -> Result<Filed, String> {
    let confirm = t(Lang::ZhHant, "button-draft-confirm");
    let card_opening = opening("draft-card");
    let ack_opening = opening("draft-confirmed");
    let number = Regex::new(r"[RCBQSP]-\d+").expect("regex");
    let deadline = Instant::now() + PATIENCE;
    let mut filed = Filed::default();
    for (first, second) in REQUESTS {
        let before = emu
            .bot_messages(user.id)
            .iter()
            .map(|m| m.message_id)
            .max()
            .unwrap_or(0);
        emu.send_text(&user, first);
        tokio::time::sleep(Duration::from_millis(rand::random_range(0..150))).await;
        emu.send_text(&user, second);
        let ack = loop {
            if Instant::now() > deadline {
                return Err(format!("{}: no acknowledgement for {first:?}", user.id));
            }
            let ack = emu
                .bot_messages(user.id)
                .into_iter()
                .find(|m| m.message_id > before && m.body().contains(&ack_opening));
            if let Some(ack) = ack {
                break ack;
            }
            let Some(card) = newest_card(&emu, user.id, before, &confirm) else {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            };
            if !card.body().contains(&card_opening) {
                return Err(format!(
                    "{}: a confirm button under {:?}",
                    user.id,
                    card.body()
                ));
            }
            let data = card.button(&confirm).and_then(|b| b.callback_data.clone());
            let Some(data) = data else {
                return Err(format!("{}: the confirm button has no data", user.id));
            };
            let query = emu.press(&user, user.id, card.message_id, &data);
            filed.presses += 1;
            // Answered or not (the bot may be down), look again: the
            // acknowledgement, a newer card, or the same card to press again.
            let _ = emu
                .wait_for_callback_answer(&query, Duration::from_millis(1500))
                .await;
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        let Some(found) = number.find(ack.body()) else {
            return Err(format!("{}: no number in {:?}", user.id, ack.body()));
        };
        filed.numbers.push(found.as_str().to_owned());
    }
    Ok(filed)
}

/// Extra copies of the same text in the same chat.
fn duplicates(messages: &[BotMessage], keep: impl Fn(&BotMessage) -> bool) -> usize {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for m in messages.iter().filter(|m| keep(m)) {
        *seen.entry(m.body()).or_default() += 1;
    }
    seen.values().map(|n| n.saturating_sub(1)).sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_during_a_flood_of_intake_loses_nothing_and_files_nothing_twice() {
    let started = Instant::now();
    let emu = Emulator::start().await.expect("emulator");
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Db::open(&dir.path().join("residesk.db")).await.expect("db");
    seed_demo(&db).await.expect("demo");
    for person in DEMO_PEOPLE {
        emu.user(
            person.user_id,
            person.first_name,
            Some(person.language_code),
        );
    }
    let ids = seed_residents(&db, FIRST_ID, RESIDENTS)
        .await
        .expect("residents");
    let users: Vec<TgUser> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| emu.user(*id, &format!("Resident {n}"), Some("zh-hk")))
        .collect();

    let mut bot = start_binary(&emu, &dir);
    let flood: Vec<_> = users
        .iter()
        .map(|user| tokio::spawn(resident(emu.clone(), user.clone())))
        .collect();

    let mut kills = 0;
    let planned: usize = std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(KILLS);
    while kills < planned {
        tokio::time::sleep(Duration::from_millis(rand::random_range(300..1200))).await;
        bot.kill().expect("kill -9");
        bot.wait().expect("reaped");
        kills += 1;
        bot = start_binary(&emu, &dir);
    }
    let mut numbers = Vec::new();
    let mut presses = 0;
    let mut lost = Vec::new();
    for (user, task) in users.iter().zip(flood) {
        match task.await.expect("resident task") {
            Ok(filed) => {
                presses += filed.presses;
                numbers.extend(filed.numbers);
            }
            Err(why) => lost.push((user.id, why)),
        }
    }
    let flooded_in = started.elapsed();

    // The rest of the outbox (staff pings) goes out.
    let wait_until = Instant::now() + Duration::from_secs(20);
    loop {
        let (pending, _, _) = store::outbox::counts(db.pool()).await.expect("counts");
        if pending == 0 || Instant::now() > wait_until {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    emu.wait_until_quiet(Duration::from_millis(300), Duration::from_secs(5))
        .await;
    bot.kill().expect("kill");
    bot.wait().expect("reaped");

    if !lost.is_empty() {
        let log = std::fs::read_to_string(dir.path().join("residesk.log")).unwrap_or_default();
        let kept = dir.keep();
        panic!(
            "residents left without an answer: {lost:#?}\nlog:\n{log}\n(database kept in {kept:?})"
        );
    }

    // No ticket filed twice: exactly one per request, and the numbers the
    // residents were told are those tickets.
    let tickets = store::tickets::open(db.pool(), None, None, 10_000)
        .await
        .expect("tickets");
    let mine: Vec<_> = tickets
        .iter()
        .filter(|t| t.resident_id.is_some_and(|r| r >= FIRST_ID))
        .collect();
    assert_eq!(mine.len(), RESIDENTS * TICKETS_EACH, "tickets filed");
    // Each request's follow-up joined its draft: one ticket per resident
    // and request, holding both of its messages (a count alone passed while
    // every follow-up was filed as a ticket of its own).
    for (first, then) in REQUESTS {
        let whole = mine
            .iter()
            .filter(|t| t.description.contains(first) && t.description.contains(then))
            .count();
        assert_eq!(whole, RESIDENTS, "tickets holding {first:?} and {then:?}");
    }
    let mut told = numbers.clone();
    told.sort();
    told.dedup();
    assert_eq!(
        told.len(),
        RESIDENTS * TICKETS_EACH,
        "distinct numbers told"
    );
    for ticket in &mine {
        assert!(
            told.contains(&ticket.number),
            "{} was never told",
            ticket.number
        );
    }

    // Every ticket's staff ping arrived.
    let staff_chats: Vec<i64> = DEMO_PEOPLE
        .iter()
        .filter(|p| p.key != "resident" && p.key != "newcomer")
        .map(|p| p.user_id)
        .collect();
    for ticket in &mine {
        let assignee = ticket.assignee_id.expect("an engineer is on duty");
        assert!(
            emu.bot_messages(assignee)
                .iter()
                .any(|m| m.body().contains(&ticket.number)),
            "no ping for {} to {assignee}",
            ticket.number
        );
    }

    // Nothing handled from the inbox is left behind.
    let (pending, _, failed) = store::inbox::counts(db.pool()).await.expect("inbox");
    assert_eq!(
        (pending, failed),
        (0, 0),
        "inbox rows left pending or set aside"
    );

    // Messages that went out twice: queued ones (acknowledgements, pings) the
    // process sent and died before recording, and cards shown again because
    // the process died between sending one and keeping the draft.
    let ack_opening = opening("draft-confirmed");
    let card_opening = opening("draft-card");
    let mut outbox_twice: usize = staff_chats
        .iter()
        .map(|chat| duplicates(&emu.bot_messages(*chat), |_| true))
        .sum();
    let mut cards_twice = 0;
    let mut cards = 0;
    for user in &users {
        let messages = emu.bot_messages(user.id);
        outbox_twice += duplicates(&messages, |m| m.body().contains(&ack_opening));
        cards_twice += duplicates(&messages, |m| m.body().contains(&card_opening));
        cards += messages
            .iter()
            .filter(|m| m.body().contains(&card_opening))
            .count();
    }
    let (_, sent, _) = store::outbox::counts(db.pool()).await.expect("counts");
    println!(
        "{RESIDENTS} residents, {} tickets, {presses} presses, {kills} kills in {flooded_in:?}; \
         outbox: {outbox_twice} of {sent} sent twice; cards: {cards_twice} of {cards} shown twice",
        mine.len()
    );
    let sent = usize::try_from(sent).expect("count");
    assert!(
        outbox_twice * 100 <= sent,
        "{outbox_twice} of {sent} queued messages arrived twice (more than 1%)"
    );
}
