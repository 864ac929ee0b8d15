//! Callbacks (回訪) and visit reminders end to end: the resident rates a
//! resolved ticket (closing or reopening it), an unanswered callback becomes a
//! phone task for customer service, forged presses change nothing, and an
//! accepted booking is reminded of before the visit, in Traditional Chinese,
//! Simplified Chinese and English.

mod common;
mod staff_rig;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use common::{TestDesk, WAIT, opening, text};
use residesk::app::App;
use residesk::desk::{self, Doer, NewRequest, Source};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::domain::role::Role;
use residesk::domain::ticket::{Action, Status};
use residesk::emulator::{BotMessage, TgUser};
use residesk::outbox::OutMessage;
use residesk::scheduler::Scheduler;
use residesk::store::callbacks::CallbackRow;
use residesk::store::tickets::TicketRow;
use residesk::store::{self, Db};
use residesk::texts::t_args;
use staff_rig::*;

/// Short callback waits: asked a moment after resolution; a long or short
/// wait for the answer.
async fn start(timeout: Duration) -> TestDesk {
    TestDesk::start_with(|s| {
        s.tickets.callback_delay = Duration::from_millis(300);
        s.tickets.callback_timeout = timeout;
        // Limits around the clock: a reopened ticket's limits start again
        // whatever the hour the test runs at (in office hours, two moments
        // of one night share the next morning's deadline).
        for sla in s.sla.values_mut() {
            sla.clock = Some(residesk::domain::calendar::Clock::Always);
        }
    })
    .await
}

fn app(desk: &TestDesk, db: &Db) -> Arc<App> {
    desk.app(db)
}

/// How many messages the desk has queued (sent or not) to `chat` that
/// contain both `head` and `number`: what the outbox holds is settled the
/// moment the write that queued it commits, unlike what has arrived so far.
async fn queued(db: &Db, chat: i64, head: &str, number: &str) -> usize {
    let payloads: Vec<String> = sqlx::query_scalar("SELECT payload FROM outbox WHERE chat_id = ?")
        .bind(chat)
        .fetch_all(db.pool())
        .await
        .unwrap();
    payloads
        .iter()
        .filter_map(|p| match serde_json::from_str::<OutMessage>(p).ok()? {
            OutMessage::Text { text, .. } => Some(text),
            OutMessage::Photo { caption, .. }
            | OutMessage::Document { caption, .. }
            | OutMessage::DocumentId { caption, .. }
            | OutMessage::PhotoFile { caption, .. } => caption,
            OutMessage::Album { caption, .. } => caption,
            OutMessage::Commands { .. } | OutMessage::EditCard { .. } => None,
        })
        .filter(|body| body.contains(head) && body.contains(number))
        .count()
}

/// `user` (with `role`) does `action` to a ticket through the desk.
async fn act(desk: &TestDesk, id: i64, user: i64, role: Role, action: Action, note: Option<&str>) {
    let db = desk.db().await;
    let doer = Doer {
        user_id: user,
        role: Some(role),
    };
    let mut tx = db.begin().await.unwrap();
    desk::act(
        &mut tx,
        &app(desk, &db),
        id,
        doer,
        action,
        note,
        desk.clock.now(),
    )
    .await
    .unwrap()
    .expect("the desk takes the action");
    tx.commit().await.unwrap();
}

/// A plumbing repair for 3-1502 that Chan accepted and resolved.
async fn resolved(desk: &TestDesk, resident: Option<i64>, what: &str) -> TicketRow {
    let chan = desk.person("staff");
    let t = open_ticket(
        desk,
        what,
        Category::Plumbing,
        Urgency::Normal,
        resident,
        Vec::new(),
    )
    .await;
    assert_eq!(t.assignee_id, Some(chan.id));
    act(desk, t.id, chan.id, Role::Staff, Action::Accept, None).await;
    let note = Some("換咗新水喉");
    act(desk, t.id, chan.id, Role::Staff, Action::Resolve, note).await;
    t
}

async fn callbacks(db: &Db, id: i64) -> Vec<CallbackRow> {
    store::callbacks::of_ticket(db.pool(), id).await.unwrap()
}

