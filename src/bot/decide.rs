//! Understand first, then decide: every text or caption from a resident, or
//! from someone not (yet) registered, is read by the understanding step
//! before the conversation state is looked at; then, in this order:
//!
//! 1. an emergency is an emergency in any state, for anyone: safety advice
//!    and the numbers at once, staff alerted, whatever was in progress kept;
//! 2. a message that answers the pending question fills it;
//! 3. small talk gets a short friendly answer and changes nothing;
//! 4. a common question is answered and leaves nothing pending;
//! 5. a plainly new, different request starts its own draft (the earlier one
//!    waits beside it), or, when the desk cannot tell, one question with two
//!    buttons; anything else adds to the request in progress.
//!
//! ```text
//! resident: I want to book the BBQ pit         bot: When would suit you? [✖️]
//! resident: There is smoke and fire in the corridor!
//! bot:      🚨 We have raised an EMERGENCY: C-0001 … call 999 …
//!           (your request “I want to book the BBQ pit” is kept: answer above)
//! resident: tomorrow 3pm                       bot: Please check your request …
//! resident: thanks                             bot: You're welcome! …
//! ```
//!
//! [`decide`] is the pure policy; [`message`] runs it.

use std::sync::Arc;

use teloxide::prelude::*;

use super::intake::{self, Ask, Draft, Flow};
use super::onboarding::{self, settle};
use super::{Actor, App, BotDialogue, HandlerResult, State, reply};
use crate::domain::booking;
use crate::domain::request::{Category, Kind, Urgency};
use crate::domain::role::Role;
use crate::store;
use crate::texts::{t, t_args};
use crate::understand::{self, SmallTalk, Understanding};

/// What the conversation is waiting for, as far as deciding goes.
#[derive(Debug, Clone, Copy)]
pub enum Pending<'a> {
    /// Nothing (or only an answered common question).
    Nothing,
    /// Someone not registered was asked for their unit.
    GuestUnit,
    /// A resident's draft, waiting for `draft.asking`.
    Draft(&'a Draft),
    /// The resident is adding to an open ticket of this category.
    AddInfo(Category),
    /// The resident is telling more about an emergency just raised: all of
    /// it goes to that ticket.
    AddToEmergency,
    /// A survey's free-text question waits for the resident's words.
    SurveyText,
}

/// What the understanding step and the extractors made of one message.
#[derive(Debug, Clone)]
pub struct Reading<'a> {
    pub understood: &'a Understanding,
    /// The common question asked, when the message is one.
    pub faq: Option<&'static str>,
    pub has_photo: bool,
    /// The text names a time.
    pub names_time: bool,
    /// The text names a unit, a block or a shared area.
    pub names_place: bool,
}

/// What to do with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Safety advice, numbers and alerts now; the conversation is kept.
    Emergency,
    /// The message answers what the conversation waits for (or adds to it).
    Answer,
    /// A request of its own: a new draft beside any earlier one.
    NewRequest,
    /// Cannot tell: ask whether it belongs to the draft or is new.
    AskWhich,
    /// A message is already waiting for that choice and this one is no
    /// clearer: it waits with it (the draft is left as it is) and the
    /// question is asked again.
    Hold,
    /// A common question: answered; nothing left pending.
    Faq(&'static str),
    /// A greeting, thanks, an "ok": a short answer; nothing changes.
    SmallTalk(SmallTalk),
    /// The pending question was not answered: say how to answer it.
    Retry,
}

/// How sure the desk must be of a second request to file it apart without
/// asking.
const CLEARLY_NEW: f32 = 0.75;

/// Whether a message is a request in its own right, different from `draft`:
/// `Some(true)` plainly, `Some(false)` perhaps.
fn differs(draft: &Draft, reading: &Reading<'_>, min_confidence: f32) -> Option<bool> {
    let u = reading.understood;
    let on_its_own =
        u.kind != Kind::Unknown && u.confidence >= min_confidence && u.category != Category::Other;
    if !on_its_own || draft.parts.is_empty() {
        return None;
    }
    // A vague draft is made clear by what follows, not split from it.
    let draft_known = draft.category_picked
        || (draft.category != Category::Other && draft.confidence >= min_confidence);
    if !draft_known {
        return None;
    }
    if u.category != draft.category {
        return Some(u.confidence >= CLEARLY_NEW);
    }
    // The same subject in another named place may be one report or two.
    let elsewhere = reading.names_place && !draft.names_same_place(u);
    elsewhere.then_some(false)
}

/// Whether a message is plainly about the draft's own subject.
fn clearly_same(draft: &Draft, reading: &Reading<'_>, min_confidence: f32) -> bool {
    let u = reading.understood;
    u.kind != Kind::Unknown
        && u.confidence >= min_confidence
        && u.category != Category::Other
        && u.category == draft.category
}

