//! Surveys end to end: the example survey imported, previewed and sent by a
//! supervisor in chat, answered by residents with buttons and text in their
//! languages, and counted exactly in the JSON and CSV results; forged and
//! late presses change nothing.

mod common;
mod survey_rig;

use std::time::Duration;

use common::{TestDesk, WAIT, text};
use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, TgUser};
use residesk::texts::t_args;
use survey_rig::*;

/// Waits for a message to `user` containing `needle` and returns it as it
/// stands now.
async fn wait(desk: &TestDesk, user: &TgUser, needle: &str) -> BotMessage {
    desk.expect_message(user, needle).await
}

/// A question message, after the press that led to it.
async fn question(desk: &TestDesk, user: &TgUser, lang: Lang, n: i64) -> BotMessage {
    let head = t_args(
        lang,
        "survey-question-head",
        &[
            ("title", title(lang).into()),
            ("n", n.into()),
            ("total", 3.into()),
        ],
    );
    wait(desk, user, &head).await
}

fn title(lang: Lang) -> String {
    match lang {
        Lang::ZhHant => "2026年度業戶意見征詢",
        Lang::ZhHans => "2026年度业户意见征询",
        Lang::En => "Residents' opinion survey 2026",
    }
    .to_owned()
}

/// The supervisor opens /survey, the survey's card, previews it and sends it.
async fn supervisor_sends(desk: &TestDesk, id: i64) -> BotMessage {
    let lee = desk.person("supervisor");
    desk.emu.send_text(&lee, "/survey");
    let list = wait(desk, &lee, &text(Lang::En, "survey-list")).await;
    press_containing(desk, &lee, &list, &format!("#{id} "));
    let card = wait(desk, &lee, &format!("Survey #{id}")).await;
    assert!(
        card.body().contains("It would reach"),
        "the draft's card says how many it reaches: {}",
        card.body()
    );
    press(desk, &lee, &card, &text(Lang::En, "campaign-preview"));
    let end = wait(desk, &lee, &text(Lang::En, "campaign-preview-end")).await;
    let sent = desk.emu.bot_messages(lee.id);
    assert!(
        sent.iter().any(|m| m.body().contains(&title(Lang::En))
            && m.button(&text(Lang::En, "survey-start")).is_some()),
        "the preview shows the invitation with its Start button"
    );
    let q1 = sent
        .iter()
        .find(|m| m.body().contains("How satisfied are you"))
        .expect("the preview shows question 1");
    let q = press_containing(desk, &lee, q1, "4⭐");
    let answer = answer_of(desk, &q).await;
    assert_eq!(
        answer.text.as_deref(),
        Some(text(Lang::En, "survey-preview-only").as_str())
    );
    press(desk, &lee, &end, &text(Lang::En, "campaign-send"));
    let confirm = wait(desk, &lee, "Send #").await;
    press(desk, &lee, &confirm, &text(Lang::En, "campaign-send-now"));
    wait(desk, &lee, &text(Lang::En, "campaign-status-sending")).await
}