/// Waits for the callback question about `t` in `lang`.
async fn asked(desk: &TestDesk, resident: &TgUser, lang: Lang, t: &TicketRow) -> BotMessage {
    let head = opening(lang, "callback-ask");
    let number = t.number.clone();
    desk.emu
        .wait_for_message(
            resident.id,
            |m| m.body().contains(&head) && m.body().contains(&number),
            WAIT,
        )
        .await
        .unwrap_or_else(|| panic!("no callback question about {number}"))
}

fn said(lang: Lang, key: &str, t: &TicketRow) -> String {
    t_args(lang, key, &[("number", t.number.clone().into())])
}

#[tokio::test]
async fn a_resolved_repair_is_called_back_and_five_stars_close_it_once() {
    let desk = start(Duration::from_secs(3600)).await;
    let amy = bind_amy(&desk).await;
    let zh = Lang::ZhHant;
    let t = resolved(&desk, Some(amy.id), "廚房水喉漏水").await;
    let db = desk.db().await;
    assert_eq!(
        callbacks(&db, t.id).await.len(),
        1,
        "one callback per resolution"
    );

    let question = asked(&desk, &amy, zh, &t).await;
    assert_eq!(
        labels(&question),
        [
            "1⭐",
            "2⭐",
            "3⭐",
            "4⭐",
            "5⭐",
            text(zh, "callback-button-not-fixed").as_str()
        ]
    );
    assert_eq!(callbacks(&db, t.id).await[0].status, "asked");

    press(&desk, &amy, &question, &data(&question, "5⭐")).await;
    let thanked = edited(&desk, &question).await;
    assert_eq!(thanked.body(), said(zh, "callback-thanks-closed", &t));
    assert!(thanked.inline_keyboard.is_empty());
    let done = ticket(&db, t.id).await;
    assert_eq!(done.status, Status::Closed);
    assert!(!done.escalated);
    let answer = &callbacks(&db, t.id).await[0];
    assert_eq!(
        (answer.status.as_str(), answer.rating, answer.satisfied),
        ("answered", Some(5), Some(true))
    );
    assert_eq!(answer.channel.as_deref(), Some("telegram"));
    assert_eq!(answer.answered_by, Some(amy.id));
    let steps = history(&db, t.id).await;
    assert_eq!(steps[steps.len() - 2..], ["callback", "closed"]);

    // A second press (an old copy of the buttons) is thanked and changes nothing.
    let again = press(&desk, &amy, &question, &format!("cb:{}:1", answer.id)).await;
    assert_eq!(again.text, Some(said(zh, "callback-already", &t)));
    assert_eq!(ticket(&db, t.id).await.status, Status::Closed);
    assert_eq!(history(&db, t.id).await, steps);
    assert_eq!(callbacks(&db, t.id).await[0].rating, Some(5));
}

#[tokio::test]
async fn one_star_or_not_fixed_reopens_to_the_engineer_escalated_and_the_supervisor_hears() {
    let desk = start(Duration::from_secs(3600)).await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let lee = desk.person("supervisor");
    let db = desk.db().await;

    for (lang, press_label) in [
        (Lang::En, "1⭐".to_owned()),
        (
            Lang::ZhHans,
            text(Lang::ZhHans, "callback-button-not-fixed"),
        ),
    ] {
        store::users::set_lang(db.pool(), amy.id, lang.tag())
            .await
            .unwrap();
        let t = resolved(&desk, Some(amy.id), "kitchen tap leaking").await;
        let question = asked(&desk, &amy, lang, &t).await;
        let before = desk.emu.version();
        press(&desk, &amy, &question, &data(&question, &press_label)).await;
        let sorry = edited(&desk, &question).await;
        assert_eq!(sorry.body(), said(lang, "callback-thanks-reopened", &t));

        let back = ticket(&db, t.id).await;
        assert_eq!(back.status, Status::Assigned, "{lang:?}");
        assert_eq!(back.assignee_id, Some(chan.id));
        assert!(back.escalated);
        // One step more urgent, and the time limits of that urgency start again.
        assert_eq!(back.urgency, Urgency::High);
        let limits = desk.app(&db).settings.sla_for(back.kind, Urgency::High);
        let restarted = back.respond_by - chrono::Duration::from_std(limits.respond).unwrap();
        assert!(
            restarted > t.created_at,
            "a reopened ticket's time limits start again"
        );
        assert_eq!(history(&db, t.id).await.last().unwrap(), "reopened");
        let answer = &callbacks(&db, t.id).await[0];
        assert_eq!(answer.satisfied, Some(false));
        assert_eq!(answer.rating, (lang == Lang::En).then_some(1));

        // Chan gets the card again, with Accept; Lee (English) is alerted.
        let number = t.number.clone();
        let card = desk
            .emu
            .wait_for_message_after(chan.id, before, |m| m.body().contains(&number), WAIT)
            .await
            .expect("the assignee is pinged again");
        assert!(card.button(&text(Lang::ZhHant, "button-accept")).is_some());
        // The card says why it is back, and shows the raised urgency.
        let why = match lang {
            Lang::En => "card-reopened-rated",
            _ => "card-reopened-not-fixed",
        };
        assert!(
            card.body().contains(&opening(Lang::ZhHant, why)),
            "{}",
            card.body()
        );
        assert!(card.body().contains(&text(Lang::ZhHant, "urgency-high")));
        let alert = said(Lang::En, "alert-reopened", &t);
        desk.emu
            .wait_for_message_after(lee.id, before, |m| m.body().contains(&alert), WAIT)
            .await
            .expect("the supervisor hears of the reopening");
    }
}

