//! Settings: one typed struct, read from an optional TOML file, then environment
//! overrides (`RESIDESK_SECTION__KEY=value`, and teloxide's own `TELOXIDE_TOKEN`
//! and `TELOXIDE_API_URL`). A bad value stops start-up with the key's name.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;

mod complaints;
mod office;
mod reports;
pub use complaints::Complaints;
pub use office::{HONG_KONG_HOLIDAYS, OfficeHours};
pub use reports::{HotSpotRule, Reports};

use crate::domain::booking::Bookable;
use crate::domain::calendar::{Calendar, Clock, Week};
use crate::domain::lang::Lang;
use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::ticket::{self, Deadlines};

/// Everything residesk can be told. Every duration the bot waits is here, so
/// tests can shrink them to seconds.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Path of the SQLite database file.
    pub database: PathBuf,
    /// The estate's time zone (IANA name).
    pub timezone: Tz,
    /// Language for users whose Telegram language is none of ours.
    pub default_language: Lang,
    pub telegram: Telegram,
    pub office: Office,
    /// The public emergency services' numbers, quoted in safety advice.
    pub emergency: EmergencyServices,
    pub sending: Sending,
    pub scheduler: Scheduler,
    pub onboarding: Onboarding,
    pub tickets: Tickets,
    pub inbox: Inbox,
    /// Response and resolution limits per urgency.
    pub sla: HashMap<Urgency, Sla>,
    /// When the office works: the clock of time limits counted in office hours.
    pub office_hours: OfficeHours,
    /// What residents can book (visit types and facilities), by key.
    pub bookables: std::collections::BTreeMap<String, Bookable>,
    /// Department keys, in the order they are shown. `customer_service` must be one.
    pub departments: Vec<String>,
    /// Category → department key. Categories not listed go to `customer_service`.
    pub routing: HashMap<Category, String>,
    pub reports: Reports,
    /// The reasons a complaint's validity is recorded with.
    pub complaints: Complaints,
    /// On-duty shifts that put staff on and off duty by themselves.
    pub duty: Duty,
}

/// On-duty shifts per department: `shifts.<department>.<mon…sun>` =
/// `"HH:MM-HH:MM"` (within one day). When a shift starts the department's
/// staff are put on duty, when it ends off duty; `/duty` still changes it in
/// between. No shifts by default: duty is only what people set.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Duty {
    pub shifts: std::collections::BTreeMap<String, Week>,
}

/// How to reach Telegram.
#[derive(Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Telegram {
    /// The bot token (`TELOXIDE_TOKEN`). Never printed: `Debug` redacts it.
    pub token: Option<String>,
    /// The Bot API server (`TELOXIDE_API_URL`); Telegram's own when unset.
    pub api_url: Option<url::Url>,
    /// The bot's @username, for invite links; asked of Telegram when unset.
    pub bot_username: Option<String>,
}

/// Whoever holds the token can act as the bot, so settings (and the `App`
/// that carries them) print it as `[redacted]` in logs and panics.
impl std::fmt::Debug for Telegram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Telegram")
            .field("token", &self.token.as_ref().map(|_| "[redacted]"))
            .field("api_url", &self.api_url)
            .field("bot_username", &self.bot_username)
            .finish()
    }
}

/// The management office as residents should reach it.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Office {
    /// The office's name as residents say it (e.g. "海景花園管理處"); empty:
    /// each language's own word for the management office.
    pub name: String,
    pub phone: String,
    pub emergency_phone: String,
    pub hours: String,
}

/// The public emergency services (fire, police, ambulance) as residents
/// dial them where the estate is: 999 for all three in Hong Kong; an estate
/// in mainland China sets 119, 110 and 120. No prompt carries a number.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmergencyServices {
    pub fire: String,
    pub police: String,
    pub ambulance: String,
}

/// Pacing and retries of the outbox sender (Telegram's limits by default).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Sending {
    /// Messages per second over all chats.
    pub global_per_second: u32,
    /// Least time between two messages to one private chat.
    #[serde(with = "humantime_serde")]
    pub per_chat_interval: Duration,
    /// Messages per minute to one group chat.
    pub group_per_minute: u32,
    /// First wait after a 5xx or a timeout; doubles each attempt.
    #[serde(with = "humantime_serde")]
    pub retry_initial: Duration,
    /// Longest wait between attempts.
    #[serde(with = "humantime_serde")]
    pub retry_max: Duration,
    /// Attempts before a message is given up as failed.
    pub max_attempts: u32,
    /// How long one request to Telegram may take.
    #[serde(with = "humantime_serde")]
    pub request_timeout: Duration,
    /// How often the sender looks for new messages when idle.
    #[serde(with = "humantime_serde")]
    pub idle_poll: Duration,
    /// Bulk messages (broadcasts, reports, reminders) are sent with Telegram's
    /// `allow_paid_broadcast`: up to 1000 a second beside the free limit, for
    /// a fee in Telegram Stars.
    pub allow_paid_broadcast: bool,
}

