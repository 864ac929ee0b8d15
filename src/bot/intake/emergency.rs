//! An emergency told in the middle of anything, by anyone: a resident with a
//! draft or a question pending, someone adding to a ticket, someone not
//! registered or waiting for approval. The emergency is filed from the
//! message alone (safety advice and the numbers at once, staff on duty and
//! supervisors alerted with who is reporting), and whatever was in progress
//! is kept as it was. `/urgent` and the card's 🚨 button raise one by hand.

use teloxide::prelude::*;

use super::card::{excerpt, said};
use super::draft::Draft;
use super::input::{self, Input};
use super::{Flow, confirm};
use crate::bot::{Actor, App, BotDialogue, HandlerResult, State, reply};
use crate::domain::request::Category;
use crate::store;
use crate::texts::{t, t_args};
use crate::understand::Understanding;

/// How much of a kept draft the resident is reminded of.
const QUOTED: usize = 60;

/// Files the emergency in `msg` and tells the resident what was kept.
pub async fn emergency_now(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    state: &State,
    msg: &Message,
    input: &Input,
    understood: &Understanding,
) -> HandlerResult {
    let photo = match &input.photo {
        Some(photo) => input::photo_id(bot, actor, photo).await,
        None => None,
    };
    let units = store::units::of_resident(app.db.pool(), actor.id()).await?;
    let mut draft = Draft::new(rand::random(), app.now());
    draft.add_text(msg.id.0, &input.text);
    if let Some(photo) = &photo {
        draft.add_photo(photo);
    }
    draft.apply(understood, &units);
    let ticket = confirm::emergency_apart(app, actor, &draft).await?;
    tracing::warn!(
        ticket,
        user_id = actor.id(),
        "an emergency was raised apart from the conversation"
    );
    kept(bot, actor, state).await
}

/// Tells the resident that what they were doing is still there.
async fn kept(bot: &Bot, actor: &Actor, state: &State) -> HandlerResult {
    let lang = actor.lang;
    let text = match state {
        State::Resident(Flow::Draft(draft)) if draft.is_pending_request() => {
            let quoted = excerpt(&said(lang, draft), QUOTED);
            t_args(lang, "emergency-kept-draft", &[("text", quoted.into())])
        }
        State::Resident(Flow::AddInfo { .. }) => t(lang, "emergency-kept-addinfo"),
        State::AwaitUnit { .. } => t(lang, "emergency-kept-unit"),
        _ => return Ok(()),
    };
    reply::text(bot, actor, text).await
}

/// `/urgent` (🚨 urgent / someone in danger): the draft in progress becomes
/// an emergency; with none, an emergency is raised at once and the resident
/// asked to tell what is happening, which goes to it.
pub async fn urgent(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    state: State,
) -> HandlerResult {
    if let State::Resident(Flow::Draft(draft)) = state
        && draft.is_pending_request()
    {
        return confirm::emergency(bot, app, actor, draft).await;
    }
    let lang = actor.lang;
    let units = store::units::of_resident(app.db.pool(), actor.id()).await?;
    let mut draft = Draft::new(rand::random(), app.now());
    draft.add_text(0, &t(lang, "urgent-pressed"));
    draft.category = Category::Other;
    draft.place = super::draft::place_for(None, &units);
    let opened = confirm::emergency_apart(app, actor, &draft).await?;
    dialogue
        .update(State::Resident(Flow::AddInfo {
            ticket_id: opened,
            album: None,
        }))
        .await?;
    reply::text(bot, actor, t(lang, "urgent-tell-more")).await
}
