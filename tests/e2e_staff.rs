//! The staff and supervisors' side end to end: ping cards and their buttons,
//! declines, reassignment, forged presses, `/log`, `/tasks` and `/open`, in
//! Traditional Chinese, Simplified Chinese and English.

mod common;

use std::time::Duration;

use chrono::Utc;
use common::{TestDesk, WAIT, opening, text};
use residesk::desk::{self, NewRequest, Source};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::emulator::{BotMessage, CallbackAnswer, TgUser};
use residesk::store::tickets::TicketRow;
use residesk::store::{self, Db};
use residesk::texts::t_args;

/// A 1×1 PNG.
fn png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0D, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0,
        0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}

/// Amy, registered for 3-1502 with her phone, as onboarding would leave her.
async fn bind_amy(desk: &TestDesk) -> TgUser {
    let amy = desk.person("resident");
    let db = desk.db().await;
    let now = Utc::now();
    store::users::upsert_seen(db.pool(), amy.id, amy.id, &amy.first_name, None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), amy.id, Lang::ZhHant.tag())
        .await
        .unwrap();
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .expect("3-1502 is in the demo register");
    let mut tx = db.begin().await.unwrap();
    store::users::set_phone(&mut tx, amy.id, "91234567")
        .await
        .unwrap();
    store::units::bind(&mut tx, amy.id, unit.id, "phone", now)
        .await
        .unwrap();
    store::users::set_role(&mut tx, amy.id, "resident", None, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    amy
}

/// Another staff member of `department`, on duty, speaking `lang`.
async fn add_staff(desk: &TestDesk, id: i64, name: &str, lang: Lang, department: &str) -> TgUser {
    let code = match lang {
        Lang::ZhHant => "zh-hk",
        Lang::ZhHans => "zh-cn",
        Lang::En => "en",
    };
    let user = desk.stranger(id, name, code);
    let db = desk.db().await;
    let now = Utc::now();
    store::users::upsert_seen(db.pool(), id, id, name, None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), id, lang.tag())
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::users::set_role(&mut tx, id, "staff", Some(department), now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    user
}

/// A confirmed request, opened the way the resident side opens it.
async fn open_ticket(
    desk: &TestDesk,
    description: &str,
    category: Category,
    urgency: Urgency,
    resident: Option<i64>,
    photos: Vec<String>,
) -> TicketRow {
    let db = desk.db().await;
    let app = residesk::runtime::app(db.clone(), desk.settings.clone());
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let request = NewRequest {
        kind: Kind::Repair,
        category,
        urgency,
        unit_id: Some(unit.id),
        resident_id: resident,
        source: Source::Telegram,
        logged_by: None,
        description: description.to_owned(),
        when: None,
        photos,
    };
    let mut tx = db.begin().await.unwrap();
    let opened = desk::open_ticket(&mut tx, &app, request, Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    opened.ticket
}

async fn ticket(db: &Db, id: i64) -> TicketRow {
    store::tickets::read(db.pool(), id).await.unwrap().unwrap()
}

async fn history(db: &Db, id: i64) -> Vec<String> {
    store::tickets::history(db.pool(), id)
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.action)
        .collect()
}

/// The callback data of the button labelled `label` under `message`.
fn data(message: &BotMessage, label: &str) -> String {
    message
        .button(label)
        .and_then(|b| b.callback_data.clone())
        .unwrap_or_else(|| {
            panic!(
                "no button {label:?} under {:?}; buttons: {:?}",
                message.body(),
                message.buttons().map(|b| &b.text).collect::<Vec<_>>()
            )
        })
}

/// `user` presses `data` under `message` and gets the bot's answer.
async fn press(desk: &TestDesk, user: &TgUser, message: &BotMessage, data: &str) -> CallbackAnswer {
    let query = desk.emu.press(user, user.id, message.message_id, data);
    desk.emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .unwrap_or_else(|| panic!("no answer to {data} from {}", user.first_name))
}

/// Waits until the bot has rewritten `message` (its `edited` count went up).
async fn edited(desk: &TestDesk, message: &BotMessage) -> BotMessage {
    let before = message.edited;
    common::eventually(|| {
        desk.emu
            .bot_message(message.chat_id, message.message_id)
            .filter(|m| m.edited > before)
    })
    .await
}

/// A prompt about one ticket, rendered as the bot renders it.
fn said(lang: Lang, key: &str, ticket: &TicketRow) -> String {
    t_args(lang, key, &[("number", ticket.number.clone().into())])
}

