//! Logging a call or visit for a resident (來電來訪登記): `/log` asks for the
//! unit, then what they need, then phone or visit; `/log 3-1502 text` (or a
//! message that starts with the unit) goes straight to the last question.
//! The text is understood and routed exactly like a resident's own message.

use std::sync::Arc;

use fluent_bundle::FluentValue;
use teloxide::prelude::*;

use super::{Card, Flow, answer, rewrite};
use crate::bot::onboarding::settle;
use crate::bot::{Actor, App, BotDialogue, DeskMember, HandlerResult, State, reply};
use crate::desk::{self, NewRequest, Source, cards};
use crate::domain::button::{Callback, LogVia};
use crate::domain::request::Kind;
use crate::error::Error;
use crate::outbox::OutButton;
use crate::store;
use crate::store::units::UnitRow;
use crate::texts::{t, t_args};
use crate::understand;

/// `/log [3-1502 text]`: register a call or visit for a resident.
pub async fn log(
    bot: Bot,
    app: Arc<App>,
    DeskMember(actor): DeskMember,
    dialogue: BotDialogue,
    args: String,
) -> HandlerResult {
    let result = if args.trim().is_empty() {
        ask_unit(&bot, &actor, &dialogue).await
    } else {
        with_unit_first(&bot, &app, &actor, &dialogue, args.trim()).await
    };
    settle(&bot, &app, &actor, result).await
}

async fn ask_unit(bot: &Bot, actor: &Actor, dialogue: &BotDialogue) -> HandlerResult {
    dialogue.update(State::Desk(Flow::LogUnit)).await?;
    reply::text(bot, actor, t(actor.lang, "work-log-ask-unit")).await
}

/// A free message from a member: when it starts with a known unit it is a
/// request to log (`true`); otherwise the caller answers it.
pub(super) async fn shorthand(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
) -> Result<bool, Error> {
    let Some(text) = msg.text().map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(false);
    };
    let Some(unit) = registered_unit(app, text).await? else {
        return Ok(false);
    };
    with_unit(bot, app, actor, dialogue, &unit, text).await?;
    Ok(true)
}

/// A unit and maybe words after it: the words (without the unit) go to the
/// last question; a unit alone is asked what the resident needs.
async fn with_unit(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    unit: &UnitRow,
    text: &str,
) -> HandlerResult {
    let words = without_leading_unit(text, unit);
    if words.is_empty() {
        return ask_text(bot, actor, dialogue, unit).await;
    }
    ask_via(bot, app, actor, dialogue, unit, words).await
}

async fn ask_text(
    bot: &Bot,
    actor: &Actor,
    dialogue: &BotDialogue,
    unit: &UnitRow,
) -> HandlerResult {
    dialogue
        .update(State::Desk(Flow::LogText { unit_id: unit.id }))
        .await?;
    let ask = t_args(
        actor.lang,
        "work-log-ask-text",
        &[("unit", unit.label().into())],
    );
    reply::text(bot, actor, ask).await
}

/// Whether a text is made of nothing but a unit's words (digits, letters,
/// `-` `/`, block and flat words), so that a unit after other words is never
/// taken for one written first.
fn unit_words_only(text: &str) -> bool {
    const WORDS: [&str; 15] = [
        "block", "blk", "flat", "tower", "room", "rm", "unit", "座", "棟", "栋", "樓", "楼", "室",
        "第", "號",
    ];
    let mut rest = text.to_lowercase();
    for word in WORDS {
        rest = rest.replace(word, " ");
    }
    rest.chars()
        .all(|c| c.is_ascii_alphanumeric() || c.is_whitespace() || "-/#".contains(c))
}

/// The most characters a unit written first may take (`Block 13 Flat 15B`).
const UNIT_PREFIX: usize = 24;

/// The text without the unit it starts with (`3-1502 漏水` → `漏水`,
/// `3座1502室：漏水` → `漏水`): the unit is recorded on the ticket, so the
/// logged words need not repeat it. A unit further in stays where it is.
fn without_leading_unit<'a>(text: &'a str, unit: &UnitRow) -> &'a str {
    let same = |prefix: &str| {
        understand::extract_unit(prefix).is_some_and(|u| {
            u.building.eq_ignore_ascii_case(&unit.building)
                && u.flat
                    .as_deref()
                    .is_some_and(|f| f.eq_ignore_ascii_case(&unit.flat))
        })
    };
    let ends = text
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take(UNIT_PREFIX);
    for end in ends {
        let (prefix, rest) = text.split_at(end);
        // The unit ends where the next character could not continue it.
        let continues = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if !continues && unit_words_only(prefix) && same(prefix) {
            return rest.trim_start_matches(|c: char| {
                c.is_whitespace() || "室號号樓楼,，:：-–—、.。".contains(c)
            });
        }
    }
    text
}

