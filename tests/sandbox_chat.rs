//! The sandbox terminal chat, driven by scripted input against a small fake
//! bot (teloxide's dispatcher polling the emulator).

use std::time::Duration;

use residesk::emulator::{Emulator, TgUser};
use residesk::sandbox::chat::{ChatOptions, Identity, Input, parse_input, run_chat_with};
use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::{
    ButtonRequest, InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, KeyboardMarkup,
    KeyboardRemove,
};

const STAFF_CHAT: i64 = 2001;

/// A fake bot: a phone onboarding with a reply keyboard, a booking with
/// inline buttons that notifies staff, photos, edits and an echo.
async fn start_fake_bot(emu: &Emulator) -> tokio::task::JoinHandle<()> {
    let bot = Bot::new(emu.token()).set_api_url(emu.api_url());
    let handler = dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(
            Update::filter_edited_message().endpoint(|bot: Bot, msg: Message| async move {
                let text = format!("You edited to: {}", msg.text().unwrap_or_default());
                bot.send_message(msg.chat.id, text).await?;
                respond(())
            }),
        )
        .branch(Update::filter_callback_query().endpoint(on_press));
    let mut dispatcher = Dispatcher::builder(bot, handler).build();
    let task = tokio::spawn(async move { dispatcher.dispatch().await });
    emu.wait_for_requests("getUpdates", 1, Duration::from_secs(5))
        .await;
    task
}

async fn on_message(bot: Bot, msg: Message) -> ResponseResult<()> {
    let chat = msg.chat.id;
    if let Some(contact) = msg.contact() {
        let name = msg
            .from
            .as_ref()
            .map(|u| u.first_name.clone())
            .unwrap_or_default();
        bot.send_message(chat, format!("Thanks, {name}: {}", contact.phone_number))
            .reply_markup(KeyboardRemove::new())
            .await?;
        let buttons = InlineKeyboardMarkup::new([[
            InlineKeyboardButton::callback("Confirm", "ok"),
            InlineKeyboardButton::callback("Cancel", "no"),
        ]]);
        bot.send_message(chat, "Book the lift?\nTomorrow 10:00")
            .reply_markup(buttons)
            .await?;
        return respond(());
    }
    if let Some(sizes) = msg.photo() {
        let largest = sizes.last().map(|p| p.file.id.clone()).unwrap_or_default();
        let file = bot.get_file(largest).await?;
        let mut bytes = Vec::new();
        if bot.download_file(&file.path, &mut bytes).await.is_ok() {
            let caption = msg.caption().unwrap_or_default();
            let text = format!(
                "Photo received ({caption}, png: {})",
                bytes.starts_with(b"\x89PNG")
            );
            bot.send_message(chat, text).await?;
        }
        return respond(());
    }
    match msg.text() {
        Some("/start") => {
            let keyboard = KeyboardMarkup::new([[
                KeyboardButton::new("Share my phone").request(ButtonRequest::Contact)
            ]])
            .one_time_keyboard();
            bot.send_message(chat, "Welcome! Please share your phone.")
                .reply_markup(keyboard)
                .await?;
        }
        Some(text) => {
            bot.send_message(chat, format!("echo: {text}")).await?;
        }
        None => {}
    }
    respond(())
}

async fn on_press(bot: Bot, q: CallbackQuery) -> ResponseResult<()> {
    let Some(message) = q.regular_message().cloned() else {
        return respond(());
    };
    match q.data.as_deref() {
        Some("ok") => {
            bot.answer_callback_query(q.id).text("Booked").await?;
            bot.edit_message_text(message.chat.id, message.id, "Lift booked")
                .await?;
            bot.send_message(
                ChatId(STAFF_CHAT),
                format!("New booking from {}", q.from.first_name),
            )
            .await?;
        }
        _ => {
            bot.answer_callback_query(q.id)
                .text("Cancelled")
                .show_alert(true)
                .await?;
        }
    }
    respond(())
}

fn identities(emu: &Emulator) -> Vec<Identity> {
    let resident = emu.user(1001, "Amy", Some("en"));
    let staff = emu.user(STAFF_CHAT, "Chan", Some("en"));
    vec![
        Identity {
            key: "resident".into(),
            user: resident,
            phone: Some("+852 9123 4567".into()),
        },
        Identity {
            key: "staff".into(),
            user: staff,
            phone: None,
        },
    ]
}

fn options() -> ChatOptions {
    ChatOptions {
        echo_input: true,
        prompt: false,
        first_reply: Duration::from_secs(3),
        quiet: Duration::from_millis(300),
        max_wait: Duration::from_secs(5),
    }
}

async fn transcript(emu: &Emulator, script: &str) -> String {
    let mut out = Vec::new();
    run_chat_with(emu, identities(emu), script.as_bytes(), &mut out, options())
        .await
        .expect("chat runs");
    String::from_utf8(out).expect("utf-8")
}

