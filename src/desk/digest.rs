//! The daily digest: each morning at `reports.daily_digest_hour` (estate
//! time) every supervisor gets yesterday's new, closed and overdue
//! (escalated) tickets, its emergencies, the callbacks (回訪) due today, the
//! open key complaints, the hot spots not closed and those closed that day.
//! One job per estate day, under a key with the date, that plans the next
//! day's: it goes out once a day, also across restarts. `reports.daily_digest = false` turns it off.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::lang_of;
use crate::app::App;
use crate::domain::lang::Lang;
use crate::domain::request::Urgency;
use crate::error::Error;
use crate::jobs::{self, Job};
use crate::outbox::{self, OutMessage};
use crate::store::{self, Tx};
use crate::texts::{t, t_args};

/// How many numbers a line lists (the rest are counted).
const LISTED: usize = 15;

/// The start of an estate day, in UTC.
fn start_of(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let local = day.and_time(NaiveTime::MIN);
    tz.from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

/// Plans the next digest after `now`, unless the digest is off.
pub async fn ensure_next(tx: &mut Tx, app: &App, now: DateTime<Utc>) -> Result<(), Error> {
    let r = &app.settings.reports;
    if !r.daily_digest {
        return Ok(());
    }
    let tz = app.settings.timezone;
    let due = super::keys::next_at_hour(now, tz, r.daily_digest_hour);
    let day = due.with_timezone(&tz).date_naive().to_string();
    let key = format!("daily-digest:{day}");
    jobs::schedule(tx, &Job::DailyDigest { day }, due, Some(&key)).await?;
    Ok(())
}

/// What the digest of a day says.
struct Figures {
    day: NaiveDate,
    new: Vec<String>,
    emergencies: Vec<String>,
    closed: Vec<String>,
    overdue: Vec<String>,
    callbacks: Vec<String>,
    key: Vec<String>,
    spots: Vec<store::hot_spots::Listed>,
    /// Hot spots closed that day.
    closed_spots: Vec<store::hot_spots::HotSpotRow>,
}

async fn gather(tx: &mut Tx, app: &App, today: NaiveDate) -> Result<Figures, Error> {
    let tz = app.settings.timezone;
    let yesterday = today - Duration::days(1);
    let (from, to) = (start_of(yesterday, tz), start_of(today, tz));
    let created = store::digest::created(tx, from, to).await?;
    let end_of_today = start_of(today + Duration::days(1), tz);
    let delay = Duration::from_std(app.settings.tickets.callback_delay).unwrap_or_default();
    Ok(Figures {
        day: yesterday,
        emergencies: created
            .iter()
            .filter(|c| c.urgency == Urgency::Emergency)
            .map(|c| c.number.clone())
            .collect(),
        new: created.into_iter().map(|c| c.number).collect(),
        closed: store::digest::with_action(tx, "closed", from, to).await?,
        overdue: store::digest::with_action(tx, "escalated", from, to).await?,
        callbacks: store::digest::callbacks_due(tx, end_of_today - delay).await?,
        key: store::digest::open_key(tx).await?,
        spots: store::hot_spots::open_spots(tx).await?,
        closed_spots: store::hot_spots::closed_between(tx, from, to).await?,
    })
}

fn line(lang: Lang, key: &str, numbers: &[String]) -> String {
    let mut out = t_args(lang, key, &[("count", numbers.len().into())]);
    if !numbers.is_empty() {
        out.push_str(" — ");
        out.push_str(&numbers[..numbers.len().min(LISTED)].join(", "));
        if numbers.len() > LISTED {
            out.push_str(&t_args(
                lang,
                "hotspot-more",
                &[("count", (numbers.len() - LISTED).into())],
            ));
        }
    }
    out
}

fn render(lang: Lang, f: &Figures) -> String {
    let mut lines = vec![
        t_args(lang, "digest-title", &[("date", f.day.to_string().into())]),
        line(lang, "digest-new", &f.new),
        line(lang, "digest-closed", &f.closed),
        line(lang, "digest-overdue", &f.overdue),
        line(lang, "digest-emergencies", &f.emergencies),
        line(lang, "digest-callbacks", &f.callbacks),
        line(lang, "digest-key", &f.key),
        t_args(lang, "digest-hot-spots", &[("count", f.spots.len().into())]),
    ];
    for spot in f.spots.iter().take(LISTED) {
        lines.push(t_args(
            lang,
            "digest-hot-spot",
            &[
                (
                    "category",
                    t(lang, &format!("category-{}", spot.spot.category.as_str())).into(),
                ),
                (
                    "place",
                    super::hotspots::place_label(lang, &spot.spot.place).into(),
                ),
                ("open", spot.open.into()),
                (
                    "marked",
                    if spot.spot.marked_at.is_some() {
                        "yes"
                    } else {
                        "no"
                    }
                    .into(),
                ),
            ],
        ));
    }
    if !f.closed_spots.is_empty() {
        let count = f.closed_spots.len();
        lines.push(t_args(
            lang,
            "digest-hot-spots-closed",
            &[("count", count.into())],
        ));
        for spot in f.closed_spots.iter().take(LISTED) {
            let title = super::hotspots::title(lang, spot);
            lines.push(t_args(
                lang,
                "digest-hot-spot-closed",
                &[("spot", title.into())],
            ));
        }
    }
    let text = lines.join("\n");
    // Telegram's limit; the lists above are short, this only guards it.
    text.chars().take(4000).collect()
}

/// Sends the digest of estate day `day` to every supervisor (bulk lane) and
/// plans the next one.
pub async fn send(tx: &mut Tx, app: &App, day: &str, now: DateTime<Utc>) -> Result<(), Error> {
    if !app.settings.reports.daily_digest {
        return Ok(());
    }
    let Ok(today) = day.parse::<NaiveDate>() else {
        tracing::error!(day, "daily digest job with a bad day, dropped");
        return ensure_next(tx, app, now).await;
    };
    let figures = gather(tx, app, today).await?;
    let supervisors = store::users::supervisors(tx).await?;
    for supervisor in &supervisors {
        let lang = lang_of(app, Some(supervisor));
        let text = render(lang, &figures);
        outbox::enqueue_bulk(tx, supervisor.chat_id, &OutMessage::text(text), now).await?;
    }
    tracing::info!(day, supervisors = supervisors.len(), "daily digest sent");
    ensure_next(tx, app, now).await
}