/// `/log 3-1502 text`.
async fn with_unit_first(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    text: &str,
) -> HandlerResult {
    match find_unit(app, text).await? {
        Found::Unit(unit) => with_unit(bot, app, actor, dialogue, &unit, text).await,
        Found::Unknown(label) => unit_unknown(bot, actor, &label).await,
        Found::Nothing => {
            dialogue.update(State::Desk(Flow::LogUnit)).await?;
            reply::text(bot, actor, t(actor.lang, "work-log-unit-not-understood")).await
        }
    }
}

/// The unit a text names.
enum Found {
    Unit(UnitRow),
    /// Named, but not in the register.
    Unknown(String),
    Nothing,
}

async fn find_unit(app: &App, text: &str) -> Result<Found, Error> {
    let Some(unit_ref) = understand::extract_unit(text) else {
        return Ok(Found::Nothing);
    };
    let Some(flat) = unit_ref.flat.as_deref() else {
        return Ok(Found::Nothing);
    };
    Ok(
        match store::units::find(app.db.pool(), &unit_ref.building, flat).await? {
            Some(unit) => Found::Unit(unit),
            None => Found::Unknown(unit_ref.label()),
        },
    )
}

async fn registered_unit(app: &App, text: &str) -> Result<Option<UnitRow>, Error> {
    Ok(match find_unit(app, text).await? {
        Found::Unit(unit) => Some(unit),
        _ => None,
    })
}

async fn unit_unknown(bot: &Bot, actor: &Actor, label: &str) -> HandlerResult {
    let text = t_args(
        actor.lang,
        "work-log-unit-unknown",
        &[("unit", label.to_owned().into())],
    );
    reply::text(bot, actor, text).await
}

/// The unit typed in the guided `/log`.
pub(super) async fn unit_given(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
) -> HandlerResult {
    let text = msg.text().unwrap_or_default();
    match find_unit(app, text).await? {
        // The unit and the words at once go straight to the last question.
        Found::Unit(unit) => with_unit(bot, app, actor, dialogue, &unit, text).await,
        Found::Unknown(label) => unit_unknown(bot, actor, &label).await,
        Found::Nothing => {
            reply::text(bot, actor, t(actor.lang, "work-log-unit-not-understood")).await
        }
    }
}

/// What the resident needs, in the guided `/log`.
pub(super) async fn text_given(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    msg: &Message,
    unit_id: i64,
) -> HandlerResult {
    let Some(text) = msg.text().map(str::trim).filter(|t| !t.is_empty()) else {
        return reply::text(bot, actor, t(actor.lang, "work-need-text")).await;
    };
    let Some(unit) = store::units::read(app.db.pool(), unit_id).await? else {
        return ask_unit(bot, actor, dialogue).await;
    };
    ask_via(bot, app, actor, dialogue, &unit, text).await
}

/// What the desk will make of a logged text: the request, less who and how.
fn understood(app: &App, text: &str) -> understand::Understanding {
    let now = app.now().with_timezone(&app.settings.timezone);
    let mut meaning = understand::understand(text, now);
    // Staff log what a resident asked for; if it cannot be told apart, it is
    // at least a question to answer.
    if meaning.kind == Kind::Unknown {
        meaning.kind = Kind::Inquiry;
    }
    meaning
}

/// Shows how the text is understood and where it will go, and asks whether
/// it came by phone or by a visit.
async fn ask_via(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    unit: &UnitRow,
    text: &str,
) -> HandlerResult {
    let meaning = understood(app, text);
    let lang = actor.lang;
    let department = app.settings.department_for(meaning.category);
    let preview = t_args(
        lang,
        "work-log-ask-via",
        &[
            ("unit", unit.label().into()),
            ("text", text.to_owned().into()),
            (
                "kind",
                cards::label(lang, "kind", meaning.kind.as_str()).into(),
            ),
            (
                "category",
                cards::label(lang, "category", meaning.category.as_str()).into(),
            ),
            (
                "urgency",
                cards::label(lang, "urgency", meaning.urgency.as_str()).into(),
            ),
            ("department", cards::label(lang, "dept", department).into()),
        ],
    );
    let nonce = rand::random::<u32>();
    let button = |key: &str, via: LogVia| {
        OutButton::new(t(lang, key), Callback::Log { nonce, via }.encode())
    };
    let rows = vec![vec![
        button("button-log-phone", LogVia::Phone),
        button("button-log-visit", LogVia::Visit),
    ]];
    dialogue
        .update(State::Desk(Flow::LogVia {
            nonce,
            unit_id: unit.id,
            text: text.to_owned(),
        }))
        .await?;
    reply::buttons(bot, actor, preview, &rows).await
}