/// The policy: what a message means for the conversation it arrives in.
pub fn decide(pending: Pending<'_>, reading: &Reading<'_>, min_confidence: f32) -> Decision {
    let u = reading.understood;
    if matches!(pending, Pending::AddToEmergency) {
        return Decision::Answer;
    }
    if u.urgency == Urgency::Emergency {
        return Decision::Emergency;
    }
    let answers = match pending {
        Pending::GuestUnit => reading.names_place,
        Pending::Draft(draft) => match draft.asking {
            Ask::Time => reading.names_time,
            Ask::Unit => reading.names_place,
            Ask::Photo => reading.has_photo,
            _ => false,
        },
        // Whatever is not an emergency is the resident's opinion.
        Pending::SurveyText => true,
        _ => false,
    };
    if answers {
        return Decision::Answer;
    }
    if let Some(talk) = u.small_talk.filter(|_| !reading.has_photo) {
        return Decision::SmallTalk(talk);
    }
    if let Some(topic) = reading.faq {
        return Decision::Faq(topic);
    }
    match pending {
        Pending::Nothing => Decision::NewRequest,
        Pending::AddToEmergency | Pending::SurveyText => Decision::Answer,
        Pending::GuestUnit => Decision::Retry,
        Pending::AddInfo(category) => {
            let on_its_own = u.kind != Kind::Unknown
                && u.confidence >= CLEARLY_NEW
                && !matches!(u.category, Category::Other)
                && u.category != category;
            if on_its_own {
                Decision::NewRequest
            } else {
                Decision::Answer
            }
        }
        Pending::Draft(draft) if draft.faq.is_some() => Decision::NewRequest,
        Pending::Draft(draft) if draft.held.is_some() => {
            match differs(draft, reading, min_confidence) {
                Some(true) => Decision::NewRequest,
                Some(false) => Decision::Hold,
                // Plainly more about the draft's own subject: it goes in;
                // the held message keeps waiting for the resident's choice.
                None if clearly_same(draft, reading, min_confidence) => Decision::Answer,
                None => Decision::Hold,
            }
        }
        Pending::Draft(draft) => match differs(draft, reading, min_confidence) {
            Some(true) => Decision::NewRequest,
            Some(false) => Decision::AskWhich,
            None if matches!(draft.asking, Ask::Time | Ask::Unit) && !reading.has_photo => {
                Decision::Retry
            }
            None => Decision::Answer,
        },
    }
}

/// Every text, caption or photo from a resident or a guest.
pub async fn message(
    bot: Bot,
    app: Arc<App>,
    actor: Actor,
    dialogue: BotDialogue,
    msg: Message,
    state: State,
) -> HandlerResult {
    let result = handle(&bot, &app, &actor, &dialogue, &msg, state).await;
    settle(&bot, &app, &actor, result).await
}

async fn handle(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    state: State,
) -> HandlerResult {
    let input = match intake::read(msg) {
        Ok(input) => input,
        Err(why) => return intake::refuse_input(bot, app, actor, &why).await,
    };
    let now = msg.date.with_timezone(&app.settings.timezone);
    let understood = understand::understand(&input.text, now);
    let resident = actor.role() == Some(Role::Resident);
    let state = if resident {
        intake::set_aside_if_left(bot, app, actor, dialogue, msg, state).await?
    } else {
        state
    };
    let adding_to = match &state {
        State::Resident(Flow::AddInfo { ticket_id, .. }) => {
            store::tickets::read(app.db.pool(), *ticket_id).await?
        }
        _ => None,
    };
    let pending = match (&state, resident, &adding_to) {
        (State::AwaitUnit { .. }, _, _) => Pending::GuestUnit,
        (State::Survey(_), true, _) => Pending::SurveyText,
        (State::Resident(Flow::Draft(draft)), true, _) => Pending::Draft(draft),
        (State::Resident(Flow::AddInfo { .. }), true, Some(ticket))
            if ticket.urgency == Urgency::Emergency =>
        {
            Pending::AddToEmergency
        }
        (State::Resident(Flow::AddInfo { .. }), true, ticket) => {
            Pending::AddInfo(ticket.as_ref().map_or(Category::Other, |t| t.category))
        }
        _ => Pending::Nothing,
    };
    let names_place = understood.unit.is_some() || understood.area.is_some();
    let reading = Reading {
        understood: &understood,
        faq: (understood.kind == Kind::Inquiry)
            .then(|| understand::faq_topic(&input.text))
            .flatten(),
        has_photo: input.photo.is_some(),
        names_time: understand::extract_when(&input.text, now).is_some(),
        names_place,
    };
    let decision = decide(pending, &reading, app.settings.tickets.min_confidence);
    tracing::debug!(chat_id = actor.chat().0, ?decision, "decided");
    if decision == Decision::Emergency {
        return intake::emergency_now(bot, app, actor, &state, msg, &input, &understood).await;
    }
    if !resident {
        return guest(bot, app, actor, dialogue, msg, state, decision).await;
    }
    // A booking of something the estate lets residents book: its slots,
    // not a draft (the buttons carry the rest; nothing pending changes).
    if matches!(decision, Decision::NewRequest | Decision::AskWhich)
        && understood.kind == Kind::Booking
        && let Some(key) = booking::named_in(&app.settings.bookables, &input.text)
    {
        let asked = understood.when.map(|w| w.start.to_utc());
        return super::booking::offer(bot, app, actor, key, asked).await;
    }
    let lang = actor.lang;
    match decision {
        Decision::Emergency => Ok(()),
        Decision::SmallTalk(talk) => {
            let pending = !matches!(pending, Pending::Nothing);
            reply::text(bot, actor, small_talk(lang, talk, pending)).await
        }
        Decision::Faq(topic) => intake::faq(bot, app, actor, dialogue, &input, state, topic).await,
        Decision::Answer => match state {
            State::Survey(waiting) => {
                super::campaign::answer::typed(bot, app, actor, dialogue, msg, waiting).await
            }
            state => intake::answer(bot, app, actor, dialogue, msg, state).await,
        },
        Decision::NewRequest => intake::new_request(bot, app, actor, dialogue, msg, state).await,
        Decision::AskWhich | Decision::Hold => {
            intake::ask_which(bot, app, actor, dialogue, &input, state).await
        }
        Decision::Retry => intake::retry(bot, app, actor, dialogue, state).await,
    }
}