fn labels(message: &BotMessage) -> Vec<String> {
    message.buttons().map(|b| b.text.clone()).collect()
}

#[tokio::test]
async fn an_engineer_gets_the_card_with_the_photo_and_works_it_to_resolved_while_the_resident_hears_each_step()
 {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    // A photo the emulator knows, sent by someone the desk does not know.
    let courier = desk.stranger(9_001, "Courier", "en");
    let sent = desk.emu.send_photo(&courier, png(), None);
    let photo = desk.emu.user_file_id(courier.id, sent).expect("file id");

    let t1 = open_ticket(
        &desk,
        "廚房水喉漏水",
        Category::Plumbing,
        Urgency::High,
        Some(amy.id),
        vec![photo.clone()],
    )
    .await;
    assert_eq!(t1.department, "engineering");
    assert_eq!(t1.assignee_id, Some(chan.id));
    let card = desk.expect_message(&chan, &t1.number).await;
    assert_eq!(card.photo.as_deref(), Some(photo.as_str()));
    assert!(card.body().contains("廚房水喉漏水"), "{}", card.body());
    assert!(card.body().contains("3-1502"), "{}", card.body());

    // Accept: the card turns to the accepted buttons, the resident is told.
    let answer = press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-accept")),
    )
    .await;
    assert_eq!(answer.text, Some(said(zh, "work-accepted", &t1)));
    let card = edited(&desk, &card).await;
    assert!(
        card.button(&text(zh, "button-start")).is_some(),
        "{:?}",
        labels(&card)
    );
    assert!(card.button(&text(zh, "button-accept")).is_none());
    let told = desk.expect_message(&amy, "接手").await;
    assert!(told.body().contains(&t1.number), "{}", told.body());

    // A second press of the old Accept changes nothing and says so.
    let db = desk.db().await;
    let steps = history(&db, t1.id).await.len();
    let again = press(&desk, &chan, &card, &format!("t:acc:{}", t1.id)).await;
    assert!(
        again
            .text
            .as_deref()
            .unwrap_or_default()
            .contains(&t1.number),
        "{again:?}"
    );
    assert_eq!(history(&db, t1.id).await.len(), steps);

    press(&desk, &chan, &card, &data(&card, &text(zh, "button-start"))).await;
    let card = edited(&desk, &card).await;
    desk.expect_message(&amy, &said(zh, "resident-started", &t1))
        .await;
    assert_eq!(ticket(&db, t1.id).await.status, "in_progress");

    // Resolved asks for a note; /cancel leaves the ticket as it was.
    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-resolve")),
    )
    .await;
    desk.expect_message(&chan, &said(zh, "work-ask-resolution", &t1))
        .await;
    desk.emu.send_text(&chan, "/cancel");
    desk.expect_message(&chan, &text(zh, "cancelled")).await;
    desk.emu.send_text(&chan, "換咗新嘅水喉");
    desk.expect_message(&chan, &opening(zh, "work-hint")).await;
    assert_eq!(ticket(&db, t1.id).await.status, "in_progress");

    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-resolve")),
    )
    .await;
    desk.expect_message(&chan, &said(zh, "work-ask-resolution", &t1))
        .await;
    desk.emu.send_text(&chan, "換咗新嘅水喉");
    desk.expect_message(&chan, &said(zh, "work-resolved", &t1))
        .await;
    let told = desk.expect_message(&amy, "換咗新嘅水喉").await;
    assert!(told.body().contains(&t1.number));
    let done = ticket(&db, t1.id).await;
    assert_eq!(done.status, "resolved");
    assert_eq!(done.resolution_note.as_deref(), Some("換咗新嘅水喉"));
    let card = edited(&desk, &card).await;
    assert!(card.inline_keyboard.is_empty(), "{:?}", labels(&card));
    assert_eq!(
        history(&db, t1.id).await,
        ["created", "assigned", "accepted", "started", "resolved"]
    );
}

