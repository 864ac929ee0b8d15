//! Intake speed against the framework's own floor, in one run on one local
//! Bot API emulator: residesk (the real runtime: inbox, handler tree,
//! outbox) with N residents each filing tickets end to end (message → card →
//! confirm → number, every ticket stored), then a bare teloxide echo bot
//! answering the same number of messages from as many people. Prints replies
//! a second, p50/p99 latencies and the ratios.
//!
//! Both are run twice: with the emulator answering at once (the desk's own
//! cost against a bot that does nothing), and with a network round trip on
//! every Bot API call as the real Telegram has (`ROUND_TRIP_MS`, 50 by
//! default).
//!
//! `cargo bench --bench intake` (RESIDENTS and TICKETS in the environment
//! change the load; the outbox limits are lifted, as in the figures).

use std::time::{Duration, Instant};

use residesk::config::Settings;
use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, Emulator, TgUser};
use residesk::sandbox::setup::{DEMO_PEOPLE, seed_demo, seed_residents};
use residesk::store::{self, Db};
use residesk::texts::t;
use teloxide::dispatching::{Dispatcher, UpdateFilterExt};
use teloxide::prelude::*;
use tokio_util::sync::CancellationToken;

const FIRST_RESIDENT: i64 = 60_000;
const FIRST_ECHO: i64 = 70_000;
const WAIT: Duration = Duration::from_secs(30);

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What one side measured.
#[derive(Debug, Default)]
struct Run {
    replies: usize,
    elapsed: Duration,
    /// Latency of the first reply (card; the echo).
    first: Vec<Duration>,
    /// Latency of the second reply (the ticket number), residesk only.
    second: Vec<Duration>,
}

impl Run {
    fn per_second(&self) -> f64 {
        self.replies as f64 / self.elapsed.as_secs_f64()
    }
}

fn percentile(samples: &[Duration], p: f64) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

/// Waits for a message in `chat` newer than `after` that matches `pred`.
async fn reply_after(
    emu: &Emulator,
    chat: i64,
    after: i32,
    pred: impl Fn(&BotMessage) -> bool,
) -> BotMessage {
    emu.wait_for_message_after(chat, 0, |m| m.message_id > after && pred(m), WAIT)
        .await
        .unwrap_or_else(|| panic!("no reply in chat {chat}"))
}

fn newest(emu: &Emulator, chat: i64) -> i32 {
    emu.bot_messages(chat)
        .iter()
        .map(|m| m.message_id)
        .max()
        .unwrap_or(0)
}

/// One resident files `tickets` requests, each to its number.
async fn resident(emu: Emulator, user: TgUser, tickets: usize) -> (Vec<Duration>, Vec<Duration>) {
    let lang = Lang::ZhHant;
    let confirm = t(lang, "button-draft-confirm");
    let confirmed: String = t(lang, "draft-confirmed").chars().take(8).collect();
    let (mut cards, mut numbers) = (Vec::new(), Vec::new());
    for _ in 0..tickets {
        let before = newest(&emu, user.id);
        let sent = Instant::now();
        emu.send_text(&user, "廚房水喉漏水，滴到落樓下");
        let card = reply_after(&emu, user.id, before, |m| m.button(&confirm).is_some()).await;
        cards.push(sent.elapsed());
        let data = card
            .button(&confirm)
            .and_then(|b| b.callback_data.clone())
            .expect("a confirm button");
        let pressed = Instant::now();
        emu.press(&user, user.id, card.message_id, &data);
        reply_after(&emu, user.id, card.message_id, |m| {
            m.body().contains(&confirmed)
        })
        .await;
        numbers.push(pressed.elapsed());
    }
    (cards, numbers)
}

async fn residesk_run(emu: &Emulator, residents: usize, tickets: usize) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = Settings {
        database: dir.path().join("bench.db"),
        ..Settings::default()
    };
    settings.telegram.token = Some(emu.token().to_owned());
    settings.telegram.api_url = Some(emu.api_url());
    settings.telegram.bot_username = Some(emu.bot_username().to_owned());
    // Telegram's limits lifted: this measures the desk, not the pacing.
    settings.sending.global_per_second = 100_000;
    settings.sending.per_chat_interval = Duration::from_millis(1);
    let db = Db::open(&settings.database).await.expect("db");
    seed_demo(&db).await.expect("demo");
    for person in DEMO_PEOPLE {
        emu.user(
            person.user_id,
            person.first_name,
            Some(person.language_code),
        );
    }
    let ids = seed_residents(&db, FIRST_RESIDENT, residents)
        .await
        .expect("residents");
    let users: Vec<TgUser> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| emu.user(*id, &format!("Resident {n}"), Some("zh-hk")))
        .collect();

    let shutdown = CancellationToken::new();
    let bot = tokio::spawn(residesk::runtime::run(settings, shutdown.clone()));
    // Started: the menus are set before polling begins.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let started = Instant::now();
    let tasks: Vec<_> = users
        .iter()
        .map(|u| tokio::spawn(resident(emu.clone(), u.clone(), tickets)))
        .collect();
    let mut run = Run::default();
    for task in tasks {
        let (cards, numbers) = task.await.expect("resident");
        run.first.extend(cards);
        run.second.extend(numbers);
    }
    run.elapsed = started.elapsed();
    run.replies = run.first.len() + run.second.len();
    shutdown.cancel();
    let _ = bot.await;

    let filed = store::tickets::open(db.pool(), None, None, 100_000)
        .await
        .expect("tickets")
        .iter()
        .filter(|t| t.resident_id.is_some_and(|r| r >= FIRST_RESIDENT))
        .count();
    assert_eq!(filed, residents * tickets, "every ticket stored");
    run
}

