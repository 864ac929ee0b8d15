//! A supervisor's powers end to end: close or cancel with a reason (the
//! resident told why, the assignee's card out of date), change urgency
//! (deadlines recomputed) or category (rerouted), merge a duplicate (both
//! residents informed, and kept informed), and the duplicate warning when a
//! unit files the same category again while one is open.

mod common;
mod staff_rig;

use common::{TestDesk, opening, text};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Urgency};
use residesk::domain::role::Role;
use residesk::domain::ticket::Status;
use residesk::emulator::{BotMessage, TgUser};
use residesk::store;
use residesk::texts::t_args;
use staff_rig::*;

/// Limits around the clock, so recomputed deadlines are plain sums.
async fn start() -> TestDesk {
    TestDesk::start_with(|s| {
        for sla in s.sla.values_mut() {
            sla.clock = Some(residesk::domain::calendar::Clock::Always);
        }
    })
    .await
}

/// The supervisor's view of a ticket, with its buttons.
async fn view(desk: &TestDesk, lee: &TgUser, number: &str) -> BotMessage {
    let before = desk.emu.version();
    desk.emu.send_text(lee, &format!("/ticket {number}"));
    let head = text(Lang::En, "work-history");
    desk.emu
        .wait_for_message_after(lee.id, before, |m| m.body().contains(&head), common::WAIT)
        .await
        .expect("the ticket's card")
}

/// Another resident of 3-1502, registered as onboarding would leave them.
async fn second_resident(desk: &TestDesk, id: i64, name: &str) -> TgUser {
    let user = desk.stranger(id, name, "en");
    let db = desk.db().await;
    let now = desk.clock.now();
    store::users::upsert_seen(db.pool(), id, id, name, None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), id, Lang::En.tag())
        .await
        .unwrap();
    let unit = store::units::find(db.pool(), "3", "1502")
        .await
        .unwrap()
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::units::bind(&mut tx, id, unit.id, "phone", now)
        .await
        .unwrap();
    store::users::set_role(&mut tx, id, Role::Resident, None, now)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    user
}

#[tokio::test]
async fn a_supervisor_closes_one_ticket_and_cancels_another_each_with_a_reason_the_resident_hears()
{
    let desk = start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let lee = desk.person("supervisor");
    let (en, zh) = (Lang::En, Lang::ZhHant);
    let t = open_ticket(
        &desk,
        "露台去水渠塞咗",
        Category::Plumbing,
        Urgency::Normal,
        Some(amy.id),
        Vec::new(),
    )
    .await;
    let chans = desk.expect_message(&chan, &t.number).await;

    let card = view(&desk, &lee, &t.number).await;
    press(&desk, &lee, &card, &data(&card, &text(en, "button-close"))).await;
    desk.expect_message(&lee, &opening(en, "work-ask-close-reason"))
        .await;
    desk.emu.send_text(&lee, "Done by the contractor on Monday");
    desk.expect_message(&lee, &said(en, "work-closed", &t))
        .await;
    let db = desk.db().await;
    assert_eq!(ticket(&db, t.id).await.status, Status::Closed);
    let told = desk
        .expect_message(&amy, "Done by the contractor on Monday")
        .await;
    assert!(
        told.body()
            .starts_with(&opening(zh, "resident-closed-by-office"))
    );
    // Chan's card is out of date and says so; he is told too.
    let stale = edited(&desk, &chans).await;
    assert!(stale.inline_keyboard.is_empty(), "{:?}", labels(&stale));
    desk.expect_message(&chan, &said(zh, "staff-ticket-closed", &t))
        .await;
    let steps = store::tickets::history(db.pool(), t.id).await.unwrap();
    let closed = steps.last().unwrap();
    assert_eq!(closed.action, "closed");
    assert_eq!(
        closed.note.as_deref(),
        Some("Done by the contractor on Monday")
    );

    // Cancel, with a reason; /cancel in the middle leaves it open.
    let t2 = open_ticket(
        &desk,
        "大堂燈閃",
        Category::Electrical,
        Urgency::Low,
        Some(amy.id),
        Vec::new(),
    )
    .await;
    let card = view(&desk, &lee, &t2.number).await;
    let cancel = data(&card, &text(en, "button-office-cancel"));
    press(&desk, &lee, &card, &cancel).await;
    desk.expect_message(&lee, &opening(en, "work-ask-cancel-reason"))
        .await;
    desk.emu.send_text(&lee, "/cancel");
    desk.expect_message(&lee, &text(en, "cancelled-staff"))
        .await;
    assert!(ticket(&db, t2.id).await.status.is_open());
    press(&desk, &lee, &card, &cancel).await;
    desk.expect_message(&lee, &opening(en, "work-ask-cancel-reason"))
        .await;
    desk.emu.send_text(&lee, "同一燈掣已經喺 R-0001 處理");
    desk.expect_message(&lee, &said(en, "work-cancelled", &t2))
        .await;
    assert_eq!(ticket(&db, t2.id).await.status, Status::Cancelled);
    desk.expect_message(&amy, "同一燈掣已經喺 R-0001 處理")
        .await;

    // Staff cannot use the supervisor's buttons, even forged.
    let forged = press(&desk, &chan, &chans, &format!("t:close:{}", t2.id)).await;
    assert_eq!(forged.text, Some(text(zh, "not-allowed-staff")));
}

