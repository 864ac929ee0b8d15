//! The monthly report end to end: a manager joins by invite, the bot's start
//! schedules the month's report, and at the configured time the scheduler
//! sends the summary, three charts and the workbook to the supervisor and
//! the manager, once, across restarts; the workbook reads back with its
//! sheets. `/report` works on demand, for readers only.

mod common;

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use chrono::{Duration, Utc};
use common::{TestDesk, WAIT, eventually, opening};
use residesk::admin::create_invite;
use residesk::app::App;
use residesk::desk::{self, Doer, NewRequest, Source};
use residesk::domain::lang::Lang;
use residesk::domain::report::Month;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::domain::role::Role;
use residesk::domain::ticket::Action;
use residesk::emulator::BotMessage;
use residesk::scheduler::Scheduler;
use residesk::store;

/// The report messages a reader got: (texts with the month, photos, documents).
fn report_messages(
    desk: &TestDesk,
    chat: i64,
    month: &str,
) -> (usize, Vec<BotMessage>, Vec<BotMessage>) {
    let all = desk.emu.bot_messages(chat);
    let summaries = all
        .iter()
        .filter(|m| m.body().starts_with("📊") && m.body().contains(month))
        .count();
    let photos = all.iter().filter(|m| m.photo.is_some()).cloned().collect();
    let documents = all
        .iter()
        .filter(|m| m.document.is_some())
        .cloned()
        .collect();
    (summaries, photos, documents)
}

fn sheets_of(desk: &TestDesk, document: &BotMessage) -> Vec<String> {
    let file = desk
        .emu
        .file(document.document.as_deref().unwrap())
        .expect("uploaded");
    let book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(file.bytes)).expect("an xlsx");
    book.sheet_names()
}

#[tokio::test]
async fn the_monthly_report_reaches_supervisor_and_manager_once_across_restarts() {
    let mut desk = TestDesk::start().await;
    let db = desk.db().await;
    let settings = desk.settings.clone();
    let app = App::new(db.clone(), settings.clone());

    // A manager joins by invite.
    let code = create_invite(
        &db,
        Role::Manager,
        None,
        Utc::now(),
        chrono::Duration::days(1).to_std().unwrap(),
    )
    .await
    .unwrap();
    let mia = desk.stranger(4001, "Mia", "zh-hk");
    desk.emu.send_text(&mia, &format!("/start {code}"));
    desk.expect_message(&mia, &opening(Lang::ZhHant, "invite-welcome-manager"))
        .await;
    let user = store::users::get(db.pool(), mia.id).await.unwrap().unwrap();
    assert_eq!(user.role, Some(Role::Manager));

    // The month the bot's start scheduled, and a few of its tickets.
    let now = Utc::now();
    let this = Month::of(now, settings.timezone);
    let month = if now < residesk::report::job::due_at(&app, this.previous()) {
        this.previous()
    } else {
        this
    };
    let (start, _) = month.range(settings.timezone);
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let lee = Doer {
        user_id: 3001,
        role: Some(Role::Supervisor),
    };
    for n in 0..4 {
        let created = start + Duration::hours(10 + 24 * n);
        let request = NewRequest {
            kind: Kind::Repair,
            category: Category::Plumbing,
            urgency: Urgency::Normal,
            unit_id: Some(unit.id),
            resident_id: None,
            source: Source::Phone,
            logged_by: None,
            description: "漏水".to_owned(),
            when: None,
            photos: Vec::new(),
        };
        let mut tx = db.begin().await.unwrap();
        let ticket = desk::open_ticket(&mut tx, &app, request, created)
            .await
            .unwrap()
            .ticket;
        desk::act(
            &mut tx,
            &app,
            ticket.id,
            lee,
            Action::Accept,
            None,
            created + Duration::minutes(30),
        )
        .await
        .unwrap()
        .unwrap();
        tx.commit().await.unwrap();
    }

    let due = residesk::report::job::due_at(&app, month);
    let scheduler = Scheduler::new(app.clone());
    // The tickets' own deadline jobs run; the report waits for its time.
    scheduler.run_due(due - Duration::minutes(1)).await.unwrap();
    desk.emu
        .wait_until_quiet(std::time::Duration::from_millis(300), WAIT)
        .await;
    let label = month.to_string();
    for chat in [3001, mia.id] {
        assert_eq!(
            report_messages(&desk, chat, &label).0,
            0,
            "not before its time"
        );
    }
    desk.restart().await;
    let scheduler = Scheduler::new(App::new(desk.db().await, settings.clone()));
    assert!(
        scheduler.run_due(due).await.unwrap() >= 1,
        "the report job runs at its time"
    );
    // The job ran on the test's clock (the 1st, 09:00), the sender runs on
    // the machine's: bring what it queued to the machine's present.
    sqlx::query("UPDATE outbox SET not_before = ? WHERE status = 'pending'")
        .bind(Utc::now())
        .execute(db.pool())
        .await
        .unwrap();
    desk.restart().await;

    for chat in [3001, mia.id] {
        let got = eventually(|| {
            let (summaries, photos, documents) = report_messages(&desk, chat, &label);
            (summaries == 1 && photos.len() == 3 && documents.len() == 1).then_some(documents)
        })
        .await;
        let lang = store::users::get(db.pool(), chat)
            .await
            .unwrap()
            .and_then(|u| u.lang)
            .and_then(|l| l.parse::<Lang>().ok())
            .unwrap_or(settings.default_language);
        let sheets = sheets_of(&desk, &got[0]);
        for key in [
            "summary",
            "categories",
            "times",
            "callbacks",
            "hot-spots",
            "key",
            "tickets",
        ] {
            let name = residesk::texts::t(lang, &format!("report-sheet-{key}"));
            assert!(sheets.contains(&name), "{name} in {sheets:?}");
        }
    }

    // Again after another restart, and later: nothing more.
    desk.restart().await;
    let scheduler = Scheduler::new(App::new(desk.db().await, settings.clone()));
    assert_eq!(
        scheduler
            .run_due(due + Duration::minutes(30))
            .await
            .unwrap(),
        0
    );
    desk.emu
        .wait_until_quiet(std::time::Duration::from_millis(500), WAIT)
        .await;
    for chat in [3001, mia.id] {
        let (summaries, photos, documents) = report_messages(&desk, chat, &label);
        assert_eq!(
            (summaries, photos.len(), documents.len()),
            (1, 3, 1),
            "once to {chat}"
        );
    }
    // The next month's report is already waiting.
    let (pending, _) = store::jobs::counts(db.pool()).await.unwrap();
    assert!(pending >= 1);
}