#[tokio::test]
async fn no_answer_becomes_a_phone_task_for_customer_service_whose_button_closes_it() {
    let desk = start(Duration::from_millis(600)).await;
    let amy = bind_amy(&desk).await;
    let wong = desk.person("desk");
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    let t = resolved(&desk, Some(amy.id), "冷氣機滴水").await;
    let question = asked(&desk, &amy, zh, &t).await;

    // Amy does not answer: Wong (customer service, on duty) is to phone her.
    let task = desk
        .expect_message(&wong, &text(zh, "callback-why-no-answer"))
        .await;
    assert!(task.body().contains(&t.number), "{}", task.body());
    assert!(task.body().contains("3-1502"), "{}", task.body());
    assert!(task.body().contains("91234567"), "{}", task.body());
    let db = desk.db().await;
    assert_eq!(callbacks(&db, t.id).await[0].status, "phone");
    assert_eq!(history(&db, t.id).await.last().unwrap(), "callback_phone");

    // An engineer may not record it for customer service.
    let satisfied = data(&task, &text(zh, "callback-button-phone-satisfied"));
    let answer = press(&desk, &chan, &task, &satisfied).await;
    assert_eq!(answer.text, Some(text(zh, "not-allowed-staff")));
    assert_eq!(ticket(&db, t.id).await.status, Status::Resolved);

    let answer = press(&desk, &wong, &task, &satisfied).await;
    assert_eq!(answer.text, Some(said(zh, "callback-recorded-closed", &t)));
    let task = edited(&desk, &task).await;
    assert!(task.inline_keyboard.is_empty());
    assert_eq!(ticket(&db, t.id).await.status, Status::Closed);
    let recorded = &callbacks(&db, t.id).await[0];
    assert_eq!(recorded.channel.as_deref(), Some("phone"));
    assert_eq!(recorded.answered_by, Some(wong.id));
    assert_eq!(recorded.rating, None);

    // Amy's late press is thanked politely and changes nothing.
    let late = press(&desk, &amy, &question, &data(&question, "2⭐")).await;
    assert_eq!(late.text, Some(said(zh, "callback-already", &t)));
    assert_eq!(ticket(&db, t.id).await.status, Status::Closed);
}

