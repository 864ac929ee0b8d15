//! A local Telegram Bot API server for tests and the sandbox.
//!
//! The real teloxide client talks to it over HTTP
//! (`Bot::new(token).set_api_url(emu.api_url())`), while a test plays the
//! people in the chats: it sends texts, contacts, photos and button presses
//! (queued as updates for long polling), and watches what the bot sent,
//! edited or deleted. Every request is recorded, and faults (flood control,
//! server errors, slow or lost answers, a blocked bot) can be injected.
//! [`Emulator::enforce_limits`] turns on Telegram's flood limits, answering
//! 429 with `retry_after` past them and counting those answers.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use std::time::Duration;
//! use residesk::emulator::Emulator;
//!
//! let emu = Emulator::start().await?;
//! let alice = emu.user(1001, "Alice", Some("en"));
//! emu.send_text(&alice, "/start");
//! let reply = emu
//!     .wait_for_message(alice.chat_id(), |m| m.body().contains("Welcome"), Duration::from_secs(5))
//!     .await;
//! # Ok(()) }
//! ```

mod json;
mod limits;
mod markup;
mod media;
mod methods;
mod png;
mod script;
mod server;
mod spec;
mod state;
mod types;
mod watch;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

pub use self::limits::RateLimits;
pub use self::png::sample_png;
pub use self::types::{
    BotMessage, Button, CallbackAnswer, Fault, RecordedRequest, ReplyKeyboard, StoredFile, TgUser,
    UploadedPart,
};

use self::server::Shared;
use self::state::State;

/// The token the emulator suggests; any token is accepted and recorded.
pub const DEFAULT_TOKEN: &str = "123456:EMULATOR-TOKEN";
/// The bot's username (`getMe`).
pub const BOT_USERNAME: &str = "residesk_bot";
/// The bot's user id (`getMe`).
pub const BOT_ID: i64 = 123_456;

/// A running fake Telegram Bot API server. Clones share the same server,
/// which stops when the last clone is dropped.
#[derive(Debug, Clone)]
pub struct Emulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    url: url::Url,
    _guard: Arc<StopGuard>,
}

/// Stops the server when dropped.
#[derive(Debug)]
struct StopGuard(tokio_util::sync::CancellationToken);

impl Drop for StopGuard {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

impl Emulator {
    /// Binds 127.0.0.1 on a free port and serves in a tokio task.
    pub async fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let url = url::Url::parse(&format!("http://{addr}/"))
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        let shared = Arc::new(Shared::new(State::new(BOT_ID, BOT_USERNAME)));
        let shutdown = shared.shutdown.clone();
        let app = server::router(shared.clone());
        tokio::spawn(async move {
            let stopped = shutdown.clone();
            let serve = axum::serve(listener, app)
                .with_graceful_shutdown(async move { stopped.cancelled().await });
            if let Err(error) = serve.await {
                tracing::error!(%error, "emulator server stopped");
            }
        });
        tracing::debug!(%addr, "emulator listening");
        Ok(Self {
            _guard: Arc::new(StopGuard(shared.shutdown.clone())),
            shared,
            addr,
            url,
        })
    }

    /// The base URL to give teloxide (`TELOXIDE_API_URL`), e.g. `http://127.0.0.1:41234/`.
    pub fn api_url(&self) -> url::Url {
        self.url.clone()
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A bot token to use; the emulator accepts any token and records it.
    pub fn token(&self) -> &str {
        DEFAULT_TOKEN
    }

    /// The bot's username as `getMe` reports it.
    pub fn bot_username(&self) -> &str {
        BOT_USERNAME
    }

    /// The bot's user id as `getMe` reports it.
    pub fn bot_id(&self) -> i64 {
        BOT_ID
    }

    /// Makes every Bot API call take `round_trip` more (half on the way in,
    /// half on the way out), as the real Telegram does over the network; zero,
    /// the default, answers at once.
    pub fn set_latency(&self, round_trip: std::time::Duration) {
        self.shared.set_latency(round_trip);
    }

    /// Stamps messages with `clock`'s time from now on (a test shares the
    /// bot's clock, so both see the time it moves to).
    pub fn use_clock(&self, clock: crate::app::Clock) {
        self.shared.write(|s| s.clock = clock);
    }

    /// Stops serving; held requests end. Also happens when the last clone is dropped.
    pub fn stop(&self) {
        self.shared.shutdown.cancel();
    }
}
