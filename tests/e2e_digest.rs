//! The daily digest end to end: the bot's start plans it; at the configured
//! hour every supervisor gets yesterday's new, closed and overdue tickets,
//! its emergencies, the callbacks due today, the open key complaints and hot
//! spots, once a day, also across restarts; turned off, nothing is planned
//! or sent.

mod common;

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use common::{TestDesk, WAIT};
use residesk::app::App;
use residesk::desk::{self, Doer, NewRequest, Source};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::domain::role::Role;
use residesk::domain::ticket::Action;
use residesk::scheduler::Scheduler;
use residesk::store;
use residesk::texts::t_args;

const LEE: i64 = 3001;
const SUPERVISOR: Doer = Doer {
    user_id: LEE,
    role: Some(Role::Supervisor),
};

async fn open(
    desk: &TestDesk,
    kind: Kind,
    category: Category,
    urgency: Urgency,
    at: DateTime<Utc>,
) -> (i64, String) {
    let db = desk.db().await;
    let app = App::new(db.clone(), desk.settings.clone());
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let request = NewRequest {
        kind,
        category,
        urgency,
        unit_id: Some(unit.id),
        resident_id: None,
        source: Source::Phone,
        logged_by: None,
        description: "記錄".to_owned(),
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

async fn act(desk: &TestDesk, id: i64, action: Action, at: DateTime<Utc>) {
    let db = desk.db().await;
    let app = App::new(db.clone(), desk.settings.clone());
    let mut tx = db.begin().await.unwrap();
    desk::act(&mut tx, &app, id, SUPERVISOR, action, Some("done"), at)
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
}

/// Runs the jobs due at `at` (the test's clock) and brings what they queued
/// to the machine's present, for the sender (on the machine's clock).
async fn run_at(desk: &TestDesk, at: DateTime<Utc>) {
    let db = desk.db().await;
    let scheduler = Scheduler::new(App::new(db.clone(), desk.settings.clone()));
    scheduler.run_due(at).await.unwrap();
    sqlx::query("UPDATE outbox SET not_before = ? WHERE status = 'pending'")
        .bind(Utc::now())
        .execute(db.pool())
        .await
        .unwrap();
    desk.emu
        .wait_until_quiet(std::time::Duration::from_millis(400), WAIT)
        .await;
}

/// The digests Lee got about `day`.
fn digests(desk: &TestDesk, day: &str) -> Vec<String> {
    let title = t_args(Lang::En, "digest-title", &[("date", day.to_owned().into())]);
    desk.emu
        .bot_messages(LEE)
        .into_iter()
        .map(|m| m.body().to_owned())
        .filter(|b| b.starts_with(&title))
        .collect()
}

/// The numbers a digest line lists after its count.
fn listed(body: &str, key: &str, count: usize) -> BTreeSet<String> {
    let head = t_args(Lang::En, key, &[("count", count.into())]);
    let line = body
        .lines()
        .find(|l| *l == head || l.starts_with(&format!("{head} — ")))
        .unwrap_or_else(|| panic!("{head:?} in {body}"));
    line.strip_prefix(&head)
        .unwrap_or_default()
        .trim_start_matches(" — ")
        .split(", ")
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

fn set(numbers: &[&String]) -> BTreeSet<String> {
    numbers.iter().map(|n| (*n).clone()).collect()
}

#[tokio::test]
async fn the_digest_tells_supervisors_about_yesterday_once_a_day_across_restarts() {
    let mut desk = TestDesk::start().await;
    let db = desk.db().await;
    let settings = desk.settings.clone();
    let tz = settings.timezone;
    let app = App::new(db.clone(), settings.clone());
    // The digest the start planned, and one three days on, whose "yesterday"
    // lies wholly ahead of the machine's clock.
    let first =
        residesk::desk::keys::next_at_hour(Utc::now(), tz, settings.reports.daily_digest_hour);
    let due = first + Duration::days(3);
    let today = due.with_timezone(&tz).date_naive();
    let yesterday = today - Duration::days(1);
    let start = |d: chrono::NaiveDate| {
        tz.from_local_datetime(&d.and_time(NaiveTime::MIN))
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    };
    let y0 = start(yesterday) + Duration::hours(2);

    // The day before yesterday: not new.
    let (_, before) = open(
        &desk,
        Kind::Repair,
        Category::Plumbing,
        Urgency::Normal,
        y0 - Duration::hours(5),
    )
    .await;
    let (_, plain) = open(
        &desk,
        Kind::Repair,
        Category::Electrical,
        Urgency::Normal,
        y0,
    )
    .await;
    // With the day before yesterday's, three leaks in Block 3: a hot spot.
    let (_, leak2) = open(
        &desk,
        Kind::Repair,
        Category::Plumbing,
        Urgency::Normal,
        y0 + Duration::minutes(30),
    )
    .await;
    let (_, leak3) = open(
        &desk,
        Kind::Repair,
        Category::Plumbing,
        Urgency::Normal,
        y0 + Duration::minutes(40),
    )
    .await;
    let (_, fire) = open(
        &desk,
        Kind::Repair,
        Category::Gas,
        Urgency::Emergency,
        y0 + Duration::hours(1),
    )
    .await;
    let (key_id, key) = open(
        &desk,
        Kind::Complaint,
        Category::Noise,
        Urgency::Normal,
        y0 + Duration::hours(2),
    )
    .await;
    let mut tx = db.begin().await.unwrap();
    residesk::desk::judgement::mark_key(
        &mut tx,
        &app,
        key_id,
        SUPERVISOR,
        true,
        y0 + Duration::hours(2),
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    let (closed_id, closed) = open(
        &desk,
        Kind::Repair,
        Category::Cleaning,
        Urgency::Normal,
        y0 + Duration::hours(3),
    )
    .await;
    act(&desk, closed_id, Action::Close, y0 + Duration::hours(4)).await;
    let (resolved_id, resolved) = open(
        &desk,
        Kind::Repair,
        Category::Lift,
        Urgency::Normal,
        y0 + Duration::hours(4),
    )
    .await;
    act(&desk, resolved_id, Action::Accept, y0 + Duration::hours(5)).await;
    act(&desk, resolved_id, Action::Resolve, y0 + Duration::hours(6)).await;

    // Yesterday's deadline checks run late in the day: what they escalate
    // is yesterday's overdue.
    run_at(&desk, start(today) - Duration::minutes(1)).await;
    let escalated: BTreeSet<String> =
        sqlx::query_scalar("SELECT number FROM tickets WHERE escalated = 1")
            .fetch_all(db.pool())
            .await
            .unwrap()
            .into_iter()
            .collect();
    assert!(
        escalated.contains(&fire),
        "an emergency is overdue within the day: {escalated:?}"
    );

    let day = yesterday.to_string();
    run_at(&desk, due - Duration::minutes(1)).await;
    assert!(digests(&desk, &day).is_empty(), "not before its hour");
    desk.restart().await;
    run_at(&desk, due).await;
    let got = common::eventually(|| {
        let all = digests(&desk, &day);
        (!all.is_empty()).then_some(all)
    })
    .await;
    assert_eq!(got.len(), 1);
    let body = &got[0];
    assert_eq!(
        listed(body, "digest-new", 7),
        set(&[&plain, &leak2, &leak3, &fire, &key, &closed, &resolved])
    );
    // The day before yesterday's ticket is not new, though it may be overdue.
    assert!(!listed(body, "digest-new", 7).contains(&before));
    assert_eq!(listed(body, "digest-emergencies", 1), set(&[&fire]));
    assert_eq!(listed(body, "digest-closed", 1), set(&[&closed]));
    assert_eq!(listed(body, "digest-overdue", escalated.len()), escalated);
    assert_eq!(listed(body, "digest-callbacks", 1), set(&[&resolved]));
    assert_eq!(listed(body, "digest-key", 1), set(&[&key]));
    assert!(body.contains(&t_args(
        Lang::En,
        "digest-hot-spots",
        &[("count", 1.into())]
    )));
    let spot = t_args(
        Lang::En,
        "digest-hot-spot",
        &[
            (
                "category",
                common::text(Lang::En, "category-plumbing").into(),
            ),
            (
                "place",
                t_args(
                    Lang::En,
                    "hotspot-place-building",
                    &[("building", "3".into())],
                )
                .into(),
            ),
            ("open", 3.into()),
            ("marked", "no".into()),
        ],
    );
    assert!(body.lines().any(|l| l == spot), "{spot:?} in {body}");

    // Later that day, and after another restart: nothing more.
    run_at(&desk, due + Duration::hours(1)).await;
    desk.restart().await;
    run_at(&desk, due + Duration::hours(2)).await;
    assert_eq!(digests(&desk, &day).len(), 1, "once a day");
    // The next morning, the next day's.
    run_at(&desk, due + Duration::days(1)).await;
    assert_eq!(digests(&desk, &today.to_string()).len(), 1);
    assert_eq!(digests(&desk, &day).len(), 1);
}

#[tokio::test]
async fn a_digest_turned_off_is_neither_planned_nor_sent() {
    let desk = TestDesk::start_with(|s| s.reports.daily_digest = false).await;
    let db = desk.db().await;
    let planned: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE kind = 'daily_digest'")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(planned, 0);
    run_at(&desk, Utc::now() + Duration::days(2)).await;
    let head = common::opening(Lang::En, "digest-title");
    assert!(
        desk.emu
            .bot_messages(LEE)
            .iter()
            .all(|m| !m.body().starts_with(&head))
    );
}

#[tokio::test]
async fn the_bots_start_plans_one_digest() {
    let mut desk = TestDesk::start().await;
    desk.restart().await;
    let db = desk.db().await;
    let planned: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs WHERE kind = 'daily_digest' AND status = 'pending'",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(planned, 1);
}