#[tokio::test]
async fn a_ticket_without_a_telegram_resident_or_whose_resident_blocked_the_bot_is_phoned_at_once()
{
    let desk = start(Duration::from_secs(3600)).await;
    let amy = bind_amy(&desk).await;
    let wong = desk.person("desk");
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    let db = desk.db().await;

    let logged = resolved(&desk, None, "大堂燈壞").await;
    let task = desk
        .expect_message(&wong, &text(zh, "callback-why-no-telegram"))
        .await;
    assert!(task.body().contains(&logged.number), "{}", task.body());
    let before = desk.emu.version();
    let not_fixed = data(&task, &text(zh, "callback-button-phone-not-fixed"));
    let answer = press(&desk, &wong, &task, &not_fixed).await;
    assert_eq!(
        answer.text,
        Some(said(zh, "callback-recorded-reopened", &logged))
    );
    let back = ticket(&db, logged.id).await;
    assert_eq!((back.status, back.escalated), (Status::Assigned, true));
    assert_eq!(back.assignee_id, Some(chan.id));
    let number = logged.number.clone();
    desk.emu
        .wait_for_message_after(chan.id, before, |m| m.body().contains(&number), WAIT)
        .await
        .expect("the assignee is pinged again");

    // Amy has blocked the bot: she is not asked, Wong phones her.
    store::users::mark_blocked_by_chat(db.pool(), amy.id, Utc::now())
        .await
        .unwrap();
    let t = resolved(&desk, Some(amy.id), "浴室去水慢").await;
    let task = desk
        .expect_message(&wong, &text(zh, "callback-why-blocked"))
        .await;
    assert!(task.body().contains(&t.number), "{}", task.body());
    assert!(
        !desk
            .emu
            .bot_messages(amy.id)
            .iter()
            .any(|m| m.body().contains(&opening(zh, "callback-ask"))),
        "a resident who blocked the bot is not asked"
    );
}

#[tokio::test]
async fn a_forged_or_other_unit_press_is_refused_and_changes_nothing() {
    let desk = start(Duration::from_secs(3600)).await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let en = Lang::En;
    let db = desk.db().await;
    store::users::set_lang(db.pool(), amy.id, en.tag())
        .await
        .unwrap();
    let t = resolved(&desk, Some(amy.id), "lift button stuck").await;
    let question = asked(&desk, &amy, en, &t).await;
    let id = callbacks(&db, t.id).await[0].id;

    // Ben is a resident of 3-1503, not of Amy's flat.
    let ben = desk.person("newcomer");
    let now = Utc::now();
    store::users::upsert_seen(db.pool(), ben.id, ben.id, &ben.first_name, None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), ben.id, en.tag())
        .await
        .unwrap();
    let other = store::units::find(db.pool(), "3", "1503")
        .await
        .unwrap()
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::units::bind(&mut tx, ben.id, other.id, "phone", now)
        .await
        .unwrap();
    store::users::set_role(&mut tx, ben.id, Role::Resident, None, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    desk.emu.send_text(&ben, "/help");
    let his = desk.next_message(&ben).await;

    let refused = text(en, "not-allowed");
    for data in [format!("cb:{id}:5"), format!("cb:{id}:nf")] {
        let answer = press(&desk, &ben, &his, &data).await;
        assert_eq!(answer.text.as_ref(), Some(&refused), "{data}");
    }
    // Staff may not rate for the resident; the resident may not use the phone buttons.
    let answer = press(&desk, &chan, &question, &format!("cb:{id}:5")).await;
    assert_eq!(answer.text, Some(text(Lang::ZhHant, "not-allowed-staff")));
    for data in [
        format!("pc:{id}:y"),
        format!("cb:{id}:ok"),
        "cb:999999:5".to_owned(),
    ] {
        let answer = press(&desk, &amy, &question, &data).await;
        assert_eq!(answer.text.as_ref(), Some(&refused), "{data}");
    }
    let answer = press(&desk, &amy, &question, "cb:1:9").await;
    assert_eq!(answer.text, Some(text(en, "stale-button")));

    let still = ticket(&db, t.id).await;
    assert_eq!(still.status, Status::Resolved);
    let callback = &callbacks(&db, t.id).await[0];
    assert_eq!((callback.status.as_str(), callback.rating), ("asked", None));
    assert_eq!(history(&db, t.id).await.last().unwrap(), "callback");
}

