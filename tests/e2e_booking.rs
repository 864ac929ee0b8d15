//! Bookings as appointments, end to end in the three languages: a facility
//! booked by free text and by the pickers, a full slot offering the nearest
//! free ones, changing and cancelling until the cutoff and refused after it,
//! the reminders once each, and two residents racing for the last place.

mod common;
mod resident;

use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use common::{TestDesk, WAIT, opening, text};
use resident::{amy, number_in, press, press_data, tam, wang};
use residesk::desk::bookings::name;
use residesk::domain::calendar::local;
use residesk::domain::lang::Lang;
use residesk::emulator::{BotMessage, TgUser};
use residesk::store;
use residesk::store::bookings::BookingRow;
use residesk::texts::t_args;

fn at(desk: &TestDesk, date: NaiveDate, hour: u32) -> DateTime<Utc> {
    local(
        desk.settings.timezone,
        date,
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
    )
}

/// The first Monday after `from`.
fn monday_after(from: NaiveDate) -> NaiveDate {
    from.iter_days()
        .skip(1)
        .find(|d| d.weekday() == Weekday::Mon)
        .unwrap()
}

fn slot(desk: &TestDesk, lang: Lang, start: DateTime<Utc>, hours: i64) -> String {
    residesk::dates::span(
        lang,
        desk.settings.timezone,
        start,
        start + chrono::Duration::hours(hours),
        desk.clock.now(),
    )
}

/// Waits for a message to `user` that starts as prompt `key` does and was
/// sent after `since`.
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

/// Presses the button whose label starts with `label`.
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

async fn bookings_of(desk: &TestDesk, resident: i64) -> Vec<BookingRow> {
    let db = desk.db().await;
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM bookings WHERE resident_id = ? ORDER BY id")
            .bind(resident)
            .fetch_all(db.pool())
            .await
            .unwrap();
    let mut out = Vec::new();
    for (id,) in rows {
        out.push(store::bookings::read(db.pool(), id).await.unwrap().unwrap());
    }
    out
}

fn count(desk: &TestDesk, user: &TgUser, needle: &str, number: &str) -> usize {
    desk.emu
        .bot_messages(user.id)
        .iter()
        .filter(|m| m.body().starts_with(needle) && m.body().contains(number))
        .count()
}