#[tokio::test]
async fn declining_with_a_reason_passes_the_ticket_to_another_engineer_even_across_a_restart() {
    let mut desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    let liu = add_staff(&desk, 2_101, "刘工", Lang::ZhHans, "engineering").await;
    let t1 = open_ticket(
        &desk,
        "lift button dead",
        Category::Lift,
        Urgency::Normal,
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(t1.assignee_id, Some(chan.id), "the lowest id wins a tie");
    let card = desk.expect_message(&chan, &t1.number).await;

    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-decline")),
    )
    .await;
    desk.expect_message(&chan, &said(zh, "work-ask-decline-reason", &t1))
        .await;
    // The question survives a restart: the answer still declines.
    desk.restart().await;
    desk.emu.send_text(&chan, "我喺第二座做緊緊急維修");
    let done = desk.expect_message(&chan, "↩️").await;
    assert!(done.body().contains("刘工"), "{}", done.body());

    let db = desk.db().await;
    let now = ticket(&db, t1.id).await;
    assert_eq!(now.assignee_id, Some(liu.id));
    assert_eq!(now.status, "assigned");
    let steps = store::tickets::history(db.pool(), t1.id).await.unwrap();
    let declined = steps
        .iter()
        .find(|h| h.action == "declined")
        .expect("declined step");
    assert_eq!(declined.note.as_deref(), Some("我喺第二座做緊緊急維修"));

    // The colleague gets the card in Simplified Chinese; Chan's card has no buttons left.
    let theirs = desk.expect_message(&liu, &t1.number).await;
    assert!(
        theirs
            .button(&text(Lang::ZhHans, "button-accept"))
            .is_some(),
        "{:?}",
        labels(&theirs)
    );
    let mine = edited(&desk, &card).await;
    assert!(mine.inline_keyboard.is_empty(), "{:?}", labels(&mine));

    // Liu gives it back too: Chan is the only one left on duty, so it returns to him.
    press(
        &desk,
        &liu,
        &theirs,
        &data(&theirs, &text(Lang::ZhHans, "button-decline")),
    )
    .await;
    desk.expect_message(&liu, &said(Lang::ZhHans, "work-ask-decline-reason", &t1))
        .await;
    desk.emu.send_text(&liu, "没有配件");
    desk.expect_message(&liu, "↩️").await;
    assert_eq!(ticket(&db, t1.id).await.assignee_id, Some(chan.id));
}

#[tokio::test]
async fn forged_presses_from_another_department_or_a_resident_change_nothing() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let wong = desk.person("desk");
    let zh = Lang::ZhHant;
    let t1 = open_ticket(
        &desk,
        "燈壞咗",
        Category::Electrical,
        Urgency::Normal,
        Some(amy.id),
        Vec::new(),
    )
    .await;
    let card = desk.expect_message(&chan, &t1.number).await;
    let db = desk.db().await;
    let before = history(&db, t1.id).await;

    // Wong (customer service) writes something, then presses forged buttons under it.
    desk.emu.send_text(&wong, "hello");
    let his = desk.next_message(&wong).await;
    for op in ["acc", "dec", "go", "done", "note", "tel", "view", "re"] {
        let answer = press(&desk, &wong, &his, &format!("t:{op}:{}", t1.id)).await;
        assert_eq!(answer.text, Some(text(zh, "not-allowed")), "{op}");
    }
    let answer = press(&desk, &wong, &his, &format!("t:to:{}:{}", t1.id, wong.id)).await;
    assert_eq!(answer.text, Some(text(zh, "not-allowed")));
    // A ticket that does not exist is only a stale button.
    let answer = press(&desk, &chan, &card, "t:acc:999999").await;
    assert_eq!(answer.text, Some(text(zh, "stale-button")));

    // The resident pressing staff buttons moves nothing either.
    desk.emu.press(&amy, amy.id, 1, &format!("t:acc:{}", t1.id));
    desk.emu
        .press(&amy, amy.id, 1, &format!("t:to:{}:{}", t1.id, wong.id));
    tokio::time::sleep(Duration::from_millis(500)).await;

    let after = ticket(&db, t1.id).await;
    assert_eq!(after.status, "assigned");
    assert_eq!(after.assignee_id, Some(chan.id));
    assert_eq!(history(&db, t1.id).await, before);
    assert!(
        !desk
            .emu
            .bot_messages(wong.id)
            .iter()
            .any(|m| m.body().contains("91234567")),
        "the resident's phone leaked"
    );

    // The assignee does see the resident's contact.
    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-contact")),
    )
    .await;
    let contact = desk.expect_message(&chan, "91234567").await;
    assert!(contact.body().contains(&t1.number));
}

