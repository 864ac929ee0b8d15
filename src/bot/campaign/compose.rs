//! Composing a survey or a notice in chat, one step at a time; it ends as a
//! draft (in the transaction that ends the conversation) whose card offers
//! Preview and Send.
//!
//! ```text
//! supervisor: /notice → (➕ New notice)
//! bot:        Please send the notice: a text, or a photo with the text as its caption.
//! supervisor: (photo) 12月3日10:00至12:00第3座停水
//! bot:        Who should get it?  [All residents] [Choose buildings] [Closed requests …] [Not finished …]
//! supervisor: (Choose buildings) (⬜ 3) (✅ Done)
//! bot:        Add a “收到 / I have read it” button?  [Yes] [No]
//! bot:        When should it go out?  [Now] [Now, urgent] [At a time…]
//! bot:        📢 Notice #5 … draft  [👁 Preview] [📤 Send] [🗑 Discard]
//!
//! supervisor: /survey → (➕ New survey)
//! bot:        The survey's title?          → its introduction? [Skip]
//! bot:        Question 1?                  → what kind of answer? [⭐ 1–5] [One choice] [Several] [Text]
//! bot:        The options, one per line    → must it be answered? [Required] [Optional]
//! bot:        Another question?  [➕ Another] [✅ Done] → audience → anonymous? → open for? → reminder?
//! ```

use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use teloxide::prelude::*;
use teloxide::types::MessageId;

use super::{edit_or_send, show_card};
use crate::bot::common::refuse;
use crate::bot::{Actor, App, BotDialogue, HandlerResult, State, Supervisor, reply};
use crate::desk::campaign;
use crate::domain::button::{AudiencePick, Callback, ComposeOp, NoticeWhen};
use crate::domain::campaign::{Audience, MAX_CAPTION, MAX_NOTICE, Notice};
use crate::domain::role::Role;
use crate::domain::survey::{
    Localized, MAX_INTRO, MAX_OPTION, MAX_OPTIONS, MAX_QUESTION, MAX_QUESTIONS, MAX_TITLE,
    Question, QuestionKind, Survey,
};
use crate::domain::survey_file::{Imported, Plan, When};
use crate::outbox::OutButton;
use crate::store;
use crate::texts::{t, t_args};

/// Where a composition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    NoticeText,
    Title,
    Intro,
    Question,
    Kind,
    Options,
    Required,
    More,
    Audience,
    Buildings,
    Ack,
    When,
    At,
    Anonymous,
    Days,
    Remind,
}

/// A survey or notice being composed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compose {
    pub nonce: u32,
    pub step: Step,
    /// `None`: a notice.
    pub survey: Option<Survey>,
    /// The question being written.
    pub question: Option<Question>,
    pub notice: Notice,
    pub audience: Option<Audience>,
    /// The buildings offered, and the indexes chosen.
    pub buildings: Vec<String>,
    pub chosen: Vec<u8>,
    pub anonymous: bool,
    pub days: u8,
    pub urgent: bool,
}

fn button(lang: crate::domain::lang::Lang, key: &str, nonce: u32, op: ComposeOp) -> OutButton {
    OutButton::new(t(lang, key), Callback::Compose { nonce, op }.encode())
}

/// The "new survey" or "new notice" button.
pub fn new_button(lang: crate::domain::lang::Lang, survey: bool) -> OutButton {
    let key = if survey { "survey-new" } else { "notice-new" };
    button(lang, key, 0, ComposeOp::New(survey))
}

