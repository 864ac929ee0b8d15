//! The emulator driven by the real teloxide client over HTTP.

use std::time::{Duration, Instant};

use residesk::emulator::{Emulator, Fault};
use serde_json::json;
use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, BotCommandScope, ButtonRequest, InlineKeyboardButton, InlineKeyboardMarkup,
    InputFile, InputMedia, InputMediaPhoto, KeyboardButton, KeyboardMarkup, KeyboardRemove,
    ParseMode, Recipient, UpdateKind,
};
use teloxide::{ApiError, RequestError};

const WAIT: Duration = Duration::from_secs(5);

async fn setup() -> (Emulator, Bot) {
    let emu = Emulator::start().await.expect("emulator starts");
    let bot = Bot::new("TEST:TOKEN").set_api_url(emu.api_url());
    (emu, bot)
}

fn confirm_cancel() -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new([[
        InlineKeyboardButton::callback("Confirm", "t:1:ok"),
        InlineKeyboardButton::callback("Cancel", "t:1:no"),
    ]])
}

/// A 1×1 PNG.
fn png() -> Vec<u8> {
    vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0D, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9C, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0D, 0x0A, 0x2D, 0xB4, 0, 0, 0, 0,
        0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}

#[tokio::test]
async fn get_me_returns_a_bot_with_a_username_and_records_the_token() {
    let (emu, bot) = setup().await;
    let me = bot.get_me().await.expect("getMe");
    assert!(me.user.is_bot);
    assert_eq!(me.username(), emu.bot_username());
    let recorded = emu.requests_for("getMe");
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].token, "TEST:TOKEN");
    assert_eq!(recorded[0].status, Some(200));
}

#[tokio::test]
async fn a_message_with_an_inline_keyboard_round_trips_and_is_observable() {
    let (emu, bot) = setup().await;
    let alice = emu.user(1001, "Alice", Some("en"));
    let sent = bot
        .send_message(ChatId(alice.id), "<b>Ticket #1</b> booked")
        .parse_mode(ParseMode::Html)
        .reply_markup(confirm_cancel())
        .await
        .expect("sendMessage");
    assert_eq!(sent.text(), Some("Ticket #1 booked"));
    assert_eq!(sent.from.as_ref().map(|u| u.is_bot), Some(true));
    let markup = sent.reply_markup().expect("inline keyboard in the answer");
    assert_eq!(markup.inline_keyboard[0].len(), 2);

    let seen = emu.bot_messages(alice.id);
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].message_id, sent.id.0);
    assert_eq!(seen[0].text.as_deref(), Some("Ticket #1 booked"));
    assert_eq!(seen[0].raw_text.as_deref(), Some("<b>Ticket #1</b> booked"));
    let confirm = seen[0].button("Confirm").expect("Confirm button");
    assert_eq!(confirm.callback_data.as_deref(), Some("t:1:ok"));

    let second = bot
        .send_message(ChatId(alice.id), "again")
        .await
        .expect("send");
    assert_eq!(second.id.0, sent.id.0 + 1, "message ids increase per chat");

    // An edit without reply_markup drops the keyboard, as Telegram does.
    bot.edit_message_text(ChatId(alice.id), sent.id, "Ticket #1 confirmed")
        .await
        .expect("edit");
    let edited = emu.bot_message(alice.id, sent.id.0).expect("still there");
    assert_eq!(edited.edited, 1);
    assert!(edited.inline_keyboard.is_empty());
    let again = bot
        .edit_message_text(ChatId(alice.id), sent.id, "Ticket #1 confirmed")
        .await;
    assert!(matches!(
        again,
        Err(RequestError::Api(ApiError::MessageNotModified))
    ));

    bot.delete_message(ChatId(alice.id), second.id)
        .await
        .expect("delete");
    assert!(
        emu.bot_message(alice.id, second.id.0)
            .expect("kept")
            .deleted
    );
    let twice = bot.delete_message(ChatId(alice.id), second.id).await;
    assert!(matches!(
        twice,
        Err(RequestError::Api(ApiError::MessageToDeleteNotFound))
    ));
}