#[tokio::test]
async fn a_supervisor_lists_open_tickets_filters_them_and_reassigns_one() {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    let chan = desk.person("staff");
    let wong = desk.person("desk");
    let en = Lang::En;
    let pipe = open_ticket(
        &desk,
        "pipe burst",
        Category::Plumbing,
        Urgency::High,
        None,
        Vec::new(),
    )
    .await;
    let fees = open_ticket(
        &desk,
        "why two bills",
        Category::Other,
        Urgency::Low,
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(pipe.assignee_id, Some(chan.id));
    assert_eq!(
        fees.assignee_id,
        Some(wong.id),
        "other goes to customer service"
    );
    desk.expect_message(&chan, &pipe.number).await;

    desk.emu.send_text(&lee, "/open");
    let list = desk.expect_message(&lee, &opening(en, "work-open")).await;
    assert!(
        list.body().contains(&pipe.number) && list.body().contains(&fees.number),
        "{}",
        list.body()
    );

    // The engineering filter leaves only the pipe.
    let engineering = data(&list, &text(en, "dept-engineering"));
    press(&desk, &lee, &list, &engineering).await;
    let list = edited(&desk, &list).await;
    assert!(list.body().contains(&pipe.number), "{}", list.body());
    assert!(!list.body().contains(&fees.number), "{}", list.body());

    // `/open customer service` by name, in the supervisor's language.
    desk.emu.send_text(&lee, "/open Customer Service");
    let theirs = desk.expect_message(&lee, &fees.number).await;
    assert!(!theirs.body().contains(&pipe.number), "{}", theirs.body());

    // Open the pipe: card, history and the supervisor's buttons.
    let entry = list
        .buttons()
        .find(|b| b.text.contains(&pipe.number))
        .and_then(|b| b.callback_data.clone())
        .expect("a button for the ticket");
    press(&desk, &lee, &list, &entry).await;
    let view = desk.expect_message(&lee, &text(en, "work-history")).await;
    assert!(
        view.body().contains(&text(en, "history-created")),
        "{}",
        view.body()
    );

    press(
        &desk,
        &lee,
        &view,
        &data(&view, &text(en, "button-reassign")),
    )
    .await;
    let picker = desk
        .expect_message(&lee, &opening(en, "work-reassign-choose"))
        .await;
    let to_wong = picker
        .buttons()
        .find(|b| b.text.contains(&wong.first_name))
        .and_then(|b| b.callback_data.clone())
        .expect("Wong among the staff");
    let first = picker.buttons().next().expect("a staff button");
    assert!(
        first.text.contains(&chan.first_name),
        "the department's own staff come first"
    );

    let answer = press(&desk, &lee, &picker, &to_wong).await;
    assert!(answer.text.unwrap_or_default().contains(&pipe.number));
    let db = desk.db().await;
    assert_eq!(ticket(&db, pipe.id).await.assignee_id, Some(wong.id));
    desk.expect_message(&wong, &pipe.number).await;
    desk.expect_message(
        &chan,
        &said(Lang::ZhHant, "staff-ticket-reassigned-away", &pipe),
    )
    .await;

    // Pressing the same choice again does nothing twice.
    let steps = history(&db, pipe.id).await.len();
    let again = press(&desk, &lee, &picker, &to_wong).await;
    assert!(again.text.unwrap_or_default().contains(&wong.first_name));
    assert_eq!(history(&db, pipe.id).await.len(), steps);

    // Staff cannot use /open, and a typed /reassign works for the supervisor.
    desk.emu.send_text(&chan, "/open");
    desk.expect_message(&chan, &text(Lang::ZhHant, "not-allowed"))
        .await;
    desk.emu
        .send_text(&lee, &format!("/reassign {}", fees.number.to_lowercase()));
    desk.expect_message(&lee, &opening(en, "work-reassign-choose"))
        .await;
}

#[tokio::test]
async fn tasks_lists_an_engineers_open_tickets_by_deadline_with_a_button_each() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    let later = open_ticket(
        &desk,
        "窗框鬆咗",
        Category::Facilities,
        Urgency::Normal,
        None,
        Vec::new(),
    )
    .await;
    let sooner = open_ticket(
        &desk,
        "冇水",
        Category::Plumbing,
        Urgency::High,
        None,
        Vec::new(),
    )
    .await;
    let elsewhere = open_ticket(
        &desk,
        "收據",
        Category::Fees,
        Urgency::Low,
        None,
        Vec::new(),
    )
    .await;
    assert_ne!(elsewhere.assignee_id, Some(chan.id));

    // The ping cards first, so that the list is not mistaken for one.
    desk.expect_message(&chan, &later.number).await;
    desk.expect_message(&chan, &sooner.number).await;
    desk.emu.send_text(&chan, "/tasks");
    let list = desk.expect_message(&chan, &opening(zh, "work-tasks")).await;
    let body = list.body();
    let (a, b) = (body.find(&sooner.number), body.find(&later.number));
    assert!(a.is_some() && a < b, "earliest deadline first: {body}");
    assert!(!body.contains(&elsewhere.number), "{body}");

    let entry = list
        .buttons()
        .find(|b| b.text.contains(&sooner.number))
        .and_then(|b| b.callback_data.clone())
        .expect("a button for the ticket");
    press(&desk, &chan, &list, &entry).await;
    let card = desk.expect_message(&chan, &text(zh, "work-history")).await;
    assert!(
        card.button(&text(zh, "button-accept")).is_some(),
        "{:?}",
        labels(&card)
    );

    // Off duty: the list says so, and new work goes elsewhere.
    desk.emu.send_text(&chan, "/duty");
    desk.expect_message(&chan, &opening(zh, "duty-off")).await;
    desk.emu.send_text(&chan, "/tasks");
    desk.expect_message(&chan, "/duty").await;
    let next = open_ticket(
        &desk,
        "電掣冒煙",
        Category::Electrical,
        Urgency::High,
        None,
        Vec::new(),
    )
    .await;
    assert_ne!(next.assignee_id, Some(chan.id));
}