#[tokio::test]
async fn an_imported_survey_is_sent_answered_by_button_and_text_and_counted_exactly() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let ann = resident(&desk, &db, 50_001, "3", "101", Lang::ZhHant).await;
    let bob = resident(&desk, &db, 50_002, "5", "202", Lang::En).await;
    let cai = resident(&desk, &db, 50_003, "5", "203", Lang::ZhHans).await;
    let id = import_example(&db, |_| {}).await;

    supervisor_sends(&desk, id).await;

    // Ann (繁): 4⭐, cleaning and repair speed, a text answer.
    let invite = wait(&desk, &ann, &title(Lang::ZhHant)).await;
    assert!(
        invite
            .body()
            .contains(&text(Lang::ZhHant, "survey-anonymous"))
    );
    press(&desk, &ann, &invite, &text(Lang::ZhHant, "survey-start"));
    let q1 = question(&desk, &ann, Lang::ZhHant, 1).await;
    press(&desk, &ann, &q1, "4⭐");
    let q2 = question(&desk, &ann, Lang::ZhHant, 2).await;
    press(&desk, &ann, &q2, "⬜ 清潔");
    let q2 = with_button(&desk, &ann, "☑️ 清潔").await;
    press(&desk, &ann, &q2, "⬜ 維修速度");
    let q2 = with_button(&desk, &ann, "☑️ 維修速度").await;
    press(&desk, &ann, &q2, &text(Lang::ZhHant, "survey-next"));
    question(&desk, &ann, Lang::ZhHant, 3).await;
    desk.emu.send_text(&ann, "大堂燈光可以光啲, 多謝");
    let thanks = wait(&desk, &ann, "謝謝您完成").await;
    assert!(thanks.body().contains("⭐⭐⭐⭐"), "{}", thanks.body());
    assert!(
        thanks.body().contains("清潔; 維修速度"),
        "{}",
        thanks.body()
    );

    // Bob (en): 5⭐, security, skips the text.
    let invite = wait(&desk, &bob, &title(Lang::En)).await;
    press(&desk, &bob, &invite, &text(Lang::En, "survey-start"));
    let q1 = question(&desk, &bob, Lang::En, 1).await;
    press(&desk, &bob, &q1, "5⭐");
    let q2 = question(&desk, &bob, Lang::En, 2).await;
    // Next with nothing chosen is refused: the question is required.
    let q = press(&desk, &bob, &q2, &text(Lang::En, "survey-next"));
    assert_eq!(
        answer_of(&desk, &q).await.text.as_deref(),
        Some(text(Lang::En, "survey-choose-first").as_str())
    );
    press(&desk, &bob, &q2, "⬜ Security");
    let q2 = with_button(&desk, &bob, "☑️ Security").await;
    press(&desk, &bob, &q2, &text(Lang::En, "survey-next"));
    let q3 = question(&desk, &bob, Lang::En, 3).await;
    press(&desk, &bob, &q3, &text(Lang::En, "survey-skip"));
    wait(&desk, &bob, "Thank you for completing").await;

    // Cai (简) rates 2⭐ and stops.
    let invite = wait(&desk, &cai, &title(Lang::ZhHans)).await;
    press(&desk, &cai, &invite, &text(Lang::ZhHans, "survey-start"));
    let q1 = question(&desk, &cai, Lang::ZhHans, 1).await;
    // A forged token and someone else's press change nothing.
    let forged = desk.emu.press(&cai, cai.id, q1.message_id, "sv:12345:0:r1");
    assert!(answer_of(&desk, &forged).await.show_alert);
    let chan = desk.person("staff");
    let data = q1.button("1⭐").unwrap().callback_data.clone().unwrap();
    let other = desk.emu.press(&chan, chan.id, q1.message_id, &data);
    assert!(answer_of(&desk, &other).await.show_alert);
    press(&desk, &cai, &q1, "2⭐");
    question(&desk, &cai, Lang::ZhHans, 2).await;

    let app = residesk::runtime::app(db.clone(), desk.settings.clone());
    let report = residesk::desk::campaign::results::report(&app, id, Lang::En)
        .await
        .unwrap()
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.json()).unwrap();
    assert_eq!(json["completed"], 2);
    assert_eq!(json["responses"], 3);
    assert_eq!(json["delivery"]["sent"], 3);
    assert_eq!(json["delivery"]["started"], 3);
    assert_eq!(json["delivery"]["completed"], 2);
    let q1 = &json["questions"][0];
    assert_eq!(q1["answered"], 3);
    assert_eq!(q1["average"], 3.67);
    let counts: Vec<i64> = q1["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_i64().unwrap())
        .collect();
    assert_eq!(counts, vec![0, 1, 0, 1, 1]);
    assert_eq!(q1["by_building"]["5"]["average"], 3.5);
    let q2 = &json["questions"][1];
    let options: Vec<(String, i64)> = q2["distribution"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["label"].as_str().unwrap().to_owned(),
                b["count"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        options,
        vec![
            ("Cleaning".to_owned(), 1),
            ("Security".to_owned(), 1),
            ("Repair speed".to_owned(), 1),
            ("Gardens".to_owned(), 0)
        ]
    );
    assert_eq!(json["questions"][2]["texts"][0], "大堂燈光可以光啲, 多謝");
    assert_eq!(json["questions"][2]["skipped"], 1);

    let csv = report.csv(Lang::En, Lang::ZhHant);
    let mut rows: Vec<Vec<String>> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().skip(1).map(str::to_owned).collect())
        .collect();
    rows.sort();
    assert_eq!(
        rows,
        vec![
            vec![
                "3",
                "",
                "yes",
                "4",
                "Cleaning; Repair speed",
                "大堂燈光可以光啲, 多謝"
            ],
            vec!["5", "", "no", "2", "", ""],
            vec!["5", "", "yes", "5", "Security", ""],
        ]
        .into_iter()
        .map(|r| r.into_iter().map(str::to_owned).collect::<Vec<_>>())
        .collect::<Vec<_>>(),
        "anonymous: no unit; one row per response: {csv}"
    );

    // The supervisor's Results: a summary and the CSV file in chat.
    let lee = desk.person("supervisor");
    desk.emu.send_text(&lee, "/survey");
    let list = wait(&desk, &lee, &text(Lang::En, "survey-list")).await;
    press_containing(&desk, &lee, &list, &format!("#{id} "));
    let card = wait(&desk, &lee, "Started 3 · completed 2").await;
    press(&desk, &lee, &card, &text(Lang::En, "campaign-results"));
    let summary = wait(&desk, &lee, "📊").await;
    assert!(summary.body().contains("⭐ 3.67"), "{}", summary.body());
    let named = |suffix: &'static str| {
        let emu = desk.emu.clone();
        async move {
            emu.wait_for_message(
                lee.id,
                move |m| {
                    m.document_name
                        .as_deref()
                        .is_some_and(|n| n.ends_with(suffix))
                },
                WAIT,
            )
            .await
            .unwrap_or_else(|| panic!("no {suffix} file"))
        }
    };
    let file = named(".csv").await;
    let stored = desk.emu.file(file.document.as_deref().unwrap()).unwrap();
    let sent_csv = String::from_utf8(stored.bytes).unwrap();
    assert_eq!(sent_csv.trim_start_matches('\u{feff}'), csv);
    let workbook = named(".xlsx").await;
    let stored = desk
        .emu
        .file(workbook.document.as_deref().unwrap())
        .unwrap();
    assert!(stored.bytes.starts_with(b"PK"), "an XLSX (zip) workbook");
    let charts: Vec<_> = desk
        .emu
        .bot_messages(lee.id)
        .into_iter()
        .filter(|m| m.photo.is_some())
        .collect();
    assert_eq!(charts.len(), 2, "a chart for the rating and the choice");
    assert!(charts.iter().any(|c| c.body().contains("average 3.67")));
}

