//! Hot spots end to end: tickets of one category at one place within the
//! category's days alert every supervisor once per cluster, with the list
//! and a button to mark it a hot spot; a further ticket in the open cluster
//! does not alert again; other buildings, other categories and tickets
//! outside the window do not count; per-category rules and shared places
//! work (and the report places them as the alert does); the button is for
//! supervisors only and marks once.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{TestDesk, WAIT, opening, text};
use residesk::app::App;
use residesk::config::HotSpotRule;
use residesk::desk::{self, NewRequest, SharedPlace, Source};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::emulator::BotMessage;
use residesk::store;

const LEE: i64 = 3001;

async fn open(
    desk: &TestDesk,
    category: Category,
    unit: Option<(&str, &str)>,
    place: SharedPlace,
    at: DateTime<Utc>,
) -> String {
    let db = desk.db().await;
    let app = App::new(db.clone(), desk.settings.clone());
    let unit_id = match unit {
        Some((building, flat)) => Some(
            store::units::find(db.pool(), building, flat)
                .await
                .unwrap()
                .unwrap()
                .id,
        ),
        None => None,
    };
    let request = NewRequest {
        kind: Kind::Repair,
        category,
        urgency: Urgency::Normal,
        unit_id,
        resident_id: None,
        source: Source::Phone,
        logged_by: None,
        description: "同一問題".to_owned(),
        when: None,
        photos: Vec::new(),
    };
    let mut tx = db.begin().await.unwrap();
    let opened = desk::open_ticket_at(&mut tx, &app, request, &place, at)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    opened.ticket.number
}

fn alerts(desk: &TestDesk) -> Vec<BotMessage> {
    let head = opening(Lang::En, "hotspot-alert");
    desk.emu
        .bot_messages(LEE)
        .into_iter()
        .filter(|m| m.body().starts_with(&head))
        .collect()
}

async fn quiet(desk: &TestDesk) {
    desk.emu
        .wait_until_quiet(std::time::Duration::from_millis(400), WAIT)
        .await;
}

async fn press(
    desk: &TestDesk,
    who: &residesk::emulator::TgUser,
    chat: i64,
    message: &BotMessage,
    data: &str,
) -> Option<String> {
    let query = desk.emu.press(who, chat, message.message_id, data);
    desk.emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .expect("the bot answers the button")
        .text
}

#[tokio::test]
async fn a_cluster_alerts_supervisors_once_and_a_supervisor_marks_it() {
    let desk = TestDesk::start().await;
    let now = Utc::now();
    let unit = SharedPlace::default;
    // Outside the 7 days: does not count.
    let old = open(
        &desk,
        Category::Plumbing,
        Some(("3", "1502")),
        unit(),
        now - Duration::days(10),
    )
    .await;
    let a = open(
        &desk,
        Category::Plumbing,
        Some(("3", "1502")),
        unit(),
        now - Duration::days(3),
    )
    .await;
    // Another building, another category: do not count.
    let elsewhere = open(
        &desk,
        Category::Plumbing,
        Some(("5", "802")),
        unit(),
        now - Duration::days(2),
    )
    .await;
    open(
        &desk,
        Category::Noise,
        Some(("3", "1503")),
        unit(),
        now - Duration::days(2),
    )
    .await;
    let b = open(
        &desk,
        Category::Plumbing,
        Some(("3", "1503")),
        unit(),
        now - Duration::days(2),
    )
    .await;
    quiet(&desk).await;
    assert!(alerts(&desk).is_empty(), "two are not a cluster");

    let c = open(
        &desk,
        Category::Plumbing,
        Some(("3", "1502")),
        unit(),
        now - Duration::hours(1),
    )
    .await;
    let alert = common::eventually(|| alerts(&desk).into_iter().next()).await;
    let body = alert.body();
    for number in [&a, &b, &c] {
        assert!(body.contains(number.as_str()), "{number} in {body}");
    }
    for number in [&old, &elsewhere] {
        assert!(!body.contains(number.as_str()), "{number} not in {body}");
    }
    assert!(
        body.contains(&text(Lang::En, "category-plumbing")),
        "{body}"
    );
    assert!(body.contains("Block 3"), "{body}");

    // A fourth in the same open cluster joins it without a new alert.
    let d = open(&desk, Category::Plumbing, Some(("3", "1503")), unit(), now).await;
    quiet(&desk).await;
    assert_eq!(alerts(&desk).len(), 1, "once per cluster");
    let db = desk.db().await;
    let spots = store::hot_spots::all(db.pool()).await.unwrap();
    assert_eq!(spots.len(), 1);
    let mut tx = db.begin().await.unwrap();
    let members: Vec<String> = store::hot_spots::tickets_of(&mut tx, spots[0].id)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.number)
        .collect();
    tx.rollback().await.unwrap();
    assert_eq!(members, [a.clone(), b.clone(), c.clone(), d.clone()]);

    // Only a supervisor may mark it, and forged data changes nothing.
    let data = alert
        .button(&text(Lang::En, "hotspot-button-mark"))
        .and_then(|b| b.callback_data.clone())
        .expect("a mark button");
    let amy = desk.person("resident");
    let chan = desk.person("staff");
    for who in [&amy, &chan] {
        let answer = press(&desk, who, who.id, &alert, &data).await;
        assert!(answer.is_some(), "a polite refusal");
    }
    let lee = desk.person("supervisor");
    let forged = press(&desk, &lee, LEE, &alert, "mk:hs:99999").await;
    assert_eq!(forged, Some(text(Lang::En, "stale-button")));
    assert!(
        store::hot_spots::all(db.pool()).await.unwrap()[0]
            .marked_at
            .is_none()
    );

    let answer = press(&desk, &lee, LEE, &alert, &data)
        .await
        .unwrap_or_default();
    assert!(answer.contains(&a) && answer.contains(&d), "{answer}");
    let spot = &store::hot_spots::all(db.pool()).await.unwrap()[0];
    assert_eq!(spot.marked_by, Some(LEE));
    let marked: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM ticket_history WHERE action = 'hot_spot_marked'")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!(marked, 4, "each ticket of the hot spot records it");
    // An old copy of the button: told it is marked already, nothing more.
    let again = press(&desk, &lee, LEE, &alert, &data).await;
    assert_eq!(again, Some(text(Lang::En, "hotspot-already-marked")));
    let marked_again: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM ticket_history WHERE action = 'hot_spot_marked'")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!(marked_again, 4);
}