/// Asserts that `lines` appear in `transcript`, in this order.
fn assert_in_order(transcript: &str, lines: &[&str]) {
    let mut rest = transcript;
    for line in lines {
        match rest.find(line) {
            Some(at) => rest = &rest[at + line.len()..],
            None => panic!("missing (in order) {line:?} in transcript:\n{transcript}"),
        }
    }
}

#[tokio::test]
async fn a_piped_script_shows_the_whole_conversation_in_order() {
    let emu = Emulator::start().await.expect("emulator");
    let bot = start_fake_bot(&emu).await;
    let script = "/start\n1\n1\n/as staff\n/as resident\n/photo leak\nhello\n/edit hello again\n9\n/quit\nnever sent\n";
    let out = transcript(&emu, script).await;
    bot.abort();
    assert_in_order(
        &out,
        &[
            "residesk sandbox",
            "/as <who>        switch identity (resident, staff)",
            "(you are now resident: Amy, chat 1001)",
            "resident> /start",
            "bot › Welcome! Please share your phone.",
            "      keyboard: [1] Share my phone (shares your phone)",
            "resident> 1",
            "bot › Thanks, Amy: +852 9123 4567",
            "      (keyboard removed)",
            "bot › Book the lift?\n      Tomorrow 10:00",
            "      [1] Confirm  [2] Cancel",
            "resident> 1",
            "bot (toast) › Booked",
            "bot (edited) › Lift booked",
            "      (1 new message(s) for staff — /as staff)",
            "resident> /as staff",
            "(you are now staff: Chan, chat 2001)",
            "bot › New booking from Amy",
            "staff> /as resident",
            "resident> /photo leak",
            "bot › Photo received (leak, png: true)",
            "resident> hello",
            "bot › echo: hello",
            "resident> /edit hello again",
            "bot › You edited to: hello again",
            "resident> 9",
            "(no button 9 is shown; send it as text with /say 9)",
            "resident> /quit",
            "(sandbox chat closed)",
        ],
    );
    assert!(
        !out.contains("never sent"),
        "input after /quit is not read:\n{out}"
    );
    let staff_lines = out.matches("New booking from Amy").count();
    assert_eq!(
        staff_lines, 1,
        "the staff message is shown once, on switching:\n{out}"
    );
}

#[tokio::test]
async fn end_of_input_closes_the_chat_and_unknown_identities_are_listed() {
    let emu = Emulator::start().await.expect("emulator");
    let bot = start_fake_bot(&emu).await;
    let out = transcript(&emu, "/as nobody\n/contact\n/as staff\n/contact\n2\nping").await;
    bot.abort();
    assert_in_order(
        &out,
        &[
            "(no identity \"nobody\"; choose one of: resident, staff)",
            "resident> /contact",
            "bot › Thanks, Amy: +852 9123 4567",
            "[1] Confirm  [2] Cancel",
            "staff> /contact",
            "(this identity has no phone number)",
            "staff> 2",
            "(no button 2 is shown; send it as text with /say 2)",
            "staff> ping",
            "bot › echo: ping",
            "(sandbox chat closed)",
        ],
    );
}

#[tokio::test]
async fn a_cancel_press_shows_the_alert_for_the_identity_that_pressed() {
    let emu = Emulator::start().await.expect("emulator");
    let bot = start_fake_bot(&emu).await;
    let out = transcript(&emu, "/contact\n2\n").await;
    bot.abort();
    assert_in_order(&out, &["resident> 2", "bot (alert) › Cancelled"]);
    let resident: TgUser = emu.user(1001, "Amy", Some("en"));
    let shared = emu.requests_for("answerCallbackQuery");
    assert_eq!(shared.len(), 1, "one press, one answer");
    assert_eq!(emu.bot_messages(resident.id).len(), 2);
}

#[test]
fn a_number_presses_a_button_and_slash_say_sends_it_as_text() {
    assert_eq!(parse_input("2"), Input::Press(2));
    assert_eq!(parse_input("/say 2"), Input::Say("2".into()));
    assert_eq!(parse_input("0"), Input::Say("0".into()));
}

#[test]
fn sandbox_commands_are_recognised_and_bot_commands_pass_through() {
    assert_eq!(parse_input("/as staff"), Input::As(Some("staff".into())));
    assert_eq!(parse_input("/as"), Input::As(None));
    assert_eq!(
        parse_input("/photo leak in 15B"),
        Input::Photo(Some("leak in 15B".into()))
    );
    assert_eq!(parse_input("/photo"), Input::Photo(None));
    assert_eq!(
        parse_input("/edit Flat 16A"),
        Input::Edit("Flat 16A".into())
    );
    assert_eq!(parse_input("/contact"), Input::Contact);
    assert_eq!(parse_input("/quit"), Input::Quit);
    assert_eq!(parse_input("/start abc"), Input::Say("/start abc".into()));
    assert_eq!(parse_input("  "), Input::Empty);
}