#[tokio::test]
async fn answers_can_be_changed_until_close_and_late_ones_are_thanked_not_counted() {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let ann = resident(&desk, &db, 50_011, "3", "101", Lang::En).await;
    let id = import_example(&db, |imported| imported.anonymous = false).await;
    supervisor_sends(&desk, id).await;

    let invite = wait(&desk, &ann, &title(Lang::En)).await;
    assert!(invite.body().contains(&text(Lang::En, "survey-named")));
    press(&desk, &ann, &invite, &text(Lang::En, "survey-start"));
    let q1 = question(&desk, &ann, Lang::En, 1).await;
    press(&desk, &ann, &q1, "3⭐");
    let q2 = question(&desk, &ann, Lang::En, 2).await;
    press(&desk, &ann, &q2, "⬜ Gardens");
    let q2 = with_button(&desk, &ann, "☑️ Gardens").await;
    press(&desk, &ann, &q2, &text(Lang::En, "survey-next"));
    let q3 = question(&desk, &ann, Lang::En, 3).await;
    press(&desk, &ann, &q3, &text(Lang::En, "survey-skip"));
    let thanks = wait(&desk, &ann, "Thank you for completing").await;

    // Change: the rating becomes 5, the rest kept.
    press(&desk, &ann, &thanks, &text(Lang::En, "survey-change"));
    let q1 = with_button(&desk, &ann, "✅ 3⭐").await;
    press(&desk, &ann, &q1, "5⭐");
    let q2 = with_button(&desk, &ann, "☑️ Gardens").await;
    press(&desk, &ann, &q2, &text(Lang::En, "survey-next"));
    let q3 = question(&desk, &ann, Lang::En, 3).await;
    press(&desk, &ann, &q3, &text(Lang::En, "survey-skip"));
    let updated = wait(&desk, &ann, "are updated").await;

    let app = residesk::runtime::app(db.clone(), desk.settings.clone());
    let report = residesk::desk::campaign::results::report(&app, id, Lang::En)
        .await
        .unwrap()
        .unwrap();
    let csv = report.csv(Lang::En, Lang::En);
    assert!(
        csv.contains("1,3,3-101,yes,5,Gardens,"),
        "named: the unit shows; {csv}"
    );
    assert_eq!(report.results.completed, 1);

    // The supervisor closes it; a later change is thanked and not counted.
    let lee = desk.person("supervisor");
    desk.emu.send_text(&lee, "/survey");
    let list = wait(&desk, &lee, &text(Lang::En, "survey-list")).await;
    press_containing(&desk, &lee, &list, &format!("#{id} "));
    let card = wait(&desk, &lee, &format!("Survey #{id}")).await;
    let q = press(&desk, &lee, &card, &text(Lang::En, "campaign-close"));
    answer_of(&desk, &q).await;
    wait(&desk, &lee, &text(Lang::En, "campaign-status-closed")).await;

    let q = press(&desk, &ann, &updated, &text(Lang::En, "survey-change"));
    let late = answer_of(&desk, &q).await;
    assert!(
        late.text.unwrap_or_default().contains("has closed"),
        "a late press is thanked"
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    let again = residesk::desk::campaign::results::report(&app, id, Lang::En)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.csv(Lang::En, Lang::En), csv, "nothing changed");
}

