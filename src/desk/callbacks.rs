//! Callbacks (回訪): a while after a ticket is resolved the resident is asked
//! how it went. Satisfied closes the ticket; "not fixed" or a poor rating
//! reopens it to the assignee, escalated. When the resident cannot be asked
//! (no Telegram resident, or they blocked the bot) or does not answer in time,
//! customer service gets a task to phone them and record the outcome.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;

use super::{alert_supervisors, cards, choose_assignee, lang_of, notes, ping_assignee};
use crate::app::App;
use crate::domain::button::Callback;
use crate::domain::callback::{Answer, Outcome, Stage, after};
use crate::domain::lang::Lang;
use crate::domain::role::Role;
use crate::domain::ticket::Status;
use crate::error::Error;
use crate::jobs::{Job, schedule};
use crate::outbox::{self, OutButton, OutMessage};
use crate::store::callbacks::{AnswerRow, CallbackRow};
use crate::store::tickets::TicketRow;
use crate::store::users::UserRow;
use crate::store::{self, Tx};
use crate::texts::{t, t_args};

/// The department whose staff phone residents back.
pub const CUSTOMER_SERVICE: &str = "customer_service";

/// A callback's timed steps (jobs are data: see [`crate::jobs`]).
pub use crate::jobs::CallbackStep as Step;

fn key(callback_id: i64, step: Step) -> String {
    format!("callback:{callback_id}:{step:?}")
}

/// Why customer service is to phone the resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    NoAnswer,
    Blocked,
    NoTelegram,
}

impl Why {
    fn key(self) -> &'static str {
        match self {
            Self::NoAnswer => "callback-why-no-answer",
            Self::Blocked => "callback-why-blocked",
            Self::NoTelegram => "callback-why-no-telegram",
        }
    }
}

/// Who answered, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// The resident pressed a rating in Telegram.
    Telegram,
    /// Customer service recorded what the resident said on the phone.
    Phone,
}

impl Channel {
    fn as_str(self) -> &'static str {
        match self {
            Self::Telegram => "telegram",
            Self::Phone => "phone",
        }
    }
}

/// Why an answer is not taken (the user's mistake or a stale button).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// No such callback (a forged id).
    NotFound,
    /// Not this person's to answer.
    NotYours,
    /// An answer is already recorded (or the ticket has moved on); the number.
    AlreadyRecorded(String),
}

/// An answer taken.
#[derive(Debug, Clone)]
pub struct Answered {
    pub ticket: TicketRow,
    pub outcome: Outcome,
}

/// Starts the callback of a resolution: it falls due `callback_delay` later.
pub async fn schedule_ask(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let resolved_at = ticket.resolved_at.unwrap_or(now);
    let id = store::callbacks::create(tx, ticket.id, resolved_at).await?;
    let due = after(resolved_at, app.settings.tickets.callback_delay);
    let job = Job::Callback {
        callback_id: id,
        step: Step::Ask,
    };
    schedule(tx, &job, due, Some(&key(id, Step::Ask))).await?;
    Ok(())
}

/// Runs a callback step; does nothing when it has been overtaken (answered,
/// or the ticket is no longer resolved).
pub async fn run(
    tx: &mut Tx,
    app: &App,
    callback_id: i64,
    step: Step,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let Some(callback) = store::callbacks::get(tx, callback_id).await? else {
        return Ok(());
    };
    let Some(ticket) = store::tickets::get(tx, callback.ticket_id).await? else {
        return Ok(());
    };
    let expected = match step {
        Step::Ask => Stage::Pending,
        Step::Timeout => Stage::Asked,
    };
    if Stage::parse(&callback.status) != Some(expected) || ticket.status != Status::Resolved {
        return Ok(());
    }
    if step == Step::Timeout {
        return phone_task(tx, app, &callback, &ticket, Why::NoAnswer, now).await;
    }
    let resident = match ticket.resident_id {
        Some(id) => store::users::get_tx(tx, id).await?,
        None => None,
    };
    let resident = match resident {
        None => return phone_task(tx, app, &callback, &ticket, Why::NoTelegram, now).await,
        Some(r) if r.blocked_at.is_some() => {
            return phone_task(tx, app, &callback, &ticket, Why::Blocked, now).await;
        }
        Some(r) => r,
    };
    ask(tx, app, &callback, &ticket, &resident, now).await
}

