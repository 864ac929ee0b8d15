//! The staff's side of bookings, end to end in the three languages:
//! `/visits` lists today's and tomorrow's by department, staff propose
//! another time and the resident accepts (or keeps theirs), check-in,
//! check-out and no-show are recorded; other departments and residents
//! cannot press the staff's buttons.

mod common;
mod resident;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use common::{TestDesk, WAIT, opening, text};
use resident::{amy, number_in, press, press_data, tam, wang};
use residesk::domain::calendar::local;
use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, TgUser};
use residesk::store;
use residesk::store::bookings::BookingRow;

fn at(desk: &TestDesk, date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    local(
        desk.settings.timezone,
        date,
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap(),
    )
}

fn monday_after(from: NaiveDate) -> NaiveDate {
    from.iter_days()
        .skip(1)
        .find(|d| d.weekday() == Weekday::Mon)
        .unwrap()
}

fn slot(desk: &TestDesk, lang: Lang, start: DateTime<Utc>) -> String {
    residesk::dates::span(
        lang,
        desk.settings.timezone,
        start,
        start + chrono::Duration::hours(3),
        desk.clock.now(),
    )
}

async fn after(desk: &TestDesk, user: &TgUser, since: u64, key: &str, lang: Lang) -> BotMessage {
    let head = opening(lang, key);
    desk.emu
        .wait_for_message_after(user.id, since, |m| m.body().starts_with(&head), WAIT)
        .await
        .unwrap_or_else(|| {
            panic!(
                "no {key} to {}; they have: {:#?}",
                user.first_name,
                desk.emu
                    .bot_messages(user.id)
                    .iter()
                    .map(|m| m.body().to_owned())
                    .collect::<Vec<_>>()
            )
        })
}

async fn press_starting(desk: &TestDesk, user: &TgUser, message: &BotMessage, label: &str) {
    let data = message
        .buttons()
        .find(|b| b.text.starts_with(label))
        .unwrap_or_else(|| panic!("no button {label:?} under {:?}", message.body()))
        .callback_data
        .clone()
        .expect("an inline button");
    press_data(desk, user, message, &data).await;
}

async fn booking(desk: &TestDesk, number: &str) -> BookingRow {
    let db = desk.db().await;
    let t = store::tickets::by_number(db.pool(), number)
        .await
        .unwrap()
        .unwrap();
    store::bookings::of_ticket(db.pool(), t.id)
        .await
        .unwrap()
        .unwrap()
}

/// A resident books the party room by free text and takes the first offer.
async fn book(desk: &TestDesk, who: &TgUser, lang: Lang, words: &str) -> String {
    let v = desk.emu.version();
    desk.emu.send_text(who, words);
    let head_a = opening(lang, "booking-offer");
    let head_b = opening(lang, "booking-offer-other");
    let offer = desk
        .emu
        .wait_for_message_after(
            who.id,
            v,
            |m| m.body().starts_with(&head_a) || m.body().starts_with(&head_b),
            WAIT,
        )
        .await
        .expect("an offer");
    let first = offer.buttons().next().unwrap().text.clone();
    let v = desk.emu.version();
    press_starting(desk, who, &offer, &first).await;
    number_in(after(desk, who, v, "booking-done", lang).await.body())
}