/// Phone or visit pressed: the ticket is opened and routed.
pub async fn log_button(
    bot: &Bot,
    app: &App,
    actor: &Actor,
    dialogue: &BotDialogue,
    query: &CallbackQuery,
    nonce: u32,
    via: LogVia,
) -> HandlerResult {
    let state = dialogue.get().await?;
    let Some(State::Desk(Flow::LogVia {
        nonce: current,
        unit_id,
        text,
    })) = state
    else {
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    };
    if current != nonce {
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    }
    let meaning = understood(app, &text);
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let Some(unit) = store::units::get(&mut tx, unit_id).await? else {
        tx.rollback().await?;
        dialogue.update(State::Idle).await?;
        return answer(bot, actor, query, Some(t(actor.lang, "stale-button"))).await;
    };
    let resident_id = store::units::residents_of(&mut tx, unit.id)
        .await?
        .first()
        .copied();
    let request = NewRequest {
        kind: meaning.kind,
        category: meaning.category,
        urgency: meaning.urgency,
        unit_id: Some(unit.id),
        resident_id,
        source: match via {
            LogVia::Phone => Source::Phone,
            LogVia::Visit => Source::Visit,
        },
        logged_by: Some(actor.id()),
        description: text.clone(),
        when: meaning.when.map(|w| (w.start.to_utc(), w.end.to_utc())),
        photos: Vec::new(),
    };
    let opened = desk::open_ticket(&mut tx, app, request, now).await?;
    // The conversation ends in the write that ends it.
    store::dialogues::clear(&mut tx, dialogue.chat_id().0).await?;
    app.commit(tx).await?;
    tracing::info!(
        ticket_id = opened.ticket.id,
        user_id = actor.id(),
        "call or visit logged"
    );

    let lang = actor.lang;
    let ticket = &opened.ticket;
    let via_key = match via {
        LogVia::Phone => "via-phone",
        LogVia::Visit => "via-visit",
    };
    let department = (
        "department",
        FluentValue::from(cards::label(lang, "dept", &ticket.department)),
    );
    let mut lines = vec![t_args(
        lang,
        "work-logged",
        &[
            ("number", ticket.number.clone().into()),
            ("unit", unit.label().into()),
            ("via", t(lang, via_key).into()),
        ],
    )];
    lines.push(match &opened.assignee {
        Some(staff) => t_args(
            lang,
            "work-logged-assigned",
            &[("staff", staff.first_name.clone().into()), department],
        ),
        None => t_args(lang, "work-logged-unassigned", &[department]),
    });
    lines.push(t(
        lang,
        if resident_id.is_some() {
            "work-logged-resident"
        } else {
            "work-logged-no-resident"
        },
    ));
    let done = lines.join("\n");
    answer(bot, actor, query, None).await?;
    match Card::of(query) {
        Some(card) => rewrite(bot, actor, card, done, &[]).await,
        None => reply::text(bot, actor, done).await?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(building: &str, flat: &str) -> UnitRow {
        UnitRow {
            id: 1,
            building: building.to_owned(),
            flat: flat.to_owned(),
        }
    }

    #[test]
    fn the_unit_written_first_is_not_repeated_in_the_logged_words() {
        let u = unit("3", "1502");
        assert_eq!(
            without_leading_unit("3-1502 住戶來電話廚房水喉漏水", &u),
            "住戶來電話廚房水喉漏水"
        );
        assert_eq!(without_leading_unit("3-1502", &u), "");
        assert_eq!(without_leading_unit("3-1502：廚房漏水", &u), "廚房漏水");
        assert_eq!(without_leading_unit("3座1502室 廚房漏水", &u), "廚房漏水");
        assert_eq!(
            without_leading_unit("3/1502 kitchen tap leaking", &u),
            "kitchen tap leaking"
        );
    }

    #[test]
    fn a_unit_further_in_or_another_unit_leaves_the_words_as_they_are() {
        let u = unit("3", "1502");
        let text = "廚房漏水，3-1502";
        assert_eq!(without_leading_unit(text, &u), text);
        let other = unit("3", "1503");
        assert_eq!(without_leading_unit("3-1502 漏水", &other), "3-1502 漏水");
    }
}
