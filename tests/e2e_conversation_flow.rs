//! A resident's conversation never drops what matters (issue 7), the
//! ordinary cases, end to end: after a common question the next request is
//! a request; two unrelated requests make two drafts (or one question with
//! two buttons); small talk makes no ticket; a shared-area fault is placed
//! at the shared area; a complaint about another flat is filed from the
//! resident's flat; a past booking time is refused; 🚨 on the card raises
//! an emergency.

mod common;
mod resident;

use common::{TestDesk, opening, text};
use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, TgUser};
use residesk::texts::t_args;

use resident::{amy, card, number_in, press, tam, ticket, tickets, wang};

/// Confirms a card and returns the ticket number.
async fn confirm(desk: &TestDesk, user: &TgUser, card: &BotMessage, lang: Lang) -> String {
    press(desk, user, card, lang, "button-draft-confirm").await;
    let done = desk
        .expect_message(user, &opening(lang, "draft-confirmed"))
        .await;
    number_in(done.body())
}

#[tokio::test]
async fn after_a_common_question_the_next_request_becomes_a_card_in_every_language() {
    let desk = TestDesk::start().await;
    let cases = [
        (
            amy(&desk).await,
            Lang::ZhHant,
            "管理費幾錢？",
            "冷氣機唔凍，想搵人上嚟整",
        ),
        (
            wang(&desk).await,
            Lang::ZhHans,
            "物业费多少钱？",
            "空调不制冷，想找人来修",
        ),
        (
            tam(&desk).await,
            Lang::En,
            "How much is the management fee?",
            "The air conditioner is not cooling, please send someone to fix it",
        ),
    ];
    for (user, lang, question, request) in &cases {
        let office = &desk.settings.office;
        let answer = t_args(
            *lang,
            "faq-fees",
            &[
                ("office", text(*lang, "office-default-name").into()),
                ("hours", office.hours.clone().into()),
                ("phone", office.phone.clone().into()),
            ],
        );
        desk.emu.send_text(user, question);
        let faq = desk.expect_message(user, &answer).await;
        desk.emu.send_text(user, request);
        let card = card(&desk, user, *lang).await;
        assert!(
            card.body().contains(&text(*lang, "kind-repair")),
            "{}",
            card.body()
        );
        let number = confirm(&desk, user, &card, *lang).await;
        assert!(number.starts_with("R-"), "{number}");
        // The answer's button still reaches a person afterwards.
        press(&desk, user, &faq, *lang, "button-ask-person").await;
        let done = desk
            .expect_message(user, &opening(*lang, "draft-confirmed"))
            .await;
        assert!(number_in(done.body()).starts_with("Q-"));
    }
    assert_eq!(tickets(&desk).await.len(), 6);
}

#[tokio::test]
async fn two_unrelated_requests_become_two_drafts_or_one_question_with_two_buttons() {
    let desk = TestDesk::start().await;
    let cases = [
        (
            amy(&desk).await,
            Lang::ZhHant,
            "廚房水喉漏水",
            "另外，停車場B2有架車亂泊",
        ),
        (
            wang(&desk).await,
            Lang::ZhHans,
            "厨房水管漏水",
            "另外，停车场B2有辆车乱停",
        ),
        (
            tam(&desk).await,
            Lang::En,
            "The kitchen tap is leaking",
            "Also, a car is parked in my space in the car park",
        ),
    ];
    for (user, lang, first, second) in &cases {
        desk.emu.send_text(user, first);
        let leak = card(&desk, user, *lang).await;
        desk.emu.send_text(user, second);
        let next = desk
            .emu
            .wait_for_message(
                user.id,
                |m| {
                    m.body().contains(&opening(*lang, "draft-card"))
                        || m.body().contains(&opening(*lang, "draft-ask-which"))
                },
                common::WAIT,
            )
            .await
            .expect("a second card or the question");
        let parking = if next.body().contains(&opening(*lang, "draft-ask-which")) {
            assert!(next.button(&text(*lang, "button-split-draft")).is_some());
            press(&desk, user, &next, *lang, "button-split-draft").await;
            card(&desk, user, *lang).await
        } else {
            next
        };
        assert!(
            parking.body().contains(&text(*lang, "category-parking")),
            "{}",
            parking.body()
        );
        assert!(
            parking.body().contains(&text(*lang, "area-car_park")),
            "{}",
            parking.body()
        );
        assert!(!parking.body().contains(first), "{}", parking.body());
        // Both cards count: the earlier one first.
        let plumbing = ticket(&desk, &confirm(&desk, user, &leak, *lang).await).await;
        let parked = ticket(&desk, &confirm(&desk, user, &parking, *lang).await).await;
        assert_eq!(plumbing.category.as_str(), "plumbing");
        assert_eq!(plumbing.department, "engineering");
        assert!(!plumbing.description.contains("B2") && !plumbing.description.contains("parked"));
        assert_eq!(parked.category.as_str(), "parking");
    }
    assert_eq!(tickets(&desk).await.len(), 6);
}

