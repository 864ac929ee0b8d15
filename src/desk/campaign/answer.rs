//! A resident answering a survey, one question at a time: Start creates
//! their response under a random token (carried by the answer buttons), each
//! press records an answer and shows the next question, the last one thanks
//! them. Answers can be changed until the survey closes; after that a press
//! is thanked and not counted. Notices' 收到 is counted here too.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::screens::{self, Screen};
use super::{Campaign, load, locale};
use crate::app::App;
use crate::domain::button::AnswerOp;
use crate::domain::campaign::{Kind, Status};
use crate::domain::survey::{Answer, MAX_TEXT_ANSWER, QuestionKind};
use crate::domain::survey_file::Plan;
use crate::error::Error;
use crate::store::users::UserRow;
use crate::store::{self, Tx};

/// Why a press or a text is not taken (the resident's mistake or a stale
/// button, never a fault).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// No such survey or response (a forged button).
    NotFound,
    /// Someone else's response, or a survey not sent to this resident.
    NotYours,
    /// The survey has closed: thanked, not counted.
    Closed { title: String },
    /// An anonymous survey already started: continue with its message.
    AlreadyStarted,
    /// A required question cannot be skipped.
    Required,
    /// A multiple choice needs an option first.
    ChooseFirst,
    /// A text answer longer than the limit.
    TooLong,
    /// A supervisor's preview: nothing is recorded.
    Preview,
}

/// What to show after a press or a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub screen: Screen,
    /// The question waits for typed text: `(token, question)`.
    pub awaits_text: Option<(i64, u8)>,
}

fn survey_of(campaign: &Campaign) -> Result<&Plan, Refused> {
    campaign.survey().ok_or(Refused::NotFound)
}

fn check_open(app: &App, campaign: &Campaign, user: &UserRow) -> Result<(), Refused> {
    match campaign.row.status {
        Status::Sending | Status::Open => Ok(()),
        Status::Closed => {
            let l = locale(app, user.lang.as_deref());
            Err(Refused::Closed {
                title: super::title(campaign, l.lang, l.default),
            })
        }
        Status::Draft | Status::Scheduled | Status::Cancelled => Err(Refused::NotFound),
    }
}

/// A fresh random token: positive, never 0 (the preview's).
fn token() -> i64 {
    (rand::random::<i64>() & i64::MAX).max(1)
}