#[tokio::test]
async fn residents_book_change_and_cancel_until_the_cutoff_in_three_languages() {
    let desk = TestDesk::start().await;
    let tz = desk.settings.timezone;
    let people = [
        (
            amy(&desk).await,
            Lang::ZhHant,
            "想book聽日3點嘅party room",
            "想book聽日4點嘅party room",
        ),
        (
            tam(&desk).await,
            Lang::En,
            "I want to book the party room tomorrow at 3pm",
            "I want to book the party room tomorrow at 4pm",
        ),
        (
            wang(&desk).await,
            Lang::ZhHans,
            "想预约明天下午3点的派对室",
            "想预约明天下午4点的派对室",
        ),
    ];
    let mut from = desk.clock.now().with_timezone(&tz).date_naive();
    for (person, lang, three_pm, four_pm) in &people {
        let lang = *lang;
        let monday = monday_after(from);
        from = monday;
        let (tuesday, wednesday, thursday) = (
            monday.succ_opt().unwrap(),
            monday + chrono::Duration::days(2),
            monday + chrono::Duration::days(3),
        );
        desk.clock.advance_to(at(&desk, monday, 10));

        // Free text: 15:00 is no slot of the party room (10, 13, 16, 19):
        // the nearest free one (16:00) comes first.
        let v = desk.emu.version();
        desk.emu.send_text(person, three_pm);
        let offer = after(&desk, person, v, "booking-offer-other", lang).await;
        let tue_four = at(&desk, tuesday, 16);
        let first = offer.buttons().next().unwrap().text.clone();
        assert_eq!(
            first,
            format!("✅ {}", slot(&desk, lang, tue_four, 3)),
            "{lang:?}"
        );
        let v = desk.emu.version();
        press_starting(&desk, person, &offer, &first).await;
        let done = after(&desk, person, v, "booking-done", lang).await;
        let number = number_in(done.body());
        assert!(number.starts_with("B-"), "{number}");
        assert!(
            done.body().contains(&slot(&desk, lang, tue_four, 3)),
            "{}",
            done.body()
        );
        let rows = bookings_of(&desk, person.id).await;
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].starts_at, rows[0].status.as_str()),
            (tue_four, "booked")
        );

        // The same time again: full, the nearest free ones are offered.
        let v = desk.emu.version();
        desk.emu.send_text(person, four_pm);
        let full = after(&desk, person, v, "booking-offer-other", lang).await;
        let offered: Vec<String> = full.buttons().map(|b| b.text.clone()).collect();
        assert!(
            !offered
                .iter()
                .any(|b| b.contains(&slot(&desk, lang, tue_four, 3)))
        );
        assert_eq!(
            offered[0],
            format!("✅ {}", slot(&desk, lang, at(&desk, tuesday, 13), 3))
        );

        // The pickers: /book → party room → Wednesday → 13:00 → Book.
        let v = desk.emu.version();
        desk.emu.send_text(person, "/book");
        let menu = after(&desk, person, v, "booking-choose", lang).await;
        let v = desk.emu.version();
        press_starting(&desk, person, &menu, &name(lang, "party_room")).await;
        let days = after(&desk, person, v, "booking-pick-day", lang).await;
        let today = desk.clock.now().with_timezone(&tz).date_naive();
        let wed = residesk::dates::day(lang, wednesday, today);
        let v = desk.emu.version();
        press_starting(&desk, person, &days, &format!("{wed} ✅")).await;
        let slots = after(&desk, person, v, "booking-pick-slot", lang).await;
        let v = desk.emu.version();
        press_starting(&desk, person, &slots, "13:00–16:00").await;
        let check = after(&desk, person, v, "booking-check", lang).await;
        let v = desk.emu.version();
        press(&desk, person, &check, lang, "booking-button-book").await;
        let second = after(&desk, person, v, "booking-done", lang).await;
        let wed_one = at(&desk, wednesday, 13);
        assert!(
            second.body().contains(&slot(&desk, lang, wed_one, 3)),
            "{}",
            second.body()
        );
        let second_number = number_in(second.body());

        // Change it to Thursday 10:00 with the button under it.
        let v = desk.emu.version();
        press(&desk, person, &second, lang, "booking-button-change").await;
        let days = after(&desk, person, v, "booking-pick-day", lang).await;
        let thu = residesk::dates::day(lang, thursday, today);
        let v = desk.emu.version();
        press_starting(&desk, person, &days, &format!("{thu} ✅")).await;
        let slots = after(&desk, person, v, "booking-pick-slot", lang).await;
        let v = desk.emu.version();
        press_starting(&desk, person, &slots, "10:00–13:00").await;
        let check = after(&desk, person, v, "booking-check", lang).await;
        let v = desk.emu.version();
        press(&desk, person, &check, lang, "booking-button-book").await;
        let moved = after(&desk, person, v, "booking-moved", lang).await;
        let thu_ten = at(&desk, thursday, 10);
        assert!(
            moved.body().contains(&slot(&desk, lang, thu_ten, 3)),
            "{}",
            moved.body()
        );
        let rows = bookings_of(&desk, person.id).await;
        assert_eq!(rows[1].starts_at, thu_ten);

        // Cancel the first before its cutoff (Monday 16:00).
        let v = desk.emu.version();
        press(&desk, person, &done, lang, "booking-button-cancel").await;
        let ask = after(&desk, person, v, "booking-cancel-ask", lang).await;
        let v = desk.emu.version();
        press(&desk, person, &ask, lang, "booking-button-confirm-cancel").await;
        after(&desk, person, v, "booking-cancelled", lang).await;
        let rows = bookings_of(&desk, person.id).await;
        assert_eq!(rows[0].status, "cancelled");
        let db = desk.db().await;
        let t = store::tickets::by_number(db.pool(), &number)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(t.status, residesk::domain::ticket::Status::Cancelled);

        // /my shows them as appointments.
        let v = desk.emu.version();
        desk.emu.send_text(person, "/my");
        let my = after(&desk, person, v, "my-title", lang).await;
        let line = |n: &str, start: DateTime<Utc>, status: &str| {
            t_args(
                lang,
                "my-booking-line",
                &[
                    ("number", n.to_owned().into()),
                    ("name", name(lang, "party_room").into()),
                    ("slot", slot(&desk, lang, start, 3).into()),
                    (
                        "status",
                        text(lang, &format!("booking-status-{status}")).into(),
                    ),
                ],
            )
        };
        assert!(
            my.body().contains(&line(&number, tue_four, "cancelled")),
            "{}",
            my.body()
        );
        assert!(
            my.body().contains(&line(&second_number, thu_ten, "booked")),
            "{}",
            my.body()
        );

        // Wednesday noon: Thursday 10:00 is past its cutoff (Wednesday
        // 10:00); the day-before reminder came once.
        desk.clock.advance_to(at(&desk, wednesday, 12));
        let day_head = opening(lang, "booking-remind-day");
        desk.expect_message(person, &day_head).await;
        let v = desk.emu.version();
        press(&desk, person, &moved, lang, "booking-button-change").await;
        let late = after(&desk, person, v, "booking-too-late", lang).await;
        assert!(late.body().contains(&desk.settings.office.phone));
        let v = desk.emu.version();
        press(&desk, person, &moved, lang, "booking-button-cancel").await;
        after(&desk, person, v, "booking-too-late", lang).await;
        assert_eq!(bookings_of(&desk, person.id).await[1].status, "booked");

        // An hour before: the second reminder, once; each came once.
        desk.clock.advance_to(at(&desk, thursday, 9));
        let soon_head = opening(lang, "booking-remind-soon");
        desk.expect_message(person, &soon_head).await;
        desk.clock
            .advance_to(at(&desk, thursday, 9) + chrono::Duration::minutes(30));
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert_eq!(
            count(&desk, person, &day_head, &second_number),
            1,
            "{lang:?}"
        );
        assert_eq!(
            count(&desk, person, &soon_head, &second_number),
            1,
            "{lang:?}"
        );
        // The cancelled booking was never reminded.
        assert_eq!(count(&desk, person, &day_head, &number), 0, "{lang:?}");
    }
}

