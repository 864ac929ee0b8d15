//! Running the bot: the database, the Telegram client, the dispatcher, the
//! outbox sender and the scheduler, until a shutdown signal.

use std::sync::Arc;

use teloxide::prelude::*;
use teloxide::types::BotCommand;
use tokio_util::sync::CancellationToken;

use crate::app::{App, Clock};
use crate::config::{ConfigError, Settings};
use crate::domain::lang::Lang;
use crate::error::Error;
use crate::inbox;
use crate::outbox::{Courier, Sender};
use crate::scheduler::Scheduler;
use crate::store::Db;
use crate::texts::t;

/// The Telegram client for these settings.
pub fn telegram_client(settings: &Settings) -> Result<Bot, ConfigError> {
    let token = settings
        .telegram
        .token
        .clone()
        .ok_or_else(|| ConfigError::Value {
            key: "telegram.token (TELOXIDE_TOKEN)".to_owned(),
            message:
                "is not set: the bot needs a token from @BotFather (or try `residesk sandbox`)"
                    .to_owned(),
        })?;
    let bot = Bot::new(token);
    Ok(match &settings.telegram.api_url {
        Some(url) => bot.set_api_url(url.clone()),
        None => bot,
    })
}

/// Loads the prompts and the lexicon now: a file that does not parse stops
/// start-up with a message naming it, instead of the bot running on and
/// failing at the first reply (or understanding nothing).
pub fn check_data() -> Result<(), Error> {
    crate::texts::check()
        .and_then(|()| crate::understand::check_lexicon())
        .map_err(|problem| Error::Other(format!("cannot start: {problem}")))
}

/// Runs the bot until `shutdown` is cancelled.
pub async fn run(settings: Settings, shutdown: CancellationToken) -> Result<(), Error> {
    run_with_clock(settings, Clock::system(), shutdown).await
}

/// Runs the bot on a given clock (tests move it instead of sleeping) until
/// `shutdown` is cancelled.
pub async fn run_with_clock(
    settings: Settings,
    clock: Clock,
    shutdown: CancellationToken,
) -> Result<(), Error> {
    check_data()?;
    let bot = telegram_client(&settings)?;
    let db = Db::open(&settings.database).await?;
    let app = App::with_clock(db.clone(), settings, clock);
    tracing::info!(database = %app.settings.database.display(), "residesk starting");

    // The monthly report is a standing job: make sure the next one is due.
    let mut tx = app.db.begin().await?;
    crate::report::job::ensure_next(&mut tx, &app, app.now()).await?;
    // So is the daily digest (when it is on).
    crate::desk::digest::ensure_next(&mut tx, &app, app.now()).await?;
    tx.commit().await?;

    let sender = Sender::new(
        bot.clone(),
        db,
        app.settings.sending.clone(),
        app.outbox_wake.clone(),
        app.courier.clone(),
    )
    .with_clock(app.clock.clone());
    // The sender stops after the handlers, so their last replies still go.
    let sender_stop = CancellationToken::new();
    let sender = tokio::spawn(sender.run(sender_stop.clone()));
    tokio::spawn(set_default_menus(bot.clone(), app.courier.clone()));
    let scheduler = tokio::spawn(Scheduler::new(app.clone()).run(shutdown.clone()));

    // Our own polling listener and durable inbox instead of teloxide's
    // polling: nothing is acknowledged to Telegram before it is stored.
    let handled = inbox::run(bot, app, shutdown.clone()).await;
    shutdown.cancel();
    sender_stop.cancel();
    let _ = sender.await;
    let _ = scheduler.await;
    tracing::info!("residesk stopped");
    handled
}

/// The menu for people the bot does not know yet, in each language Telegram
/// may report, through the sender like everything else. Best effort: a
/// failure here only leaves Telegram's default.
async fn set_default_menus(bot: Bot, courier: Courier) {
    let menus = [
        (None, Lang::ZhHant),
        (Some("zh"), Lang::ZhHans),
        (Some("en"), Lang::En),
    ];
    for (code, lang) in menus {
        let commands = vec![
            BotCommand::new("start", t(lang, "cmd-start")),
            BotCommand::new("help", t(lang, "cmd-help")),
            BotCommand::new("lang", t(lang, "cmd-lang")),
        ];
        let mut request = bot.set_my_commands(commands);
        if let Some(code) = code {
            request = request.language_code(code);
        }
        if let Err(error) = courier.call(request).await {
            tracing::warn!(%error, "could not set the default command menu");
        }
    }
}

/// Cancels `token` on SIGINT or SIGTERM.
pub fn cancel_on_signals(token: CancellationToken) {
    tokio::spawn(async move {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let (Ok(mut term), Ok(mut int)) = (
                signal(SignalKind::terminate()),
                signal(SignalKind::interrupt()),
            ) else {
                tracing::error!("cannot listen for signals");
                return;
            };
            tokio::select! {
                _ = term.recv() => tracing::info!("SIGTERM received, shutting down"),
                _ = int.recv() => tracing::info!("SIGINT received, shutting down"),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
        token.cancel();
    });
}

/// Shares the app for tests that drive the handlers directly.
pub fn app(db: Db, settings: Settings) -> Arc<App> {
    App::new(db, settings)
}
