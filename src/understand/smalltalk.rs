//! Small talk: a message that is only a greeting, thanks, an "ok", an emoji
//! or a lone number, with nothing to act on. The words are the
//! `[[smalltalk]]` section of `prompts/lexicon.toml` (lists `greeting`,
//! `thanks`, `ok` and `filler`, the particles that may go with them).

use std::sync::LazyLock;

use serde::Serialize;

use super::phrases::{self, Phrases};

static SMALL_TALK: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::new(&phrases::sections().smalltalk));

/// What kind of small talk a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SmallTalk {
    Greeting,
    Thanks,
    /// "ok", an emoji, a lone number: an acknowledgement.
    Ok,
}

/// The longest lone number taken as small talk ("1", "22"): longer ones may
/// be a flat.
const LONE_NUMBER: usize = 2;

/// Whether a normalised message is small talk, and which.
pub fn find(norm: &str) -> Option<SmallTalk> {
    let talk: &Phrases = &SMALL_TALK;
    let mut rest = String::with_capacity(norm.len());
    let mut last = 0;
    let (mut greeting, mut thanks) = (false, false);
    for found in talk.find(norm) {
        rest.push_str(&norm[last..found.start]);
        rest.push(' ');
        last = found.end;
        match talk.name(found.list) {
            "greeting" => greeting = true,
            "thanks" => thanks = true,
            _ => {}
        }
    }
    rest.push_str(&norm[last..]);
    let mut digits = 0;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_alphanumeric() {
            // A letter or a character of words: there is more to it.
            return None;
        }
    }
    if digits > LONE_NUMBER {
        return None;
    }
    Some(if thanks {
        SmallTalk::Thanks
    } else if greeting {
        SmallTalk::Greeting
    } else {
        SmallTalk::Ok
    })
}

#[cfg(test)]
mod tests {
    use super::super::normalise::normalise;
    use super::*;

    fn talk(text: &str) -> Option<SmallTalk> {
        find(&normalise(text))
    }

    #[test]
    fn greetings_thanks_and_acknowledgements_are_small_talk() {
        for text in ["hi", "Hello!", "你好", "早晨呀", "hi there 👋"] {
            assert_eq!(talk(text), Some(SmallTalk::Greeting), "{text}");
        }
        for text in [
            "thanks",
            "Thank you!!",
            "多謝",
            "唔該晒",
            "谢谢你",
            "🙏",
            "ok thanks",
        ] {
            assert_eq!(talk(text), Some(SmallTalk::Thanks), "{text}");
        }
        for text in [
            "ok",
            "OK 👍",
            "好的",
            "收到",
            "1",
            "👍",
            "??",
            "知道了，明白",
        ] {
            assert_eq!(talk(text), Some(SmallTalk::Ok), "{text}");
        }
    }

    #[test]
    fn a_message_with_anything_to_act_on_is_not_small_talk() {
        for text in [
            "thanks, but the lift is broken again",
            "多謝陳師傅幫我整好冷氣",
            "hi, water is leaking",
            "你好，有个问题",
            "ok tomorrow 3pm",
            "1502",
            "管理費幾錢",
        ] {
            assert_eq!(talk(text), None, "{text}");
        }
    }
}