#[tokio::test]
async fn a_resident_mid_draft_answers_the_survey_returns_to_the_draft_and_an_emergency_is_never_swallowed()
 {
    let desk = TestDesk::start().await;
    let db = desk.db().await;
    let ann = resident(&desk, &db, 50_021, "3", "101", Lang::En).await;
    let en = |key: &str| text(Lang::En, key);

    desk.emu
        .send_text(&ann, "The corridor light on my floor is broken");
    let card = wait(&desk, &ann, &common::opening(Lang::En, "draft-card")).await;

    let id = import_example(&db, |_| {}).await;
    send_now(&desk, &db, id).await;
    let invite = wait(&desk, &ann, &title(Lang::En)).await;
    press(&desk, &ann, &invite, &en("survey-start"));
    let q1 = question(&desk, &ann, Lang::En, 1).await;
    press(&desk, &ann, &q1, "4⭐");
    let q2 = question(&desk, &ann, Lang::En, 2).await;
    press(&desk, &ann, &q2, "⬜ Cleaning");
    let q2 = with_button(&desk, &ann, "☑️ Cleaning").await;
    press(&desk, &ann, &q2, &en("survey-next"));
    question(&desk, &ann, Lang::En, 3).await;

    // An emergency typed while the text question waits is an emergency.
    desk.emu
        .send_text(&ann, "Fire! There is smoke coming out of the rubbish room");
    wait(&desk, &ann, &common::opening(Lang::En, "emergency-opened")).await;

    desk.emu.send_text(&ann, "More lights in the lobby, please");
    let thanks = wait(&desk, &ann, "Thank you for completing").await;
    assert!(
        thanks.body().contains("More lights in the lobby"),
        "{}",
        thanks.body()
    );
    wait(&desk, &ann, &en("survey-back-to-draft")).await;

    // The draft is still there and confirms as before.
    let card = current(&desk, &ann, &card);
    press(&desk, &ann, &card, &en("button-draft-confirm"));
    wait(&desk, &ann, &common::opening(Lang::En, "draft-confirmed")).await;

    let app = residesk::runtime::app(db.clone(), desk.settings.clone());
    let report = residesk::desk::campaign::results::report(&app, id, Lang::En)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        report.results.questions[2].texts,
        vec!["More lights in the lobby, please".to_owned()],
        "the emergency is not an answer"
    );
}
