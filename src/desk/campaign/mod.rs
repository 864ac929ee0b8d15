//! Campaigns: surveys (業戶意見征詢) and notices (公告) sent to many
//! residents. A supervisor's Send moves a draft to `sending`; a job then
//! queues its recipients in batches, each recipient row in the transaction
//! that queues its message (so a resident gets it at most once, across
//! restarts and `kill -9`), keeping only a few seconds' worth in the outbox
//! so that interactive replies are never stuck behind thousands of them.
//! Later jobs remind non-responders once and close the survey.

pub mod answer;
mod export;
pub mod results;
pub mod screens;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::app::App;
use crate::domain::campaign::{Audience, Delivery, Kind, Notice, Status};
use crate::domain::lang::Lang;
use crate::domain::survey_file::{Imported, Plan};
use crate::error::Error;
use crate::jobs::{Job, schedule};
use crate::outbox::{self, Lane, OutMessage};
use crate::store::campaigns::CampaignRow;
use crate::store::{self, Tx};
use crate::texts::t_args;

use screens::Locale;

/// A campaign's timed steps (jobs are data: see [`crate::jobs`]).
pub use crate::jobs::CampaignStep as Step;

fn key(id: i64, step: Step) -> String {
    match step {
        Step::Deliver { after } => format!("campaign:{id}:deliver:{after}"),
        Step::Remind => format!("campaign:{id}:remind"),
        Step::Close => format!("campaign:{id}:close"),
    }
}

async fn plan(tx: &mut Tx, id: i64, step: Step, at: DateTime<Utc>) -> Result<(), Error> {
    let job = Job::Campaign {
        campaign_id: id,
        step,
    };
    schedule(tx, &job, at, Some(&key(id, step))).await?;
    Ok(())
}

/// Plans the running step once more, at `at`. Under a key of its own: the
/// step's key is still the running job's, and a job planned under it would
/// be dropped (a delivery waiting for its backlog once stopped for good).
async fn again(tx: &mut Tx, id: i64, step: Step, at: DateTime<Utc>) -> Result<(), Error> {
    let job = Job::Campaign {
        campaign_id: id,
        step,
    };
    let key = format!("{}:again:{}", key(id, step), at.timestamp_millis());
    schedule(tx, &job, at, Some(&key)).await?;
    Ok(())
}

/// What a campaign holds, read from its row.
#[derive(Debug, Clone)]
pub enum Content {
    Survey(Plan),
    Notice(Notice),
}

/// A campaign with its content read.
#[derive(Debug, Clone)]
pub struct Campaign {
    pub row: CampaignRow,
    pub content: Content,
    pub audience: Audience,
}

impl Campaign {
    pub fn read(row: CampaignRow) -> Result<Self, Error> {
        let bad = |e: serde_json::Error| Error::Other(format!("campaign {}: {e}", row.id));
        let content = match row.kind {
            Kind::Survey => Content::Survey(serde_json::from_str(&row.content).map_err(bad)?),
            Kind::Notice => Content::Notice(serde_json::from_str(&row.content).map_err(bad)?),
        };
        let audience = serde_json::from_str(&row.audience).map_err(bad)?;
        Ok(Self {
            row,
            content,
            audience,
        })
    }

    pub fn id(&self) -> i64 {
        self.row.id
    }

    /// The survey plan, when it is a survey.
    pub fn survey(&self) -> Option<&Plan> {
        match &self.content {
            Content::Survey(plan) => Some(plan),
            Content::Notice(_) => None,
        }
    }

    /// What a resident in `lang` is sent first.
    pub fn message(&self, l: Locale) -> OutMessage {
        match &self.content {
            Content::Survey(plan) => screens::invite(
                &plan.survey,
                self.id(),
                self.row.anonymous,
                self.row.closes_at,
                l,
            )
            .into_message(),
            Content::Notice(notice) => screens::notice(notice, self.id(), l),
        }
    }

    /// The lane its messages travel in: urgent notices are interactive.
    pub fn lane(&self) -> Lane {
        if self.row.urgent {
            Lane::Interactive
        } else {
            Lane::Bulk
        }
    }
}

/// Loads a campaign inside a write.
pub async fn load(tx: &mut Tx, id: i64) -> Result<Option<Campaign>, Error> {
    match store::campaigns::get_tx(tx, id).await? {
        Some(row) => Ok(Some(Campaign::read(row)?)),
        None => Ok(None),
    }
}

/// Loads a campaign for a read.
pub async fn read(app: &App, id: i64) -> Result<Option<Campaign>, Error> {
    match store::campaigns::get(app.db.pool(), id).await? {
        Some(row) => Ok(Some(Campaign::read(row)?)),
        None => Ok(None),
    }
}