#[tokio::test]
async fn malformed_html_and_unknown_chats_are_refused_like_telegram_does() {
    let (emu, bot) = setup().await;
    let alice = emu.user(1001, "Alice", None);
    let bad = bot
        .send_message(ChatId(alice.id), "rent < 5000 <b>now</b>")
        .parse_mode(ParseMode::Html)
        .await;
    assert!(
        matches!(bad, Err(RequestError::Api(ApiError::CantParseEntities(_)))),
        "{bad:?}"
    );
    let nobody = bot.send_message(ChatId(777), "hello").await;
    assert!(
        matches!(nobody, Err(RequestError::Api(ApiError::ChatNotFound))),
        "{nobody:?}"
    );
    assert!(emu.bot_messages(alice.id).is_empty());
}

#[tokio::test]
async fn scripted_input_arrives_through_get_updates_and_confirmed_updates_are_not_resent() {
    let (emu, bot) = setup().await;
    let bob = emu.user(2002, "Bob", Some("zh-hant"));
    let menu = bot
        .send_message(ChatId(bob.id), "Pick one")
        .reply_markup(confirm_cancel())
        .await
        .expect("send");
    let text_id = emu.send_text(&bob, "/start unit15B");
    emu.send_contact(&bob, "+85291234567", Some(bob.id));
    let photo_id = emu.send_photo(&bob, png(), Some("leak under sink"));
    emu.send_document(&bob, "lease.pdf", "application/pdf", b"%PDF".to_vec(), None);
    emu.edit_text(&bob, text_id, "/start unit16A");
    let query = emu.press(&bob, bob.id, menu.id.0, "t:1:ok");
    assert_eq!(emu.pending_updates(), 6);

    let updates = bot.get_updates().await.expect("getUpdates");
    assert_eq!(updates.len(), 6);
    let UpdateKind::Message(text) = &updates[0].kind else {
        panic!("{:?}", updates[0])
    };
    assert_eq!(text.id.0, text_id);
    assert_eq!(text.text(), Some("/start unit15B"));
    assert_eq!(
        text.from.as_ref().and_then(|u| u.language_code.as_deref()),
        Some("zh-hant")
    );
    let entity = &text.entities().expect("entities")[0];
    assert_eq!((entity.offset, entity.length), (0, 6));
    let UpdateKind::Message(contact) = &updates[1].kind else {
        panic!()
    };
    let contact = contact.contact().expect("contact");
    assert_eq!(
        (contact.phone_number.as_str(), contact.user_id.map(|u| u.0)),
        ("+85291234567", Some(2002))
    );
    let UpdateKind::Message(photo) = &updates[2].kind else {
        panic!()
    };
    assert_eq!(photo.id.0, photo_id);
    assert_eq!(photo.caption(), Some("leak under sink"));
    assert_eq!(photo.photo().expect("sizes")[0].width, 1);
    let UpdateKind::Message(doc) = &updates[3].kind else {
        panic!()
    };
    assert_eq!(
        doc.document().and_then(|d| d.file_name.as_deref()),
        Some("lease.pdf")
    );
    let UpdateKind::EditedMessage(edited) = &updates[4].kind else {
        panic!()
    };
    assert_eq!(
        (edited.id.0, edited.text()),
        (text_id, Some("/start unit16A"))
    );
    let UpdateKind::CallbackQuery(q) = &updates[5].kind else {
        panic!()
    };
    assert_eq!(
        (q.id.0.as_str(), q.data.as_deref()),
        (query.as_str(), Some("t:1:ok"))
    );
    let pressed_on = q.regular_message().expect("the bot's message as it stands");
    assert_eq!(pressed_on.id, menu.id);

    // Unconfirmed updates come again; an offset confirms them.
    assert_eq!(bot.get_updates().await.expect("again").len(), 6);
    let next = i32::try_from(updates[5].id.0).expect("small id") + 1;
    let rest = bot.get_updates().offset(next).await.expect("confirmed");
    assert!(rest.is_empty());
    assert_eq!(emu.pending_updates(), 0);
    let limited = {
        emu.send_text(&bob, "one");
        emu.send_text(&bob, "two");
        bot.get_updates()
            .offset(next)
            .limit(1)
            .await
            .expect("limit")
    };
    assert_eq!(limited.len(), 1);
}

