//! Supervisors' surveys and notices: `/survey` and `/notice` list them, a
//! campaign's card shows its status (refreshed in place) with Preview, Send,
//! Results and Close; residents' answers are in [`answer`].
//!
//! ```text
//! supervisor: /survey
//! bot:        📋 Surveys  [#4 · Residents' opinion survey 2026 · draft] [➕ New survey]
//! supervisor: (#4 …)
//! bot:        📋 Survey #4 · … · Draft · To: all residents
//!             3 questions · anonymous. Would reach 1,000 residents (3 blocked the bot; 12 without Telegram).
//!             [👁 Preview] [📤 Send] [🗑 Discard]
//! supervisor: (👁 Preview)  → exactly what residents get, in each language on request
//! supervisor: (📤 Send)     → Send to 1,000 residents now?  [✅ Send now] [⬅️ Back]
//! supervisor: (✅ Send now) → the card: sending · queued 970 · sent 30 …, updated in place
//! supervisor: (📊 Results)  → per question counts, averages, texts; CSV and XLSX files
//! ```

pub mod answer;
pub mod compose;
mod steps;

use std::sync::Arc;
use std::time::Duration;

use teloxide::prelude::*;
use teloxide::types::{InputFile, MessageId};

use super::common::refuse;
use super::onboarding::settle;
use super::{Actor, App, HandlerResult, Supervisor, reply};
use crate::desk::campaign::{self, Content, results, screens};
use crate::domain::button::{Callback, CampaignOp};
use crate::domain::campaign::{Kind, Status};
use crate::domain::lang::Lang;
use crate::domain::role::Role;
use crate::outbox::{OutButton, keyboard};
use crate::store;
use crate::texts::{t, t_args};

/// `/survey`: the latest surveys, and a way to start a new one.
pub async fn surveys(bot: Bot, app: Arc<App>, Supervisor(actor): Supervisor) -> HandlerResult {
    let result = list(&bot, &app, &actor, Kind::Survey).await;
    settle(&bot, &app, &actor, result).await
}

/// `/notice`: the latest notices, and a way to write a new one.
pub async fn notices(bot: Bot, app: Arc<App>, Supervisor(actor): Supervisor) -> HandlerResult {
    let result = list(&bot, &app, &actor, Kind::Notice).await;
    settle(&bot, &app, &actor, result).await
}

async fn list(bot: &Bot, app: &App, actor: &Actor, kind: Kind) -> HandlerResult {
    let rows = store::campaigns::recent(app.db.pool(), kind, 8).await?;
    let default = app.settings.default_language;
    let mut buttons = Vec::new();
    for row in rows {
        let id = row.id;
        let status = t(
            actor.lang,
            &format!("campaign-status-{}", row.status.as_str()),
        );
        let campaign = campaign::Campaign::read(row)?;
        let title: String = campaign::title(&campaign, actor.lang, default)
            .chars()
            .take(30)
            .collect();
        buttons.push(vec![OutButton::new(
            format!("#{id} · {title} · {status}"),
            Callback::Campaign {
                id,
                op: CampaignOp::View,
            }
            .encode(),
        )]);
    }
    let head = match kind {
        Kind::Survey => "survey-list",
        Kind::Notice => "notice-list",
    };
    let key = if buttons.is_empty() {
        format!("{head}-empty")
    } else {
        head.to_owned()
    };
    buttons.push(vec![compose::new_button(actor.lang, kind == Kind::Survey)]);
    reply::buttons(bot, actor, t(actor.lang, &key), &buttons).await
}