#[tokio::test]
async fn report_on_demand_is_for_supervisors_and_managers_and_checks_the_month() {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    desk.emu.send_text(&lee, "/report 2026-13");
    desk.expect_message(&lee, &opening(Lang::En, "report-bad-month"))
        .await;
    desk.emu.send_text(&lee, "/report");
    let document = desk
        .emu
        .wait_for_message(lee.id, |m| m.document.is_some(), WAIT)
        .await
        .expect("the workbook");
    assert!(!sheets_of(&desk, &document).is_empty());
    // The charts, for a person to look at.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/chart-samples");
    std::fs::create_dir_all(&dir).unwrap();
    for (n, m) in desk
        .emu
        .bot_messages(lee.id)
        .iter()
        .filter(|m| m.photo.is_some())
        .enumerate()
    {
        let file = desk.emu.file(m.photo.as_deref().unwrap()).unwrap();
        std::fs::write(dir.join(format!("report-{n}.png")), file.bytes).unwrap();
    }
    assert_eq!(
        desk.emu
            .bot_messages(lee.id)
            .iter()
            .filter(|m| m.photo.is_some())
            .count(),
        3,
        "three charts"
    );
    let amy = desk.person("resident");
    desk.emu.send_text(&amy, "/report");
    let reply = desk.next_message(&amy).await;
    assert!(reply.document.is_none() && reply.photo.is_none());
    assert!(!reply.body().starts_with("📊"));
}