#[tokio::test]
async fn long_polling_holds_the_request_until_an_update_or_the_timeout() {
    let (emu, bot) = setup().await;
    let carol = emu.user(3003, "Carol", None);

    let started = Instant::now();
    let empty = bot.get_updates().timeout(1).await.expect("poll");
    assert!(empty.is_empty());
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );

    let poller = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().timeout(10).await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!poller.is_finished(), "the poll waits for an update");
    let started = Instant::now();
    emu.send_text(&carol, "hello");
    let got = poller.await.expect("join").expect("poll");
    assert_eq!(got.len(), 1);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn a_newer_poll_ends_an_older_one_with_a_conflict() {
    let (_emu, bot) = setup().await;
    let first = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().timeout(5).await }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    let second = tokio::spawn({
        let bot = bot.clone();
        async move { bot.get_updates().timeout(1).await }
    });
    let first = first.await.expect("join");
    assert!(
        matches!(
            first,
            Err(RequestError::Api(ApiError::TerminatedByOtherGetUpdates))
        ),
        "{first:?}"
    );
    assert!(second.await.expect("join").is_ok());
}

#[tokio::test]
async fn files_are_served_by_get_file_and_uploads_can_be_resent_by_file_id() {
    let (emu, bot) = setup().await;
    let dan = emu.user(4004, "Dan", None);
    let message_id = emu.send_photo(&dan, png(), None);
    let file_id = emu.user_file_id(dan.id, message_id).expect("photo file id");
    let file = bot.get_file(file_id.into()).await.expect("getFile");
    assert!(
        file.path.contains('/'),
        "paths look like Telegram's: {}",
        file.path
    );
    let mut bytes = Vec::new();
    bot.download_file(&file.path, &mut bytes)
        .await
        .expect("download");
    assert_eq!(bytes, png());

    // The bot uploads a photo (multipart) and resends it by its file id.
    let sent = bot
        .send_photo(
            ChatId(dan.id),
            InputFile::memory(png()).file_name("plan.png"),
        )
        .caption("Floor plan")
        .reply_markup(confirm_cancel())
        .await
        .expect("sendPhoto");
    let upload = emu.requests_for("sendPhoto").remove(0);
    assert_eq!(upload.uploads.len(), 1);
    assert_eq!(upload.chat_id(), Some(dan.id));
    let seen = emu.bot_message(dan.id, sent.id.0).expect("photo message");
    assert_eq!(seen.caption.as_deref(), Some("Floor plan"));
    assert_eq!(seen.inline_keyboard.len(), 1);
    let photo_id = seen.photo.expect("photo id");
    assert_eq!(emu.file(&photo_id).expect("stored").bytes, png());
    let again = bot
        .send_photo(ChatId(dan.id), InputFile::file_id(photo_id.clone().into()))
        .await
        .expect("resend by id");
    assert_eq!(
        again
            .photo()
            .expect("photo")
            .last()
            .map(|p| p.file.id.0.clone()),
        Some(photo_id)
    );
    let wrong = bot
        .send_photo(ChatId(dan.id), InputFile::file_id("nope".into()))
        .await;
    assert!(
        matches!(wrong, Err(RequestError::Api(ApiError::WrongFileIdOrUrl))),
        "{wrong:?}"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.csv");
    std::fs::write(&path, "unit,issue\n15B,leak\n").expect("write");
    let doc = bot
        .send_document(ChatId(dan.id), InputFile::file(&path))
        .await
        .expect("doc");
    assert_eq!(
        doc.document().and_then(|d| d.file_name.as_deref()),
        Some("report.csv")
    );
    let album = bot
        .send_media_group(
            ChatId(dan.id),
            [
                InputMedia::Photo(InputMediaPhoto::new(InputFile::memory(png())).caption("a")),
                InputMedia::Photo(InputMediaPhoto::new(InputFile::memory(png()))),
            ],
        )
        .await
        .expect("album");
    assert_eq!(album.len(), 2);
    assert!(album[0].media_group_id().is_some());
}

#[tokio::test]
async fn reply_keyboards_with_a_contact_button_are_shown_until_removed() {
    let (emu, bot) = setup().await;
    let erin = emu.user(5005, "Erin", None);
    let keyboard = KeyboardMarkup::new([[
        KeyboardButton::new("Share my phone").request(ButtonRequest::Contact)
    ]])
    .one_time_keyboard();
    bot.send_message(ChatId(erin.id), "Please share your phone")
        .reply_markup(keyboard)
        .await
        .expect("send");
    let shown = emu.reply_keyboard(erin.id).expect("keyboard shown");
    assert!(shown.rows[0][0].request_contact);
    assert!(shown.one_time);
    bot.send_message(ChatId(erin.id), "Thanks")
        .reply_markup(KeyboardRemove::new())
        .await
        .expect("send");
    assert!(emu.reply_keyboard(erin.id).is_none());
    assert!(
        emu.last_bot_message(erin.id)
            .expect("sent")
            .removes_keyboard
    );
}

#[tokio::test]
async fn commands_with_a_chat_scope_are_kept_per_chat() {
    let (emu, bot) = setup().await;
    let staff = emu.user(6006, "Sam", None);
    let scope = BotCommandScope::Chat {
        chat_id: Recipient::Id(ChatId(staff.id)),
    };
    bot.set_my_commands([BotCommand::new("queue", "Open tickets")])
        .scope(scope.clone())
        .await
        .expect("setMyCommands");
    bot.set_my_commands([BotCommand::new("start", "Start")])
        .await
        .expect("default");
    assert_eq!(
        emu.commands_for_chat(staff.id),
        Some(vec![("queue".to_owned(), "Open tickets".to_owned())])
    );
    assert_eq!(emu.default_commands().map(|c| c.len()), Some(1));
    let listed = bot
        .get_my_commands()
        .scope(scope.clone())
        .await
        .expect("get");
    assert_eq!(listed[0].command, "queue");
    bot.delete_my_commands().scope(scope).await.expect("delete");
    assert!(emu.commands_for_chat(staff.id).is_none());
    assert!(emu.commands_for_chat(9999).is_none());
}

#[tokio::test]
async fn an_injected_retry_after_becomes_teloxides_retry_after() {
    let (emu, bot) = setup().await;
    let alice = emu.user(1001, "Alice", None);
    emu.inject(Fault::RetryAfter(2), Some("sendMessage"), 1);
    let err = bot
        .send_message(ChatId(alice.id), "hi")
        .await
        .expect_err("flood");
    assert!(
        matches!(err, RequestError::RetryAfter(s) if s.duration() == Duration::from_secs(2)),
        "{err:?}"
    );
    assert!(
        emu.bot_messages(alice.id).is_empty(),
        "a refused send leaves no message"
    );
    bot.send_message(ChatId(alice.id), "hi")
        .await
        .expect("only once");
    let statuses: Vec<_> = emu
        .requests_for("sendMessage")
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [Some(429), Some(200)]);
}

