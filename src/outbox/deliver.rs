//! One attempt to send a queued message, and what Telegram's answer means.

use std::time::Duration;

use teloxide::payloads::{
    EditMessageCaptionSetters, EditMessageTextSetters, SendDocumentSetters, SendMediaGroupSetters,
    SendMessageSetters, SendPhotoSetters, SetMyCommandsSetters,
};
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, BotCommandScope, InputFile, InputMedia, InputMediaPhoto, MessageId, Recipient,
};
use teloxide::{ApiError, RequestError};

use super::{OutMessage, keyboard};
use crate::store::{self, Db};

/// What an error from Telegram means for the request that got it.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Flood control: wait this long, then the same request again.
    RetryAfter(Duration),
    /// Worth trying again later (5xx, network, timeout).
    Transient(String),
    /// The user blocked the bot or is gone: give up and remember it.
    Blocked(String),
    /// The request itself is wrong: give up.
    Permanent(String),
}

/// Classifies an error answer.
pub fn classify(error: &RequestError) -> Verdict {
    match error {
        RequestError::RetryAfter(seconds) => Verdict::RetryAfter(seconds.duration()),
        RequestError::Api(
            api @ (ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup
            | ApiError::ChatNotFound),
        ) => Verdict::Blocked(api.to_string()),
        // A refusal teloxide does not know by name is still a refusal;
        // Telegram's 5xx answers carry descriptions teloxide does not know.
        RequestError::Api(ApiError::Unknown(description)) => {
            let refused = ["Bad Request", "Forbidden", "Unauthorized", "Not Found"]
                .iter()
                .any(|p| description.starts_with(p));
            match refused {
                true => Verdict::Permanent(description.clone()),
                false => Verdict::Transient(description.clone()),
            }
        }
        RequestError::Api(api) => Verdict::Permanent(api.to_string()),
        RequestError::MigrateToChatId(to) => Verdict::Permanent(format!("group moved to {to}")),
        other => Verdict::Transient(other.to_string()),
    }
}

/// Sends one queued message; `Ok` carries the sent message's id, if any.
/// `paid` sends it as a paid broadcast.
pub async fn deliver(
    bot: &Bot,
    db: &Db,
    chat_id: i64,
    message: &OutMessage,
    paid: bool,
    timeout: Duration,
) -> Result<Option<i32>, Verdict> {
    let chat = ChatId(chat_id);
    // A stored file is read before the clock starts: the limit is Telegram's.
    let upload = match message {
        OutMessage::Document { file, .. } | OutMessage::PhotoFile { file, .. } => {
            match store::files::get(db.pool(), *file).await {
                Ok(Some(row)) => Some(InputFile::memory(row.data).file_name(row.name)),
                Ok(None) => return Err(Verdict::Permanent(format!("stored file {file} is gone"))),
                Err(e) => return Err(Verdict::Transient(format!("cannot read stored file: {e}"))),
            }
        }
        _ => None,
    };
    // A card to rewrite is named by its outbox row; Telegram knows it by id.
    let card = match message {
        OutMessage::EditCard { card, .. } => {
            match store::work::sent_message_id(db.pool(), *card).await {
                Ok(Some(Some(id))) => Some(MessageId(id)),
                // Never delivered: there is nothing to rewrite.
                Ok(Some(None)) => return Ok(None),
                Ok(None) => return Err(Verdict::Transient("the card is not sent yet".to_owned())),
                Err(e) => return Err(Verdict::Transient(format!("cannot read the card: {e}"))),
            }
        }
        _ => None,
    };
    let sent = tokio::time::timeout(timeout, async {
        match message {
            OutMessage::Text { text, buttons } => {
                let mut request = bot.send_message(chat, text);
                if !buttons.is_empty() {
                    request = request.reply_markup(keyboard(buttons));
                }
                if paid {
                    request = request.allow_paid_broadcast(true);
                }
                request.await.map(|m| Some(m.id.0))
            }
            OutMessage::Photo {
                caption, buttons, ..
            }
            | OutMessage::PhotoFile {
                caption, buttons, ..
            } => {
                // A photo is either one Telegram already has (by file id) or a stored upload.
                let file = match message {
                    OutMessage::Photo { file_id, .. } => InputFile::file_id(file_id.clone().into()),
                    _ => upload
                        .clone()
                        .unwrap_or_else(|| InputFile::memory(Vec::new())),
                };
                let mut request = bot.send_photo(chat, file);
                if let Some(caption) = caption {
                    request = request.caption(caption);
                }
                if !buttons.is_empty() {
                    request = request.reply_markup(keyboard(buttons));
                }
                if paid {
                    request = request.allow_paid_broadcast(true);
                }
                request.await.map(|m| Some(m.id.0))
            }
            OutMessage::Document {
                caption, buttons, ..
            }
            | OutMessage::DocumentId {
                caption, buttons, ..
            } => {
                // A document is either one Telegram already has (by file id) or a stored upload.
                let file = match message {
                    OutMessage::DocumentId { file_id, .. } => {
                        InputFile::file_id(file_id.clone().into())
                    }
                    _ => upload
                        .clone()
                        .unwrap_or_else(|| InputFile::memory(Vec::new())),
                };
                let mut request = bot.send_document(chat, file);
                if let Some(caption) = caption {
                    request = request.caption(caption);
                }
                if !buttons.is_empty() {
                    request = request.reply_markup(keyboard(buttons));
                }
                if paid {
                    request = request.allow_paid_broadcast(true);
                }
                request.await.map(|m| Some(m.id.0))
            }
            OutMessage::EditCard { text, photo, .. } => {
                let Some(id) = card else {
                    return Ok(None);
                };
                let result = if *photo {
                    bot.edit_message_caption(chat, id)
                        .caption(text.clone())
                        .reply_markup(keyboard(&[]))
                        .await
                        .map(|_| None)
                } else {
                    bot.edit_message_text(chat, id, text)
                        .reply_markup(keyboard(&[]))
                        .await
                        .map(|_| None)
                };
                match result {
                    Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(None),
                    other => other,
                }
            }
            OutMessage::Album { file_ids, caption } => {
                let media = file_ids
                    .iter()
                    .enumerate()
                    .map(|(i, id)| {
                        let mut photo = InputMediaPhoto::new(InputFile::file_id(id.clone().into()));
                        if i == 0
                            && let Some(caption) = caption
                        {
                            photo = photo.caption(caption.clone());
                        }
                        InputMedia::Photo(photo)
                    })
                    .collect::<Vec<_>>();
                let mut request = bot.send_media_group(chat, media);
                if paid {
                    request = request.allow_paid_broadcast(true);
                }
                request.await.map(|sent| sent.first().map(|m| m.id.0))
            }
            OutMessage::Commands { commands } => {
                let commands = commands
                    .iter()
                    .map(|(c, d)| BotCommand::new(c, d))
                    .collect::<Vec<_>>();
                bot.set_my_commands(commands)
                    .scope(BotCommandScope::Chat {
                        chat_id: Recipient::Id(chat),
                    })
                    .await
                    .map(|_| None)
            }
        }
    })
    .await;
    match sent {
        Err(_) => Err(Verdict::Transient("timed out".to_owned())),
        Ok(Ok(message_id)) => Ok(message_id),
        Ok(Err(error)) => Err(classify(&error)),
    }
}