#[tokio::test]
async fn small_talk_gets_a_friendly_answer_and_no_ticket_or_picker() {
    let desk = TestDesk::start().await;
    let cases = [
        (
            amy(&desk).await,
            Lang::ZhHant,
            ["你好", "多謝", "好的", "1", "👍"],
        ),
        (
            wang(&desk).await,
            Lang::ZhHans,
            ["您好", "谢谢", "收到", "2", "🙏"],
        ),
        (
            tam(&desk).await,
            Lang::En,
            ["hi", "thanks", "ok", "1", "👌"],
        ),
    ];
    for (user, lang, words) in &cases {
        let keys = [
            "smalltalk-greeting",
            "smalltalk-thanks",
            "smalltalk-ok",
            "smalltalk-ok",
            "smalltalk-ok",
        ];
        for (word, key) in words.iter().zip(keys) {
            desk.emu.send_text(user, word);
            let reply = desk.next_message(user).await;
            let expected = if *word == "🙏" {
                "smalltalk-thanks"
            } else {
                key
            };
            assert_eq!(reply.body(), text(*lang, expected), "{word}");
        }
        let pickers = desk
            .emu
            .bot_messages(user.id)
            .into_iter()
            .filter(|m| m.body().contains(&opening(*lang, "draft-ask-kind")))
            .count();
        assert_eq!(pickers, 0);
    }
    // Thanks after a ticket is not praise.
    let tam = &cases[2].0;
    desk.emu.send_text(tam, "The corridor light is broken");
    let card = card(&desk, tam, Lang::En).await;
    confirm(&desk, tam, &card, Lang::En).await;
    desk.emu.send_text(tam, "thanks!");
    let reply = desk.next_message(tam).await;
    assert_eq!(reply.body(), text(Lang::En, "smalltalk-thanks"));
    assert_eq!(tickets(&desk).await.len(), 1);
}

#[tokio::test]
async fn a_shared_area_fault_is_placed_at_the_shared_area_on_every_card() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let cases = [
        (amy(&desk).await, Lang::ZhHant, "大堂燈壞咗", "lobby", "3"),
        (
            wang(&desk).await,
            Lang::ZhHans,
            "垃圾房好臭",
            "refuse_room",
            "5",
        ),
        (
            tam(&desk).await,
            Lang::En,
            "The refuse room smells terrible",
            "refuse_room",
            "3",
        ),
    ];
    for (user, lang, message, area, building) in &cases {
        desk.emu.send_text(user, message);
        let card = card(&desk, user, *lang).await;
        let place = t_args(
            *lang,
            "draft-place-area",
            &[
                ("area", text(*lang, &format!("area-{area}")).into()),
                ("building", (*building).into()),
            ],
        );
        assert!(card.body().contains(&place), "{}", card.body());
        let number = confirm(&desk, user, &card, *lang).await;
        let row = ticket(&desk, &number).await;
        assert_eq!(row.unit_id, None, "not the resident's flat");
        assert!(row.description.contains(&place), "{}", row.description);
        // The place is stored with the ticket, not only in its text.
        assert_eq!(
            (row.area.as_deref(), row.building.as_deref()),
            (Some(*area), Some(*building))
        );
    }
    // The engineer's card for the lobby light names the lobby where it
    // names the unit, not a flat and not a dash.
    let staff_lang = Lang::ZhHant;
    let lobby = t_args(
        staff_lang,
        "draft-place-area",
        &[
            ("area", text(staff_lang, "area-lobby").into()),
            ("building", "3".into()),
        ],
    );
    let unit_line = |unit: &str| unit_line(staff_lang, unit);
    let ping = desk.expect_message(&chan, &unit_line(&lobby)).await;
    assert!(!ping.body().contains(&unit_line("—")), "{}", ping.body());
    assert!(!ping.body().contains("3-1502"), "{}", ping.body());
}