#[tokio::test]
async fn a_blocked_chat_answers_bot_blocked_and_other_chats_still_work() {
    let (emu, bot) = setup().await;
    let alice = emu.user(1001, "Alice", None);
    let bob = emu.user(2002, "Bob", None);
    emu.block_chat(alice.id);
    let err = bot
        .send_message(ChatId(alice.id), "hi")
        .await
        .expect_err("blocked");
    assert!(
        matches!(err, RequestError::Api(ApiError::BotBlocked)),
        "{err:?}"
    );
    bot.send_message(ChatId(bob.id), "hi")
        .await
        .expect("bob is fine");
    emu.unblock_chat(alice.id);
    bot.send_message(ChatId(alice.id), "hi")
        .await
        .expect("unblocked");
}

#[tokio::test]
async fn a_server_error_becomes_an_api_error_after_teloxides_own_delay() {
    let (emu, bot) = setup().await;
    let alice = emu.user(1001, "Alice", None);
    emu.inject(Fault::ServerError(500), None, 1);
    let err = bot
        .send_message(ChatId(alice.id), "hi")
        .await
        .expect_err("500");
    assert!(
        matches!(&err, RequestError::Api(ApiError::Unknown(d)) if d == "Internal Server Error"),
        "{err:?}"
    );
    assert_eq!(emu.requests_for("sendMessage")[0].status, Some(500));
}