/// A supervisor's button on a campaign.
pub async fn button(
    bot: &Bot,
    app: &Arc<App>,
    actor: &Actor,
    query: &CallbackQuery,
    id: i64,
    op: CampaignOp,
) -> HandlerResult {
    if actor.role() != Some(Role::Supervisor) {
        return refuse(bot, actor, query).await;
    }
    let Some(campaign) = campaign::read(app, id).await? else {
        return refuse(bot, actor, query).await;
    };
    let message = query.regular_message().map(|m| m.id);
    match op {
        CampaignOp::View | CampaignOp::Status => {
            reply::answer(bot, actor, query, None, false);
            show_card(bot, app, actor, &campaign, message).await
        }
        CampaignOp::Preview(lang) => {
            reply::answer(bot, actor, query, None, false);
            preview(bot, app, actor, &campaign, lang).await
        }
        CampaignOp::Send => {
            reply::answer(bot, actor, query, None, false);
            if campaign.row.status != Status::Draft {
                return show_card(bot, app, actor, &campaign, message).await;
            }
            let (total, blocked, missing) =
                campaign::audience_size(app, &campaign.audience).await?;
            let text = t_args(
                actor.lang,
                "campaign-confirm-send",
                &[
                    ("id", id.into()),
                    ("reach", (total - blocked).into()),
                    ("blocked", blocked.into()),
                    ("missing", missing.into()),
                ],
            );
            let rows = vec![vec![
                OutButton::new(
                    t(actor.lang, "campaign-send-now"),
                    Callback::Campaign {
                        id,
                        op: CampaignOp::ConfirmSend,
                    }
                    .encode(),
                ),
                OutButton::new(
                    t(actor.lang, "campaign-back"),
                    Callback::Campaign {
                        id,
                        op: CampaignOp::View,
                    }
                    .encode(),
                ),
            ]];
            edit_or_send(bot, actor, message, text, &rows)
                .await
                .map(|_| ())
        }
        CampaignOp::ConfirmSend => {
            let now = app.now();
            let at = campaign.row.send_at.filter(|a| *a > now);
            let mut tx = app.db.begin().await?;
            let sent = campaign::send(&mut tx, id, actor.id(), at, now).await?;
            app.commit(tx).await?;
            let note = match sent {
                Ok(()) => "campaign-sending",
                Err(_) => "campaign-already-sent",
            };
            reply::answer(bot, actor, query, Some(t(actor.lang, note)), false);
            let Some(campaign) = campaign::read(app, id).await? else {
                return Ok(());
            };
            let shown = show_card(bot, app, actor, &campaign, message).await;
            if let (Some(message), Ok(())) = (message, &shown) {
                follow(bot.clone(), app.clone(), actor.clone(), id, message);
            }
            shown
        }
        CampaignOp::Results => {
            reply::answer(bot, actor, query, None, false);
            send_results(bot, app, actor, id).await
        }
        CampaignOp::Close => {
            let now = app.now();
            let mut tx = app.db.begin().await?;
            let closed = campaign::close(&mut tx, app, &campaign, Some(actor.id()), now).await?;
            app.commit(tx).await?;
            let note = if closed {
                "campaign-closed-now"
            } else {
                "campaign-not-open"
            };
            reply::answer(bot, actor, query, Some(t(actor.lang, note)), false);
            let Some(campaign) = campaign::read(app, id).await? else {
                return Ok(());
            };
            show_card(bot, app, actor, &campaign, message).await
        }
        CampaignOp::Discard => {
            let mut tx = app.db.begin().await?;
            let draft = campaign.row.status == Status::Draft;
            if draft {
                store::campaigns::set_status(&mut tx, id, Status::Cancelled).await?;
            }
            app.commit(tx).await?;
            let note = if draft {
                "campaign-discarded"
            } else {
                "campaign-not-draft"
            };
            reply::answer(bot, actor, query, Some(t(actor.lang, note)), false);
            if draft && let Some(message) = message {
                let request = bot.edit_message_text(actor.chat(), message, t(actor.lang, note));
                let _ = actor.courier.call(request).await;
            }
            Ok(())
        }
    }
}

/// Shows a campaign's card (edited in place when there is a message).
async fn show_card(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    campaign: &campaign::Campaign,
    message: Option<MessageId>,
) -> HandlerResult {
    let text = results::status_text(app, campaign, actor.lang).await?;
    let rows = card_buttons(campaign, actor.lang);
    edit_or_send(bot, actor, message, text, &rows)
        .await
        .map(|_| ())
}

fn card_buttons(campaign: &campaign::Campaign, lang: Lang) -> Vec<Vec<OutButton>> {
    let id = campaign.id();
    let b = |key: &str, op: CampaignOp| {
        OutButton::new(t(lang, key), Callback::Campaign { id, op }.encode())
    };
    let survey = campaign.row.kind == Kind::Survey;
    match campaign.row.status {
        Status::Draft => vec![
            vec![
                b("campaign-preview", CampaignOp::Preview(lang)),
                b("campaign-send", CampaignOp::Send),
            ],
            vec![b("campaign-discard", CampaignOp::Discard)],
        ],
        Status::Scheduled | Status::Sending | Status::Open => {
            let mut row = vec![b("campaign-refresh", CampaignOp::Status)];
            if survey {
                row.push(b("campaign-results", CampaignOp::Results));
            }
            let mut rows = vec![row];
            if survey {
                rows.push(vec![b("campaign-close", CampaignOp::Close)]);
            }
            rows
        }
        Status::Closed => {
            let mut row = vec![b("campaign-refresh", CampaignOp::Status)];
            if survey {
                row.push(b("campaign-results", CampaignOp::Results));
            }
            vec![row]
        }
        Status::Cancelled => Vec::new(),
    }
}

/// Edits a message, or sends a new one; returns the message's id.
async fn edit_or_send(
    bot: &Bot,
    actor: &Actor,
    message: Option<MessageId>,
    text: String,
    rows: &[Vec<OutButton>],
) -> Result<MessageId, crate::error::Error> {
    if let Some(id) = message {
        let request = bot
            .edit_message_text(actor.chat(), id, text.clone())
            .reply_markup(keyboard(rows));
        match actor.courier.call(request).await {
            Ok(_) => return Ok(id),
            // Telegram refuses an edit that changes nothing: the card is current.
            Err(teloxide::RequestError::Api(teloxide::ApiError::MessageNotModified)) => {
                return Ok(id);
            }
            Err(error) => tracing::debug!(%error, "could not edit a campaign card"),
        }
    }
    let request = bot
        .send_message(actor.chat(), text)
        .reply_markup(keyboard(rows));
    Ok(actor.courier.call(request).await?.id)
}

