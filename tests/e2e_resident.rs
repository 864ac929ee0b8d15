//! Residents file requests by chatting, end to end: free text and photos
//! become a card, the card a ticket; the desk asks what it is not sure of;
//! emergencies go straight through; a restart keeps a draft.

mod common;
mod resident;

use common::{TestDesk, opening, text};
use std::time::Duration;

use resident::{
    amy, card, number_in, off_duty, on_duty, photo_count, press, tam, ticket, tickets, wang,
};
use residesk::domain::lang::Lang;
use residesk::domain::request::{Category, Kind, Urgency};
use residesk::domain::ticket::Status;
use residesk::texts::t_args;

#[tokio::test]
async fn a_repair_with_a_photo_goes_through_the_card_to_the_engineer_on_duty() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    on_duty(&desk, &chan, Lang::ZhHant).await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;

    desk.emu.send_text(&amy, "廚房水喉漏水，滴到落樓下");
    let first = card(&desk, &amy, lang).await;
    assert!(first.body().contains("3-1502"), "{}", first.body());
    assert!(first.body().contains(&text(lang, "kind-repair")));
    assert!(first.body().contains(&text(lang, "category-plumbing")));

    desk.emu
        .send_photo(&amy, vec![0xFF, 0xD8, 0xFF, 1, 2, 3], None);
    let second = card(&desk, &amy, lang).await;
    assert_ne!(first.message_id, second.message_id);
    assert!(second.body().contains("廚房水喉漏水"), "{}", second.body());

    // The first card is out of date: its buttons say so and do nothing.
    let stale = press(&desk, &amy, &first, lang, "button-draft-confirm").await;
    assert_eq!(stale.text, Some(text(lang, "stale-button")));
    assert!(tickets(&desk).await.is_empty());

    press(&desk, &amy, &second, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&amy, &opening(lang, "draft-confirmed"))
        .await;
    let number = number_in(done.body());
    assert!(number.starts_with("R-"), "{number}");
    assert!(done.body().contains(&text(lang, "dept-engineering")));

    let ping = desk.expect_message(&chan, &number).await;
    assert!(
        ping.photo.is_some(),
        "the engineer gets the photo with the card"
    );
    let row = ticket(&desk, &number).await;
    assert_eq!(row.department, "engineering");
    assert_eq!(row.assignee_id, Some(chan.id));
    assert_eq!(row.status, Status::Assigned);
    assert!(row.description.contains("滴到落樓下"));
    assert_eq!(photo_count(&desk, row.id).await, 1);
}

#[tokio::test]
async fn an_english_complaint_is_confirmed_and_the_supervisor_hears_when_nobody_is_on_duty() {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    // Noise goes to security (nobody in the demo), then customer service.
    off_duty(&desk, &desk.person("desk"), Lang::ZhHant).await;
    let tam = tam(&desk).await;
    let lang = Lang::En;

    desk.emu
        .send_text(&tam, "The neighbours upstairs are very noisy every night");
    let card = card(&desk, &tam, lang).await;
    assert!(card.body().contains(&text(lang, "kind-complaint")));
    assert!(card.body().contains("3-1503"));
    press(&desk, &tam, &card, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&tam, &opening(lang, "draft-confirmed"))
        .await;
    let number = number_in(done.body());
    assert!(number.starts_with("C-"), "{number}");
    assert!(done.body().contains(&opening(lang, "draft-next-nobody")));
    desk.expect_message(&lee, &number).await;
    assert_eq!(ticket(&desk, &number).await.status, Status::New);
}

#[tokio::test]
async fn a_vague_message_makes_the_resident_pick_the_kind_and_the_category() {
    let desk = TestDesk::start().await;
    let wang = wang(&desk).await;
    let lang = Lang::ZhHans;

    desk.emu.send_text(&wang, "你好，有个问题");
    let ask = desk
        .expect_message(&wang, &opening(lang, "draft-ask-kind"))
        .await;
    assert!(ask.body().contains("你好，有个问题"));
    press(&desk, &wang, &ask, lang, "kind-repair").await;
    let ask = desk
        .expect_message(&wang, &opening(lang, "draft-ask-category"))
        .await;
    // The question names what it is about, asked first or after the kind.
    assert!(ask.body().contains("你好，有个问题"));
    press(&desk, &wang, &ask, lang, "category-electrical").await;
    let card = card(&desk, &wang, lang).await;
    assert!(card.body().contains(&text(lang, "category-electrical")));
    assert!(card.body().contains("5-802"));
    press(&desk, &wang, &card, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&wang, &opening(lang, "draft-confirmed"))
        .await;
    let row = ticket(&desk, &number_in(done.body())).await;
    assert_eq!(
        (row.kind, row.category),
        (Kind::Repair, Category::Electrical)
    );
}