/// The short answer to small talk; `pending` adds that a question waits.
fn small_talk(lang: crate::domain::lang::Lang, talk: SmallTalk, pending: bool) -> String {
    let key = match talk {
        SmallTalk::Greeting => "smalltalk-greeting",
        SmallTalk::Thanks => "smalltalk-thanks",
        SmallTalk::Ok => "smalltalk-ok",
    };
    let mut text = t(lang, key);
    if pending {
        text.push('\n');
        text.push_str(&t(lang, "smalltalk-pending"));
    }
    text
}

/// Someone not registered (or waiting for approval): an emergency was
/// handled above; a unit answers the question asked; anything else is
/// told how to register, or that approval is on its way.
async fn guest(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    state: State,
    decision: Decision,
) -> HandlerResult {
    let lang = actor.lang;
    if let State::AwaitUnit { phone } = state {
        if decision == Decision::Answer {
            return onboarding::unit_typed(bot, app, actor, dialogue, msg, phone).await;
        }
        return reply::text(bot, actor, t(lang, "unit-not-understood")).await;
    }
    if actor.role().is_some() {
        return reply::text(bot, actor, t(lang, "not-allowed")).await;
    }
    if let Some(request) = store::units::pending_bind_request_of(app.db.pool(), actor.id()).await? {
        let unit = store::units::read(app.db.pool(), request.unit_id)
            .await?
            .map(|u| u.label())
            .unwrap_or_default();
        let args = [("unit", unit.into())];
        return reply::text(bot, actor, t_args(lang, "bind-still-pending", &args)).await;
    }
    reply::text(bot, actor, t(lang, "not-registered")).await
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    fn understood(
        kind: Kind,
        category: Category,
        urgency: Urgency,
        confidence: f32,
    ) -> Understanding {
        Understanding::labelled(kind, category, urgency, confidence)
    }

    fn reading(u: &Understanding) -> Reading<'_> {
        Reading {
            understood: u,
            faq: None,
            has_photo: false,
            names_time: false,
            names_place: false,
        }
    }

    fn draft(kind: Kind, category: Category, asking: Ask) -> Draft {
        let mut d = Draft::new(1, Utc::now());
        d.add_text(1, "something");
        d.kind = kind;
        d.category = category;
        d.confidence = 0.9;
        d.asking = asking;
        d
    }

    const MIN: f32 = 0.5;

    #[test]
    fn an_emergency_comes_first_whatever_is_pending() {
        let fire = understood(Kind::Complaint, Category::Security, Urgency::Emergency, 0.9);
        let booking = draft(Kind::Booking, Category::Facilities, Ask::Time);
        let place = draft(Kind::Repair, Category::Lift, Ask::Unit);
        for pending in [
            Pending::Nothing,
            Pending::GuestUnit,
            Pending::Draft(&booking),
            Pending::Draft(&place),
            Pending::AddInfo(Category::Plumbing),
        ] {
            assert_eq!(decide(pending, &reading(&fire), MIN), Decision::Emergency);
        }
    }

    #[test]
    fn an_answer_fills_the_pending_question_and_a_wrong_one_is_retried() {
        let booking = draft(Kind::Booking, Category::Facilities, Ask::Time);
        let time = understood(Kind::Unknown, Category::Other, Urgency::Normal, 0.1);
        let mut r = reading(&time);
        assert_eq!(decide(Pending::Draft(&booking), &r, MIN), Decision::Retry);
        r.names_time = true;
        assert_eq!(decide(Pending::Draft(&booking), &r, MIN), Decision::Answer);
        let place = draft(Kind::Repair, Category::Lift, Ask::Unit);
        let mut r = reading(&time);
        assert_eq!(decide(Pending::Draft(&place), &r, MIN), Decision::Retry);
        r.names_place = true;
        assert_eq!(decide(Pending::Draft(&place), &r, MIN), Decision::Answer);
    }

    #[test]
    fn small_talk_and_common_questions_leave_the_draft_alone() {
        let d = draft(Kind::Repair, Category::Plumbing, Ask::Nothing);
        let mut thanks = understood(Kind::Praise, Category::Staff, Urgency::Normal, 0.9);
        thanks.small_talk = Some(SmallTalk::Thanks);
        assert_eq!(
            decide(Pending::Draft(&d), &reading(&thanks), MIN),
            Decision::SmallTalk(SmallTalk::Thanks)
        );
        assert_eq!(
            decide(Pending::Nothing, &reading(&thanks), MIN),
            Decision::SmallTalk(SmallTalk::Thanks)
        );
        let fees = understood(Kind::Inquiry, Category::Fees, Urgency::Low, 0.9);
        let mut r = reading(&fees);
        r.faq = Some("fees");
        assert_eq!(decide(Pending::Draft(&d), &r, MIN), Decision::Faq("fees"));
    }

    #[test]
    fn after_an_answered_question_the_next_request_is_a_request() {
        let mut answered = Draft::new(1, Utc::now());
        answered.add_text(1, "管理費幾錢？");
        answered.kind = Kind::Inquiry;
        answered.faq = Some("fees".into());
        let aircon = understood(Kind::Repair, Category::Electrical, Urgency::Normal, 0.8);
        assert_eq!(
            decide(Pending::Draft(&answered), &reading(&aircon), MIN),
            Decision::NewRequest
        );
    }

    #[test]
    fn a_different_subject_is_a_new_request_or_a_question_when_unsure() {
        let leak = draft(Kind::Repair, Category::Plumbing, Ask::Nothing);
        let parking = understood(Kind::Complaint, Category::Parking, Urgency::Normal, 0.9);
        assert_eq!(
            decide(Pending::Draft(&leak), &reading(&parking), MIN),
            Decision::NewRequest
        );
        let unsure = understood(Kind::Complaint, Category::Parking, Urgency::Normal, 0.6);
        assert_eq!(
            decide(Pending::Draft(&leak), &reading(&unsure), MIN),
            Decision::AskWhich
        );
        let more = understood(Kind::Repair, Category::Plumbing, Urgency::Normal, 0.9);
        assert_eq!(
            decide(Pending::Draft(&leak), &reading(&more), MIN),
            Decision::Answer
        );
        let detail = understood(Kind::Unknown, Category::Other, Urgency::Normal, 0.2);
        assert_eq!(
            decide(Pending::Draft(&leak), &reading(&detail), MIN),
            Decision::Answer
        );
    }

    #[test]
    fn a_vague_draft_is_made_clear_by_what_follows() {
        let mut vague = draft(Kind::Unknown, Category::Other, Ask::Kind);
        vague.confidence = 0.1;
        let leak = understood(Kind::Repair, Category::Plumbing, Urgency::Normal, 0.9);
        assert_eq!(
            decide(Pending::Draft(&vague), &reading(&leak), MIN),
            Decision::Answer
        );
    }

    #[test]
    fn another_subject_while_adding_to_a_ticket_is_a_new_request() {
        let parking = understood(Kind::Complaint, Category::Parking, Urgency::Normal, 0.9);
        assert_eq!(
            decide(
                Pending::AddInfo(Category::Plumbing),
                &reading(&parking),
                MIN
            ),
            Decision::NewRequest
        );
        let note = understood(Kind::Repair, Category::Plumbing, Urgency::Normal, 0.9);
        assert_eq!(
            decide(Pending::AddInfo(Category::Plumbing), &reading(&note), MIN),
            Decision::Answer
        );
    }

    #[test]
    fn a_guest_asked_for_a_unit_is_answered_or_retried() {
        let unit = understood(Kind::Unknown, Category::Other, Urgency::Normal, 0.1);
        let mut r = reading(&unit);
        assert_eq!(decide(Pending::GuestUnit, &r, MIN), Decision::Retry);
        r.names_place = true;
        assert_eq!(decide(Pending::GuestUnit, &r, MIN), Decision::Answer);
    }
}