/// Keeps a card's status current while its campaign is being sent: edited
/// every few seconds until everything has gone out (or ten minutes pass).
/// Best effort and in memory: after a restart, Refresh does the same.
fn follow(bot: Bot, app: Arc<App>, actor: Actor, id: i64, message: MessageId) {
    tokio::spawn(async move {
        let mut last = String::new();
        for _ in 0..200 {
            tokio::time::sleep(Duration::from_secs(3)).await;
            let Ok(Some(campaign)) = campaign::read(&app, id).await else {
                return;
            };
            let Ok(text) = results::status_text(&app, &campaign, actor.lang).await else {
                return;
            };
            if text != last {
                let rows = card_buttons(&campaign, actor.lang);
                if edit_or_send(&bot, &actor, Some(message), text.clone(), &rows)
                    .await
                    .is_err()
                {
                    return;
                }
                last = text;
            }
            let Ok(d) = campaign::delivery(&app, id).await else {
                return;
            };
            if campaign.row.status != Status::Sending
                && campaign.row.status != Status::Scheduled
                && d.queued == 0
            {
                return;
            }
        }
    });
}

/// Sends exactly what residents will see, in `lang`, with buttons to see
/// the other languages. Its answer buttons record nothing.
async fn preview(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    campaign: &campaign::Campaign,
    lang: Lang,
) -> HandlerResult {
    let l = screens::Locale {
        lang,
        default: app.settings.default_language,
        tz: app.settings.timezone,
        now: app.now(),
    };
    let id = campaign.id();
    let others: Vec<OutButton> = Lang::ALL
        .into_iter()
        .filter(|other| *other != lang)
        .map(|other| {
            OutButton::new(
                t(other, &format!("lang-name-{}", other.tag())),
                Callback::Campaign {
                    id,
                    op: CampaignOp::Preview(other),
                }
                .encode(),
            )
        })
        .collect();
    let language = t(lang, &format!("lang-name-{}", lang.tag()));
    let head = t_args(
        actor.lang,
        "campaign-preview-head",
        &[("id", id.into()), ("language", language.into())],
    );
    reply::buttons(bot, actor, head, &[others]).await?;
    let first = match &campaign.content {
        Content::Survey(plan) => {
            let closes = campaign
                .row
                .closes_at
                .or_else(|| Some(plan.closes.resolve(app.now())));
            screens::invite(&plan.survey, id, campaign.row.anonymous, closes, l).into_message()
        }
        Content::Notice(_) => campaign.message(l),
    };
    send_preview(bot, actor, first).await?;
    if let Content::Survey(plan) = &campaign.content {
        for index in 0..plan.survey.questions.len() {
            let screen = screens::question(&plan.survey, 0, index, None, l);
            reply::buttons(bot, actor, screen.text, &screen.buttons).await?;
        }
    }
    let rows = card_buttons(campaign, actor.lang);
    reply::buttons(bot, actor, t(actor.lang, "campaign-preview-end"), &rows).await
}

async fn send_preview(
    bot: &Bot,
    actor: &Actor,
    message: crate::outbox::OutMessage,
) -> HandlerResult {
    use teloxide::payloads::SendPhotoSetters;
    match message {
        crate::outbox::OutMessage::Photo {
            file_id,
            caption,
            buttons,
        } => {
            let mut request = bot.send_photo(actor.chat(), InputFile::file_id(file_id.into()));
            if let Some(caption) = caption {
                request = request.caption(caption);
            }
            actor.courier.post(request.reply_markup(keyboard(&buttons)));
            Ok(())
        }
        crate::outbox::OutMessage::DocumentId {
            file_id,
            caption,
            buttons,
        } => {
            use teloxide::payloads::SendDocumentSetters;
            let mut request = bot.send_document(actor.chat(), InputFile::file_id(file_id.into()));
            if let Some(caption) = caption {
                request = request.caption(caption);
            }
            actor.courier.post(request.reply_markup(keyboard(&buttons)));
            Ok(())
        }
        crate::outbox::OutMessage::Text { text, buttons } => {
            reply::buttons(bot, actor, text, &buttons).await
        }
        // A campaign's messages are text, or a photo or document by file id.
        crate::outbox::OutMessage::Commands { .. }
        | crate::outbox::OutMessage::Document { .. }
        | crate::outbox::OutMessage::PhotoFile { .. }
        | crate::outbox::OutMessage::EditCard { .. }
        | crate::outbox::OutMessage::Album { .. } => Ok(()),
    }
}

/// The results in chat: a summary, a chart per question, and the answers
/// as CSV and XLSX files, queued together.
async fn send_results(bot: &Bot, app: &App, actor: &Actor, id: i64) -> HandlerResult {
    let Some(report) = results::report(app, id, actor.lang).await? else {
        return reply::text(bot, actor, t(actor.lang, "stale-button")).await;
    };
    let now = app.now();
    let mut tx = app.db.begin().await?;
    report
        .send_to(
            &mut tx,
            actor.chat().0,
            actor.lang,
            app.settings.default_language,
            now,
        )
        .await?;
    app.commit(tx).await
}