/// A booking for Amy's flat on a given visit time.
async fn booking(desk: &TestDesk, amy: &TgUser, start: DateTime<Utc>) -> TicketRow {
    let db = desk.db().await;
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let request = NewRequest {
        kind: Kind::Booking,
        category: Category::Renovation,
        urgency: Urgency::Normal,
        unit_id: Some(unit.id),
        resident_id: Some(amy.id),
        source: Source::Telegram,
        logged_by: None,
        description: "裝修前上門睇睇".to_owned(),
        when: Some((start, start + chrono::Duration::hours(2))),
        photos: Vec::new(),
    };
    let mut tx = db.begin().await.unwrap();
    let opened = desk::open_ticket(&mut tx, &app(desk, &db), request, desk.clock.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    opened.ticket
}

#[tokio::test]
async fn an_accepted_booking_is_reminded_once_before_the_visit_and_a_cancelled_one_is_not() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    let db = desk.db().await;
    // The visit starts two hours after the reminder lead from now: the bot's
    // own scheduler reminds Amy when its clock reaches two hours from now.
    let lead = chrono::Duration::from_std(desk.settings.tickets.visit_reminder_lead).unwrap();
    let start = desk.clock.now() + lead + chrono::Duration::hours(2);
    let due = start - lead;

    let kept = booking(&desk, &amy, start).await;
    let dropped = booking(&desk, &amy, start).await;
    for t in [&kept, &dropped] {
        assert_eq!(t.assignee_id, Some(chan.id));
        act(&desk, t.id, chan.id, Role::Staff, Action::Accept, None).await;
    }
    // Given back and accepted again by customer service: still one reminder.
    act(
        &desk,
        kept.id,
        chan.id,
        Role::Staff,
        Action::Decline,
        Some("病咗"),
    )
    .await;
    let taker = ticket(&db, kept.id)
        .await
        .assignee_id
        .expect("someone takes it");
    act(&desk, kept.id, taker, Role::Staff, Action::Accept, None).await;
    act(
        &desk,
        dropped.id,
        amy.id,
        Role::Resident,
        Action::Cancel,
        None,
    )
    .await;

    let head = opening(zh, "visit-reminder");
    let reminders = |number: &str| {
        desk.emu
            .bot_messages(amy.id)
            .into_iter()
            .filter(|m| m.body().contains(&head) && m.body().contains(number))
            .count()
    };
    // A second before its time, every due job has run and none reminded her.
    desk.clock.advance_to(due - chrono::Duration::seconds(1));
    Scheduler::new(app(&desk, &db))
        .run_due(desk.clock.now())
        .await
        .unwrap();
    assert_eq!(
        queued(&db, amy.id, &head, &kept.number).await,
        0,
        "not before its time"
    );
    assert_eq!(reminders(&kept.number), 0, "not before its time");

    desk.clock.advance_to(due);

    let number = kept.number.clone();
    let reminder = desk
        .emu
        .wait_for_message(
            amy.id,
            |m| m.body().contains(&head) && m.body().contains(&number),
            WAIT,
        )
        .await
        .expect("a reminder before the visit");
    let app = app(&desk, &db);
    let when = residesk::desk::cards::span(
        &app,
        Lang::ZhHant,
        start,
        start + chrono::Duration::hours(2),
    );
    let taker = store::users::get(db.pool(), taker).await.unwrap().unwrap();
    assert!(reminder.body().contains(&when), "{}", reminder.body());
    assert!(
        reminder.body().contains(&taker.first_name),
        "{}",
        reminder.body()
    );

    // Every job due by the visit itself has run: still one reminder, and
    // none for the cancelled booking.
    desk.clock.advance_to(start);
    Scheduler::new(app.clone())
        .run_due(desk.clock.now())
        .await
        .unwrap();
    assert_eq!(
        queued(&db, amy.id, &head, &kept.number).await,
        1,
        "re-accepting does not remind twice"
    );
    assert_eq!(
        queued(&db, amy.id, &head, &dropped.number).await,
        0,
        "a cancelled booking is not reminded"
    );
}

#[tokio::test]
async fn a_visit_too_soon_to_remind_gets_no_reminder() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let start = desk.clock.now() + chrono::Duration::minutes(10);
    let t = booking(&desk, &amy, start).await;
    let db = desk.db().await;
    let (pending_before, _) = store::jobs::counts(db.pool()).await.unwrap();
    act(&desk, t.id, chan.id, Role::Staff, Action::Accept, None).await;
    let (pending_after, _) = store::jobs::counts(db.pool()).await.unwrap();
    assert_eq!(
        pending_after, pending_before,
        "no reminder job within the lead time"
    );
}
