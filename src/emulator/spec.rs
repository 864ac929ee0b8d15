//! What Telegram refuses, so that the emulator refuses it too: the Bot API
//! as data (`tests/data/telegram/api.json`, from the telegram-bot-api-spec
//! project, MIT) gives each method's fields and which are required, and the
//! limits the API states in words are checked here (a text of 1–4096
//! characters after entity parsing, a caption of at most 1024, button
//! callback data of 1–64 bytes).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde_json::Value;

use super::json::utf16_len;
use super::markup;
use super::methods::Failure;

/// The longest message text Telegram sends, in UTF-16 code units.
pub const TEXT_LIMIT: usize = 4096;
/// The longest caption Telegram sends, in UTF-16 code units.
pub const CAPTION_LIMIT: usize = 1024;
/// The most bytes of callback data a button may carry.
pub const CALLBACK_DATA_LIMIT: usize = 64;

/// One method's fields.
#[derive(Debug, Default)]
struct Method {
    fields: HashSet<String>,
    required: Vec<String>,
}

static METHODS: LazyLock<HashMap<String, Method>> = LazyLock::new(|| {
    let source = include_str!("../../tests/data/telegram/api.json");
    let spec: Value = serde_json::from_str(source).unwrap_or_default();
    let mut methods = HashMap::new();
    if let Some(all) = spec.get("methods").and_then(Value::as_object) {
        for (name, method) in all {
            let mut m = Method::default();
            for field in method
                .get("fields")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let Some(field_name) = field.get("name").and_then(Value::as_str) else {
                    continue;
                };
                m.fields.insert(field_name.to_owned());
                if field.get("required").and_then(Value::as_bool) == Some(true) {
                    m.required.push(field_name.to_owned());
                }
            }
            methods.insert(name.clone(), m);
        }
    }
    methods
});

/// Whether the API has this method.
#[cfg(test)]
fn knows(method: &str) -> bool {
    METHODS.contains_key(method)
}

/// Refuses a request as Telegram would: a field the method does not take, a
/// required field missing (`uploaded` says whether a file part of that name
/// came with the request), or a text, caption or button over its limit.
pub fn check(method: &str, p: &Value, uploaded: impl Fn(&str) -> bool) -> Result<(), Failure> {
    if let Some(spec) = METHODS.get(method) {
        if let Some(params) = p.as_object()
            && let Some(unknown) = params.keys().find(|k| !spec.fields.contains(*k))
        {
            return Err(Failure::bad_request(&format!(
                "unknown parameter {unknown} for {method}"
            )));
        }
        if let Some(missing) = spec
            .required
            .iter()
            .find(|f| p.get(f.as_str()).is_none_or(Value::is_null) && !uploaded(f))
        {
            return Err(Failure::bad_request(&format!("{missing} is required")));
        }
    }
    let parse_mode = p.get("parse_mode").and_then(Value::as_str);
    let shown = |raw: &str| {
        markup::render(raw, parse_mode).map_or_else(|_| utf16_len(raw), |s| utf16_len(&s))
    };
    if matches!(method, "sendMessage" | "editMessageText")
        && let Some(text) = p.get("text").and_then(Value::as_str)
    {
        if text.trim().is_empty() {
            return Err(Failure::bad_request("message text is empty"));
        }
        if shown(text) > TEXT_LIMIT {
            return Err(Failure::bad_request("message is too long"));
        }
    }
    let captions = std::iter::once(p)
        .chain(
            p.get("media")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        )
        .filter_map(|v| v.get("caption").and_then(Value::as_str));
    for caption in captions {
        if shown(caption) > CAPTION_LIMIT {
            return Err(Failure::bad_request("message caption is too long"));
        }
    }
    let buttons = p
        .get("reply_markup")
        .and_then(|m| m.get("inline_keyboard"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten();
    for button in buttons {
        if let Some(data) = button.get("callback_data").and_then(Value::as_str)
            && (data.is_empty() || data.len() > CALLBACK_DATA_LIMIT)
        {
            return Err(Failure::bad_request("BUTTON_DATA_INVALID"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn refused(method: &str, p: Value) -> String {
        check(method, &p, |_| false)
            .expect_err("refused")
            .description
    }

    #[test]
    fn the_spec_is_read() {
        assert!(knows("sendMessage") && knows("answerCallbackQuery"));
        assert!(!knows("sendTelepathy"));
    }

    #[test]
    fn a_text_over_4096_or_empty_is_refused_and_4096_passes() {
        let ok = json!({"chat_id": 1, "text": "字".repeat(4096)});
        assert!(check("sendMessage", &ok, |_| false).is_ok());
        let long = json!({"chat_id": 1, "text": "字".repeat(4097)});
        assert!(refused("sendMessage", long).contains("too long"));
        let edit = json!({"chat_id": 1, "message_id": 2, "text": "x".repeat(5000)});
        assert!(refused("editMessageText", edit).contains("too long"));
        assert!(refused("sendMessage", json!({"chat_id": 1, "text": " "})).contains("empty"));
    }

    #[test]
    fn a_caption_over_1024_is_refused_and_1024_passes() {
        let ok = json!({"chat_id": 1, "photo": "f", "caption": "a".repeat(1024)});
        assert!(check("sendPhoto", &ok, |_| false).is_ok());
        let long = json!({"chat_id": 1, "photo": "f", "caption": "a".repeat(1025)});
        assert!(refused("sendPhoto", long).contains("caption is too long"));
        let group = json!({"chat_id": 1, "media": [
            {"type": "photo", "media": "f", "caption": "b".repeat(1025)}
        ]});
        assert!(refused("sendMediaGroup", group).contains("caption is too long"));
    }

    #[test]
    fn callback_data_over_64_bytes_or_empty_is_refused() {
        let markup = |data: &str| {
            json!({"chat_id": 1, "text": "hi", "reply_markup": {"inline_keyboard": [[
                {"text": "ok", "callback_data": data}
            ]]}})
        };
        assert!(check("sendMessage", &markup(&"d".repeat(64)), |_| false).is_ok());
        // 22 characters of three bytes each: 66 bytes.
        assert_eq!(
            refused("sendMessage", markup(&"字".repeat(22))),
            "Bad Request: BUTTON_DATA_INVALID"
        );
        assert!(refused("sendMessage", markup("")).contains("BUTTON_DATA_INVALID"));
    }

    #[test]
    fn unknown_and_missing_fields_are_refused() {
        let unknown = json!({"chat_id": 1, "text": "hi", "colour": "red"});
        assert!(refused("sendMessage", unknown).contains("colour"));
        let missing = json!({"text": "hi"});
        assert!(refused("sendMessage", missing).contains("chat_id"));
        // A required file may come as an upload instead.
        let upload = json!({"chat_id": 1});
        assert!(check("sendPhoto", &upload, |f| f == "photo").is_ok());
    }
}