/// The timed-jobs loop.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scheduler {
    /// How often due jobs are looked for.
    #[serde(with = "humantime_serde")]
    pub tick: Duration,
    /// The wait before a failed job's first retry; it doubles each time.
    #[serde(with = "humantime_serde")]
    pub retry_initial: Duration,
    /// The longest wait between two tries of a failed job.
    #[serde(with = "humantime_serde")]
    pub retry_max: Duration,
    /// Tries before a failing job is set aside and the supervisors are told.
    pub max_attempts: u32,
}

/// Joining the desk.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Onboarding {
    /// How long an invite code stays valid.
    #[serde(with = "humantime_serde")]
    pub invite_ttl: Duration,
    /// Requests to be bound to a unit one person may make in a day (each
    /// pings every customer-service member); one may be pending at a time.
    pub bind_requests_per_day: u32,
}

/// Tickets: drafts, reminders and callbacks.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tickets {
    /// Below this confidence the resident is asked to pick the kind and category.
    pub min_confidence: f32,
    /// How long before a deadline the assignee is reminded.
    #[serde(with = "humantime_serde")]
    pub reminder_lead: Duration,
    /// How long before a booked visit's start the resident is reminded.
    #[serde(with = "humantime_serde")]
    pub visit_reminder_lead: Duration,
    /// How long after resolution the resident is asked for a callback rating.
    #[serde(with = "humantime_serde")]
    pub callback_delay: Duration,
    /// How long the resident has to answer the callback before a phone callback task.
    #[serde(with = "humantime_serde")]
    pub callback_timeout: Duration,
    /// How long an unconfirmed draft waits for the resident: a message after
    /// it has been left this long starts a new draft instead of adding to it.
    #[serde(with = "humantime_serde")]
    pub draft_expiry: Duration,
}

/// The durable inbox of updates from Telegram.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Inbox {
    /// Tries before an update that keeps failing is set aside (and the
    /// supervisors told), so it never blocks its chat.
    pub max_attempts: u32,
    /// First wait before an update that failed is tried again; doubles each try.
    #[serde(with = "humantime_serde")]
    pub retry_initial: Duration,
    /// How long handled updates are kept before they are pruned.
    #[serde(with = "humantime_serde")]
    pub retention: Duration,
}

/// The limits of one class of request.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sla {
    /// Someone must accept within this time.
    #[serde(with = "humantime_serde")]
    pub respond: Duration,
    /// It must be resolved within this time.
    #[serde(with = "humantime_serde")]
    pub resolve: Duration,
    /// `office` (only office hours count) or `always` (around the clock);
    /// unset: around the clock for emergency and high, office hours otherwise.
    #[serde(default)]
    pub clock: Option<Clock>,
}

impl Sla {
    /// The clock these limits run on, for limits of `urgency`.
    pub fn clock_for(&self, urgency: Urgency) -> Clock {
        self.clock.unwrap_or(match urgency {
            Urgency::Emergency | Urgency::High => Clock::Always,
            _ => Clock::Office,
        })
    }
}

impl Default for Settings {
    fn default() -> Self {
        let sla = [
            (Urgency::Emergency, 5 * 60, 30 * 60),
            (Urgency::High, 3600, 24 * 3600),
            (Urgency::Normal, 4 * 3600, 3 * 24 * 3600),
            (Urgency::Low, 24 * 3600, 5 * 24 * 3600),
        ]
        .into_iter()
        .map(|(u, respond, resolve)| {
            let clock = match u {
                Urgency::Emergency | Urgency::High => Clock::Always,
                _ => Clock::Office,
            };
            let sla = Sla {
                respond: Duration::from_secs(respond),
                resolve: Duration::from_secs(resolve),
                clock: Some(clock),
            };
            (u, sla)
        })
        .collect();
        let routing = [
            (Category::Gas, "engineering"),
            (Category::Lift, "engineering"),
            (Category::Plumbing, "engineering"),
            (Category::Electrical, "engineering"),
            (Category::Facilities, "engineering"),
            (Category::Renovation, "engineering"),
            (Category::Cleaning, "cleaning"),
            (Category::Pests, "cleaning"),
            (Category::Security, "security"),
            (Category::Parking, "security"),
            (Category::Noise, "security"),
            (Category::Greening, "greening"),
            (Category::Fees, "accounts"),
        ]
        .into_iter()
        .map(|(c, d)| (c, d.to_owned()))
        .collect();
        Self {
            database: PathBuf::from("residesk.db"),
            timezone: chrono_tz::Asia::Hong_Kong,
            default_language: Lang::ZhHant,
            telegram: Telegram::default(),
            office: Office::default(),
            emergency: EmergencyServices::default(),
            sending: Sending::default(),
            scheduler: Scheduler::default(),
            onboarding: Onboarding::default(),
            tickets: Tickets::default(),
            inbox: Inbox::default(),
            sla,
            office_hours: OfficeHours::default(),
            duty: Duty::default(),
            bookables: crate::domain::booking::defaults(),
            departments: [
                "customer_service",
                "engineering",
                "security",
                "cleaning",
                "greening",
                "accounts",
            ]
            .map(str::to_owned)
            .to_vec(),
            routing,
            reports: Reports::default(),
            complaints: Complaints::default(),
        }
    }
}

