//! What a resident's message carries, as far as the desk can take it: text,
//! a photo (or an image sent as a file), or something we cannot read.

use teloxide::net::Download;
use teloxide::prelude::*;
use teloxide::types::{InputFile, Message};
use unicode_normalization::UnicodeNormalization;

use super::super::{Actor, HandlerResult, reply};
use crate::texts::{t, t_args};

/// The longest message the desk reads.
pub const MAX_CHARS: usize = 4000;

/// A message the desk can take in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub message_id: i32,
    /// The text or the caption, cleaned; empty for a photo without caption.
    pub text: String,
    pub photo: Option<Photo>,
    /// The album the message belongs to.
    pub album: Option<String>,
}

/// A picture the resident sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Photo {
    /// A photo (the largest size's file id).
    Photo(String),
    /// An image sent as a file: it must become a photo before staff can get it.
    ImageFile(String),
}

/// Why a message cannot be taken in; each has its own polite reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    Empty,
    TooLong(usize),
    /// `sticker`, `voice`, `video`, `document` or `other`.
    Unsupported(&'static str),
}

/// Reads a message.
pub fn read(msg: &Message) -> Result<Input, Unreadable> {
    let raw = msg.text().or_else(|| msg.caption()).unwrap_or_default();
    let length = raw.chars().count();
    if length > MAX_CHARS {
        return Err(Unreadable::TooLong(length));
    }
    let text = clean(raw);
    let photo = if let Some(sizes) = msg.photo() {
        let largest = sizes
            .iter()
            .max_by_key(|s| u64::from(s.width) * u64::from(s.height))
            .ok_or(Unreadable::Unsupported("other"))?;
        Some(Photo::Photo(largest.file.id.0.clone()))
    } else if let Some(document) = msg.document() {
        let image = document
            .mime_type
            .as_ref()
            .is_some_and(|m| m.essence_str().starts_with("image/"));
        if !image {
            return Err(Unreadable::Unsupported("document"));
        }
        Some(Photo::ImageFile(document.file.id.0.clone()))
    } else if msg.sticker().is_some() {
        return Err(Unreadable::Unsupported("sticker"));
    } else if msg.voice().is_some() || msg.audio().is_some() || msg.video_note().is_some() {
        return Err(Unreadable::Unsupported("voice"));
    } else if msg.video().is_some() || msg.animation().is_some() {
        return Err(Unreadable::Unsupported("video"));
    } else if msg.text().is_none() {
        return Err(Unreadable::Unsupported("other"));
    } else {
        None
    };
    if photo.is_none() && text.is_empty() {
        return Err(Unreadable::Empty);
    }
    Ok(Input {
        message_id: msg.id.0,
        text,
        photo,
        album: msg.media_group_id().map(|g| g.0.clone()),
    })
}

/// The text in canonical form, without control or invisible characters at
/// the ends; empty when nothing visible is left.
pub fn clean(raw: &str) -> String {
    let kept: String = raw
        .nfc()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    let trimmed = kept.trim_matches(|c: char| c.is_whitespace() || invisible(c));
    if trimmed.chars().all(|c| c.is_whitespace() || invisible(c)) {
        return String::new();
    }
    trimmed.to_owned()
}

/// Zero-width and other format characters that show nothing on their own.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// Tells the resident why their message could not be taken.
pub async fn refuse(bot: &Bot, actor: &Actor, phone: &str, why: &Unreadable) -> HandlerResult {
    let lang = actor.lang;
    let text = match why {
        Unreadable::Empty => t(lang, "error-empty"),
        Unreadable::TooLong(length) => t_args(
            lang,
            "error-too-long",
            &[
                ("length", (*length as i64).into()),
                ("limit", (MAX_CHARS as i64).into()),
            ],
        ),
        Unreadable::Unsupported(what) => t_args(
            lang,
            &format!("unsupported-{what}"),
            &[("phone", phone.to_owned().into())],
        ),
    };
    reply::text(bot, actor, text).await
}

/// The file id of a photo: an image sent as a file is fetched and sent back
/// to the resident as a photo (Telegram cannot send a file's id as a photo),
/// which also shows them it was received. `None` when that fails.
pub async fn photo_id(bot: &Bot, actor: &Actor, photo: &Photo) -> Option<String> {
    let file_id = match photo {
        Photo::Photo(id) => return Some(id.clone()),
        Photo::ImageFile(id) => id,
    };
    let file = match bot.get_file(file_id.clone().into()).await {
        Ok(file) => file,
        Err(error) => {
            tracing::warn!(user_id = actor.id(), %error, "cannot fetch an image file");
            return None;
        }
    };
    let mut bytes = Vec::new();
    if let Err(error) = bot.download_file(&file.path, &mut bytes).await {
        tracing::warn!(user_id = actor.id(), %error, "cannot download an image file");
        return None;
    }
    let request = bot
        .send_photo(
            actor.chat(),
            InputFile::memory(bytes).file_name("photo.jpg"),
        )
        .caption(t(actor.lang, "photo-file-received"));
    let sent = actor.courier.call(request).await;
    match sent {
        Ok(message) => message
            .photo()
            .and_then(|sizes| {
                sizes
                    .iter()
                    .max_by_key(|s| u64::from(s.width) * u64::from(s.height))
            })
            .map(|s| s.file.id.0.clone()),
        Err(error) => {
            tracing::warn!(user_id = actor.id(), %error, "cannot turn an image file into a photo");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_alone_are_no_text() {
        assert_eq!(clean(""), "");
        assert_eq!(clean("   \n\t "), "");
        assert_eq!(clean("\u{200B}\u{FEFF}\u{200D}"), "");
        assert_eq!(clean("\u{0000}\u{0007}"), "");
    }

    #[test]
    fn emoji_and_chinese_are_kept_and_trimmed() {
        assert_eq!(clean("  水管漏水 💧 \u{200B}"), "水管漏水 💧");
        assert_eq!(clean("👍"), "👍");
    }

    #[test]
    fn control_characters_inside_are_dropped_but_lines_kept() {
        assert_eq!(clean("a\u{0000}b\nc"), "ab\nc");
    }

    #[test]
    fn text_is_put_in_canonical_form() {
        // "é" as e + combining acute becomes one character.
        assert_eq!(clean("cafe\u{0301}"), "café");
    }
}
