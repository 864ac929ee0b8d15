//! Time limits in office hours, end to end: a normal repair reported on a
//! Sunday night is promised for Monday (not for the small hours), in each
//! language's own way, and the assignee's reminder and the supervisors'
//! escalation come on the same clock.

mod common;
mod resident;

use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use common::{TestDesk, opening};
use resident::{amy, card, number_in, on_duty, press, tam, ticket, wang};
use residesk::domain::calendar::local;
use residesk::domain::lang::Lang;
use residesk::domain::request::Urgency;

/// The first Sunday after `from` whose Monday the office works.
fn sunday_before_a_working_monday(desk: &TestDesk, from: NaiveDate) -> NaiveDate {
    let calendar = desk.settings.calendar();
    from.iter_days()
        .skip(1)
        .find(|d| d.weekday() == Weekday::Sun && calendar.is_working_day(d.succ_opt().unwrap()))
        .unwrap()
}

fn at(desk: &TestDesk, date: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    local(
        desk.settings.timezone,
        date,
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap(),
    )
}

#[tokio::test]
async fn a_repair_on_sunday_night_is_promised_for_monday_and_reminded_on_that_clock() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let lee = desk.person("supervisor");
    on_duty(&desk, &chan, Lang::ZhHant).await;
    let people = [
        (amy(&desk).await, Lang::ZhHant, "廚房水喉漏水"),
        (tam(&desk).await, Lang::En, "My kitchen tap is leaking"),
        (wang(&desk).await, Lang::ZhHans, "厨房水管漏水"),
    ];
    let tz = desk.settings.timezone;
    let mut from = desk.clock.now().with_timezone(&tz).date_naive();
    for (i, (person, lang, words)) in people.iter().enumerate() {
        let sunday = sunday_before_a_working_monday(&desk, from);
        let monday = sunday.succ_opt().unwrap();
        from = monday;
        desk.clock.advance_to(at(&desk, sunday, 21, 42));

        desk.emu.send_text(person, words);
        let shown = card(&desk, person, *lang).await;
        press(&desk, person, &shown, *lang, "button-draft-confirm").await;
        let ack = desk
            .expect_message(person, &opening(*lang, "draft-confirmed"))
            .await;
        let number = number_in(ack.body());
        let filed = ticket(&desk, &number).await;
        assert_eq!(filed.urgency, Urgency::Normal, "{lang:?}");
        // Four office hours from Sunday 21:42: Monday 09:00 + 4h.
        let due = at(&desk, monday, 13, 0);
        assert_eq!(filed.respond_by, due, "{lang:?}");
        let promised = residesk::dates::moment(*lang, tz, due, desk.clock.now());
        assert!(
            ack.body().contains(&promised),
            "{lang:?}: {promised:?} not in {}",
            ack.body()
        );
        let weekday = residesk::texts::t(*lang, "weekday-1");
        assert!(ack.body().contains(&weekday), "{}", ack.body());
        if i > 0 {
            continue;
        }

        // Nothing overnight: the reminder is 30 office minutes before Monday 13:00.
        let reminder = opening(Lang::ZhHant, "reminder-respond");
        desk.clock.advance_to(at(&desk, monday, 12, 29));
        tokio::time::sleep(Duration::from_millis(800)).await;
        let early = desk
            .emu
            .bot_messages(chan.id)
            .iter()
            .any(|m| m.body().starts_with(&reminder) && m.body().contains(&number));
        assert!(!early, "reminded before Monday 12:30");
        desk.clock.advance_to(at(&desk, monday, 12, 30));
        let reminded = desk.expect_message(&chan, &reminder).await;
        assert!(reminded.body().contains(&number), "{}", reminded.body());

        let told_early = desk
            .emu
            .bot_messages(lee.id)
            .iter()
            .any(|m| m.body().contains(&number) && m.body().starts_with('⏰'));
        assert!(!told_early, "escalated before Monday 13:00");
        desk.clock.advance_to(at(&desk, monday, 13, 0));
        let alert = desk
            .emu
            .wait_for_message(
                lee.id,
                |m| m.body().contains(&number) && m.body().starts_with('⏰'),
                common::WAIT,
            )
            .await
            .expect("the supervisor is told at Monday 13:00");
        assert!(alert.body().contains(&number));
    }
}