impl Default for Office {
    fn default() -> Self {
        Self {
            name: String::new(),
            phone: "+852 2123 4567".to_owned(),
            emergency_phone: "+852 2123 4999".to_owned(),
            hours: "09:00–18:00".to_owned(),
        }
    }
}

impl Default for EmergencyServices {
    fn default() -> Self {
        Self {
            fire: "999".to_owned(),
            police: "999".to_owned(),
            ambulance: "999".to_owned(),
        }
    }
}

impl Default for Sending {
    fn default() -> Self {
        Self {
            global_per_second: 30,
            per_chat_interval: Duration::from_secs(1),
            group_per_minute: 20,
            retry_initial: Duration::from_secs(1),
            retry_max: Duration::from_secs(60),
            max_attempts: 10,
            request_timeout: Duration::from_secs(30),
            idle_poll: Duration::from_millis(500),
            allow_paid_broadcast: false,
        }
    }
}

impl Default for Scheduler {
    fn default() -> Self {
        Self {
            tick: Duration::from_secs(5),
            retry_initial: Duration::from_secs(60),
            retry_max: Duration::from_secs(3600),
            max_attempts: 8,
        }
    }
}

impl Default for Onboarding {
    fn default() -> Self {
        Self {
            invite_ttl: Duration::from_secs(72 * 3600),
            bind_requests_per_day: 3,
        }
    }
}

impl Default for Tickets {
    fn default() -> Self {
        Self {
            min_confidence: 0.5,
            reminder_lead: Duration::from_secs(30 * 60),
            visit_reminder_lead: Duration::from_secs(3600),
            callback_delay: Duration::from_secs(24 * 3600),
            callback_timeout: Duration::from_secs(48 * 3600),
            draft_expiry: Duration::from_secs(3600),
        }
    }
}

impl Default for Inbox {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            retry_initial: Duration::from_millis(500),
            retention: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

/// Why the settings could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read settings file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("settings file {path} is not valid TOML: {source}")]
    Syntax {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("bad value for setting `{key}`: {message}")]
    Value { key: String, message: String },
}