/// A button of a composition.
pub async fn button_pressed(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    nonce: u32,
    op: ComposeOp,
) -> HandlerResult {
    if actor.role() != Some(Role::Supervisor) {
        return refuse(bot, actor, query).await;
    }
    let message = query.regular_message().map(|m| m.id);
    if let ComposeOp::New(survey) = op {
        reply::answer(bot, actor, query, None, false);
        let compose = Compose {
            nonce: rand::random::<u32>().max(1),
            step: if survey {
                Step::Title
            } else {
                Step::NoticeText
            },
            survey: survey.then(Survey::default),
            question: None,
            notice: Notice::default(),
            audience: None,
            buildings: Vec::new(),
            chosen: Vec::new(),
            anonymous: true,
            days: 14,
            urgent: false,
        };
        return ask(bot, app, actor, dialogue, compose, None).await;
    }
    let compose = match dialogue.get().await? {
        Some(State::Compose(c)) if c.nonce == nonce => c,
        _ => {
            reply::stale(bot, actor, query);
            return Ok(());
        }
    };
    let mut c = compose;
    let toast = |key: &'static str| async move {
        reply::answer(bot, actor, query, Some(t(actor.lang, key)), true);
        Ok::<(), crate::error::Error>(())
    };
    match (c.step, op) {
        (Step::Intro, ComposeOp::Skip) => c.step = Step::Question,
        (Step::Kind, ComposeOp::Kind(kind)) => {
            if let Some(q) = c.question.as_mut() {
                q.kind = kind;
            }
            c.step = if kind.has_options() {
                Step::Options
            } else {
                Step::Required
            };
        }
        (Step::Required, ComposeOp::Required(required)) => {
            if let (Some(mut q), Some(survey)) = (c.question.take(), c.survey.as_mut()) {
                q.required = required;
                survey.questions.push(q);
            }
            c.step = Step::More;
        }
        (Step::More, ComposeOp::More(more)) => {
            let count = c.survey.as_ref().map_or(0, |s| s.questions.len());
            if more && count >= MAX_QUESTIONS {
                return toast("compose-too-many-questions").await;
            }
            c.step = if more { Step::Question } else { Step::Audience };
        }
        (Step::Audience, ComposeOp::Audience(pick)) => match pick {
            AudiencePick::All => {
                c.audience = Some(Audience::All);
                c.step = after_audience(&c);
            }
            AudiencePick::Buildings => {
                c.buildings = store::campaigns::buildings(app.db.pool()).await?;
                c.buildings.truncate(40);
                c.chosen.clear();
                c.step = Step::Buildings;
            }
            AudiencePick::ClosedLastMonth => {
                let now = app.now();
                c.audience = Some(Audience::ClosedTickets {
                    from: now - Duration::days(30),
                    to: now,
                });
                c.step = after_audience(&c);
            }
            AudiencePick::NotAnswered => {
                let Some(survey) = store::campaigns::latest_sent_survey(app.db.pool()).await?
                else {
                    return toast("compose-no-survey-yet").await;
                };
                c.audience = Some(Audience::NotAnswered { survey });
                c.step = after_audience(&c);
            }
        },
        (Step::Buildings, ComposeOp::Building(i)) if usize::from(i) < c.buildings.len() => {
            match c.chosen.binary_search(&i) {
                Ok(at) => {
                    c.chosen.remove(at);
                }
                Err(at) => c.chosen.insert(at, i),
            }
        }
        (Step::Buildings, ComposeOp::BuildingsDone) => {
            if c.chosen.is_empty() {
                return toast("compose-buildings-none").await;
            }
            let names: Vec<&String> = c
                .chosen
                .iter()
                .filter_map(|i| c.buildings.get(usize::from(*i)))
                .collect();
            c.audience = Some(Audience::buildings(names));
            c.step = after_audience(&c);
        }
        (Step::Ack, ComposeOp::Ack(ack)) => {
            c.notice.ack = ack;
            c.step = Step::When;
        }
        (Step::When, ComposeOp::NoticeWhen(when)) => match when {
            NoticeWhen::Now | NoticeWhen::Urgent => {
                c.urgent = when == NoticeWhen::Urgent;
                reply::answer(bot, actor, query, None, false);
                return finish(bot, app, actor, c, None, None, message).await;
            }
            NoticeWhen::Later => c.step = Step::At,
        },
        (Step::Anonymous, ComposeOp::Anonymous(anonymous)) => {
            c.anonymous = anonymous;
            c.step = Step::Days;
        }
        (Step::Days, ComposeOp::Days(days)) => {
            c.days = days;
            c.step = Step::Remind;
        }
        (Step::Remind, ComposeOp::Remind(days)) => {
            if days >= c.days {
                return toast("compose-remind-bad").await;
            }
            reply::answer(bot, actor, query, None, false);
            let remind = (days > 0).then_some(days);
            return finish(bot, app, actor, c, remind, None, message).await;
        }
        _ => {
            reply::stale(bot, actor, query);
            return Ok(());
        }
    }
    reply::answer(bot, actor, query, None, false);
    ask(bot, app, actor, dialogue, c, message).await
}

fn after_audience(c: &Compose) -> Step {
    if c.survey.is_some() {
        Step::Anonymous
    } else {
        Step::Ack
    }
}

/// A message while composing.
pub async fn text(
    bot: Bot,
    app: std::sync::Arc<App>,
    Supervisor(actor): Supervisor,
    dialogue: BotDialogue,
    msg: Message,
    compose: Compose,
) -> HandlerResult {
    let result = typed(&bot, &app, &actor, &dialogue, &msg, compose).await;
    crate::bot::onboarding::settle(&bot, &app, &actor, result).await
}