/// The locale of a user's language.
pub fn locale(app: &App, lang: Option<&str>) -> Locale {
    Locale {
        lang: lang
            .and_then(|l| l.parse().ok())
            .unwrap_or(app.settings.default_language),
        default: app.settings.default_language,
        tz: app.settings.timezone,
        now: app.now(),
    }
}

/// Creates a survey draft from an imported file; returns its id.
pub async fn import(
    tx: &mut Tx,
    imported: &Imported,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, Error> {
    let content = json(&imported.plan)?;
    let audience = json(&imported.audience)?;
    let id = store::campaigns::create(
        tx,
        Kind::Survey,
        &content,
        &audience,
        imported.anonymous,
        false,
        by,
        now,
    )
    .await?;
    store::audit::record(
        tx,
        now,
        by,
        "survey.drafted",
        Some(&format!("campaign:{id}")),
        &serde_json::json!({ "questions": imported.plan.survey.questions.len() }),
    )
    .await?;
    Ok(id)
}

/// Creates a notice draft; returns its id.
pub async fn draft_notice(
    tx: &mut Tx,
    notice: &Notice,
    audience: &Audience,
    urgent: bool,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64, Error> {
    let id = store::campaigns::create(
        tx,
        Kind::Notice,
        &json(notice)?,
        &json(audience)?,
        false,
        urgent,
        by,
        now,
    )
    .await?;
    store::audit::record(
        tx,
        now,
        by,
        "notice.drafted",
        Some(&format!("campaign:{id}")),
        &serde_json::json!({}),
    )
    .await?;
    Ok(id)
}

pub(crate) fn json(value: &impl Serialize) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| Error::Other(e.to_string()))
}

/// How many an audience is: `(residents, of them blocked, in the register
/// without Telegram)`.
pub async fn audience_size(app: &App, audience: &Audience) -> Result<(i64, i64, i64), Error> {
    let (total, blocked) = store::campaigns::audience_size(app.db.pool(), audience).await?;
    let missing = store::campaigns::unreachable_register(app.db.pool(), audience).await?;
    Ok((total, blocked, missing))
}

/// Why a campaign cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotSent {
    NotFound,
    /// Sent already (a second press).
    NotDraft,
}