impl Settings {
    /// Reads `file` (or `residesk.toml` in the working directory when present),
    /// then applies the process environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let default_file = Path::new("residesk.toml");
        let file = file.or_else(|| default_file.exists().then_some(default_file));
        let text = match file {
            Some(path) => std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: path.to_owned(),
                source,
            })?,
            None => String::new(),
        };
        let table: toml::Table = text.parse().map_err(|source| ConfigError::Syntax {
            path: file.map(Path::to_owned).unwrap_or_default(),
            source: Box::new(source),
        })?;
        Self::from_parts(table, std::env::vars())
    }

    /// Builds settings from a parsed file and `(name, value)` environment pairs.
    pub fn from_parts(
        mut table: toml::Table,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        for (name, value) in env {
            let path: Vec<String> = match name.as_str() {
                "TELOXIDE_TOKEN" => vec!["telegram".into(), "token".into()],
                "TELOXIDE_API_URL" => vec!["telegram".into(), "api_url".into()],
                _ => match name.strip_prefix("RESIDESK_") {
                    Some(rest) if !rest.is_empty() => {
                        rest.split("__").map(str::to_ascii_lowercase).collect()
                    }
                    _ => continue,
                },
            };
            set_path(&mut table, &path, env_value(&value))?;
        }
        let settings: Self =
            serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|e| {
                ConfigError::Value {
                    key: e.path().to_string(),
                    message: e.inner().to_string(),
                }
            })?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |key: &str, message: String| ConfigError::Value {
            key: key.to_owned(),
            message,
        };
        if !self.departments.iter().any(|d| d == "customer_service") {
            return Err(bad(
                "departments",
                "must include `customer_service`".to_owned(),
            ));
        }
        for (category, dept) in &self.routing {
            if !self.departments.contains(dept) {
                return Err(bad(
                    &format!("routing.{}", category.as_str()),
                    format!("`{dept}` is not one of `departments`"),
                ));
            }
        }
        for urgency in Urgency::ALL {
            if !self.sla.contains_key(urgency) {
                return Err(bad(
                    &format!("sla.{}", urgency.as_str()),
                    "missing: every urgency needs limits".to_owned(),
                ));
            }
        }
        for department in self.duty.shifts.keys() {
            if !self.departments.contains(department) {
                return Err(bad(
                    &format!("duty.shifts.{department}"),
                    format!("`{department}` is not one of `departments`"),
                ));
            }
        }
        for (key, b) in &self.bookables {
            b.check(key, &self.departments)
                .map_err(|(field, message)| bad(&field, message))?;
        }
        self.complaints
            .check()
            .map_err(|message| bad("complaints.validity_reasons", message))?;
        if self.scheduler.max_attempts == 0 {
            return Err(bad("scheduler.max_attempts", "must be at least 1".into()));
        }
        if !(1..=28).contains(&self.reports.monthly_day) {
            return Err(bad(
                "reports.monthly_day",
                "must be between 1 and 28".into(),
            ));
        }
        if self.reports.monthly_hour > 23 {
            return Err(bad(
                "reports.monthly_hour",
                "must be between 0 and 23".into(),
            ));
        }
        if self.reports.daily_digest_hour > 23 {
            return Err(bad(
                "reports.daily_digest_hour",
                "must be between 0 and 23".into(),
            ));
        }
        if self.reports.key_reminder_hour > 23 {
            return Err(bad(
                "reports.key_reminder_hour",
                "must be between 0 and 23".into(),
            ));
        }
        if self.sending.global_per_second == 0 {
            return Err(bad(
                "sending.global_per_second",
                "must be at least 1".into(),
            ));
        }
        if self.sending.group_per_minute == 0 {
            return Err(bad("sending.group_per_minute", "must be at least 1".into()));
        }
        if self.inbox.max_attempts == 0 {
            return Err(bad("inbox.max_attempts", "must be at least 1".into()));
        }
        if !(0.0..=1.0).contains(&self.tickets.min_confidence) {
            return Err(bad(
                "tickets.min_confidence",
                "must be between 0 and 1".into(),
            ));
        }
        Ok(())
    }

    /// The department that handles a category.
    pub fn department_for(&self, category: Category) -> &str {
        self.routing
            .get(&category)
            .map_or("customer_service", String::as_str)
    }

    /// The limits of a request's class.
    pub fn sla_for(&self, _kind: Kind, urgency: Urgency) -> Sla {
        self.sla.get(&urgency).copied().unwrap_or(Sla {
            respond: Duration::from_secs(4 * 3600),
            resolve: Duration::from_secs(3 * 24 * 3600),
            clock: None,
        })
    }

    /// A bookable thing by key, as its slots are computed: a visit (staff's
    /// time) has none on the office's holidays besides its own closed days.
    pub fn bookable(&self, key: &str) -> Option<Bookable> {
        let mut b = self.bookables.get(key)?.clone();
        if b.sort == crate::domain::booking::Sort::Visit {
            b.closed.extend(self.office_hours.holidays.iter().copied());
        }
        Some(b)
    }

    /// The office's calendar: working week and holidays in the estate's zone.
    pub fn calendar(&self) -> Calendar<'_> {
        Calendar {
            tz: self.timezone,
            week: &self.office_hours.week,
            holidays: &self.office_hours.holidays,
        }
    }

    /// The deadlines of a request of this class opened at `opened`, on its
    /// urgency's clock (the one place deadlines are computed from settings).
    pub fn deadlines(&self, kind: Kind, urgency: Urgency, opened: DateTime<Utc>) -> Deadlines {
        let sla = self.sla_for(kind, urgency);
        ticket::deadlines(
            opened,
            sla.respond,
            sla.resolve,
            sla.clock_for(urgency),
            &self.calendar(),
        )
    }
}

/// An environment value as TOML when it reads as one (numbers, booleans,
/// arrays), else as a plain string.
fn env_value(raw: &str) -> toml::Value {
    format!("v = {raw}")
        .parse::<toml::Table>()
        .ok()
        .and_then(|mut t| t.remove("v"))
        .unwrap_or_else(|| toml::Value::String(raw.to_owned()))
}

fn set_path(
    table: &mut toml::Table,
    path: &[String],
    value: toml::Value,
) -> Result<(), ConfigError> {
    let (last, parents) = path.split_last().ok_or_else(|| ConfigError::Value {
        key: String::new(),
        message: "empty key".into(),
    })?;
    let mut here = table;
    for (i, key) in parents.iter().enumerate() {
        let entry = here
            .entry(key.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        here = entry.as_table_mut().ok_or_else(|| ConfigError::Value {
            key: path[..=i].join("."),
            message: "is not a section".into(),
        })?;
    }
    here.insert(last.clone(), value);
    Ok(())
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
