//! Complaint validity (投訴成立) end to end: a staff member resolves a
//! complaint and is asked whether it was valid, picks partly valid and a
//! reason from the configured list, a supervisor confirms it from the card
//! they get, and the monthly report (the real binary's JSON) counts it; a
//! supervisor who closes a complaint records its validity at once; forged
//! and stale presses are refused politely and change nothing. The staff
//! member speaks Simplified Chinese, the supervisor English.

mod common;
mod staff_rig;

use std::process::Command;

use common::{TestDesk, text};
use residesk::desk::{self, NewRequest, Source};
use residesk::domain::lang::Lang;
use residesk::domain::report::Month;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::emulator::BotMessage;
use residesk::store::tickets::TicketRow;
use residesk::store::{self, Db};
use residesk::texts::t_args;
use staff_rig::*;

const ZHOU: i64 = 2101;

async fn complaint(desk: &TestDesk, words: &str) -> TicketRow {
    let db = desk.db().await;
    let app = desk.app(&db);
    let request = NewRequest {
        kind: Kind::Complaint,
        category: Category::Noise,
        urgency: Urgency::Normal,
        unit_id: None,
        resident_id: None,
        source: Source::Phone,
        logged_by: None,
        description: words.to_owned(),
        when: None,
        photos: Vec::new(),
    };
    let mut tx = db.begin().await.unwrap();
    let opened = desk::open_ticket(&mut tx, &app, request, app.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    opened.ticket
}

/// `(validity, reason, confirmed)` as stored.
async fn judged(db: &Db, id: i64) -> (Option<String>, Option<String>, bool) {
    let mut tx = db.begin().await.unwrap();
    let row = store::validity::get(&mut tx, id).await.unwrap().unwrap();
    tx.rollback().await.unwrap();
    (row.validity, row.reason, row.confirmed)
}

/// The month's `complaints` object from `residesk report --format json`.
fn report_complaints(desk: &TestDesk) -> serde_json::Value {
    let month = Month::of(desk.clock.now(), desk.settings.timezone);
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_residesk"))
        .current_dir(dir.path())
        .env("RUST_LOG", "warn")
        .env("RESIDESK_DATABASE", desk.db_path())
        .args(["report", "--month", &month.to_string(), "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["complaints"].clone()
}

fn validity_text(
    lang: Lang,
    key: &str,
    ticket: &TicketRow,
    validity: &str,
    reason: &str,
) -> String {
    t_args(
        lang,
        key,
        &[
            ("number", ticket.number.clone().into()),
            (
                "validity",
                text(lang, &format!("validity-{validity}")).into(),
            ),
            (
                "reason",
                text(lang, &format!("validity-reason-{reason}")).into(),
            ),
        ],
    )
}

async fn question(
    desk: &TestDesk,
    chat: &residesk::emulator::TgUser,
    lang: Lang,
    key: &str,
    ticket: &TicketRow,
) -> BotMessage {
    desk.expect_message(chat, &said(lang, key, ticket)).await
}

#[tokio::test]
async fn a_staff_judgement_is_confirmed_by_a_supervisor_and_a_supervisors_counts_at_once() {
    let desk = TestDesk::start().await;
    let zh = Lang::ZhHans;
    let en = Lang::En;
    let zhou = add_staff(&desk, ZHOU, "Zhou", zh, "security").await;
    let lee = desk.person("supervisor");
    let db = desk.db().await;

    // Zhou works the complaint to resolved and is asked whether it was valid.
    let c1 = complaint(&desk, "樓上夜晚好嘈").await;
    assert_eq!(c1.assignee_id, Some(ZHOU));
    let card = desk.expect_message(&zhou, &c1.number).await;
    press(
        &desk,
        &zhou,
        &card,
        &data(&card, &text(zh, "button-accept")),
    )
    .await;
    let card = edited(&desk, &card).await;
    press(
        &desk,
        &zhou,
        &card,
        &data(&card, &text(zh, "button-resolve")),
    )
    .await;
    desk.expect_message(&zhou, &said(zh, "work-ask-resolution", &c1))
        .await;
    desk.emu.send_text(&zhou, "已同樓上住戶傾過");
    desk.expect_message(&zhou, &said(zh, "work-resolved", &c1))
        .await;
    let asked = question(&desk, &zhou, zh, "judge-ask-staff", &c1).await;

    // Partly valid, then the reason from the configured list.
    press(
        &desk,
        &zhou,
        &asked,
        &data(&asked, &text(zh, "judge-button-partly")),
    )
    .await;
    let reasons = edited(&desk, &asked).await;
    assert_eq!(
        labels(&reasons).len(),
        desk.settings.complaints.validity_reasons.len()
    );
    let answer = press(
        &desk,
        &zhou,
        &reasons,
        &data(&reasons, &text(zh, "validity-reason-slow_response")),
    )
    .await;
    assert_eq!(
        answer.text.as_deref(),
        Some(validity_text(zh, "judge-recorded-staff", &c1, "partly", "slow_response").as_str())
    );
    assert_eq!(
        judged(&db, c1.id).await,
        (Some("partly".into()), Some("slow_response".into()), false)
    );
    // Not confirmed yet: nothing judged in the report.
    let complaints = report_complaints(&desk);
    assert_eq!(complaints["judged"], 0, "{complaints}");
    assert!(complaints["validity_rate"].is_null(), "{complaints}");

    // The supervisor's card; Zhou pressing its Confirm is refused.
    let card = common::eventually(|| {
        desk.emu.bot_messages(lee.id).into_iter().find(|m| {
            m.body().contains(&c1.number) && m.button(&text(en, "judge-button-confirm")).is_some()
        })
    })
    .await;
    assert!(card.body().contains("Zhou"), "{}", card.body());
    let confirm = data(&card, &text(en, "judge-button-confirm"));
    let forged = press(&desk, &zhou, &card, &confirm).await;
    assert_eq!(
        forged.text.as_deref(),
        Some(text(zh, "not-allowed-staff").as_str())
    );
    assert!(!judged(&db, c1.id).await.2);
    // A resident's forged press of the reason is refused too.
    let amy = bind_amy(&desk).await;
    let forged = press(&desk, &amy, &reasons, &format!("jg:r:{}:y:other", c1.id)).await;
    assert_eq!(
        forged.text.as_deref(),
        Some(text(Lang::ZhHant, "not-allowed").as_str())
    );
    assert_eq!(judged(&db, c1.id).await.0.as_deref(), Some("partly"));

    // Lee confirms: it counts, and Zhou hears so.
    let answer = press(&desk, &lee, &card, &confirm).await;
    assert_eq!(
        answer.text.as_deref(),
        Some(validity_text(en, "judge-confirmed", &c1, "partly", "slow_response").as_str())
    );
    assert!(judged(&db, c1.id).await.2);
    let told = t_args(
        zh,
        "judge-confirmed-to-staff",
        &[
            ("supervisor", lee.first_name.clone().into()),
            ("number", c1.number.clone().into()),
            ("validity", text(zh, "validity-partly").into()),
            ("reason", text(zh, "validity-reason-slow_response").into()),
        ],
    );
    desk.expect_message(&zhou, &told).await;
    let complaints = report_complaints(&desk);
    assert_eq!(complaints["judged"], 1, "{complaints}");
    assert_eq!(complaints["partly"], 1, "{complaints}");
    assert_eq!(complaints["validity_rate"], 1.0, "{complaints}");
    assert_eq!(
        complaints["reasons"],
        serde_json::json!({ "slow_response": 1 }),
        "{complaints}"
    );

    // Stale: the same Confirm again; Zhou trying to change a confirmed one.
    let again = press(&desk, &lee, &card, &confirm).await;
    assert_eq!(
        again.text.as_deref(),
        Some(text(en, "judge-already-confirmed").as_str())
    );
    let late = press(&desk, &zhou, &reasons, &format!("jg:r:{}:n:other", c1.id)).await;
    assert_eq!(
        late.text.as_deref(),
        Some(text(zh, "judge-already-confirmed").as_str())
    );
    assert_eq!(judged(&db, c1.id).await.0.as_deref(), Some("partly"));

    // Lee closes another complaint from /ticket and judges it: it counts at once.
    let c2 = complaint(&desk, "保安態度差").await;
    desk.emu.send_text(&lee, &format!("/ticket {}", c2.number));
    let view = desk.expect_message(&lee, &c2.number).await;
    press(&desk, &lee, &view, &data(&view, &text(en, "button-close"))).await;
    desk.emu.send_text(&lee, "spoke to both residents");
    desk.expect_message(&lee, &said(en, "work-closed", &c2))
        .await;
    let asked = question(&desk, &lee, en, "judge-ask", &c2).await;
    press(
        &desk,
        &lee,
        &asked,
        &data(&asked, &text(en, "judge-button-not_valid")),
    )
    .await;
    let reasons = edited(&desk, &asked).await;
    let answer = press(
        &desk,
        &lee,
        &reasons,
        &data(&reasons, &text(en, "validity-reason-misunderstanding")),
    )
    .await;
    assert_eq!(
        answer.text.as_deref(),
        Some(validity_text(en, "judge-recorded", &c2, "not_valid", "misunderstanding").as_str())
    );
    assert_eq!(
        judged(&db, c2.id).await,
        (
            Some("not_valid".into()),
            Some("misunderstanding".into()),
            true
        )
    );
    let complaints = report_complaints(&desk);
    assert_eq!(complaints["judged"], 2, "{complaints}");
    assert_eq!(complaints["not_valid"], 1, "{complaints}");
    assert_eq!(complaints["validity_rate"], 0.5, "{complaints}");
    assert_eq!(
        complaints["reasons"],
        serde_json::json!({ "slow_response": 1, "misunderstanding": 1 }),
        "{complaints}"
    );

    // The ticket's card keeps a ⚖️ button to correct it later; the history
    // reads the judgement in the reader's words.
    desk.emu.send_text(&lee, &format!("/ticket {}", c1.number));
    let view = common::eventually(|| {
        desk.emu.bot_messages(lee.id).into_iter().rev().find(|m| {
            m.body().contains(&c1.number) && m.button(&text(en, "judge-button-open")).is_some()
        })
    })
    .await;
    assert!(
        view.body()
            .contains(&text(en, "validity-reason-slow_response")),
        "{}",
        view.body()
    );
    press(
        &desk,
        &lee,
        &view,
        &data(&view, &text(en, "judge-button-open")),
    )
    .await;
    let asked = question(&desk, &lee, en, "judge-ask", &c1).await;
    press(
        &desk,
        &lee,
        &asked,
        &data(&asked, &text(en, "judge-button-valid")),
    )
    .await;
    let reasons = edited(&desk, &asked).await;
    press(
        &desk,
        &lee,
        &reasons,
        &data(&reasons, &text(en, "validity-reason-workmanship")),
    )
    .await;
    assert_eq!(
        judged(&db, c1.id).await,
        (Some("valid".into()), Some("workmanship".into()), true)
    );
    assert_eq!(report_complaints(&desk)["valid"], 1);
}

#[tokio::test]
async fn forged_judging_presses_are_refused_politely_and_change_nothing() {
    let desk = TestDesk::start().await;
    let en = Lang::En;
    let lee = desk.person("supervisor");
    let chan = desk.person("staff");
    let db = desk.db().await;
    let repair = open_ticket(
        &desk,
        "水喉漏水",
        Category::Plumbing,
        Urgency::Normal,
        None,
        Vec::new(),
    )
    .await;
    let open = complaint(&desk, "噪音").await;
    desk.emu.send_text(&lee, "/help");
    let any = desk.next_message(&lee).await;

    // A repair is no complaint; an open complaint is not done; a reason not
    // on the list is stale; a staff member not its own may not judge it.
    let cases = [
        (
            format!("jg:v:{}:y", repair.id),
            &lee,
            text(en, "judge-not-complaint"),
        ),
        (
            format!("jg:ask:{}", open.id),
            &lee,
            text(en, "judge-not-done"),
        ),
        (
            format!("jg:r:{}:y:bribery", open.id),
            &lee,
            text(en, "stale-button"),
        ),
        (
            format!("jg:ask:{}", open.id),
            &chan,
            text(Lang::ZhHant, "not-allowed-staff"),
        ),
        (
            "jg:ok:999999:y:other".to_owned(),
            &lee,
            text(en, "stale-button"),
        ),
    ];
    for (data, who, expected) in cases {
        let answer = press(&desk, who, &any, &data).await;
        assert_eq!(answer.text.as_deref(), Some(expected.as_str()), "{data}");
    }
    for id in [repair.id, open.id] {
        assert_eq!(judged(&db, id).await, (None, None, false));
        assert!(
            !history(&db, id)
                .await
                .iter()
                .any(|a| a.starts_with("validity"))
        );
    }
}

#[tokio::test]
async fn two_supervisors_confirming_at_once_confirm_it_once() {
    let desk = TestDesk::start().await;
    let en = Lang::En;
    let zhou = add_staff(&desk, ZHOU, "Zhou", Lang::ZhHans, "security").await;
    let lee = desk.person("supervisor");
    let ma = desk.stranger(3003, "Ma", "en");
    let db = desk.db().await;
    let app = desk.app(&db);
    let now = app.now();
    store::users::upsert_seen(db.pool(), ma.id, ma.id, "Ma", None, now)
        .await
        .unwrap();
    store::users::set_lang(db.pool(), ma.id, en.tag())
        .await
        .unwrap();
    let mut tx = db.begin().await.unwrap();
    store::users::set_role(
        &mut tx,
        ma.id,
        residesk::domain::role::Role::Supervisor,
        None,
        now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // Set-up: Zhou resolved the complaint and judged it through the desk.
    let c = complaint(&desk, "垃圾房好臭").await;
    let zhou_doer = desk::Doer {
        user_id: zhou.id,
        role: Some(residesk::domain::role::Role::Staff),
    };
    let mut tx = db.begin().await.unwrap();
    desk::act(
        &mut tx,
        &app,
        c.id,
        zhou_doer,
        residesk::domain::ticket::Action::Accept,
        None,
        now,
    )
    .await
    .unwrap()
    .unwrap();
    desk::act(
        &mut tx,
        &app,
        c.id,
        zhou_doer,
        residesk::domain::ticket::Action::Resolve,
        Some("cleaned"),
        now,
    )
    .await
    .unwrap()
    .unwrap();
    residesk::desk::judgement::judge(
        &mut tx,
        &app,
        c.id,
        zhou_doer,
        residesk::domain::ticket::Validity::Valid,
        "workmanship",
        now,
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();

    // Both supervisors get the card and press Confirm at the same moment.
    let card_of = |chat: i64| {
        desk.emu.bot_messages(chat).into_iter().find(|m| {
            m.body().contains(&c.number) && m.button(&text(en, "judge-button-confirm")).is_some()
        })
    };
    let lee_card = common::eventually(|| card_of(lee.id)).await;
    let ma_card = common::eventually(|| card_of(ma.id)).await;
    let confirm = data(&lee_card, &text(en, "judge-button-confirm"));
    assert_eq!(confirm, data(&ma_card, &text(en, "judge-button-confirm")));
    let (a, b) = tokio::join!(
        press(&desk, &lee, &lee_card, &confirm),
        press(&desk, &ma, &ma_card, &confirm),
    );
    let confirmed = validity_text(en, "judge-confirmed", &c, "valid", "workmanship");
    let mut answers = vec![a.text.unwrap(), b.text.unwrap()];
    answers.sort();
    let mut expected = vec![confirmed, text(en, "judge-already-confirmed")];
    expected.sort();
    assert_eq!(answers, expected);
    assert!(judged(&db, c.id).await.2);
    let confirmations = history(&db, c.id)
        .await
        .into_iter()
        .filter(|a| a == "validity_confirmed")
        .count();
    assert_eq!(confirmations, 1);
}