/// Sends a draft: now, or at `at`. Its closing and reminder times are fixed
/// from the moment sending starts.
pub async fn send(
    tx: &mut Tx,
    id: i64,
    by: i64,
    at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Result<(), NotSent>, Error> {
    let Some(campaign) = load(tx, id).await? else {
        return Ok(Err(NotSent::NotFound));
    };
    if campaign.row.status != Status::Draft {
        return Ok(Err(NotSent::NotDraft));
    }
    let start = at.filter(|a| *a > now).unwrap_or(now);
    let (closes, remind) = match campaign.survey() {
        Some(plan) => (
            Some(plan.closes.resolve(start)),
            plan.remind.map(|r| r.resolve(start)),
        ),
        None => (None, None),
    };
    let status = if start > now {
        Status::Scheduled
    } else {
        Status::Sending
    };
    if !store::campaigns::start_sending(tx, id, status, start, closes, remind).await? {
        return Ok(Err(NotSent::NotDraft));
    }
    plan(tx, id, Step::Deliver { after: 0 }, start).await?;
    if let Some(remind) = remind.filter(|r| closes.is_none_or(|c| r < &c)) {
        plan(tx, id, Step::Remind, remind).await?;
    }
    if let Some(closes) = closes {
        plan(tx, id, Step::Close, closes).await?;
    }
    store::audit::record(
        tx,
        now,
        Some(by),
        "campaign.sent",
        Some(&format!("campaign:{id}")),
        &serde_json::json!({ "start": start }),
    )
    .await?;
    Ok(Ok(()))
}

/// The most recipients one job run queues.
const BATCH: i64 = 200;

/// Runs a campaign's timed step, in the job's transaction.
pub async fn run(
    tx: &mut Tx,
    app: &App,
    id: i64,
    step: Step,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(campaign) = load(tx, id).await? else {
        tracing::warn!(campaign_id = id, "job for a campaign that is gone");
        return Ok(());
    };
    match step {
        Step::Deliver { after } => deliver(tx, app, &campaign, after, now).await,
        Step::Remind => remind(tx, app, &campaign, now).await,
        Step::Close => close(tx, app, &campaign, None, now).await.map(|_| ()),
    }
}

/// Queues the next batch of recipients, keeping the campaign's backlog in
/// the outbox to a few seconds of sending; plans the next batch.
async fn deliver(
    tx: &mut Tx,
    app: &App,
    campaign: &Campaign,
    after: i64,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let id = campaign.id();
    if !matches!(campaign.row.status, Status::Scheduled | Status::Sending) {
        return Ok(());
    }
    store::campaigns::mark_sent(tx, id, now).await?;
    let per_second = i64::from(app.settings.sending.global_per_second.max(1));
    let tick = i64::try_from(app.settings.scheduler.tick.as_secs()).unwrap_or(5);
    let backlog = per_second * (3 * tick).max(10);
    let room = (backlog - store::campaigns::pending(tx, id).await?).min(BATCH);
    if room <= 0 {
        // The same step again, a second later.
        again(
            tx,
            id,
            Step::Deliver { after },
            now + chrono::Duration::seconds(1),
        )
        .await?;
        return Ok(());
    }
    let members = store::campaigns::next_members(tx, id, &campaign.audience, after, room).await?;
    let mut last = after;
    for member in &members {
        last = member.user_id;
        let outbox_id = if member.blocked {
            None
        } else {
            let l = locale(app, member.lang.as_deref());
            let message = campaign.message(l);
            Some(outbox::enqueue_in(tx, member.chat_id, &message, campaign.lane(), now, now).await?)
        };
        store::campaigns::add_recipient(tx, id, member.user_id, outbox_id, now).await?;
    }
    if i64::try_from(members.len()).unwrap_or(0) < room {
        store::campaigns::mark_queued(tx, id, now).await?;
        tracing::info!(campaign_id = id, "every recipient queued");
    } else {
        plan(tx, id, Step::Deliver { after: last }, now).await?;
    }
    Ok(())
}

/// Reminds, once, everyone who was sent the survey and has not finished.
async fn remind(
    tx: &mut Tx,
    app: &App,
    campaign: &Campaign,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let id = campaign.id();
    let Some(plan_) = campaign.survey() else {
        return Ok(());
    };
    if !campaign.row.status.takes_answers() {
        return Ok(());
    }
    if campaign.row.status == Status::Sending {
        // Not everyone is queued yet: remind when they are.
        again(tx, id, Step::Remind, now + chrono::Duration::seconds(5)).await?;
        return Ok(());
    }
    let people = store::campaigns::to_remind(tx, id, BATCH).await?;
    for (user_id, chat_id, lang) in &people {
        let l = locale(app, lang.as_deref());
        let screen = screens::reminder(&plan_.survey, id, campaign.row.closes_at, l);
        outbox::enqueue_in(tx, *chat_id, &screen.into_message(), Lane::Bulk, now, now).await?;
        store::campaigns::mark_recipient_reminded(tx, id, *user_id, now).await?;
    }
    if i64::try_from(people.len()).unwrap_or(0) == BATCH {
        // More to remind: the next batch under a new key.
        let job = Job::Campaign {
            campaign_id: id,
            step: Step::Remind,
        };
        let last = people.last().map_or(0, |p| p.0);
        schedule(tx, &job, now, Some(&format!("campaign:{id}:remind:{last}"))).await?;
    } else {
        store::campaigns::mark_reminded(tx, id, now).await?;
    }
    Ok(())
}

/// Closes a survey (by its job, or a supervisor) and tells whoever created
/// it; false if it was closed already.
pub async fn close(
    tx: &mut Tx,
    app: &App,
    campaign: &Campaign,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    let id = campaign.id();
    if !store::campaigns::close(tx, id, now).await? {
        return Ok(false);
    }
    store::audit::record(
        tx,
        now,
        by,
        "campaign.closed",
        Some(&format!("campaign:{id}")),
        &serde_json::json!({}),
    )
    .await?;
    let Some(creator) = campaign.row.created_by else {
        return Ok(true);
    };
    let Some(user) = store::users::get_tx(tx, creator).await? else {
        return Ok(true);
    };
    let delivery = store::campaigns::delivery(app.db.pool(), id)
        .await
        .unwrap_or_default();
    let l = locale(app, user.lang.as_deref());
    let text = t_args(
        l.lang,
        "campaign-closed",
        &[
            ("id", id.into()),
            ("title", title(campaign, l.lang, l.default).into()),
            ("completed", delivery.completed.into()),
            ("sent", delivery.sent.into()),
        ],
    );
    outbox::enqueue(tx, user.chat_id, &OutMessage::text(text), now).await?;
    Ok(true)
}

/// A campaign's title (a notice's first line) in a language.
pub fn title(campaign: &Campaign, lang: Lang, default: Lang) -> String {
    match &campaign.content {
        Content::Survey(plan) => plan.survey.title.get(lang, default).to_owned(),
        Content::Notice(notice) => notice
            .text
            .get(lang, default)
            .lines()
            .next()
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect(),
    }
}

/// What became of a campaign's messages.
pub async fn delivery(app: &App, id: i64) -> Result<Delivery, Error> {
    Ok(store::campaigns::delivery(app.db.pool(), id).await?)
}