#[tokio::test]
async fn urgency_and_category_changes_recompute_deadlines_and_reroute_the_work() {
    let desk = start().await;
    let amy = bind_amy(&desk).await;
    let chan = desk.person("staff");
    let wong = desk.person("desk");
    let lee = desk.person("supervisor");
    let (en, zh) = (Lang::En, Lang::ZhHant);
    let t = open_ticket(
        &desk,
        "kitchen tap dripping",
        Category::Plumbing,
        Urgency::Low,
        Some(amy.id),
        Vec::new(),
    )
    .await;
    let chans = desk.expect_message(&chan, &t.number).await;

    let card = view(&desk, &lee, &t.number).await;
    press(
        &desk,
        &lee,
        &card,
        &data(&card, &text(en, "button-urgency")),
    )
    .await;
    let choice = desk
        .expect_message(&lee, &opening(en, "work-choose-urgency"))
        .await;
    press(
        &desk,
        &lee,
        &choice,
        &data(&choice, &text(en, "urgency-high")),
    )
    .await;
    let db = desk.db().await;
    let now = ticket(&db, t.id).await;
    assert_eq!(now.urgency, Urgency::High);
    let high = desk.app(&db).settings.sla_for(now.kind, Urgency::High);
    let respond = chrono::Duration::from_std(high.respond).unwrap();
    assert_eq!(
        now.respond_by,
        t.created_at + respond,
        "counted from opening"
    );
    assert!(now.respond_by < t.respond_by);
    desk.expect_message(&chan, &said(zh, "staff-ticket-changed", &t))
        .await;
    // Pressing the same urgency again changes nothing.
    let steps = history(&db, t.id).await.len();
    press(
        &desk,
        &lee,
        &choice,
        &data(&choice, &text(en, "urgency-high")),
    )
    .await;
    assert_eq!(history(&db, t.id).await.len(), steps);

    // Noise is security's, where nobody is on duty: customer service has it.
    press(
        &desk,
        &lee,
        &card,
        &data(&card, &text(en, "button-category")),
    )
    .await;
    let choice = desk
        .expect_message(&lee, &opening(en, "work-choose-category"))
        .await;
    press(
        &desk,
        &lee,
        &choice,
        &data(&choice, &text(en, "category-noise")),
    )
    .await;
    let moved = ticket(&db, t.id).await;
    assert_eq!(moved.category, Category::Noise);
    assert_eq!(moved.department, "security");
    assert_eq!(moved.assignee_id, Some(wong.id));
    let wongs = desk.expect_message(&wong, &t.number).await;
    assert!(
        wongs.body().contains(&opening(zh, "card-other-department")),
        "{}",
        wongs.body()
    );
    let stale = edited(&desk, &chans).await;
    assert!(stale.inline_keyboard.is_empty());
    assert_eq!(
        history(&db, t.id).await[steps..],
        ["category", "assigned"],
        "the change and to whom it went"
    );
}

