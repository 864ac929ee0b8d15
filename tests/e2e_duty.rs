//! Duty and language from the command line of a chat: `/duty on|off` sets
//! the state (and `/duty` shows it with a button), supervisors see the
//! roster per department, and `/lang en|zh-Hant|zh-Hans` sets the language
//! at once while anything else shows the picker with a note.

mod common;
mod staff_rig;

use common::{TestDesk, opening, text};
use residesk::domain::lang::Lang;
use residesk::store;
use residesk::texts::t_args;
use staff_rig::*;

async fn on_duty(desk: &TestDesk, id: i64) -> bool {
    let db = desk.db().await;
    store::users::get(db.pool(), id)
        .await
        .unwrap()
        .expect("user")
        .on_duty
}

#[tokio::test]
async fn duty_on_and_off_set_the_state_and_bare_duty_shows_it_with_a_button() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let zh = Lang::ZhHant;
    assert!(on_duty(&desk, chan.id).await, "staff start on duty");

    // `/duty on` when already on stays on (it used to toggle off).
    desk.emu.send_text(&chan, "/duty on");
    desk.expect_message(&chan, &opening(zh, "duty-on")).await;
    assert!(on_duty(&desk, chan.id).await);
    desk.emu.send_text(&chan, "/duty off");
    desk.expect_message(&chan, &opening(zh, "duty-off")).await;
    assert!(!on_duty(&desk, chan.id).await);
    desk.emu.send_text(&chan, "/duty off");
    let again = desk.next_message(&chan).await;
    assert!(
        again.body().starts_with(&opening(zh, "duty-off")),
        "{}",
        again.body()
    );
    assert!(!on_duty(&desk, chan.id).await);

    // `/duty` alone: the state and the button that changes it.
    desk.emu.send_text(&chan, "/duty");
    let state = desk
        .emu
        .wait_for_message(
            chan.id,
            |m| m.button(&text(zh, "button-duty-on")).is_some(),
            common::WAIT,
        )
        .await
        .expect("the state with its button");
    assert!(
        state.button(&text(zh, "button-duty-on")).is_some(),
        "{:?}",
        labels(&state)
    );
    press(
        &desk,
        &chan,
        &state,
        &data(&state, &text(zh, "button-duty-on")),
    )
    .await;
    let done = edited(&desk, &state).await;
    assert!(
        done.body().starts_with(&opening(zh, "duty-on")),
        "{}",
        done.body()
    );
    assert!(on_duty(&desk, chan.id).await);

    // Something else: a note, the state and the button; nothing changes.
    desk.emu.send_text(&chan, "/duty maybe");
    let note = t_args(zh, "duty-usage", &[("given", "maybe".into())]);
    let shown = desk.expect_message(&chan, &note).await;
    assert!(shown.button(&text(zh, "button-duty-off")).is_some());
    assert!(on_duty(&desk, chan.id).await);

    // A resident cannot press a duty button.
    let amy = bind_amy(&desk).await;
    let refused = press(&desk, &amy, &shown, "duty:off").await;
    assert_eq!(refused.text, Some(text(zh, "not-allowed")));
    assert!(on_duty(&desk, chan.id).await);
}

#[tokio::test]
async fn a_supervisor_sees_who_is_on_duty_department_by_department() {
    let desk = TestDesk::start().await;
    let lee = desk.person("supervisor");
    let wong = desk.person("desk");
    let en = Lang::En;
    desk.emu.send_text(&wong, "/duty off");
    desk.expect_message(&wong, &opening(Lang::ZhHant, "duty-off"))
        .await;
    let t = open_ticket(
        &desk,
        "lift stuck on 3/F",
        residesk::domain::request::Category::Lift,
        residesk::domain::request::Urgency::Normal,
        None,
        Vec::new(),
    )
    .await;
    let _ = t;

    desk.emu.send_text(&lee, "/duty");
    let roster = desk.expect_message(&lee, &text(en, "roster-title")).await;
    let body = roster.body();
    let line = |dept: &str| {
        let head = format!("{}:", text(en, &format!("dept-{dept}")));
        body.lines()
            .find(|l| l.starts_with(&head))
            .unwrap_or_else(|| panic!("no {dept} line in {body}"))
            .to_owned()
    };
    assert!(line("engineering").contains("🟢 Chan"), "{body}");
    assert!(line("engineering").contains("(1)"), "{body}");
    assert!(line("customer_service").contains("⚪ Wong"), "{body}");
    assert!(
        line("customer_service").contains(&text(en, "roster-none-on-duty")),
        "{body}"
    );
    assert!(
        line("security").contains(&text(en, "roster-nobody")),
        "{body}"
    );
}

#[tokio::test]
async fn lang_with_a_language_sets_it_and_anything_else_shows_the_picker_with_a_note() {
    let desk = TestDesk::start().await;
    let chan = desk.person("staff");
    let amy = bind_amy(&desk).await;

    desk.emu.send_text(&chan, "/lang en");
    desk.expect_message(&chan, &opening(Lang::En, "lang-set"))
        .await;
    let db = desk.db().await;
    let lang = |id| {
        let db = db.clone();
        async move {
            store::users::get(db.pool(), id)
                .await
                .unwrap()
                .unwrap()
                .lang
        }
    };
    assert_eq!(lang(chan.id).await.as_deref(), Some("en"));
    // The command menu follows.
    common::eventually(|| {
        desk.emu
            .commands_for_chat(chan.id)
            .filter(|c| c.iter().any(|(_, d)| d == &text(Lang::En, "cmd-tasks")))
    })
    .await;

    desk.emu.send_text(&chan, "/lang zh-hans");
    desk.expect_message(&chan, &opening(Lang::ZhHans, "lang-set"))
        .await;
    assert_eq!(lang(chan.id).await.as_deref(), Some("zh-Hans"));

    // Anything else: the picker, with a note, in the current language.
    desk.emu.send_text(&amy, "/lang français");
    let note = t_args(
        Lang::ZhHant,
        "lang-unknown",
        &[("given", "français".into())],
    );
    let picker = desk.expect_message(&amy, &note).await;
    assert_eq!(picker.buttons().count(), 3);
    assert_eq!(lang(amy.id).await.as_deref(), Some("zh-Hant"));
    press(&desk, &amy, &picker, &data(&picker, "English")).await;
    let set = edited(&desk, &picker).await;
    assert!(set.body().starts_with(&opening(Lang::En, "lang-set")));
    assert_eq!(lang(amy.id).await.as_deref(), Some("en"));

    // `/lang` alone: the picker without a note.
    desk.emu.send_text(&amy, "/lang");
    let plain = desk
        .expect_message(&amy, &text(Lang::En, "lang-choose"))
        .await;
    assert_eq!(plain.body(), text(Lang::En, "lang-choose"));
}
