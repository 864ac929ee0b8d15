//! The supervisors' and the desk's side end to end: `/open` with its
//! filters, reassignment, `/tasks`, and `/log` for calls and visits, in
//! Traditional Chinese, Simplified Chinese and English.

mod common;
mod staff_rig;

use chrono::Utc;
use common::{TestDesk, WAIT, opening, text};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Urgency};
use residesk::store;
use staff_rig::*;

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
    // The supervisor themselves first, then the department's own staff.
    let mut order = picker.buttons();
    let me = order.next().expect("a button");
    assert!(me.text.starts_with("🙋"), "{}", me.text);
    let first = order.next().expect("a staff button");
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
    desk.expect_message(&chan, &opening(Lang::ZhHant, "command-not-yours-staff"))
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
    desk.emu.send_text(&chan, "/duty off");
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
    // The unit is on the ticket; the logged words do not repeat it.
    assert_eq!(ticket.description, "住戶來電話廚房水喉漏水");
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
async fn open_filters_by_unit_status_overdue_and_emergency_a_page_at_a_time() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let lee = desk.person("supervisor");
    let en = Lang::En;
    let mut numbers = Vec::new();
    for n in 0..29 {
        let t = open_ticket(
            &desk,
            &format!("bulb {n}"),
            Category::Electrical,
            Urgency::Normal,
            None,
            Vec::new(),
        )
        .await;
        numbers.push(t.number);
    }
    let fire = open_ticket(
        &desk,
        "smoke in the meter room",
        Category::Electrical,
        Urgency::Emergency,
        None,
        Vec::new(),
    )
    .await;
    // Set-up: one is past its limit, one is resolved.
    sqlx::query("UPDATE tickets SET respond_by = ? WHERE number = ?")
        .bind(Utc::now() - chrono::Duration::hours(1))
        .bind(&numbers[3])
        .execute(db.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE tickets SET status = 'resolved' WHERE number = ?")
        .bind(&numbers[4])
        .execute(db.pool())
        .await
        .unwrap();
    desk.emu
        .wait_until_quiet(std::time::Duration::from_millis(300), WAIT)
        .await;

    // 29 open: a page of 25 and a second page, no "…and 4 more".
    desk.emu.send_text(&lee, "/open");
    let list = desk.expect_message(&lee, &opening(en, "work-open")).await;
    assert!(list.body().contains("29"), "{}", list.body());
    assert!(list.body().contains("page 1 of 2"), "{}", list.body());
    let shown = |m: &residesk::emulator::BotMessage| {
        numbers
            .iter()
            .chain([&fire.number])
            .filter(|n| m.buttons().any(|b| b.text.contains(n.as_str())))
            .count()
    };
    assert_eq!(shown(&list), 25);
    press(
        &desk,
        &lee,
        &list,
        &data(&list, &text(en, "button-page-next")),
    )
    .await;
    let second = edited(&desk, &list).await;
    assert!(second.body().contains("page 2 of 2"), "{}", second.body());
    assert_eq!(shown(&second), 4);
    assert!(second.button(&text(en, "button-page-previous")).is_some());
    assert!(second.button(&text(en, "button-page-next")).is_none());

    // By unit, by a status name in another language, overdue, emergencies.
    desk.emu.send_text(&lee, "/open 3-1502");
    let unit = desk.expect_message(&lee, "(3-1502)").await;
    assert!(unit.body().contains("29"), "{}", unit.body());
    desk.emu.send_text(&lee, "/open 9-9999");
    desk.expect_message(&lee, &opening(en, "work-open-unknown"))
        .await;
    desk.emu.send_text(&lee, "/open 緊急");
    let urgent = desk
        .expect_message(&lee, &format!("({})", text(en, "work-open-emergency")))
        .await;
    assert!(urgent.body().contains(&fire.number), "{}", urgent.body());
    assert_eq!(shown(&urgent), 1);
    desk.emu.send_text(&lee, "/open overdue");
    let late = desk
        .expect_message(&lee, &format!("({})", text(en, "work-open-overdue")))
        .await;
    assert!(late.body().contains(&numbers[3]), "{}", late.body());
    assert_eq!(shown(&late), 1);
    desk.emu.send_text(&lee, "/open resolved");
    let done = desk.expect_message(&lee, &opening(en, "work-listed")).await;
    assert!(done.body().contains(&numbers[4]), "{}", done.body());
    assert_eq!(shown(&done), 1);
}