/// The resident's rating buttons: 1–5 stars, then "not fixed".
pub fn rating_buttons(callback_id: i64, lang: Lang) -> Vec<Vec<OutButton>> {
    let stars = (1..=5u8)
        .filter_map(Answer::stars)
        .map(|answer| rate_button(callback_id, lang, answer))
        .collect();
    vec![
        stars,
        vec![rate_button(callback_id, lang, Answer::NotFixed)],
    ]
}

fn rate_button(callback_id: i64, lang: Lang, answer: Answer) -> OutButton {
    let label = match answer {
        Answer::Stars(n) => t(lang, &format!("callback-button-stars-{n}")),
        Answer::NotFixed | Answer::Satisfied => t(lang, "callback-button-not-fixed"),
    };
    let data = Callback::Rate {
        callback: callback_id,
        answer,
    };
    OutButton::new(label, data.encode())
}

/// Customer service's buttons on a phone callback task.
pub fn phone_buttons(callback_id: i64, lang: Lang) -> Vec<Vec<OutButton>> {
    let button = |key: &str, satisfied| {
        let data = Callback::Phoned {
            callback: callback_id,
            satisfied,
        };
        OutButton::new(t(lang, key), data.encode())
    };
    vec![vec![
        button("callback-button-phone-satisfied", true),
        button("callback-button-phone-not-fixed", false),
    ]]
}

async fn ask(
    tx: &mut Tx,
    app: &App,
    callback: &CallbackRow,
    ticket: &TicketRow,
    resident: &UserRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let lang = lang_of(app, Some(resident));
    let text = cards::resident_update(tx, app, ticket, "callback-ask", lang).await?;
    let message = OutMessage::with_buttons(text, rating_buttons(callback.id, lang));
    outbox::enqueue_bulk(tx, resident.chat_id, &message, now).await?;
    store::callbacks::set_asked(tx, callback.id, now).await?;
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        None,
        "callback",
        Some(ticket.status),
        Some(ticket.status),
        None,
    )
    .await?;
    let due = after(now, app.settings.tickets.callback_timeout);
    let job = Job::Callback {
        callback_id: callback.id,
        step: Step::Timeout,
    };
    schedule(tx, &job, due, Some(&key(callback.id, Step::Timeout))).await?;
    Ok(())
}

/// Customer service on duty (else the supervisors) get a task to phone the
/// resident, with the unit, the phones on record and the outcome buttons.
async fn phone_task(
    tx: &mut Tx,
    app: &App,
    callback: &CallbackRow,
    ticket: &TicketRow,
    why: Why,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let mut to: Vec<UserRow> = store::users::staff_of(tx, CUSTOMER_SERVICE)
        .await?
        .into_iter()
        .filter(|u| u.on_duty)
        .collect();
    if to.is_empty() {
        to = store::users::supervisors(tx).await?;
    }
    let contact = notes::reach(tx, ticket).await?;
    for member in &to {
        let lang = lang_of(app, Some(member));
        let mut lines = vec![
            t_args(
                lang,
                "callback-phone-task",
                &[
                    ("number", ticket.number.clone().into()),
                    (
                        "unit",
                        contact
                            .unit
                            .clone()
                            .unwrap_or_else(|| "—".to_owned())
                            .into(),
                    ),
                ],
            ),
            t(lang, why.key()),
        ];
        if contact.people.is_empty() {
            lines.push(t(lang, "callback-phone-none"));
        }
        for (name, phone) in &contact.people {
            let args: [(&str, FluentValue); 2] = [
                ("name", name.clone().into()),
                ("phone", phone.clone().into()),
            ];
            lines.push(t_args(lang, "work-contact-line", &args));
        }
        let card = cards::staff_card(tx, app, ticket, lang).await?;
        let text = format!("{}\n\n{card}", lines.join("\n"));
        let message = OutMessage::with_buttons(text, phone_buttons(callback.id, lang));
        outbox::enqueue_bulk(tx, member.chat_id, &message, now).await?;
    }
    store::callbacks::set_phone_task(tx, callback.id, now).await?;
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        None,
        "callback_phone",
        Some(ticket.status),
        Some(ticket.status),
        None,
    )
    .await?;
    Ok(())
}