#[tokio::test]
async fn a_duplicate_is_flagged_and_merged_with_both_residents_informed_then_and_after() {
    let desk = start().await;
    let amy = bind_amy(&desk).await;
    let ben = second_resident(&desk, 1_077, "Ben").await;
    let chan = desk.person("staff");
    let lee = desk.person("supervisor");
    let (en, zh) = (Lang::En, Lang::ZhHant);

    let first = open_ticket(
        &desk,
        "廚房水喉漏水",
        Category::Plumbing,
        Urgency::Normal,
        Some(amy.id),
        Vec::new(),
    )
    .await;
    let firsts = desk.expect_message(&chan, &first.number).await;
    // Ben, of the same flat, writes about the same leak.
    desk.emu
        .send_text(&ben, "water leaking from the kitchen pipe");
    let card = desk
        .emu
        .wait_for_message(
            ben.id,
            |m| m.button(&text(en, "button-draft-confirm")).is_some(),
            common::WAIT,
        )
        .await
        .expect("Ben's card");
    press(
        &desk,
        &ben,
        &card,
        &data(&card, &text(en, "button-draft-confirm")),
    )
    .await;
    let done = desk
        .expect_message(&ben, &opening(en, "draft-confirmed"))
        .await;
    assert!(
        done.body().contains(&opening(en, "draft-duplicate")),
        "{}",
        done.body()
    );
    assert!(done.body().contains(&first.number), "{}", done.body());
    let db = desk.db().await;
    let second = store::tickets::of_resident(db.pool(), ben.id, 5)
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.resident_id == Some(ben.id))
        .expect("Ben's ticket");
    // The card of the second says it may be the first again.
    let seconds = desk
        .emu
        .wait_for_message(
            chan.id,
            |m| m.body().contains(&second.number) && !m.inline_keyboard.is_empty(),
            common::WAIT,
        )
        .await
        .expect("the second card");
    assert!(seconds.body().contains(&first.number), "{}", seconds.body());

    // Lee merges the second into the first from its card.
    let card = view(&desk, &lee, &second.number).await;
    let merge = t_args(
        en,
        "button-merge-into",
        &[("number", first.number.clone().into())],
    );
    press(&desk, &lee, &card, &data(&card, &merge)).await;
    let merged = ticket(&db, second.id).await;
    assert_eq!(merged.status, Status::Closed);
    let kept_number: Option<String> = sqlx::query_scalar(
        "SELECT k.number FROM tickets t JOIN tickets k ON k.id = t.merged_into WHERE t.id = ?",
    )
    .bind(second.id)
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(kept_number.as_deref(), Some(first.number.as_str()));
    // Both residents are told; Chan's card of the duplicate is out of date.
    let phone = desk.app(&db).settings.office.phone.clone();
    let to_ben = t_args(
        en,
        "resident-merged",
        &[
            ("number", second.number.clone().into()),
            ("reason", first.number.clone().into()),
            ("phone", phone.into()),
        ],
    );
    desk.expect_message(&ben, &to_ben).await;
    let to_amy = t_args(
        zh,
        "resident-merged-in",
        &[
            ("number", first.number.clone().into()),
            ("reason", second.number.clone().into()),
        ],
    );
    desk.expect_message(&amy, &to_amy).await;
    let stale = edited(&desk, &seconds).await;
    assert!(stale.inline_keyboard.is_empty());
    assert!(stale.body().contains(&first.number), "{}", stale.body());

    // Ben hears of the kept ticket from then on.
    press(
        &desk,
        &chan,
        &firsts,
        &data(&firsts, &text(zh, "button-accept")),
    )
    .await;
    desk.expect_message(&amy, &opening(zh, "resident-accepted"))
        .await;
    let accepted = desk
        .emu
        .wait_for_message(
            ben.id,
            |m| {
                m.body().contains(&first.number)
                    && m.body().starts_with(&opening(en, "resident-accepted"))
            },
            common::WAIT,
        )
        .await;
    assert!(
        accepted.is_some(),
        "Ben is kept informed about {}",
        first.number
    );

    // /merge refuses a ticket no longer open.
    desk.emu
        .send_text(&lee, &format!("/merge {} {}", second.number, first.number));
    desk.expect_message(&lee, &opening(en, "work-merge-refused"))
        .await;
}