#[tokio::test]
async fn a_booking_without_a_time_asks_for_one() {
    let desk = TestDesk::start().await;
    let tam = tam(&desk).await;
    let lang = Lang::En;

    // A renovation inspection is a bookable with slots (tests/e2e_booking.rs);
    // the tennis court is not, so a draft asks for the time.
    desk.emu.send_text(&tam, "I want to book the tennis court");
    desk.expect_message(&tam, &text(lang, "draft-ask-time"))
        .await;
    desk.emu.send_text(&tam, "whenever");
    desk.expect_message(&tam, &text(lang, "draft-time-not-understood"))
        .await;
    desk.emu.send_text(&tam, "tomorrow 3pm");
    let card = card(&desk, &tam, lang).await;
    assert!(card.body().contains("15:00"), "{}", card.body());
    press(&desk, &tam, &card, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&tam, &opening(lang, "draft-confirmed"))
        .await;
    let row = ticket(&desk, &number_in(done.body())).await;
    assert_eq!(row.kind, Kind::Booking);
    assert!(row.preferred_start.is_some());
}

#[tokio::test]
async fn an_emergency_alerts_staff_and_supervisors_at_once_and_the_resident_gets_safety_advice() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let lee = desk.person("supervisor");
    on_duty(&desk, &chan, Lang::ZhHant).await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;

    desk.emu.send_text(&amy, "有煤氣味！好大陣");
    let advice = desk
        .expect_message(&amy, &opening(lang, "emergency-opened"))
        .await;
    let safety = t_args(
        lang,
        "safety-gas",
        &[
            (
                "emergency",
                desk.settings.office.emergency_phone.clone().into(),
            ),
            ("fire", desk.settings.emergency.fire.clone().into()),
        ],
    );
    assert!(advice.body().contains(&safety), "{}", advice.body());
    assert!(
        advice
            .body()
            .contains(&desk.settings.office.emergency_phone)
    );
    let number = number_in(advice.body());
    desk.expect_message(&chan, &number).await;
    let alert = desk.expect_message(&lee, &number).await;
    assert!(alert.body().contains(&opening(Lang::En, "alert-emergency")));
    assert_eq!(ticket(&desk, &number).await.urgency, Urgency::Emergency);
    // No card to confirm first.
    let cards = desk
        .emu
        .bot_messages(amy.id)
        .into_iter()
        .filter(|m| m.body().contains(&opening(lang, "draft-card")))
        .count();
    assert_eq!(cards, 0);
}

#[tokio::test]
async fn several_messages_and_an_edit_make_one_draft() {
    let desk = TestDesk::start().await;
    let wang = wang(&desk).await;
    let lang = Lang::ZhHans;

    let first = desk.emu.send_text(&wang, "厨房水管漏水");
    card(&desk, &wang, lang).await;
    desk.emu.send_text(&wang, "已经漏了一整天");
    let second = card(&desk, &wang, lang).await;
    assert!(second.body().contains("厨房水管漏水"));
    assert!(second.body().contains("已经漏了一整天"));
    desk.emu.edit_text(&wang, first, "卫生间水管漏水");
    let third = desk
        .emu
        .wait_for_message(
            wang.id,
            |m| m.body().contains("卫生间水管漏水"),
            common::WAIT,
        )
        .await
        .expect("the card shows the edited text");
    assert!(!third.body().contains("厨房"));
    press(&desk, &wang, &third, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&wang, &opening(lang, "draft-confirmed"))
        .await;
    let row = ticket(&desk, &number_in(done.body())).await;
    assert_eq!(row.description, "卫生间水管漏水\n已经漏了一整天");
    assert_eq!(tickets(&desk).await.len(), 1);
}