#[tokio::test]
async fn ticket_looks_a_ticket_up_for_those_who_may_see_it() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let app = App::new(db.clone(), desk.settings.clone());
    let request = NewRequest {
        kind: Kind::Complaint,
        category: Category::Noise,
        urgency: Urgency::Normal,
        unit_id: None,
        resident_id: None,
        source: Source::Phone,
        logged_by: None,
        description: "樓上深夜打鼓".to_owned(),
        when: None,
        photos: Vec::new(),
    };
    let mut tx = db.begin().await.unwrap();
    let ticket = desk::open_ticket(&mut tx, &app, request, Utc::now())
        .await
        .unwrap()
        .ticket;
    tx.commit().await.unwrap();

    let lee = desk.person("supervisor");
    desk.emu
        .send_text(&lee, &format!("/ticket {}", ticket.number.to_lowercase()));
    let card = desk.expect_message(&lee, "樓上深夜打鼓").await;
    assert!(card.body().contains(&ticket.number));

    // A staff member who does not have it is told, as for a number that does not exist.
    let chan = desk.person("staff");
    let not_theirs = ticket.assignee_id != Some(chan.id);
    desk.emu
        .send_text(&chan, &format!("/ticket {}", ticket.number));
    desk.emu.send_text(&chan, "/ticket Q-9999");
    let replies = eventually(|| {
        let m = desk.emu.bot_messages(chan.id);
        (m.len() >= 2).then_some(m)
    })
    .await;
    let refusal = opening(Lang::ZhHant, "lookup-not-found");
    assert!(replies.last().unwrap().body().starts_with(&refusal[..3]));
    if not_theirs {
        assert!(!replies.iter().any(|m| m.body().contains("樓上深夜打鼓")));
    }
    // A resident cannot use it.
    let amy = desk.person("resident");
    desk.emu
        .send_text(&amy, &format!("/ticket {}", ticket.number));
    let reply = desk.next_message(&amy).await;
    assert!(!reply.body().contains("樓上深夜打鼓"));
}

#[tokio::test]
async fn export_sends_the_months_tickets_as_csv_and_xlsx() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let app = desk.app(&db);
    let lee = desk.person("supervisor");
    let month = Month::of(Utc::now(), desk.settings.timezone).previous();
    let (start, _) = month.range(desk.settings.timezone);
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let mut numbers = Vec::new();
    for n in 0..3 {
        let request = NewRequest {
            kind: Kind::Repair,
            category: Category::Lift,
            urgency: Urgency::Normal,
            unit_id: Some(unit.id),
            resident_id: None,
            source: Source::Phone,
            logged_by: None,
            description: "lift noise".to_owned(),
            when: None,
            photos: Vec::new(),
        };
        let mut tx = db.begin().await.unwrap();
        let opened =
            desk::open_ticket(&mut tx, &app, request, start + Duration::hours(10 + 24 * n))
                .await
                .unwrap();
        tx.commit().await.unwrap();
        numbers.push(opened.ticket.number);
    }

    desk.emu.send_text(&lee, "/export 2026-13");
    desk.expect_message(&lee, &opening(Lang::En, "export-bad-month"))
        .await;
    desk.emu.send_text(&lee, &format!("/export {month}"));
    let files = eventually(|| {
        let files: Vec<BotMessage> = desk
            .emu
            .bot_messages(lee.id)
            .into_iter()
            .filter(|m| m.document.is_some())
            .collect();
        (files.len() == 2).then_some(files)
    })
    .await;
    let bytes = |m: &BotMessage| desk.emu.file(m.document.as_deref().unwrap()).unwrap().bytes;
    let (csv, xlsx) = match files[0].document_name.as_deref() {
        Some(name) if name.ends_with(".csv") => (bytes(&files[0]), bytes(&files[1])),
        _ => (bytes(&files[1]), bytes(&files[0])),
    };
    let csv = String::from_utf8(csv).unwrap();
    for number in &numbers {
        assert!(csv.contains(number.as_str()), "{number} in {csv}");
    }
    assert_eq!(
        csv.lines().count(),
        1 + numbers.len(),
        "a header and a row each"
    );
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(xlsx)).expect("an xlsx");
    let sheet = book.sheet_names()[0].clone();
    let rows = book.worksheet_range(&sheet).unwrap().rows().count();
    assert_eq!(rows, 1 + numbers.len());
    assert!(files[0].body().contains("3"), "the caption counts them");

    // Not for residents.
    let amy = desk.person("resident");
    desk.emu.send_text(&amy, &format!("/export {month}"));
    let reply = desk.next_message(&amy).await;
    assert!(reply.document.is_none());
}