/// The resident pressed Start (or Continue on a reminder).
pub async fn start(
    tx: &mut Tx,
    app: &App,
    campaign_id: i64,
    user: &UserRow,
    now: DateTime<Utc>,
) -> Result<Result<Shown, Refused>, Error> {
    let Some(campaign) = load(tx, campaign_id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    let plan = match survey_of(&campaign) {
        Ok(plan) => plan.clone(),
        Err(why) => return Ok(Err(why)),
    };
    if let Err(why) = check_open(app, &campaign, user) {
        return Ok(Err(why));
    }
    let Some(recipient) = store::campaigns::recipient(tx, campaign_id, user.id).await? else {
        return Ok(Err(Refused::NotYours));
    };
    let l = locale(app, user.lang.as_deref());
    if !campaign.row.anonymous
        && let Some(response) = store::surveys::of_user(tx, campaign_id, user.id).await?
    {
        // A named survey resumes where the resident left it.
        let answers = answers(tx, response.id).await?;
        if response.completed {
            let screen = screens::thanks(
                &plan.survey,
                response.id,
                &answers,
                campaign.row.closes_at,
                false,
                l,
            );
            return Ok(Ok(Shown {
                screen,
                awaits_text: None,
            }));
        }
        let next = (0..plan.survey.questions.len())
            .find(|i| !answers.get(i).is_some_and(Answer::is_given))
            .unwrap_or(0);
        return Ok(Ok(show(&plan, response.id, next, &answers, l)));
    }
    if recipient.started_at.is_some() {
        return Ok(Err(Refused::AlreadyStarted));
    }
    let units = store::units::of_resident(app.db.pool(), user.id).await?;
    let building = units.first().map(|u| u.building.clone());
    let unit = units
        .first()
        .map(|u| u.label())
        .filter(|_| !campaign.row.anonymous);
    let owner = (!campaign.row.anonymous).then_some(user.id);
    let mut token = token();
    while !store::surveys::create(
        tx,
        token,
        campaign_id,
        owner,
        building.as_deref(),
        unit.as_deref(),
    )
    .await?
    {
        token = self::token();
    }
    store::campaigns::mark_started(tx, campaign_id, user.id, now).await?;
    Ok(Ok(show(&plan, token, 0, &BTreeMap::new(), l)))
}

async fn answers(tx: &mut Tx, token: i64) -> Result<BTreeMap<usize, Answer>, Error> {
    Ok(store::surveys::answers(tx, token)
        .await?
        .into_iter()
        .filter_map(|(q, value)| {
            let answer = serde_json::from_str(&value).ok()?;
            Some((usize::try_from(q).ok()?, answer))
        })
        .collect())
}

fn show(
    plan: &Plan,
    token: i64,
    index: usize,
    answers: &BTreeMap<usize, Answer>,
    l: screens::Locale,
) -> Shown {
    let screen = screens::question(&plan.survey, token, index, answers.get(&index), l);
    let awaits_text = (plan.survey.questions[index].kind == QuestionKind::Text)
        .then(|| (token, u8::try_from(index).unwrap_or(u8::MAX)));
    Shown {
        screen,
        awaits_text,
    }
}

/// A response the user may act on, with its campaign.
async fn owned(
    tx: &mut Tx,
    app: &App,
    token: i64,
    user: &UserRow,
) -> Result<Result<(Campaign, Plan, bool), Refused>, Error> {
    if token == 0 {
        return Ok(Err(Refused::Preview));
    }
    let Some(response) = store::surveys::get(tx, token).await? else {
        return Ok(Err(Refused::NotFound));
    };
    let Some(campaign) = load(tx, response.campaign_id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    let plan = match survey_of(&campaign) {
        Ok(plan) => plan.clone(),
        Err(why) => return Ok(Err(why)),
    };
    let mine = match response.user_id {
        Some(owner) => owner == user.id,
        // Anonymous: the random token is the proof; it must still be a recipient.
        None => store::campaigns::recipient(tx, campaign.id(), user.id)
            .await?
            .is_some(),
    };
    if !mine {
        return Ok(Err(Refused::NotYours));
    }
    if let Err(why) = check_open(app, &campaign, user) {
        return Ok(Err(why));
    }
    Ok(Ok((campaign, plan, response.completed)))
}

/// The resident pressed an answer button.
#[allow(clippy::too_many_arguments)]
pub async fn press(
    tx: &mut Tx,
    app: &App,
    token: i64,
    question: u8,
    op: AnswerOp,
    user: &UserRow,
    now: DateTime<Utc>,
) -> Result<Result<Shown, Refused>, Error> {
    let (campaign, plan, completed) = match owned(tx, app, token, user).await? {
        Ok(found) => found,
        Err(why) => return Ok(Err(why)),
    };
    let index = usize::from(question);
    let Some(q) = plan.survey.questions.get(index) else {
        return Ok(Err(Refused::NotFound));
    };
    let l = locale(app, user.lang.as_deref());
    let mut answers = answers(tx, token).await?;
    let current = answers.get(&index).cloned();
    let given = match op {
        AnswerOp::Rate(n) => Some(Answer::Rating(n)),
        AnswerOp::Choose(i) => Some(Answer::Choice(i)),
        AnswerOp::Toggle(i) => {
            let toggled = Answer::toggled(current.as_ref(), i);
            if !toggled.fits(q) && toggled.is_given() {
                return Ok(Err(Refused::NotFound));
            }
            record(tx, token, index, &toggled).await?;
            answers.insert(index, toggled);
            return Ok(Ok(show(&plan, token, index, &answers, l)));
        }
        AnswerOp::Skip if q.required => return Ok(Err(Refused::Required)),
        AnswerOp::Skip => Some(Answer::Skipped),
        AnswerOp::Next => match current {
            Some(answer) if answer.is_given() => None,
            _ if q.kind == QuestionKind::Multiple && q.required => {
                return Ok(Err(Refused::ChooseFirst));
            }
            _ if q.required => return Ok(Err(Refused::Required)),
            _ => Some(Answer::Skipped),
        },
        AnswerOp::Back => {
            return Ok(Ok(show(&plan, token, index.saturating_sub(1), &answers, l)));
        }
        AnswerOp::Change => return Ok(Ok(show(&plan, token, 0, &answers, l))),
    };
    if let Some(answer) = given {
        if !answer.fits(q) {
            return Ok(Err(Refused::NotFound));
        }
        record(tx, token, index, &answer).await?;
        answers.insert(index, answer);
    }
    advance(
        tx, &campaign, &plan, token, index, answers, completed, user, now, l,
    )
    .await
}

/// The resident typed the answer to a free-text question.
pub async fn text(
    tx: &mut Tx,
    app: &App,
    token: i64,
    question: u8,
    said: &str,
    user: &UserRow,
    now: DateTime<Utc>,
) -> Result<Result<Shown, Refused>, Error> {
    let (campaign, plan, completed) = match owned(tx, app, token, user).await? {
        Ok(found) => found,
        Err(why) => return Ok(Err(why)),
    };
    let index = usize::from(question);
    let Some(q) = plan.survey.questions.get(index) else {
        return Ok(Err(Refused::NotFound));
    };
    let said = said.trim();
    if said.chars().count() > MAX_TEXT_ANSWER {
        return Ok(Err(Refused::TooLong));
    }
    let answer = Answer::Text(said.to_owned());
    if !answer.fits(q) {
        return Ok(Err(Refused::NotFound));
    }
    record(tx, token, index, &answer).await?;
    let mut answers = answers(tx, token).await?;
    answers.insert(index, answer);
    let l = locale(app, user.lang.as_deref());
    advance(
        tx, &campaign, &plan, token, index, answers, completed, user, now, l,
    )
    .await
}

async fn record(tx: &mut Tx, token: i64, index: usize, answer: &Answer) -> Result<(), Error> {
    store::surveys::set_answer(tx, token, index, &super::json(answer)?).await?;
    Ok(())
}

/// After question `index`: the next question, or — when every question
/// has its answer — the thanks, marking the response and recipient complete.
#[allow(clippy::too_many_arguments)]
async fn advance(
    tx: &mut Tx,
    campaign: &Campaign,
    plan: &Plan,
    token: i64,
    index: usize,
    answers: BTreeMap<usize, Answer>,
    was_completed: bool,
    user: &UserRow,
    now: DateTime<Utc>,
    l: screens::Locale,
) -> Result<Result<Shown, Refused>, Error> {
    let total = plan.survey.questions.len();
    let next = index + 1;
    if next < total {
        return Ok(Ok(show(plan, token, next, &answers, l)));
    }
    let missing = (0..total).find(|i| !answers.get(i).is_some_and(Answer::is_given));
    if let Some(missing) = missing {
        return Ok(Ok(show(plan, token, missing, &answers, l)));
    }
    if !was_completed {
        store::surveys::set_completed(tx, token).await?;
        store::campaigns::mark_completed(tx, campaign.id(), user.id, now).await?;
    }
    let screen = screens::thanks(
        &plan.survey,
        token,
        &answers,
        campaign.row.closes_at,
        was_completed,
        l,
    );
    Ok(Ok(Shown {
        screen,
        awaits_text: None,
    }))
}

/// Why a 收到 press is not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AckRefused {
    NotFound,
    NotYours,
    /// Counted already.
    Already,
}

/// The resident pressed a notice's 收到: counted once.
pub async fn ack(
    tx: &mut Tx,
    campaign_id: i64,
    user: &UserRow,
    now: DateTime<Utc>,
) -> Result<Result<(), AckRefused>, Error> {
    let Some(campaign) = load(tx, campaign_id).await? else {
        return Ok(Err(AckRefused::NotFound));
    };
    if campaign.row.kind != Kind::Notice {
        return Ok(Err(AckRefused::NotFound));
    }
    if store::campaigns::recipient(tx, campaign_id, user.id)
        .await?
        .is_none()
    {
        return Ok(Err(AckRefused::NotYours));
    }
    if !store::campaigns::mark_completed(tx, campaign_id, user.id, now).await? {
        return Ok(Err(AckRefused::Already));
    }
    Ok(Ok(()))
}