async fn echo_run(emu: &Emulator, people: usize, messages: usize) -> Run {
    let bot = Bot::new(emu.token()).set_api_url(emu.api_url());
    let handler = Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
        bot.send_message(msg.chat.id, msg.text().unwrap_or("…").to_owned())
            .await?;
        respond(())
    });
    let mut dispatcher = Dispatcher::builder(bot, handler)
        .default_handler(|_| async {})
        .build();
    let token = dispatcher.shutdown_token();
    let running = tokio::spawn(async move { dispatcher.dispatch().await });
    tokio::time::sleep(Duration::from_millis(500)).await;

    let users: Vec<TgUser> = (0..people)
        .map(|n| emu.user(FIRST_ECHO + n as i64, &format!("Echo {n}"), Some("en")))
        .collect();
    let started = Instant::now();
    let tasks: Vec<_> = users
        .into_iter()
        .map(|user| {
            let emu = emu.clone();
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                for n in 0..messages {
                    let before = newest(&emu, user.id);
                    let text = format!("echo {n}");
                    let sent = Instant::now();
                    emu.send_text(&user, &text);
                    reply_after(&emu, user.id, before, |m| m.body() == text).await;
                    latencies.push(sent.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut run = Run::default();
    for task in tasks {
        run.first.extend(task.await.expect("echo"));
    }
    run.elapsed = started.elapsed();
    run.replies = run.first.len();
    loop {
        match token.shutdown() {
            Ok(done) => {
                done.await;
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
    let _ = running.await;
    run
}

fn main() {
    // RUST_LOG=sqlx::query=debug shows every statement a ticket costs.
    if std::env::var_os("RUST_LOG").is_some() {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_writer(std::io::stderr)
            .init();
    }
    let residents = env_or("RESIDENTS", 30);
    let tickets = env_or("TICKETS", 3);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let round_trip = Duration::from_millis(env_or("ROUND_TRIP_MS", 50) as u64);
    runtime.block_on(async {
        // At once: the desk's own cost against a bot that does nothing.
        compare(residents, tickets, Duration::ZERO).await;
        // With Telegram's network round trip on every Bot API call, as a
        // deployed desk meets it.
        compare(residents, tickets, round_trip).await;
    });
}

/// Runs both bots on one fresh emulator whose calls take `round_trip`, and
/// prints both and the ratios.
async fn compare(residents: usize, tickets: usize, round_trip: Duration) {
    let emu = Emulator::start().await.expect("emulator");
    emu.set_latency(round_trip);
    let desk = residesk_run(&emu, residents, tickets).await;
    // The same number of replies from as many people, one at a time each.
    let echo = echo_run(&emu, residents, 2 * tickets).await;
    println!("Bot API round trip {}:", ms(round_trip));
    println!(
        "  residesk: {residents} residents × {tickets} tickets: {:.0} replies/s; \
         card p50 {} / p99 {}; number p50 {} / p99 {}",
        desk.per_second(),
        ms(percentile(&desk.first, 50.0)),
        ms(percentile(&desk.first, 99.0)),
        ms(percentile(&desk.second, 50.0)),
        ms(percentile(&desk.second, 99.0)),
    );
    println!(
        "  echo:     {residents} people × {} messages: {:.0} replies/s; p50 {} / p99 {}",
        2 * tickets,
        echo.per_second(),
        ms(percentile(&echo.first, 50.0)),
        ms(percentile(&echo.first, 99.0)),
    );
    let echo_p99 = percentile(&echo.first, 99.0).as_secs_f64().max(1e-6);
    println!(
        "  ratio: {:.2}× the echo's replies/s; card p99 {:.2}× the echo's p99",
        desk.per_second() / echo.per_second(),
        percentile(&desk.first, 99.0).as_secs_f64() / echo_p99,
    );
}
