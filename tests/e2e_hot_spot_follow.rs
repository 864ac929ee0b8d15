//! A hot spot followed as one, end to end: after its alert, a new ticket of
//! its category at its place joins it and every supervisor is told once;
//! `/hotspots` lists it and its card shows each ticket with its state and
//! owner; when its last ticket is closed (here from the ticket's card in
//! chat) it closes and the supervisors are told once, and a later ticket
//! there joins nothing; a supervisor closes another from its card (staff
//! may not); the next digest and the monthly report show both as the desk
//! followed them. The
//! supervisors speak English and Simplified Chinese.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{TestDesk, WAIT, opening, text};
use residesk::desk::{self, Doer, NewRequest, SharedPlace, Source};
use residesk::domain::lang::Lang;
use residesk::domain::report::Month;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::domain::role::Role;
use residesk::domain::ticket::Action;
use residesk::emulator::{BotMessage, TgUser};
use residesk::store::hot_spots::HotSpotRow;
use residesk::store::tickets::TicketRow;
use residesk::store::{self, Db};
use residesk::texts::t_args;

const ZHAO: i64 = 3002;

async fn open(desk: &TestDesk, category: Category, flat: &str, at: DateTime<Utc>) -> TicketRow {
    let db = desk.db().await;
    let app = desk.app(&db);
    let (building, flat) = flat.split_once('-').unwrap();
    let unit = store::units::find(db.pool(), building, flat)
        .await
        .unwrap()
        .unwrap();
    let request = NewRequest {
        kind: Kind::Repair,
        category,
        urgency: Urgency::Normal,
        unit_id: Some(unit.id),
        resident_id: None,
        source: Source::Phone,
        logged_by: None,
        description: "同一問題".to_owned(),
        when: None,
        photos: Vec::new(),
    };
    let mut tx = db.begin().await.unwrap();
    let opened = desk::open_ticket_at(&mut tx, &app, request, &SharedPlace::default(), at)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    opened.ticket
}

async fn supervisor(desk: &TestDesk, id: i64, name: &str, lang: Lang) -> TgUser {
    let user = desk.stranger(id, name, "zh-cn");
    let db = desk.db().await;
    let now = Utc::now();
    store::users::upsert_seen(db.pool(), id, id, name, None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), id, lang.tag())
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::users::set_role(&mut tx, id, Role::Supervisor, None, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    user
}

async fn spot(db: &Db, id: i64) -> HotSpotRow {
    let mut tx = db.begin().await.unwrap();
    let row = store::hot_spots::get(&mut tx, id).await.unwrap().unwrap();
    tx.rollback().await.unwrap();
    row
}

/// Messages to `chat` whose text is exactly `body`.
fn exactly(desk: &TestDesk, chat: i64, body: &str) -> usize {
    desk.emu
        .bot_messages(chat)
        .iter()
        .filter(|m| m.body() == body)
        .count()
}