#[tokio::test]
async fn logging_a_call_for_3_1502_routes_it_like_a_residents_message_and_tells_the_resident() {
    let desk = TestDesk::start().await;
    let amy = bind_amy(&desk).await;
    let wong = desk.person("desk");
    let zh = Lang::ZhHant;
    let words = "3-1502 住戶來電話廚房水喉漏水";
    let meaning =
        residesk::understand::understand(words, Utc::now().with_timezone(&desk.settings.timezone));
    let expected = desk.settings.department_for(meaning.category).to_owned();

    desk.emu.send_text(&wong, &format!("/log {words}"));
    let phone = text(zh, "button-log-phone");
    let preview = desk
        .emu
        .wait_for_message(wong.id, |m| m.button(&phone).is_some(), WAIT)
        .await
        .expect("phone or visit asked");
    assert!(
        preview.body().contains("住戶來電話廚房水喉漏水"),
        "{}",
        preview.body()
    );
    let query = press(
        &desk,
        &wong,
        &preview,
        &data(&preview, &text(zh, "button-log-phone")),
    )
    .await;
    assert_eq!(query.text, None);
    let logged = edited(&desk, &preview).await;
    assert!(logged.body().contains("3-1502"), "{}", logged.body());

    let db = desk.db().await;
    let ticket = store::tickets::open(db.pool(), None, None, 10)
        .await
        .unwrap()
        .pop()
        .expect("a ticket");
    assert_eq!(ticket.source, "phone");
    assert_eq!(ticket.logged_by, Some(wong.id));
    assert_eq!(ticket.resident_id, Some(amy.id));
    assert_eq!(ticket.department, expected);
    assert!(logged.body().contains(&ticket.number), "{}", logged.body());
    desk.expect_message(&amy, &ticket.number).await;
    if let Some(assignee) = ticket.assignee_id {
        let staff = desk.emu.bot_messages(assignee);
        assert!(
            desk.emu
                .wait_for_message(assignee, |m| m.body().contains(&ticket.number), WAIT)
                .await
                .is_some(),
            "the assignee is pinged: {staff:?}"
        );
    }
    // The same press again is stale: one ticket only.
    let again = press(
        &desk,
        &wong,
        &logged,
        &data(&preview, &text(zh, "button-log-phone")),
    )
    .await;
    assert_eq!(again.text, Some(text(zh, "stale-button")));
    assert_eq!(
        store::tickets::open(db.pool(), None, None, 10)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_guided_log_asks_unit_text_and_visit_and_refuses_an_unknown_unit() {
    let desk = TestDesk::start().await;
    let zh = Lang::ZhHans;
    let xu = add_staff(&desk, 2_201, "许", zh, "customer_service").await;

    desk.emu.send_text(&xu, "/log");
    desk.expect_message(&xu, &opening(zh, "work-log-ask-unit"))
        .await;
    desk.emu.send_text(&xu, "9-9999");
    desk.expect_message(&xu, &opening(zh, "work-log-unit-unknown"))
        .await;
    desk.emu.send_text(&xu, "3-1503");
    desk.expect_message(&xu, &opening(zh, "work-log-ask-text"))
        .await;
    desk.emu.send_text(&xu, "电梯按钮失灵");
    let preview = desk.expect_message(&xu, "电梯按钮失灵").await;
    press(
        &desk,
        &xu,
        &preview,
        &data(&preview, &text(zh, "button-log-visit")),
    )
    .await;
    let logged = edited(&desk, &preview).await;
    assert!(
        logged.body().contains(&text(zh, "work-logged-no-resident")),
        "{}",
        logged.body()
    );

    let db = desk.db().await;
    let ticket = store::tickets::open(db.pool(), None, None, 10)
        .await
        .unwrap()
        .pop()
        .expect("a ticket");
    assert_eq!(ticket.source, "visit");
    assert_eq!(ticket.resident_id, None);
    assert_eq!(ticket.logged_by, Some(xu.id));
    let unit = store::units::find(db.pool(), "3", "1503")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ticket.unit_id, Some(unit.id));
}

#[tokio::test]
async fn with_nobody_on_duty_a_supervisor_assigns_from_the_alert_and_the_engineer_resolves_with_a_photo()
 {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    let chan = desk.person("staff");
    let wong = desk.person("desk");
    let (en, zh) = (Lang::En, Lang::ZhHant);
    for staff in [&chan, &wong] {
        desk.emu.send_text(staff, "/duty");
        desk.expect_message(staff, &opening(zh, "duty-off")).await;
    }
    let t1 = open_ticket(
        &desk,
        "gate motor noisy",
        Category::Facilities,
        Urgency::Normal,
        None,
        Vec::new(),
    )
    .await;
    assert_eq!((t1.status.as_str(), t1.assignee_id), ("new", None));
    let alert = desk
        .expect_message(&lee, &said(en, "alert-unassigned", &t1))
        .await;

    press(
        &desk,
        &lee,
        &alert,
        &data(&alert, &text(en, "button-reassign")),
    )
    .await;
    let picker = desk
        .expect_message(&lee, &said(en, "work-reassign-choose", &t1))
        .await;
    let to_chan = picker
        .buttons()
        .find(|b| b.text.contains(&chan.first_name))
        .expect("Chan, though off duty");
    assert!(to_chan.text.starts_with('⚪'), "{}", to_chan.text);
    let to_chan = to_chan.callback_data.clone().expect("data");
    press(&desk, &lee, &picker, &to_chan).await;
    let card = desk.expect_message(&chan, &t1.number).await;

    // A note, then Resolved with a photo and a caption.
    press(&desk, &chan, &card, &data(&card, &text(zh, "button-note"))).await;
    desk.expect_message(&chan, &said(zh, "work-ask-note", &t1))
        .await;
    desk.emu.send_text(&chan, "摩打軸承磨損");
    desk.expect_message(&chan, &said(zh, "work-note-added", &t1))
        .await;

    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-accept")),
    )
    .await;
    let card = edited(&desk, &card).await;
    press(
        &desk,
        &chan,
        &card,
        &data(&card, &text(zh, "button-resolve")),
    )
    .await;
    desk.expect_message(&chan, &said(zh, "work-ask-resolution", &t1))
        .await;
    // The photo message is the chat's own: send it from Chan.
    let mine = desk.emu.send_photo(&chan, png(), Some("換咗軸承"));
    desk.expect_message(&chan, &said(zh, "work-resolved", &t1))
        .await;

    let db = desk.db().await;
    let done = ticket(&db, t1.id).await;
    assert_eq!(done.status, "resolved");
    assert_eq!(done.resolution_note.as_deref(), Some("換咗軸承"));
    let mut tx = db.begin().await.unwrap();
    let photos = store::tickets::photos(&mut tx, t1.id).await.unwrap();
    tx.rollback().await.unwrap();
    assert_eq!(
        photos,
        [desk.emu.user_file_id(chan.id, mine).expect("file id")]
    );
    assert_eq!(
        history(&db, t1.id).await,
        [
            "created",
            "reassigned",
            "note",
            "accepted",
            "resolved",
            "photo"
        ]
    );
}