/// The line of a staff card that names the ticket's unit, with `unit` in it.
fn unit_line(lang: Lang, unit: &str) -> String {
    let card = text(lang, "card-ticket");
    let line = card
        .lines()
        .find(|l| l.contains("$unit"))
        .unwrap_or_else(|| panic!("no unit line in {card:?}"));
    let at = line.find('{').expect("a placeholder");
    let end = line[at..].find('}').expect("its end") + at + 1;
    format!("{}{unit}{}", &line[..at], &line[end..])
}

#[tokio::test]
async fn a_complaint_about_another_flat_is_filed_from_the_residents_flat() {
    let desk = TestDesk::start().await;
    // The English one names the flat the way expatriate tenants write it:
    // the flat alone, then its tower.
    let cases = [
        (
            amy(&desk).await,
            Lang::ZhHant,
            "3座1602成晚唱K好嘈",
            "3-1502",
            "3-1602",
        ),
        (
            tam(&desk).await,
            Lang::En,
            "Loud music from 16C Tower 3 every night, we can't sleep",
            "3-1503",
            "3-16C",
        ),
    ];
    for (user, lang, complaint, own, other) in &cases {
        desk.emu.send_text(user, complaint);
        let card = card(&desk, user, *lang).await;
        assert!(card.body().contains(own), "{}", card.body());
        assert!(card.body().contains(other), "{}", card.body());
        let number = confirm(&desk, user, &card, *lang).await;
        assert!(number.starts_with("C-"));
        let row = ticket(&desk, &number).await;
        assert!(row.unit_id.is_some());
        assert!(row.description.contains(other), "{}", row.description);
    }
}

#[tokio::test]
async fn a_booking_for_a_time_already_past_is_refused_with_the_next_time_proposed() {
    // Tennis courts are no bookable of the settings (those have slots): a
    // draft with a preferred time.
    let desk = TestDesk::start().await;
    let cases = [
        (
            tam(&desk).await,
            Lang::En,
            "I want to book the tennis court",
            "yesterday 3pm",
        ),
        (
            amy(&desk).await,
            Lang::ZhHant,
            "我想預約網球場",
            "琴日下晝三點",
        ),
        (
            wang(&desk).await,
            Lang::ZhHans,
            "我想预约网球场",
            "昨天下午三点",
        ),
    ];
    for (user, lang, booking, past) in &cases {
        desk.emu.send_text(user, booking);
        desk.expect_message(user, &text(*lang, "draft-ask-time"))
            .await;
        desk.emu.send_text(user, past);
        let refusal = desk
            .expect_message(user, &opening(*lang, "draft-time-past"))
            .await;
        assert!(refusal.body().contains("15:00"), "{}", refusal.body());
        assert!(
            refusal
                .button(&text(*lang, "button-draft-cancel"))
                .is_some()
        );
        let take = refusal
            .buttons()
            .find(|b| b.text.starts_with('✅'))
            .expect("the proposed time")
            .clone();
        desk.emu.press(
            user,
            user.id,
            refusal.message_id,
            take.callback_data.as_deref().unwrap(),
        );
        let card = card(&desk, user, *lang).await;
        let row = ticket(&desk, &confirm(&desk, user, &card, *lang).await).await;
        let start = row.preferred_start.expect("a time");
        assert!(start > chrono::Utc::now(), "{start}");
    }
}

#[tokio::test]
async fn the_urgent_button_on_the_card_raises_an_emergency() {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    let tam = tam(&desk).await;
    let lang = Lang::En;
    // A message the desk cannot place: the resident knows better than the
    // parser that it is urgent.
    desk.emu.send_text(&tam, "There is a problem in my kitchen");
    let picker = desk
        .expect_message(&tam, &opening(lang, "draft-ask-kind"))
        .await;
    assert!(picker.button(&text(lang, "button-urgent")).is_some());
    press(&desk, &tam, &picker, lang, "kind-repair").await;
    let category = desk
        .expect_message(&tam, &opening(lang, "draft-ask-category"))
        .await;
    press(&desk, &tam, &category, lang, "category-electrical").await;
    let card = card(&desk, &tam, lang).await;
    press(&desk, &tam, &card, lang, "button-urgent").await;
    let reply = desk
        .expect_message(&tam, &opening(lang, "emergency-opened"))
        .await;
    let number = number_in(reply.body());
    desk.expect_message(&lee, &number).await;
    assert_eq!(ticket(&desk, &number).await.urgency.as_str(), "emergency");

    // /urgent with nothing in progress raises one and asks what happens.
    desk.emu.send_text(&tam, "/urgent");
    let reply = desk
        .expect_message(&tam, &opening(lang, "emergency-opened"))
        .await;
    let second = number_in(reply.body());
    desk.expect_message(&tam, &text(lang, "urgent-tell-more"))
        .await;
    desk.emu
        .send_text(&tam, "Block 3 15/F, an old man fell in the corridor");
    desk.expect_message(&tam, &opening(lang, "addinfo-done"))
        .await;
    desk.expect_message(&lee, &second).await;
}