#[tokio::test]
async fn a_draft_left_longer_than_the_expiry_is_set_aside_and_the_next_message_starts_anew() {
    let desk = TestDesk::start().await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;

    desk.emu.send_text(&amy, "廚房水喉漏水");
    let old = card(&desk, &amy, lang).await;
    desk.clock
        .advance(desk.settings.tickets.draft_expiry + Duration::from_secs(1));
    desk.emu.send_text(&amy, "3座大堂燈壞咗");
    let notice = desk
        .expect_message(&amy, &opening(lang, "draft-set-aside"))
        .await;
    assert!(notice.body().contains("廚房水喉漏水"), "{}", notice.body());
    let new = desk
        .emu
        .wait_for_message(amy.id, |m| m.body().contains("大堂燈"), common::WAIT)
        .await
        .expect("a card for the new message");
    assert!(!new.body().contains("廚房"), "{}", new.body());
    assert!(notice.message_id < new.message_id, "the notice comes first");

    // The old card is put away, and its buttons no longer count.
    let old_now = common::eventually(|| {
        desk.emu
            .bot_message(amy.id, old.message_id)
            .filter(|m| m.buttons().next().is_none())
    })
    .await;
    assert!(old_now.body().contains("廚房水喉漏水"));
    let stale = press(&desk, &amy, &old, lang, "button-draft-confirm").await;
    assert_eq!(stale.text, Some(text(lang, "stale-button")));

    press(&desk, &amy, &new, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&amy, &opening(lang, "draft-confirmed"))
        .await;
    let row = ticket(&desk, &number_in(done.body())).await;
    assert!(
        row.description.ends_with("\n3座大堂燈壞咗"),
        "{}",
        row.description
    );
    assert!(!row.description.contains("廚房"), "{}", row.description);
    assert_eq!(tickets(&desk).await.len(), 1);
}

#[tokio::test]
async fn a_confirmed_draft_ends_in_the_tickets_own_commit_so_a_second_press_names_the_same_ticket()
{
    let desk = TestDesk::start().await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;
    // From here on the chat's state can no longer be saved as idle, as when
    // the process dies or the disk fills right after the ticket's commit.
    let db = desk.db().await;
    sqlx::query(
        "CREATE TRIGGER idle_lost BEFORE UPDATE ON dialogues WHEN NEW.state = '\"Idle\"'
         BEGIN SELECT RAISE(ABORT, 'idle state lost'); END",
    )
    .execute(db.pool())
    .await
    .expect("trigger");

    desk.emu.send_text(&amy, "廚房水喉漏水");
    let card = card(&desk, &amy, lang).await;
    press(&desk, &amy, &card, lang, "button-draft-confirm").await;
    desk.expect_message(&amy, &opening(lang, "draft-confirmed"))
        .await;
    let again = press(&desk, &amy, &card, lang, "button-draft-confirm").await;
    let filed = tickets(&desk).await;
    assert_eq!(filed.len(), 1);
    // The second press names the ticket the draft became.
    let number = filed[0].number.clone();
    assert_eq!(
        again.text,
        Some(t_args(
            lang,
            "draft-already-filed",
            &[("number", number.into())]
        ))
    );
}

#[tokio::test]
async fn a_restart_in_the_middle_of_a_draft_resumes_it() {
    let mut desk = TestDesk::start().await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;

    desk.emu.send_text(&amy, "3座大堂升降機壞咗");
    let card = card(&desk, &amy, lang).await;
    // The lobby of block 3 is a shared area: the ticket's place, not a flat.
    assert!(
        card.body().contains(&t_args(
            lang,
            "draft-place-area",
            &[
                ("area", text(lang, "area-lobby").into()),
                ("building", "3".into())
            ]
        )),
        "{}",
        card.body()
    );
    desk.restart().await;

    press(&desk, &amy, &card, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&amy, &opening(lang, "draft-confirmed"))
        .await;
    let row = ticket(&desk, &number_in(done.body())).await;
    assert_eq!(row.category, Category::Lift);
    assert_eq!(row.unit_id, None, "a common area is filed under no flat");
}

