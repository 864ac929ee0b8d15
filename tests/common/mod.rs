//! The end-to-end rig: the real bot (the same `runtime::run` as `residesk run`)
//! on a fresh SQLite file, talking over HTTP to the local Bot API emulator,
//! with the sandbox's demo register, staff and supervisor.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use residesk::app::{App, Clock};
use residesk::config::Settings;
use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, Emulator, TgUser};
use residesk::sandbox::setup::{DEMO_PEOPLE, seed_demo};
use residesk::store::Db;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// How long a test waits for the bot before it fails.
pub const WAIT: Duration = Duration::from_secs(15);

/// A running desk: the emulator, the bot and its database.
pub struct TestDesk {
    pub emu: Emulator,
    pub settings: Settings,
    pub dir: tempfile::TempDir,
    /// The bot's clock: a test moves it forward instead of sleeping.
    pub clock: Clock,
    running: Option<(CancellationToken, JoinHandle<()>)>,
}

/// Settings for tests: a temporary database and waits shrunk to milliseconds.
pub fn test_settings(emu: &Emulator, dir: &tempfile::TempDir) -> Settings {
    let mut s = Settings {
        database: dir.path().join("residesk.db"),
        ..Settings::default()
    };
    s.telegram.token = Some(emu.token().to_owned());
    s.telegram.api_url = Some(emu.api_url());
    s.telegram.bot_username = Some(emu.bot_username().to_owned());
    s.sending.per_chat_interval = Duration::from_millis(20);
    s.sending.idle_poll = Duration::from_millis(50);
    s.sending.retry_initial = Duration::from_millis(100);
    s.sending.request_timeout = Duration::from_secs(5);
    s.scheduler.tick = Duration::from_millis(200);
    s
}

impl TestDesk {
    /// The demo desk with test settings.
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    /// The demo desk with settings adjusted by `adjust`.
    pub async fn start_with(adjust: impl FnOnce(&mut Settings)) -> Self {
        let emu = Emulator::start().await.expect("emulator starts");
        let clock = Clock::system();
        emu.use_clock(clock.clone());
        let dir = tempfile::tempdir().expect("temp dir");
        let mut settings = test_settings(&emu, &dir);
        adjust(&mut settings);
        let db = Db::open(&settings.database).await.expect("database opens");
        seed_demo(&db).await.expect("demo data");
        for person in DEMO_PEOPLE {
            emu.user(
                person.user_id,
                person.first_name,
                Some(person.language_code),
            );
        }
        let mut desk = Self {
            emu,
            settings,
            dir,
            clock,
            running: None,
        };
        desk.start_bot();
        desk
    }

    fn start_bot(&mut self) {
        let token = CancellationToken::new();
        let settings = self.settings.clone();
        let clock = self.clock.clone();
        let stop = token.clone();
        let handle = tokio::spawn(async move {
            if let Err(e) = residesk::runtime::run_with_clock(settings, clock, stop).await {
                panic!("bot failed: {e}");
            }
        });
        self.running = Some((token, handle));
    }

    /// Stops the bot (as SIGTERM would) and waits until it has stopped.
    pub async fn stop(&mut self) {
        if let Some((token, handle)) = self.running.take() {
            token.cancel();
            tokio::time::timeout(Duration::from_secs(30), handle)
                .await
                .expect("bot stops within 30 s")
                .expect("bot task ends cleanly");
        }
    }

    /// Stops the bot and starts it again on the same database.
    pub async fn restart(&mut self) {
        self.stop().await;
        self.start_bot();
    }

    /// A demo person by key: resident, newcomer, staff, desk, supervisor.
    pub fn person(&self, key: &str) -> TgUser {
        let p = DEMO_PEOPLE
            .iter()
            .find(|p| p.key == key)
            .expect("demo person");
        self.emu
            .user(p.user_id, p.first_name, Some(p.language_code))
    }

    /// A new scripted person.
    pub fn stranger(&self, id: i64, name: &str, lang: &str) -> TgUser {
        self.emu.user(id, name, Some(lang))
    }

    /// The demo person's own phone.
    pub fn phone_of(&self, key: &str) -> &'static str {
        DEMO_PEOPLE
            .iter()
            .find(|p| p.key == key)
            .expect("demo person")
            .phone
    }

    /// The bot's database, opened again for assertions.
    pub async fn db(&self) -> Db {
        Db::open(&self.db_path()).await.expect("database opens")
    }

    /// The desk as a library, on the bot's database and clock (for set-up).
    pub fn app(&self, db: &Db) -> Arc<App> {
        App::with_clock(db.clone(), self.settings.clone(), self.clock.clone())
    }

    pub fn db_path(&self) -> PathBuf {
        self.settings.database.clone()
    }

    /// Waits for a message to `user` whose text or caption contains `needle`.
    pub async fn expect_message(&self, user: &TgUser, needle: &str) -> BotMessage {
        let found = self
            .emu
            .wait_for_message(user.id, |m| m.body().contains(needle), WAIT)
            .await;
        match found {
            Some(m) => m,
            None => panic!(
                "no message to {} containing {needle:?}; they have: {:#?}",
                user.first_name,
                self.emu
                    .bot_messages(user.id)
                    .iter()
                    .map(|m| m.body().to_owned())
                    .collect::<Vec<_>>()
            ),
        }
    }

    /// Waits for any new message to `user` and returns it.
    pub async fn next_message(&self, user: &TgUser) -> BotMessage {
        self.emu
            .wait_for_message(user.id, |_| true, WAIT)
            .await
            .unwrap_or_else(|| panic!("no message to {}", user.first_name))
    }
}

impl Drop for TestDesk {
    fn drop(&mut self) {
        if let Some((token, _)) = self.running.take() {
            token.cancel();
        }
    }
}

/// A prompt rendered the way the bot renders it, for comparing with what was sent.
pub fn text(lang: Lang, key: &str) -> String {
    residesk::texts::t(lang, key)
}

/// The first line of a prompt (before any placeholder), to look for in messages.
pub fn opening(lang: Lang, key: &str) -> String {
    let full = residesk::texts::t(lang, key);
    full.split(['{', '\n'])
        .next()
        .unwrap_or_default()
        .trim()
        .chars()
        .take(12)
        .collect()
}

/// Polls `probe` until it gives a value (or fails the test after [`WAIT`]).
pub async fn eventually<T>(probe: impl Fn() -> Option<T>) -> T {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "condition not met within {WAIT:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