/// Waits for a confirmation card that quotes `said`.
async fn card_saying(desk: &TestDesk, user: &TgUser, lang: Lang, said: &str) -> BotMessage {
    let head = opening(lang, "draft-card");
    desk.emu
        .wait_for_message(
            user.id,
            |m| m.body().contains(&head) && m.body().contains(said),
            common::WAIT,
        )
        .await
        .unwrap_or_else(|| panic!("no card saying {said:?}"))
}

#[tokio::test]
async fn an_unclear_message_while_the_desk_asks_which_waits_with_the_held_one() {
    let desk = TestDesk::start().await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;

    desk.emu.send_text(&amy, "廚房水喉漏水");
    card(&desk, &amy, lang).await;
    // Not sure it is a request of its own: held, and the resident asked.
    desk.emu.send_text(&amy, "另外，停車場B2有架車亂泊");
    desk.expect_message(&amy, &opening(lang, "draft-ask-which"))
        .await;
    // Unclear itself: it waits with the held message, the draft is left
    // alone and the question is asked again.
    desk.emu.send_text(&amy, "車牌係AB1234");
    let again = desk
        .expect_message(&amy, &opening(lang, "draft-ask-which"))
        .await;
    // Plainly more about the leak: it goes to the leak; the held messages
    // keep waiting and their question still counts.
    desk.emu.send_text(&amy, "廚房星盆下面漏水，漏咗兩日");
    let leak = card_saying(&desk, &amy, lang, "星盆").await;
    press(&desk, &amy, &again, lang, "button-split-draft").await;
    let parking = card_saying(&desk, &amy, lang, "B2").await;
    for said in ["B2", "AB1234"] {
        assert!(parking.body().contains(said), "{}", parking.body());
    }
    assert!(!parking.body().contains("星盆"), "{}", parking.body());
    let parked = ticket(&desk, &confirm(&desk, &amy, &parking, lang).await).await;
    let plumbing = ticket(&desk, &confirm(&desk, &amy, &leak, lang).await).await;
    assert_eq!(parked.category.as_str(), "parking");
    assert!(
        parked.description.contains("AB1234"),
        "{}",
        parked.description
    );
    assert_eq!(plumbing.category.as_str(), "plumbing");
    assert!(
        plumbing.description.contains("兩日"),
        "{}",
        plumbing.description
    );
    for said in ["B2", "AB1234"] {
        assert!(
            !plumbing.description.contains(said),
            "{}",
            plumbing.description
        );
    }
}

#[tokio::test]
async fn a_draft_confirmed_while_a_message_is_held_leaves_that_message_a_card_of_its_own() {
    let desk = TestDesk::start().await;
    let amy = amy(&desk).await;
    let lang = Lang::ZhHant;

    desk.emu.send_text(&amy, "廚房水喉漏水");
    let leak = card(&desk, &amy, lang).await;
    desk.emu.send_text(&amy, "另外，停車場B2有架車亂泊");
    desk.expect_message(&amy, &opening(lang, "draft-ask-which"))
        .await;
    // The resident confirms the leak without choosing: the held message is
    // not lost, nor added to the leak; it becomes a card of its own.
    let number = confirm(&desk, &amy, &leak, lang).await;
    let plumbing = ticket(&desk, &number).await;
    assert!(
        !plumbing.description.contains("B2"),
        "{}",
        plumbing.description
    );
    let parking = card_saying(&desk, &amy, lang, "B2").await;
    let parked = ticket(&desk, &confirm(&desk, &amy, &parking, lang).await).await;
    assert_eq!(parked.category.as_str(), "parking");
    assert_eq!(tickets(&desk).await.len(), 2);
}