#[tokio::test]
async fn a_category_rule_and_a_shared_place_make_their_own_cluster() {
    let desk = TestDesk::start_with(|s| {
        s.reports
            .hot_spots
            .insert(Category::Lift, HotSpotRule { count: 2, days: 1 });
    })
    .await;
    let now = Utc::now();
    let lobby = |building: &str| SharedPlace {
        area: Some("lobby".to_owned()),
        building: Some(building.to_owned()),
    };
    // Two lift faults 42 hours apart: outside the lift's one day.
    open(
        &desk,
        Category::Lift,
        None,
        lobby("3"),
        now - Duration::days(3),
    )
    .await;
    open(
        &desk,
        Category::Lift,
        None,
        lobby("3"),
        now - Duration::hours(30),
    )
    .await;
    // Another block's lobby is another place.
    open(
        &desk,
        Category::Lift,
        None,
        lobby("5"),
        now - Duration::hours(2),
    )
    .await;
    quiet(&desk).await;
    assert!(alerts(&desk).is_empty());
    let last = open(
        &desk,
        Category::Lift,
        None,
        lobby("3"),
        now - Duration::hours(8),
    )
    .await;
    let alert = common::eventually(|| alerts(&desk).into_iter().next()).await;
    assert!(alert.body().contains(&last), "{}", alert.body());
    assert!(
        alert.body().contains(&text(Lang::En, "area-lobby")),
        "{}",
        alert.body()
    );
    // Plumbing keeps the default three.
    open(
        &desk,
        Category::Plumbing,
        None,
        lobby("3"),
        now - Duration::hours(1),
    )
    .await;
    open(&desk, Category::Plumbing, None, lobby("3"), now).await;
    quiet(&desk).await;
    assert_eq!(alerts(&desk).len(), 1);
    // The monthly report shows the same hot spot at the same place: the
    // lobby of block 3, not block 3 (nor nothing, for tickets in no flat).
    let db = desk.db().await;
    let month =
        residesk::domain::report::Month::of(now - Duration::hours(8), desk.settings.timezone);
    let made = residesk::report::make(&db, &desk.settings, month, now)
        .await
        .unwrap();
    let json = serde_json::to_value(&made.report).unwrap();
    let spots = json["hot_spots"].as_array().unwrap();
    assert_eq!(spots.len(), 1, "{spots:?}");
    assert_eq!(spots[0]["place"], "lobby@3");
    assert_eq!(spots[0]["category"], "lift");
    assert!(
        spots[0]["tickets"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == &last)
    );
}

#[tokio::test]
async fn two_tickets_completing_a_cluster_at_once_alert_once() {
    let desk = TestDesk::start().await;
    let now = Utc::now();
    let unit = SharedPlace::default;
    let first = open(
        &desk,
        Category::Plumbing,
        Some(("3", "1502")),
        unit(),
        now - Duration::days(1),
    )
    .await;
    // Two more arrive side by side, each in its own transaction: whichever
    // commits second joins the cluster the first made.
    let (b, c) = tokio::join!(
        open(&desk, Category::Plumbing, Some(("3", "1503")), unit(), now),
        open(&desk, Category::Plumbing, Some(("3", "1502")), unit(), now),
    );
    let (d, e) = tokio::join!(
        open(&desk, Category::Plumbing, Some(("3", "1503")), unit(), now),
        open(&desk, Category::Plumbing, Some(("3", "1502")), unit(), now),
    );
    quiet(&desk).await;
    assert_eq!(alerts(&desk).len(), 1, "one alert for one cluster");
    let db = desk.db().await;
    let spots = store::hot_spots::all(db.pool()).await.unwrap();
    assert_eq!(spots.len(), 1);
    let mut tx = db.begin().await.unwrap();
    let mut members: Vec<String> = store::hot_spots::tickets_of(&mut tx, spots[0].id)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.number)
        .collect();
    tx.rollback().await.unwrap();
    members.sort();
    let mut expected = vec![first, b, c, d, e];
    expected.sort();
    assert_eq!(members, expected);
}