#[tokio::test]
async fn a_slow_answer_is_delayed_and_a_lost_one_times_the_client_out() {
    let (emu, bot) = setup().await;
    let alice = emu.user(1001, "Alice", None);
    emu.inject(
        Fault::Slow(Duration::from_millis(800)),
        Some("sendMessage"),
        1,
    );
    let started = Instant::now();
    bot.send_message(ChatId(alice.id), "slow")
        .await
        .expect("answered late");
    assert!(started.elapsed() >= Duration::from_millis(800));

    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(500))
        .build()
        .expect("client");
    let impatient = Bot::with_client("TEST:TOKEN", client).set_api_url(emu.api_url());
    emu.inject(Fault::Timeout, Some("sendMessage"), 1);
    let err = impatient
        .send_message(ChatId(alice.id), "lost")
        .await
        .expect_err("timeout");
    assert!(matches!(err, RequestError::Network(_)), "{err:?}");
    assert_eq!(
        emu.bot_messages(alice.id).len(),
        1,
        "the lost request had no effect"
    );
    assert_eq!(emu.requests_for("sendMessage")[1].status, None);
}

#[tokio::test]
async fn unknown_methods_are_recorded_and_answered_not_found() {
    let (emu, _bot) = setup().await;
    let url = emu.api_url().join("./botTEST:TOKEN/sendDice").expect("url");
    let response = reqwest::Client::new()
        .post(url)
        .json(&json!({ "chat_id": 1 }))
        .send()
        .await
        .expect("answer");
    assert_eq!(response.status().as_u16(), 404);
    let body: serde_json::Value = response.json().await.expect("json");
    assert_eq!(
        body,
        json!({ "ok": false, "error_code": 404, "description": "Not Found" })
    );
    assert_eq!(emu.unknown_requests()[0].method, "sendDice");
}

#[tokio::test]
async fn teloxides_dispatcher_receives_messages_by_polling_and_replies() {
    let (emu, bot) = setup().await;
    let alice = emu.user(1001, "Alice", Some("en"));
    let handler = dptree::entry()
        .branch(
            Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
                let text = format!("echo: {}", msg.text().unwrap_or_default());
                bot.send_message(msg.chat.id, text)
                    .reply_markup(confirm_cancel())
                    .await?;
                respond(())
            }),
        )
        .branch(Update::filter_callback_query().endpoint(
            |bot: Bot, q: CallbackQuery| async move {
                bot.answer_callback_query(q.id).text("Done").await?;
                respond(())
            },
        ));
    let mut dispatcher = Dispatcher::builder(bot, handler).build();
    let shutdown = dispatcher.shutdown_token();
    let running = tokio::spawn(async move { dispatcher.dispatch().await });

    emu.send_text(&alice, "hello");
    let reply = emu
        .wait_for_message(alice.id, |m| m.body() == "echo: hello", WAIT)
        .await
        .expect("the dispatcher replied");
    let query = emu.press(&alice, alice.id, reply.message_id, "t:1:ok");
    let toast = emu
        .wait_for_callback_answer(&query, WAIT)
        .await
        .expect("answered");
    assert_eq!(toast.text.as_deref(), Some("Done"));

    let methods: Vec<String> = emu.requests().into_iter().map(|r| r.method).collect();
    assert_eq!(methods[..3], ["getWebhookInfo", "getMe", "getUpdates"]);
    let first_poll = &emu.requests_for("getUpdates")[0];
    assert!(
        first_poll.params.get("allowed_updates").is_some(),
        "{}",
        first_poll.params
    );

    shutdown.shutdown().expect("running").await;
    running.await.expect("stopped");
    assert_eq!(
        emu.pending_updates(),
        0,
        "a graceful stop confirms every update"
    );
}
