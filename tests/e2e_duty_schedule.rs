//! The on-duty schedule end to end: with shifts in the settings, the real
//! bot's scheduler puts a department's staff on duty when a shift starts and
//! off when it ends, telling each; a `/duty` in between stands until the
//! next change.

mod common;

use chrono::{DateTime, Days, NaiveTime, Utc};
use common::{TestDesk, WAIT, opening};
use residesk::domain::calendar::{Hours, Week};
use residesk::domain::lang::Lang;
use residesk::emulator::TgUser;
use residesk::store;

async fn on_duty(desk: &TestDesk, id: i64) -> bool {
    let db = desk.db().await;
    store::users::get(db.pool(), id)
        .await
        .unwrap()
        .expect("user")
        .on_duty
}

/// Tomorrow (estate time) at `time`, always ahead of the clock.
fn tomorrow_at(desk: &TestDesk, time: &str) -> DateTime<Utc> {
    let tz = desk.settings.timezone;
    let day = desk.clock.now().with_timezone(&tz).date_naive() + Days::new(1);
    let time = NaiveTime::parse_from_str(time, "%H:%M:%S").unwrap();
    day.and_time(time)
        .and_local_timezone(tz)
        .single()
        .expect("a moment")
        .to_utc()
}

/// Moves the clock and waits for the message that `key` opens with.
async fn at_and_told(desk: &TestDesk, user: &TgUser, at: DateTime<Utc>, key: &str) {
    let before = desk.emu.version();
    desk.clock.advance_to(at);
    let head = opening(Lang::ZhHant, key);
    desk.emu
        .wait_for_message_after(user.id, before, |m| m.body().starts_with(&head), WAIT)
        .await
        .unwrap_or_else(|| panic!("{} told {key}", user.first_name));
}

#[tokio::test]
async fn a_shift_puts_the_department_on_and_off_duty_and_a_duty_command_in_between_stands() {
    let desk = TestDesk::start_with(|s| {
        let shift = Hours::parse("09:00-18:00").unwrap();
        let every_day = Week {
            sat: Some(shift),
            sun: Some(shift),
            ..Week::weekdays(shift)
        };
        s.duty.shifts.insert("engineering".to_owned(), every_day);
    })
    .await;
    let chan = desk.person("staff");
    let wong = desk.person("desk");

    // Before the shift: off duty (told at start or now, by the hour the test runs).
    desk.clock.advance_to(tomorrow_at(&desk, "08:59:30"));
    let off = opening(Lang::ZhHant, "duty-shift-off");
    desk.emu
        .wait_for_message(chan.id, |m| m.body().starts_with(&off), WAIT)
        .await
        .expect("told he is off duty");
    assert!(!on_duty(&desk, chan.id).await);
    assert!(
        on_duty(&desk, wong.id).await,
        "customer service has no shifts"
    );

    at_and_told(
        &desk,
        &chan,
        tomorrow_at(&desk, "09:00:30"),
        "duty-shift-on",
    )
    .await;
    assert!(on_duty(&desk, chan.id).await);

    // Chan goes off duty himself mid-shift: the schedule leaves it.
    desk.emu.send_text(&chan, "/duty off");
    desk.expect_message(&chan, &opening(Lang::ZhHant, "duty-off"))
        .await;
    desk.clock.advance_to(tomorrow_at(&desk, "12:00:00"));
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert!(!on_duty(&desk, chan.id).await, "his /duty off stands");

    // After the shift he takes work anyway; the next morning before the shift leaves it.
    at_and_told(
        &desk,
        &chan,
        tomorrow_at(&desk, "18:00:30"),
        "duty-shift-off",
    )
    .await;
    desk.emu.send_text(&chan, "/duty on");
    desk.expect_message(&chan, &opening(Lang::ZhHant, "duty-on"))
        .await;
    assert!(on_duty(&desk, chan.id).await);
}