#[tokio::test]
async fn staff_list_visits_propose_a_time_and_record_check_in_out_and_no_show() {
    let desk = TestDesk::start().await;
    let tz = desk.settings.timezone;
    let wong = desk.person("desk");
    let chan = desk.person("staff");
    let db = desk.db().await;
    let people = [
        (
            amy(&desk).await,
            Lang::ZhHant,
            "想book聽日3點嘅party room",
            "想book聽日4點嘅party room",
            true,
        ),
        (
            tam(&desk).await,
            Lang::En,
            "I want to book the party room tomorrow at 3pm",
            "I want to book the party room tomorrow at 4pm",
            false,
        ),
        (
            wang(&desk).await,
            Lang::ZhHans,
            "想预约明天下午3点的派对室",
            "想预约明天下午4点的派对室",
            true,
        ),
    ];
    let mut from = desk.clock.now().with_timezone(&tz).date_naive();
    for (person, lang, three, four, accepts) in &people {
        let (lang, accepts) = (*lang, *accepts);
        store::users::set_lang(db.pool(), wong.id, lang.tag())
            .await
            .unwrap();
        let monday = monday_after(from);
        from = monday;
        let tuesday = monday.succ_opt().unwrap();
        desk.clock.advance_to(at(&desk, monday, 10, 0));
        let first = book(&desk, person, lang, three).await; // Tuesday 16:00
        let second = book(&desk, person, lang, four).await; // full: Tuesday 13:00
        assert_eq!(
            booking(&desk, &first).await.starts_at,
            at(&desk, tuesday, 16, 0)
        );
        assert_eq!(
            booking(&desk, &second).await.starts_at,
            at(&desk, tuesday, 13, 0)
        );

        // Customer service accepts the first: the resident hears the slot,
        // not a deadline.
        let accept = text(lang, "button-accept");
        let ping = desk
            .emu
            .wait_for_message(
                wong.id,
                |m| m.body().contains(&first) && m.button(&accept).is_some(),
                WAIT,
            )
            .await
            .expect("customer service gets the booking's card");
        // Its times are the slot, not limits to respond and resolve within.
        let limits = text(lang, "card-ticket");
        let limits_line = limits.lines().last().unwrap().split('{').next().unwrap();
        assert!(!ping.body().contains(limits_line.trim()), "{}", ping.body());
        let slot_line = text(lang, "card-booking");
        let slot_word = slot_line.lines().nth(3).unwrap().split('{').next().unwrap();
        assert!(ping.body().contains(slot_word.trim()), "{}", ping.body());
        let v = desk.emu.version();
        press(&desk, &wong, &ping, lang, "button-accept").await;
        let confirmed = after(&desk, person, v, "booking-confirmed", lang).await;
        let four = at(&desk, tuesday, 16, 0);
        assert!(
            confirmed.body().contains(&slot(&desk, lang, four)),
            "{}",
            confirmed.body()
        );

        // /visits: tomorrow's two, under customer service.
        let v = desk.emu.version();
        desk.emu.send_text(&wong, "/visits");
        let list = after(&desk, &wong, v, "visits-today", lang).await;
        assert!(
            list.body().contains(&first) && list.body().contains(&second),
            "{}",
            list.body()
        );
        let dept = text(lang, "dept-customer_service");
        assert!(list.body().contains(&dept), "{}", list.body());

        // Propose Tuesday 19:00 for the first.
        let v = desk.emu.version();
        press_starting(&desk, &wong, &list, &format!("{first} 16:00")).await;
        let card = after(&desk, &wong, v, "visit-card", lang).await;
        let v = desk.emu.version();
        press(&desk, &wong, &card, lang, "visit-button-propose").await;
        let pick = after(&desk, &wong, v, "visit-propose-pick", lang).await;
        let seven = at(&desk, tuesday, 19, 0);
        let v = desk.emu.version();
        press_starting(&desk, &wong, &pick, &slot(&desk, lang, seven)).await;
        after(&desk, &wong, v, "visit-proposed", lang).await;
        let proposal = after(&desk, person, v, "booking-proposal", lang).await;
        assert!(
            proposal.body().contains(&slot(&desk, lang, seven)),
            "{}",
            proposal.body()
        );
        let v = desk.emu.version();
        if accepts {
            press(
                &desk,
                person,
                &proposal,
                lang,
                "booking-button-accept-proposal",
            )
            .await;
            let moved = after(&desk, person, v, "booking-moved", lang).await;
            assert!(
                moved.body().contains(&slot(&desk, lang, seven)),
                "{}",
                moved.body()
            );
            after(&desk, &wong, v, "visit-proposal-accepted", lang).await;
            assert_eq!(booking(&desk, &first).await.starts_at, seven);
        } else {
            press(&desk, person, &proposal, lang, "booking-button-keep").await;
            after(&desk, person, v, "booking-kept", lang).await;
            after(&desk, &wong, v, "visit-proposal-declined", lang).await;
            assert_eq!(
                booking(&desk, &first).await.starts_at,
                at(&desk, tuesday, 16, 0)
            );
            // An old proposal pressed again changes nothing.
            let v = desk.emu.version();
            press(
                &desk,
                person,
                &proposal,
                lang,
                "booking-button-accept-proposal",
            )
            .await;
            desk.emu
                .wait_for_message_after(
                    person.id,
                    v,
                    |m| m.body() == text(lang, "stale-button"),
                    WAIT,
                )
                .await
                .expect("a stale proposal is refused");
            assert_eq!(
                booking(&desk, &first).await.starts_at,
                at(&desk, tuesday, 16, 0)
            );
        }

        // Engineering and the resident cannot press the staff's buttons.
        let id = booking(&desk, &second).await.id;
        for (who, user_lang) in [(&chan, Lang::ZhHant), (person, lang)] {
            let answer = press_data(&desk, who, &card, &format!("bk:in:{id}")).await;
            assert_eq!(
                answer.text.as_deref(),
                Some(text(user_lang, "not-allowed").as_str())
            );
        }
        assert_eq!(booking(&desk, &second).await.status, "booked");

        // Tuesday 13:10: nobody came to the 13:00 one.
        desk.clock.advance_to(at(&desk, tuesday, 13, 10));
        let v = desk.emu.version();
        desk.emu.send_text(&wong, "/visits");
        let list = after(&desk, &wong, v, "visits-today", lang).await;
        let v = desk.emu.version();
        press_starting(&desk, &wong, &list, &format!("{second} 13:00")).await;
        let card = after(&desk, &wong, v, "visit-card", lang).await;
        let v = desk.emu.version();
        press(&desk, &wong, &card, lang, "visit-button-no-show").await;
        after(&desk, &wong, v, "visit-no-show", lang).await;
        assert_eq!(booking(&desk, &second).await.status, "no_show");
        let t = store::tickets::by_number(db.pool(), &second)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(t.status, residesk::domain::ticket::Status::Closed);
        // The same button again is stale.
        let v = desk.emu.version();
        press(&desk, &wong, &card, lang, "visit-button-no-show").await;
        desk.emu
            .wait_for_message_after(wong.id, v, |m| m.body() == text(lang, "stale-button"), WAIT)
            .await
            .expect("a repeated no-show is stale");

        // The first: checked in, then out.
        let start = booking(&desk, &first).await.starts_at;
        desk.clock.advance_to(start);
        let v = desk.emu.version();
        desk.emu.send_text(&wong, "/visits");
        let list = after(&desk, &wong, v, "visits-today", lang).await;
        let hour = start.with_timezone(&tz).format("%H:%M").to_string();
        let v = desk.emu.version();
        press_starting(&desk, &wong, &list, &format!("{first} {hour}")).await;
        let card = after(&desk, &wong, v, "visit-card", lang).await;
        let v = desk.emu.version();
        press(&desk, &wong, &card, lang, "visit-button-check-in").await;
        let checked = after(&desk, &wong, v, "visit-checked-in", lang).await;
        assert_eq!(booking(&desk, &first).await.status, "checked_in");
        let v = desk.emu.version();
        press(&desk, &wong, &checked, lang, "visit-button-check-out").await;
        after(&desk, &wong, v, "visit-checked-out", lang).await;
        assert_eq!(booking(&desk, &first).await.status, "checked_out");
        let t = store::tickets::by_number(db.pool(), &first)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(t.status, residesk::domain::ticket::Status::Closed);
    }
}