/// Whether `user` may give this answer: the ticket's resident or one bound
/// to its unit in Telegram; customer service or a supervisor by phone.
async fn may_answer(
    tx: &mut Tx,
    user: &UserRow,
    ticket: &TicketRow,
    channel: Channel,
) -> Result<bool, Error> {
    let role = user.role;
    Ok(match (channel, role) {
        (Channel::Telegram, Some(Role::Resident)) => {
            ticket.resident_id == Some(user.id)
                || match ticket.unit_id {
                    Some(unit) => store::units::residents_of(tx, unit)
                        .await?
                        .contains(&user.id),
                    None => false,
                }
        }
        (Channel::Phone, Some(Role::Supervisor)) => true,
        (Channel::Phone, Some(Role::Staff)) => user.department.as_deref() == Some(CUSTOMER_SERVICE),
        _ => false,
    })
}

/// Records an answer to a callback and closes or reopens the ticket. The
/// first answer wins; a later or repeated one is refused.
pub async fn answer(
    tx: &mut Tx,
    app: &App,
    callback_id: i64,
    by: i64,
    channel: Channel,
    answer: Answer,
    now: DateTime<Utc>,
) -> Result<Result<Answered, Refused>, Error> {
    let Some(callback) = store::callbacks::get(tx, callback_id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    let Some(ticket) = store::tickets::get(tx, callback.ticket_id).await? else {
        return Ok(Err(Refused::NotFound));
    };
    let Some(user) = store::users::get_tx(tx, by).await? else {
        return Ok(Err(Refused::NotYours));
    };
    // A resident's stars and customer service's outcome come from different buttons.
    let fits = matches!(
        (channel, answer),
        (Channel::Telegram, Answer::Stars(_) | Answer::NotFixed)
            | (Channel::Phone, Answer::Satisfied | Answer::NotFixed)
    );
    if !fits || !may_answer(tx, &user, &ticket, channel).await? {
        return Ok(Err(Refused::NotYours));
    }
    let open = Stage::parse(&callback.status).is_some_and(Stage::open);
    if !open || ticket.status != Status::Resolved {
        return Ok(Err(Refused::AlreadyRecorded(ticket.number)));
    }
    let outcome = answer.outcome();
    let row = AnswerRow {
        by,
        channel: channel.as_str(),
        rating: answer.rating(),
        satisfied: outcome == Outcome::Close,
    };
    if !store::callbacks::answer(tx, callback.id, &row, now).await? {
        return Ok(Err(Refused::AlreadyRecorded(ticket.number)));
    }
    let note = history_note(channel, answer);
    let updated = match outcome {
        Outcome::Close => close(tx, app, &ticket, by, note.as_deref(), now).await?,
        Outcome::Reopen => reopen(tx, app, &ticket, by, channel, note.as_deref(), now).await?,
    };
    Ok(Ok(Answered {
        ticket: updated,
        outcome,
    }))
}

/// The note on the history line: the stars, and a phone for a phoned answer.
fn history_note(channel: Channel, answer: Answer) -> Option<String> {
    let stars = answer.rating().map(|n| "⭐".repeat(usize::from(n)));
    match (channel, stars) {
        (Channel::Phone, Some(stars)) => Some(format!("📞 {stars}")),
        (Channel::Phone, None) => Some("📞".to_owned()),
        (Channel::Telegram, stars) => stars,
    }
}

async fn close(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    by: i64,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<TicketRow, Error> {
    let closed = Status::Closed;
    store::tickets::set_status(tx, ticket.id, closed, ticket.assignee_id, now).await?;
    super::hotspots::on_ticket_finished(tx, app, ticket.id, now).await?;
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(by),
        "closed",
        Some(ticket.status),
        Some(closed),
        note,
    )
    .await?;
    reload(tx, ticket.id).await
}

/// Back to work: to the previous assignee if they are still staff, else to
/// whoever would get it new; escalated, with the supervisors told.
async fn reopen(
    tx: &mut Tx,
    app: &App,
    ticket: &TicketRow,
    by: i64,
    channel: Channel,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<TicketRow, Error> {
    let previous = match ticket.assignee_id {
        Some(id) => store::users::get_tx(tx, id)
            .await?
            .filter(|u| u.role == Some(Role::Staff) && u.blocked_at.is_none()),
        None => None,
    };
    let assignee = match &previous {
        Some(staff) => Some(staff.id),
        None => choose_assignee(tx, &ticket.department, &[]).await?,
    };
    let to = match assignee {
        Some(_) => Status::Assigned,
        None => Status::New,
    };
    store::tickets::set_status(tx, ticket.id, to, assignee, now).await?;
    store::tickets::set_escalated(tx, ticket.id).await?;
    store::tickets::count_reopen(tx, ticket.id).await?;
    // Done badly once: one step more urgent. The work starts again, and so
    // do its time limits, those of the new urgency.
    let urgency = ticket.urgency.raised();
    store::work::set_urgency(tx, ticket.id, urgency).await?;
    let limits = app.settings.deadlines(ticket.kind, urgency, now);
    store::tickets::set_deadlines(tx, ticket.id, limits.respond_by, limits.resolve_by).await?;
    store::tickets::add_history(
        tx,
        ticket.id,
        now,
        Some(by),
        "reopened",
        Some(ticket.status),
        Some(to),
        note,
    )
    .await?;
    if previous.is_none()
        && let Some(id) = assignee
    {
        let assigned = Status::Assigned;
        store::work::add_history_to(
            tx,
            ticket.id,
            now,
            None,
            "assigned",
            Some(assigned),
            Some(assigned),
            id,
            None,
        )
        .await?;
        tracing::info!(
            ticket_id = ticket.id,
            staff = id,
            "reopened ticket routed anew"
        );
    }
    let updated = reload(tx, ticket.id).await?;
    super::sla::schedule_checks(tx, app, &updated).await?;
    if let Some(id) = assignee
        && let Some(staff) = store::users::get_tx(tx, id).await?
    {
        ping_assignee(tx, app, &updated, &staff, now).await?;
    }
    // With nobody to give it to, this alert carries the supervisors' Reassign button.
    alert_supervisors(tx, app, &updated, "alert-reopened", now).await?;
    // A resident who pressed sees the answer on the callback message itself.
    if channel == Channel::Phone {
        super::notify_resident(tx, app, &updated, "resident-reopened", now).await?;
    }
    Ok(updated)
}

async fn reload(tx: &mut Tx, id: i64) -> Result<TicketRow, Error> {
    store::tickets::get(tx, id)
        .await?
        .ok_or_else(|| Error::Other(format!("ticket {id} vanished in its own transaction")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_history_note_shows_the_stars_and_a_phone_for_phoned_answers() {
        assert_eq!(
            history_note(Channel::Telegram, Answer::Stars(3)).as_deref(),
            Some("⭐⭐⭐")
        );
        assert_eq!(history_note(Channel::Telegram, Answer::NotFixed), None);
        assert_eq!(
            history_note(Channel::Phone, Answer::Satisfied).as_deref(),
            Some("📞")
        );
    }

    #[test]
    fn the_rating_card_has_five_stars_and_not_fixed_within_telegram_limits() {
        let rows = rating_buttons(i64::MAX, Lang::En);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].len(), 5);
        assert_eq!(rows[1].len(), 1);
        for button in rows.iter().flatten() {
            assert!(button.data.len() <= 64, "{}", button.data);
            assert!(Callback::parse(&button.data).is_some(), "{}", button.data);
        }
    }
}