#[tokio::test]
async fn two_residents_after_the_last_place_one_wins_and_the_other_is_offered_the_nearest() {
    let desk = TestDesk::start().await;
    let tz = desk.settings.timezone;
    let (amy, tam) = (amy(&desk).await, tam(&desk).await);
    let monday = monday_after(desk.clock.now().with_timezone(&tz).date_naive());
    desk.clock.advance_to(at(&desk, monday, 10));
    let tuesday = monday.succ_opt().unwrap();
    let wanted = at(&desk, tuesday, 16);

    // Both are offered Tuesday 16:00, the party room's one place.
    let mut offers = Vec::new();
    for (who, lang, words) in [
        (&amy, Lang::ZhHant, "想book聽日4點嘅party room"),
        (
            &tam,
            Lang::En,
            "I want to book the party room tomorrow at 4pm",
        ),
    ] {
        let v = desk.emu.version();
        desk.emu.send_text(who, words);
        let offer = after(&desk, who, v, "booking-offer", lang).await;
        let label = format!("✅ {}", slot(&desk, lang, wanted, 3));
        let data = offer
            .button(&label)
            .unwrap_or_else(|| panic!("no {label:?} under {}", offer.body()))
            .callback_data
            .clone()
            .unwrap();
        offers.push((who, lang, offer, data));
    }
    // Both press at once.
    let v = desk.emu.version();
    let queries: Vec<String> = offers
        .iter()
        .map(|(who, _, offer, data)| desk.emu.press(who, who.id, offer.message_id, data))
        .collect();
    for q in &queries {
        desk.emu
            .wait_for_callback_answer(q, WAIT)
            .await
            .expect("answered");
    }
    // A press is answered before its booking is committed: wait for one.
    let db = desk.db().await;
    let holders = || async {
        let rows: Vec<(i64,)> = sqlx::query_as(
            "SELECT resident_id FROM bookings WHERE bookable = 'party_room' AND starts_at = ? AND status = 'booked'",
        )
        .bind(wanted)
        .fetch_all(db.pool())
        .await
        .unwrap();
        rows
    };
    let deadline = std::time::Instant::now() + WAIT;
    let first = loop {
        let rows = holders().await;
        if !rows.is_empty() || std::time::Instant::now() > deadline {
            break rows;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert_eq!(first.len(), 1, "exactly one holds the last place");
    let winner = first[0].0;
    let (loser, lang) = if winner == amy.id {
        (&tam, Lang::En)
    } else {
        (&amy, Lang::ZhHant)
    };
    let full = after(&desk, loser, v, "booking-full", lang).await;
    // The other press is over now, and did not take a second place.
    assert_eq!(holders().await, first, "exactly one holds the last place");
    let offered: Vec<String> = full.buttons().map(|b| b.text.clone()).collect();
    assert_eq!(
        offered[0],
        format!("✅ {}", slot(&desk, lang, at(&desk, tuesday, 13), 3)),
        "the nearest free slot first"
    );
    assert!(
        offered
            .iter()
            .any(|b| b.contains(&slot(&desk, lang, at(&desk, tuesday, 19), 3)))
    );
    let winner_user = if winner == amy.id { &amy } else { &tam };
    let winner_lang = if winner == amy.id {
        Lang::ZhHant
    } else {
        Lang::En
    };
    after(&desk, winner_user, v, "booking-done", winner_lang).await;
}

#[tokio::test]
async fn a_forged_booking_button_changes_nothing() {
    let desk = TestDesk::start().await;
    let tz = desk.settings.timezone;
    let (amy, tam) = (amy(&desk).await, tam(&desk).await);
    let monday = monday_after(desk.clock.now().with_timezone(&tz).date_naive());
    desk.clock.advance_to(at(&desk, monday, 10));
    let v = desk.emu.version();
    desk.emu.send_text(&amy, "想book聽日4點嘅party room");
    let offer = after(&desk, &amy, v, "booking-offer", Lang::ZhHant).await;
    let first = offer.buttons().next().unwrap().text.clone();
    let v = desk.emu.version();
    press_starting(&desk, &amy, &offer, &first).await;
    after(&desk, &amy, v, "booking-done", Lang::ZhHant).await;
    let id = bookings_of(&desk, amy.id).await[0].id;

    // Tam forges Amy's cancel, and a slot that is no slot.
    let v = desk.emu.version();
    desk.emu.send_text(&tam, "/book");
    let menu = after(&desk, &tam, v, "booking-choose", Lang::En).await;
    let v = desk.emu.version();
    press_data(&desk, &tam, &menu, &format!("bk:x!:{id}")).await;
    desk.emu
        .wait_for_message_after(
            tam.id,
            v,
            |m| m.body() == text(Lang::En, "stale-button"),
            WAIT,
        )
        .await
        .expect("a polite refusal");
    assert_eq!(bookings_of(&desk, amy.id).await[0].status, "booked");
    let odd = at(&desk, monday.succ_opt().unwrap(), 15);
    let v = desk.emu.version();
    let data = format!("bk:t:party_room:{}", odd.timestamp() / 60);
    press_data(&desk, &tam, &menu, &data).await;
    after(&desk, &tam, v, "booking-not-open", Lang::En).await;
    assert!(bookings_of(&desk, tam.id).await.is_empty());
}