fn starting(desk: &TestDesk, chat: i64, lang: Lang, key: &str) -> Vec<BotMessage> {
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

fn data(message: &BotMessage, label: &str) -> String {
    message
        .button(label)
        .and_then(|b| b.callback_data.clone())
        .unwrap_or_else(|| panic!("no {label:?} under {}", message.body()))
}

async fn quiet(desk: &TestDesk) {
    desk.emu
        .wait_until_quiet(std::time::Duration::from_millis(400), WAIT)
        .await;
}

fn told(lang: Lang, key: &str, spot: &HotSpotRow, extra: &[(&str, String)]) -> String {
    let mut args = vec![("spot", residesk::desk::hotspots::title(lang, spot).into())];
    for (name, value) in extra {
        args.push((*name, value.clone().into()));
    }
    t_args(lang, key, &args)
}

#[tokio::test]
async fn a_hot_spot_takes_in_new_tickets_shows_its_card_and_closes_with_its_tickets() {
    let desk = TestDesk::start().await;
    let (en, zh) = (Lang::En, Lang::ZhHans);
    let lee = desk.person("supervisor");
    let chan = desk.person("staff");
    let zhao = supervisor(&desk, ZHAO, "Zhao", zh).await;
    let db = desk.db().await;
    let app = desk.app(&db);
    let now = Utc::now();

    let mut tickets = Vec::new();
    for (flat, days) in [("3-1502", 2), ("3-1503", 1), ("3-1502", 0)] {
        tickets.push(open(&desk, Category::Plumbing, flat, now - Duration::days(days)).await);
    }
    let alert = common::eventually(|| starting(&desk, lee.id, en, "hotspot-alert").pop()).await;
    common::eventually(|| starting(&desk, ZHAO, zh, "hotspot-alert").pop()).await;
    let id = store::hot_spots::all(db.pool()).await.unwrap()[0].id;
    press(
        &desk,
        &lee,
        &alert,
        &data(&alert, &text(en, "hotspot-button-mark")),
    )
    .await;

    // A fourth leak in block 3 joins it: each supervisor is told once.
    let fourth = open(&desk, Category::Plumbing, "3-1503", now).await;
    tickets.push(fourth.clone());
    let row = spot(&db, id).await;
    let joined = |lang| {
        t_args(
            lang,
            "hotspot-joined",
            &[
                ("number", fourth.number.clone().into()),
                ("spot", residesk::desk::hotspots::title(lang, &row).into()),
                ("count", 4.into()),
            ],
        )
    };
    desk.expect_message(&lee, &joined(en)).await;
    desk.expect_message(&zhao, &joined(zh)).await;
    // Another block's leak joins nothing.
    open(&desk, Category::Plumbing, "5-802", now).await;
    quiet(&desk).await;
    assert_eq!(exactly(&desk, lee.id, &joined(en)), 1);
    assert_eq!(exactly(&desk, ZHAO, &joined(zh)), 1);
    assert_eq!(starting(&desk, lee.id, en, "hotspot-alert").len(), 1);

    // /hotspots, then its card: every ticket with its state and owner.
    desk.emu.send_text(&lee, "/hotspots");
    let list = desk
        .expect_message(&lee, &t_args(en, "hotspots-title", &[("count", 1.into())]))
        .await;
    let title = residesk::desk::hotspots::title(en, &row);
    press(&desk, &lee, &list, &data(&list, &title)).await;
    let card = desk.expect_message(&lee, &format!("🔥 {title} — ")).await;
    for ticket in &tickets {
        assert!(card.body().contains(&ticket.number), "{}", card.body());
    }
    assert!(
        card.body().contains(&text(en, "hotspot-state-marked")),
        "{}",
        card.body()
    );
    let owner = store::users::get(db.pool(), tickets[0].assignee_id.unwrap())
        .await
        .unwrap()
        .unwrap()
        .first_name;
    assert!(card.body().contains(&owner), "{}", card.body());
    assert!(card.button(&text(en, "hotspot-button-mark")).is_none());
    // Staff may not close it.
    let forged = press(&desk, &chan, &card, &format!("mk:hsx:{id}")).await;
    assert_eq!(forged, Some(text(Lang::ZhHant, "not-allowed-staff")));
    assert!(spot(&db, id).await.closed_at.is_none());

    // Its tickets close one by one; the last from its card in chat.
    let lee_doer = Doer {
        user_id: lee.id,
        role: Some(Role::Supervisor),
    };
    for ticket in &tickets[..3] {
        let mut tx = db.begin().await.unwrap();
        desk::act(
            &mut tx,
            &app,
            ticket.id,
            lee_doer,
            Action::Close,
            Some("done"),
            now,
        )
        .await
        .unwrap()
        .unwrap();
        tx.commit().await.unwrap();
    }
    assert!(
        spot(&db, id).await.closed_at.is_none(),
        "one ticket is open"
    );
    desk.emu
        .send_text(&lee, &format!("/ticket {}", fourth.number));
    let view = common::eventually(|| {
        desk.emu.bot_messages(lee.id).into_iter().rev().find(|m| {
            m.body().contains(&fourth.number) && m.button(&text(en, "button-close")).is_some()
        })
    })
    .await;
    press(&desk, &lee, &view, &data(&view, &text(en, "button-close"))).await;
    desk.emu.send_text(&lee, "fixed the riser");
    let done = |lang| {
        told(
            lang,
            "hotspot-closed-done",
            &row,
            &[("count", "4".to_owned())],
        )
    };
    desk.expect_message(&lee, &done(en)).await;
    desk.expect_message(&zhao, &done(zh)).await;
    let closed = spot(&db, id).await;
    assert!(closed.closed_at.is_some());
    assert_eq!(closed.closed_by, None);

    // Closed: a later leak there joins nothing and tells nobody.
    let later = open(
        &desk,
        Category::Plumbing,
        "3-1502",
        now + Duration::minutes(1),
    )
    .await;
    quiet(&desk).await;
    assert_eq!(exactly(&desk, lee.id, &done(en)), 1, "told once");
    let mut tx = db.begin().await.unwrap();
    assert_eq!(
        store::hot_spots::of_ticket(&mut tx, later.id)
            .await
            .unwrap(),
        None
    );
    tx.rollback().await.unwrap();

    // Another cluster, closed by a supervisor from its card.
    for days in [2, 1, 0] {
        open(
            &desk,
            Category::Electrical,
            "3-1502",
            now - Duration::days(days),
        )
        .await;
    }
    let alert = common::eventually(|| {
        starting(&desk, lee.id, en, "hotspot-alert")
            .into_iter()
            .find(|m| m.body().contains(&text(en, "category-electrical")))
    })
    .await;
    press(
        &desk,
        &lee,
        &alert,
        &data(&alert, &text(en, "hotspot-button-view")),
    )
    .await;
    let second = store::hot_spots::all(db.pool()).await.unwrap()[0].clone();
    let title = residesk::desk::hotspots::title(en, &second);
    let card = desk.expect_message(&lee, &format!("🔥 {title} — ")).await;
    let close = data(&card, &text(en, "hotspot-button-close"));
    let answer = press(&desk, &lee, &card, &close).await;
    assert_eq!(answer, Some(told(en, "hotspot-closed", &second, &[])));
    desk.expect_message(
        &zhao,
        &told(
            zh,
            "hotspot-closed-by",
            &second,
            &[("by", lee.first_name.clone())],
        ),
    )
    .await;
    let again = press(&desk, &lee, &card, &close).await;
    assert_eq!(again, Some(text(en, "hotspot-already-closed")));
    assert_eq!(spot(&db, second.id).await.closed_by, Some(lee.id));

    // The next morning's digest names both as closed that day.
    let today = now.with_timezone(&desk.settings.timezone).date_naive();
    let tomorrow = (today + Duration::days(1)).to_string();
    let mut tx = db.begin().await.unwrap();
    residesk::desk::digest::send(&mut tx, &app, &tomorrow, Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let heading = t_args(en, "digest-hot-spots-closed", &[("count", 2.into())]);
    let digest = desk.expect_message(&lee, &heading).await;
    for closed in [&row, &second] {
        let line = t_args(
            en,
            "digest-hot-spot-closed",
            &[("spot", residesk::desk::hotspots::title(en, closed).into())],
        );
        assert!(
            digest.body().lines().any(|l| l == line),
            "{line:?} in {}",
            digest.body()
        );
    }

    // The month's report shows both as the desk followed them.
    let month = Month::of(now, desk.settings.timezone);
    let made = residesk::report::make(&db, &desk.settings, month, Utc::now())
        .await
        .unwrap();
    let json = serde_json::to_value(&made.report).unwrap();
    let spots = json["hot_spots"].as_array().unwrap();
    let find = |id: i64| spots.iter().find(|s| s["id"] == id).unwrap().clone();
    let first = find(id);
    assert_eq!(first["place"], "3");
    assert_eq!(first["category"], "plumbing");
    assert_eq!(first["marked"], true);
    assert_eq!(first["open"], 0);
    assert!(!first["closed_at"].is_null());
    let mut numbers: Vec<String> = tickets.iter().map(|t| t.number.clone()).collect();
    numbers.sort();
    let mut listed: Vec<String> = first["tickets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_owned())
        .collect();
    listed.sort();
    assert_eq!(listed, numbers);
    let other = find(second.id);
    assert_eq!(other["marked"], false);
    assert!(!other["closed_at"].is_null());
}

/// `who` opens `ticket`'s card with `/ticket` and presses Close; the bot
/// then waits for the reason.
async fn ask_to_close(desk: &TestDesk, who: &TgUser, lang: Lang, ticket: &TicketRow) {
    desk.emu
        .send_text(who, &format!("/ticket {}", ticket.number));
    let view = common::eventually(|| {
        desk.emu.bot_messages(who.id).into_iter().rev().find(|m| {
            m.body().contains(&ticket.number) && m.button(&text(lang, "button-close")).is_some()
        })
    })
    .await;
    press(desk, who, &view, &data(&view, &text(lang, "button-close"))).await;
    desk.expect_message(
        who,
        &t_args(
            lang,
            "work-ask-close-reason",
            &[("number", ticket.number.clone().into())],
        ),
    )
    .await;
}

#[tokio::test]
async fn its_last_two_tickets_closed_at_once_close_it_once() {
    let desk = TestDesk::start().await;
    let (en, zh) = (Lang::En, Lang::ZhHans);
    let lee = desk.person("supervisor");
    let zhao = supervisor(&desk, ZHAO, "Zhao", zh).await;
    let db = desk.db().await;
    let app = desk.app(&db);
    let now = Utc::now();
    let mut tickets = Vec::new();
    for days in [2, 1, 0] {
        tickets.push(
            open(
                &desk,
                Category::Cleaning,
                "3-1502",
                now - Duration::days(days),
            )
            .await,
        );
    }
    common::eventually(|| starting(&desk, lee.id, en, "hotspot-alert").pop()).await;
    let id = store::hot_spots::all(db.pool()).await.unwrap()[0].id;
    let mut tx = db.begin().await.unwrap();
    let lee_doer = Doer {
        user_id: lee.id,
        role: Some(Role::Supervisor),
    };
    desk::act(
        &mut tx,
        &app,
        tickets[0].id,
        lee_doer,
        Action::Close,
        Some("done"),
        now,
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();

    // Lee and Zhao each close one of the other two, their reasons sent together.
    ask_to_close(&desk, &lee, en, &tickets[1]).await;
    ask_to_close(&desk, &zhao, zh, &tickets[2]).await;
    desk.emu.send_text(&lee, "swept");
    desk.emu.send_text(&zhao, "已清理");
    let row = spot(&db, id).await;
    let done = |lang| {
        told(
            lang,
            "hotspot-closed-done",
            &row,
            &[("count", "3".to_owned())],
        )
    };
    desk.expect_message(&lee, &done(en)).await;
    desk.expect_message(&zhao, &done(zh)).await;
    quiet(&desk).await;
    assert_eq!(exactly(&desk, lee.id, &done(en)), 1);
    assert_eq!(exactly(&desk, ZHAO, &done(zh)), 1);
    assert!(spot(&db, id).await.closed_at.is_some());
    let closings: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM ticket_history WHERE action = 'hot_spot_closed'")
            .fetch_one(db.pool())
            .await
            .unwrap();
    assert_eq!(closings, 3, "one line for each of its tickets");
}
