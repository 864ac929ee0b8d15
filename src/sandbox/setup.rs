//! Demo data and the wiring of the sandbox.

use std::time::Duration;

use chrono::Utc;
use tokio_util::sync::CancellationToken;

use super::chat::{self, Identity};
use crate::emulator::Emulator;

use crate::config::Settings;
use crate::domain::lang::Lang;
use crate::domain::role::Role;
use crate::error::Error;
use crate::store::{self, Db};

/// A demo person of the sandbox.
#[derive(Debug, Clone)]
pub struct DemoPerson {
    /// How the terminal user switches to them (`/as staff`).
    pub key: &'static str,
    pub user_id: i64,
    pub first_name: &'static str,
    pub language_code: &'static str,
    /// Their own phone, shared with the contact button.
    pub phone: &'static str,
}

/// The demo people: a resident in the register, a newcomer who is not, an
/// engineer, a customer-service assistant and a supervisor.
pub const DEMO_PEOPLE: &[DemoPerson] = &[
    DemoPerson {
        key: "resident",
        user_id: 1001,
        first_name: "Amy",
        language_code: "zh-hk",
        phone: "+852 9123 4567",
    },
    DemoPerson {
        key: "newcomer",
        user_id: 1002,
        first_name: "Ben",
        language_code: "en",
        phone: "+852 6000 0000",
    },
    DemoPerson {
        key: "staff",
        user_id: 2001,
        first_name: "Chan (engineering)",
        language_code: "zh-hk",
        phone: "+852 5111 0001",
    },
    DemoPerson {
        key: "desk",
        user_id: 2002,
        first_name: "Wong (customer service)",
        language_code: "zh-hk",
        phone: "+852 5111 0002",
    },
    DemoPerson {
        key: "supervisor",
        user_id: 3001,
        first_name: "Lee (supervisor)",
        language_code: "en",
        phone: "+852 5111 0003",
    },
];

/// The demo register: `(building, flat, name, phone)`.
const DEMO_REGISTER: &[(&str, &str, &str, &str)] = &[
    ("3", "1502", "Amy Chan", "+852 9123 4567"),
    ("3", "1503", "Tam Wai", "+852 9222 3333"),
    ("5", "802", "王芳", "+86 138 0013 8000"),
    ("B", "12A", "Lee Ka Yan", "+852 9444 5555"),
    ("13", "15B", "Ho Man", "+852 9666 7777"),
];

/// Fills a fresh database with the demo register and the staff roles.
pub async fn seed_demo(db: &Db) -> Result<(), Error> {
    let now = Utc::now();
    let mut csv = String::from("building,flat,name,phone\n");
    for (building, flat, name, phone) in DEMO_REGISTER {
        csv.push_str(&format!("{building},{flat},{name},{phone}\n"));
    }
    crate::admin::import_units(db, csv.as_bytes()).await?;
    for (key, role, department) in [
        ("staff", Role::Staff, Some("engineering")),
        ("desk", Role::Staff, Some("customer_service")),
        ("supervisor", Role::Supervisor, None),
    ] {
        let Some(person) = DEMO_PEOPLE.iter().find(|p| p.key == key) else {
            continue;
        };
        let lang = Lang::from_telegram(person.language_code).unwrap_or(Lang::En);
        store::users::upsert_seen(
            db.pool(),
            person.user_id,
            person.user_id,
            person.first_name,
            None,
            now,
        )
        .await?;
        store::users::set_lang(db.pool(), person.user_id, lang.tag()).await?;
        let mut tx = db.begin().await?;
        store::users::set_role(&mut tx, person.user_id, role, department, now).await?;
        crate::outbox::enqueue(
            &mut tx,
            person.user_id,
            &crate::bot::commands::menu(Some(role), lang),
            now,
        )
        .await?;
        tx.commit().await?;
    }
    Ok(())
}

/// The example survey (`examples/survey.toml`) as a draft, as `residesk
/// survey import` would leave it, for the supervisor to preview and send.
async fn seed_survey(db: &Db, settings: &Settings) -> Result<(), Error> {
    let source = include_str!("../../examples/survey.toml");
    let imported = crate::domain::survey_file::parse(source, settings.timezone)
        .map_err(|e| Error::Other(format!("examples/survey.toml: {e}")))?;
    crate::admin::import_survey(db, &imported, Utc::now()).await?;
    Ok(())
}

/// A crowd of residents for load tests and benchmarks: `count` people with
/// ids from `first_id`, each bound to a flat of their own in building 9
/// (flats 101, 102, …) and writing in Traditional Chinese. Returns their ids.
pub async fn seed_residents(db: &Db, first_id: i64, count: usize) -> Result<Vec<i64>, Error> {
    let now = Utc::now();
    let ids: Vec<i64> = (0..count)
        .map(|n| first_id + i64::try_from(n).unwrap_or(0))
        .collect();
    for (n, id) in ids.iter().enumerate() {
        let name = format!("Resident {n}");
        store::users::upsert_seen(db.pool(), *id, *id, &name, None, now).await?;
        store::users::set_lang(db.pool(), *id, Lang::ZhHant.tag()).await?;
    }
    let mut tx = db.begin().await?;
    for (n, id) in ids.iter().enumerate() {
        let unit = store::units::upsert(&mut tx, "9", &(101 + n).to_string()).await?;
        store::users::set_role(&mut tx, *id, Role::Resident, None, now).await?;
        store::units::bind(&mut tx, *id, unit.id, "phone", now).await?;
    }
    tx.commit().await?;
    Ok(ids)
}

/// Runs the sandbox until the terminal user quits: the emulator, a temporary
/// database with the demo data, the real bot, and the chat on this terminal.
pub async fn run(mut settings: Settings) -> Result<(), Error> {
    crate::runtime::check_data()?;
    let emu = Emulator::start().await?;
    let dir = tempfile::tempdir()?;
    settings.database = dir.path().join("sandbox.db");
    settings.telegram.token = Some(emu.token().to_owned());
    settings.telegram.api_url = Some(emu.api_url());
    settings.telegram.bot_username = Some(emu.bot_username().to_owned());
    // One person at a terminal: no need to pace messages like Telegram does.
    settings.sending.per_chat_interval = Duration::from_millis(50);
    settings.sending.idle_poll = Duration::from_millis(100);
    settings.scheduler.tick = Duration::from_secs(1);

    let db = Db::open(&settings.database).await?;
    seed_demo(&db).await?;
    seed_survey(&db, &settings).await?;
    let identities: Vec<Identity> = DEMO_PEOPLE
        .iter()
        .map(|p| Identity {
            key: p.key.to_owned(),
            user: emu.user(p.user_id, p.first_name, Some(p.language_code)),
            phone: Some(p.phone.to_owned()),
        })
        .collect();

    let shutdown = CancellationToken::new();
    crate::runtime::cancel_on_signals(shutdown.clone());
    let bot = tokio::spawn(crate::runtime::run(settings, shutdown.clone()));
    let stdin = tokio::io::BufReader::new(tokio::io::stdin());
    let chat = chat::run_chat(&emu, identities, stdin, std::io::stdout());
    let result = tokio::select! {
        r = chat => r.map_err(Error::from),
        () = shutdown.cancelled() => Ok(()),
    };
    shutdown.cancel();
    match bot.await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(e),
        Err(e) => return Err(Error::Other(format!("the bot task failed: {e}"))),
    }
    result
}