async fn typed(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    mut c: Compose,
) -> HandlerResult {
    let lang = actor.lang;
    let said = msg
        .text()
        .or_else(|| msg.caption())
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    let too_long = |limit: usize| {
        t_args(
            lang,
            "compose-too-long",
            &[("limit", i64::try_from(limit).unwrap_or(0).into())],
        )
    };
    match c.step {
        Step::NoticeText => {
            let photo = msg
                .photo()
                .and_then(|sizes| sizes.iter().max_by_key(|s| s.width * s.height))
                .map(|s| s.file.id.0.clone());
            let document = msg.document().map(|d| d.file.id.0.clone());
            let limit = if photo.is_some() || document.is_some() {
                MAX_CAPTION - 10
            } else {
                MAX_NOTICE
            };
            if said.is_empty() {
                return reply::text(bot, actor, t(lang, "compose-notice-text")).await;
            }
            if said.chars().count() > limit {
                return reply::text(bot, actor, too_long(limit)).await;
            }
            c.notice.text = Localized::one(lang, said);
            c.notice.document = document.filter(|_| photo.is_none());
            c.notice.photo = photo;
            c.step = Step::Audience;
        }
        Step::Title | Step::Intro | Step::Question if said.is_empty() => {
            return reply::text(bot, actor, t(lang, "compose-type-please")).await;
        }
        Step::Title => {
            if said.chars().count() > MAX_TITLE {
                return reply::text(bot, actor, too_long(MAX_TITLE)).await;
            }
            if let Some(s) = c.survey.as_mut() {
                s.title = Localized::one(lang, said);
            }
            c.step = Step::Intro;
        }
        Step::Intro => {
            if said.chars().count() > MAX_INTRO {
                return reply::text(bot, actor, too_long(MAX_INTRO)).await;
            }
            if let Some(s) = c.survey.as_mut() {
                s.intro = Localized::one(lang, said);
            }
            c.step = Step::Question;
        }
        Step::Question => {
            if said.chars().count() > MAX_QUESTION {
                return reply::text(bot, actor, too_long(MAX_QUESTION)).await;
            }
            c.question = Some(Question {
                kind: QuestionKind::Rating,
                text: Localized::one(lang, said),
                options: Vec::new(),
                required: true,
            });
            c.step = Step::Kind;
        }
        Step::Options => {
            let options: Vec<&str> = said
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            if !(2..=MAX_OPTIONS).contains(&options.len())
                || options.iter().any(|o| o.chars().count() > MAX_OPTION)
            {
                let args = [
                    ("max", i64::try_from(MAX_OPTIONS).unwrap_or(0).into()),
                    ("limit", i64::try_from(MAX_OPTION).unwrap_or(0).into()),
                ];
                return reply::text(bot, actor, t_args(lang, "compose-options-bad", &args)).await;
            }
            if let Some(q) = c.question.as_mut() {
                q.options = options
                    .into_iter()
                    .map(|o| Localized::one(lang, o))
                    .collect();
            }
            c.step = Step::Required;
        }
        Step::At => {
            let at = crate::domain::survey_file::moment(&said, app.settings.timezone, "")
                .ok()
                .filter(|at| *at > app.now());
            let Some(at) = at else {
                let args = [("example", super::steps::example(app).into())];
                return reply::text(bot, actor, t_args(lang, "compose-at-bad", &args)).await;
            };
            return finish(bot, app, actor, c, None, Some(at), None).await;
        }
        _ => return reply::text(bot, actor, t(lang, "compose-use-buttons")).await,
    }
    ask(bot, app, actor, dialogue, c, None).await
}

/// Saves the composition and asks its current step: editing `message` for
/// a button step, else in a new message.
async fn ask(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    c: Compose,
    message: Option<MessageId>,
) -> HandlerResult {
    let (text, rows) = super::steps::prompt(app, actor.lang, &c);
    dialogue.update(State::Compose(c)).await?;
    if rows.is_empty() {
        return reply::text(bot, actor, text).await;
    }
    edit_or_send(bot, actor, message, text, &rows)
        .await
        .map(|_| ())
}

/// Makes the draft, in the transaction that ends the conversation, and
/// shows its card.
async fn finish(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    c: Compose,
    remind_days: Option<u8>,
    at: Option<chrono::DateTime<Utc>>,
    message: Option<MessageId>,
) -> HandlerResult {
    let now = app.now();
    let audience = c.audience.clone().unwrap_or(Audience::All);
    let mut tx = app.db.begin().await?;
    let id = match &c.survey {
        Some(survey) => {
            let day = 24 * 3600;
            let imported = Imported {
                plan: Plan {
                    survey: survey.clone(),
                    closes: When::After(u64::from(c.days) * day),
                    remind: remind_days.map(|d| When::After(u64::from(d) * day)),
                },
                audience,
                anonymous: c.anonymous,
            };
            campaign::import(&mut tx, &imported, Some(actor.id()), now).await?
        }
        None => {
            campaign::draft_notice(
                &mut tx,
                &c.notice,
                &audience,
                c.urgent,
                Some(actor.id()),
                now,
            )
            .await?
        }
    };
    store::campaigns::set_send_at(&mut tx, id, at).await?;
    store::dialogues::clear(&mut tx, actor.chat().0).await?;
    app.commit(tx).await?;
    let Some(campaign) = campaign::read(app, id).await? else {
        return Ok(());
    };
    show_card(bot, app, actor, &campaign, message).await
}
