//! Key complaints (重點投訴) end to end: a resident's third complaint within
//! the configured days is proposed to the supervisors as key, a supervisor
//! accepts it with the button (nobody else may), and from then on its
//! assignee and the supervisors get one reminder a day at the configured
//! hour until it is closed; a complaint escalated twice is proposed once.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{TestDesk, WAIT, opening, text};
use residesk::app::App;
use residesk::desk::{self, Doer, NewRequest, Source};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::domain::role::Role;
use residesk::domain::ticket::Action;
use residesk::emulator::{BotMessage, TgUser};
use residesk::scheduler::Scheduler;
use residesk::store;

const LEE: i64 = 3001;
const WONG: i64 = 2002;
const AMY: i64 = 1001;
const MIA: i64 = 4001;

/// A manager (客服經理), who reads key complaints and second-tier escalations.
async fn manager(desk: &TestDesk) {
    let db = desk.db().await;
    let now = Utc::now();
    desk.emu.user(MIA, "Mia", Some("en"));
    store::users::upsert_seen(db.pool(), MIA, MIA, "Mia", None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), MIA, Lang::En.tag())
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::users::set_role(&mut tx, MIA, Role::Manager, None, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn complaint(desk: &TestDesk, resident: Option<i64>, at: DateTime<Utc>) -> (i64, String) {
    let db = desk.db().await;
    let app = App::new(db.clone(), desk.settings.clone());
    let request = NewRequest {
        kind: Kind::Complaint,
        category: Category::Noise,
        urgency: Urgency::Normal,
        unit_id: None,
        resident_id: resident,
        source: Source::Phone,
        logged_by: None,
        description: "樓上夜晚好嘈".to_owned(),
        when: None,
        photos: Vec::new(),
    };
    let mut tx = db.begin().await.unwrap();
    let ticket = desk::open_ticket(&mut tx, &app, request, at)
        .await
        .unwrap()
        .ticket;
    tx.commit().await.unwrap();
    (ticket.id, ticket.number)
}

fn messages_starting(desk: &TestDesk, chat: i64, lang: Lang, key: &str) -> Vec<BotMessage> {
    let head = opening(lang, key);
    desk.emu
        .bot_messages(chat)
        .into_iter()
        .filter(|m| m.body().starts_with(&head))
        .collect()
}

async fn press(desk: &TestDesk, who: &TgUser, message: &BotMessage, data: &str) -> Option<String> {
    let query = desk.emu.press(who, who.id, message.message_id, data);
    desk.emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .expect("the bot answers the button")
        .text
}

/// How many reminders of complaint `number` a chat got.
fn reminders(desk: &TestDesk, number: &str, chat: i64, lang: Lang) -> usize {
    messages_starting(desk, chat, lang, "key-reminder")
        .into_iter()
        .filter(|m| m.body().contains(number))
        .count()
}

/// Runs the jobs due at `at` (the test's clock) and brings what they queued
/// to the machine's present, for the sender (on the machine's clock).
async fn run_at(desk: &TestDesk, at: DateTime<Utc>) -> usize {
    let db = desk.db().await;
    let scheduler = Scheduler::new(App::new(db.clone(), desk.settings.clone()));
    let ran = scheduler.run_due(at).await.unwrap();
    sqlx::query("UPDATE outbox SET not_before = ? WHERE status = 'pending'")
        .bind(Utc::now())
        .execute(db.pool())
        .await
        .unwrap();
    desk.emu
        .wait_until_quiet(std::time::Duration::from_millis(400), WAIT)
        .await;
    ran
}

#[tokio::test]
async fn a_repeat_complainers_complaint_is_proposed_accepted_and_reminded_daily_until_closed() {
    let mut desk = TestDesk::start().await;
    let db = desk.db().await;
    let now = Utc::now();
    store::users::upsert_seen(db.pool(), AMY, AMY, "Amy", None, now)
        .await
        .unwrap();
    store::users::set_on_duty(db.pool(), WONG, true)
        .await
        .unwrap();
    complaint(&desk, Some(AMY), now - Duration::days(40)).await;
    complaint(&desk, Some(AMY), now - Duration::days(10)).await;
    // Another resident's complaint does not count for Amy.
    complaint(&desk, None, now - Duration::days(5)).await;
    desk.emu
        .wait_until_quiet(std::time::Duration::from_millis(400), WAIT)
        .await;
    // (The older two are long overdue: the bot's scheduler escalates them
    // and proposes them for that; none is proposed as a repeat complaint.)
    let repeat = opening(Lang::En, "key-reason-repeat");
    assert!(
        messages_starting(&desk, LEE, Lang::En, "key-proposed")
            .iter()
            .all(|m| !m.body().contains(&repeat))
    );

    manager(&desk).await;
    let (id, number) = complaint(&desk, Some(AMY), now).await;
    let proposal = common::eventually(|| {
        messages_starting(&desk, LEE, Lang::En, "key-proposed")
            .into_iter()
            .find(|m| m.body().contains(&number))
    })
    .await;
    assert!(proposal.body().contains(&repeat), "{}", proposal.body());
    let data = proposal
        .button(&text(Lang::En, "key-button-mark"))
        .and_then(|b| b.callback_data.clone())
        .expect("an accept button");

    // Only a supervisor may accept; a forged id of a repair is refused too.
    let amy = desk.person("resident");
    let wong = desk.person("desk");
    for who in [&amy, &wong] {
        assert!(press(&desk, who, &proposal, &data).await.is_some());
    }
    let mut tx = db.begin().await.unwrap();
    assert!(!store::keys::is_key(&mut tx, id).await.unwrap());
    tx.rollback().await.unwrap();
    let lee = desk.person("supervisor");
    let answer = press(&desk, &lee, &proposal, &data)
        .await
        .unwrap_or_default();
    assert!(answer.contains(&number), "{answer}");
    let mut tx = db.begin().await.unwrap();
    assert!(store::keys::is_key(&mut tx, id).await.unwrap());
    let ticket = store::tickets::get(&mut tx, id).await.unwrap().unwrap();
    tx.rollback().await.unwrap();
    assert_eq!(ticket.assignee_id, Some(WONG), "the owner");
    // A second press (another copy of the proposal) marks nothing twice.
    let again = press(&desk, &lee, &proposal, &data).await;
    assert_eq!(again, Some(text(Lang::En, "key-already")));
    let marked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ticket_history WHERE ticket_id = ? AND action = 'key_marked'",
    )
    .bind(id)
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(marked, 1);

    // The first reminder at the next reminder hour, once.
    let app = App::new(db.clone(), desk.settings.clone());
    let first = residesk::desk::keys::next_at_hour(
        now,
        desk.settings.timezone,
        desk.settings.reports.key_reminder_hour,
    );
    run_at(&desk, first - Duration::minutes(1)).await;
    assert_eq!(
        reminders(&desk, &number, LEE, Lang::En),
        0,
        "not before its hour"
    );
    run_at(&desk, first).await;
    assert_eq!(
        (
            reminders(&desk, &number, LEE, Lang::En),
            reminders(&desk, &number, WONG, Lang::ZhHant),
            reminders(&desk, &number, MIA, Lang::En)
        ),
        (1, 1, 1),
        "the owner, the supervisors and, upward, the manager"
    );
    run_at(&desk, first + Duration::hours(3)).await;
    assert_eq!(
        (
            reminders(&desk, &number, LEE, Lang::En),
            reminders(&desk, &number, WONG, Lang::ZhHant)
        ),
        (1, 1),
        "once a day"
    );
    // The next day again, after a restart.
    desk.restart().await;
    run_at(&desk, first + Duration::days(1)).await;
    assert_eq!(
        (
            reminders(&desk, &number, LEE, Lang::En),
            reminders(&desk, &number, WONG, Lang::ZhHant)
        ),
        (2, 2)
    );

    // Closed: no more reminders, nothing planned.
    let mut tx = db.begin().await.unwrap();
    let supervisor = Doer {
        user_id: LEE,
        role: Some(Role::Supervisor),
    };
    desk::act(
        &mut tx,
        &app,
        id,
        supervisor,
        Action::Close,
        Some("settled with the neighbour"),
        first + Duration::days(1) + Duration::hours(2),
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    run_at(&desk, first + Duration::days(2)).await;
    run_at(&desk, first + Duration::days(3)).await;
    assert_eq!(
        (
            reminders(&desk, &number, LEE, Lang::En),
            reminders(&desk, &number, WONG, Lang::ZhHant)
        ),
        (2, 2)
    );
    let planned: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs WHERE kind = 'key_follow_up' AND status = 'pending'",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(planned, 0);
}

#[tokio::test]
async fn a_complaint_escalated_twice_is_proposed_once() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let now = Utc::now();
    manager(&desk).await;
    let (id, number) = complaint(&desk, None, now).await;
    let mut tx = db.begin().await.unwrap();
    let ticket = store::tickets::get(&mut tx, id).await.unwrap().unwrap();
    tx.rollback().await.unwrap();
    let upward = || messages_starting(&desk, MIA, Lang::En, "alert-escalated-again");
    let proposals = || {
        messages_starting(&desk, LEE, Lang::En, "key-proposed")
            .into_iter()
            .filter(|m| m.body().contains(&number))
            .count()
    };
    // The first escalation (no response in time) proposes nothing.
    run_at(&desk, ticket.respond_by + Duration::minutes(1)).await;
    assert_eq!(proposals(), 0);
    assert!(
        upward().is_empty(),
        "a first escalation stays with supervisors"
    );
    // The second (not resolved in time) does, once; the manager is told, once,
    // read-only.
    run_at(&desk, ticket.resolve_by + Duration::minutes(1)).await;
    assert_eq!(proposals(), 1);
    run_at(&desk, ticket.resolve_by + Duration::days(2)).await;
    assert_eq!(proposals(), 1);
    let told = upward();
    assert_eq!(told.len(), 1);
    assert!(told[0].body().contains(&number), "{}", told[0].body());
    assert!(
        told[0].body().contains("second time"),
        "in the manager's language: {}",
        told[0].body()
    );
    assert!(told[0].buttons().next().is_none(), "read-only");
    let mut tx = db.begin().await.unwrap();
    assert_eq!(store::keys::escalations(&mut tx, id).await.unwrap(), 2);
    tx.rollback().await.unwrap();
}