#[tokio::test]
async fn odd_messages_get_a_polite_reply_and_nothing_is_lost() {
    let desk = TestDesk::start().await;
    let tam = tam(&desk).await;
    let lang = Lang::En;
    let phone = desk.settings.office.phone.clone();

    desk.emu.send_text(&tam, &"a".repeat(4001));
    desk.expect_message(&tam, &opening(lang, "error-too-long"))
        .await;
    desk.emu.send_text(&tam, " \u{200B}\u{FEFF} ");
    desk.expect_message(&tam, &text(lang, "error-empty")).await;
    desk.emu
        .send_document(&tam, "lease.pdf", "application/pdf", vec![1, 2, 3], None);
    desk.expect_message(
        &tam,
        &t_args(lang, "unsupported-document", &[("phone", phone.into())]),
    )
    .await;
    desk.emu.push_raw_update(serde_json::json!({
        "message": {
            "message_id": 900, "date": 1_700_000_000,
            "chat": {"id": tam.id, "type": "private", "first_name": "Tam"},
            "from": {"id": tam.id, "is_bot": false, "first_name": "Tam", "language_code": "en"},
            "sticker": {"file_id": "st1", "file_unique_id": "st1u", "type": "regular",
                        "width": 512, "height": 512, "is_animated": false, "is_video": false}
        }
    }));
    desk.expect_message(&tam, &text(lang, "unsupported-sticker"))
        .await;
    assert!(tickets(&desk).await.is_empty());

    // An image sent as a file is taken as a photo.
    desk.emu.send_document(
        &tam,
        "leak.jpg",
        "image/jpeg",
        vec![0xFF, 0xD8, 0xFF, 9],
        Some("Water dripping from the ceiling 🚿 in my bathroom"),
    );
    desk.expect_message(&tam, &text(lang, "photo-file-received"))
        .await;
    let card = card(&desk, &tam, lang).await;
    assert!(card.body().contains("🚿"), "{}", card.body());
    press(&desk, &tam, &card, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(&tam, &opening(lang, "draft-confirmed"))
        .await;
    let row = ticket(&desk, &number_in(done.body())).await;
    assert_eq!(photo_count(&desk, row.id).await, 1);

    // A draft does not grow past what a card can show; the message is refused, not lost silently.
    desk.emu.send_text(&tam, &"a".repeat(3000));
    desk.expect_message(&tam, &opening(lang, "draft-ask-kind"))
        .await;
    desk.emu.send_text(&tam, &"b".repeat(1500));
    desk.expect_message(&tam, &opening(lang, "draft-full"))
        .await;
}

#[tokio::test]
async fn a_common_question_is_answered_at_once_and_can_still_go_to_a_person() {
    let desk = TestDesk::start().await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;
    desk.emu.send_text(&amy, "請問管理費點交？");
    let office = &desk.settings.office;
    let answer = t_args(
        lang,
        "faq-fees",
        &[
            ("office", text(lang, "office-default-name").into()),
            ("hours", office.hours.clone().into()),
            ("phone", office.phone.clone().into()),
        ],
    );
    let reply = desk.expect_message(&amy, &answer).await;
    assert!(
        tickets(&desk).await.is_empty(),
        "an answered question is not a ticket"
    );

    press(&desk, &amy, &reply, lang, "button-ask-person").await;
    let done = desk
        .expect_message(&amy, &opening(lang, "draft-confirmed"))
        .await;
    let number = number_in(done.body());
    assert!(number.starts_with("Q-"), "{number}");
    assert_eq!(ticket(&desk, &number).await.category, Category::Fees);
}

#[tokio::test]
async fn a_flat_that_is_not_the_residents_makes_the_desk_ask_where_instead_of_assuming() {
    let desk = TestDesk::start().await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;
    desk.emu.send_text(&amy, "5座802廁所漏水，好急");
    let question = desk
        .expect_message(&amy, &text(lang, "draft-ask-unit"))
        .await;
    let own = question
        .buttons()
        .find(|b| b.text.contains("3-1502"))
        .expect("a button with the resident's own unit")
        .clone();
    assert!(
        !question.buttons().any(|b| b.text.contains("5-802")),
        "a neighbour's flat is never offered"
    );
    desk.emu.press(
        &amy,
        amy.id,
        question.message_id,
        own.callback_data.as_deref().unwrap(),
    );
    let card = card(&desk, &amy, lang).await;
    assert!(card.body().contains("3-1502"), "{}", card.body());
    assert!(tickets(&desk).await.is_empty());
}
