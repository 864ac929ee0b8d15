//! The methods that send or fetch files: photos, documents, albums, copies
//! and `getFile`. Uploads arrive as multipart parts named by `attach://<id>`.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::json;
use super::methods::{
    Answer, Content, Failure, Upload, chat_id_param, int_param, known_chat, rendered,
    store_message, str_param,
};
use super::state::State;

/// Resolves an `InputFile` value: `attach://id`, a known file id, or a URL.
fn input_file(
    state: &mut State,
    value: Option<&Value>,
    uploads: &HashMap<String, Upload>,
    folder: &str,
) -> Result<String, Failure> {
    let value = value.and_then(Value::as_str).unwrap_or_default();
    if let Some(part) = value.strip_prefix("attach://") {
        let upload = uploads
            .get(part)
            .ok_or_else(|| Failure::bad_request("wrong file identifier/HTTP URL specified"))?;
        let name = upload.file_name.clone().filter(|n| !n.is_empty());
        return Ok(state.store_file(
            folder,
            name,
            upload.content_type.clone(),
            upload.bytes.clone(),
        ));
    }
    if state.files.contains_key(value) {
        return Ok(value.to_owned());
    }
    if value.starts_with("http://") || value.starts_with("https://") {
        let name = value.rsplit('/').next().map(str::to_owned);
        return Ok(state.store_file(folder, name, None, Vec::new()));
    }
    Err(Failure::bad_request(
        "wrong file identifier/HTTP URL specified",
    ))
}

fn caption_content(p: &Value) -> Result<Content, Failure> {
    let parse_mode = str_param(p, "parse_mode");
    let raw = str_param(p, "caption");
    let caption = raw.map(|c| rendered(c, parse_mode)).transpose()?;
    Ok(Content {
        caption,
        raw: raw.map(str::to_owned),
        parse_mode: parse_mode.map(str::to_owned),
        ..Content::default()
    })
}

pub(super) fn send_media(
    state: &mut State,
    p: &Value,
    uploads: &HashMap<String, Upload>,
    kind: &str,
) -> Answer {
    let chat_id = known_chat(state, p)?;
    let mut content = caption_content(p)?;
    let folder = if kind == "photo" {
        "photos"
    } else {
        "documents"
    };
    let file_id = input_file(state, p.get(kind), uploads, folder)?;
    if kind == "photo" {
        content.photo = Some(file_id);
    } else {
        content.document = Some(file_id);
    }
    store_message(state, chat_id, p, content)
}

pub(super) fn send_media_group(
    state: &mut State,
    p: &Value,
    uploads: &HashMap<String, Upload>,
) -> Answer {
    let chat_id = known_chat(state, p)?;
    let media = p
        .get("media")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if !(2..=10).contains(&media.len()) {
        return Err(Failure::bad_request("wrong number of media in the album"));
    }
    let group_id = format!("EMU-ALBUM-{}", state.version + 1);
    let mut sent = Vec::new();
    for item in &media {
        let kind = str_param(item, "type").unwrap_or("photo");
        let mut content = caption_content(item)?;
        let folder = if kind == "photo" {
            "photos"
        } else {
            "documents"
        };
        let file_id = input_file(state, item.get("media"), uploads, folder)?;
        match kind {
            "photo" => content.photo = Some(file_id),
            _ => content.document = Some(file_id),
        }
        content.media_group_id = Some(group_id.clone());
        // Albums take no reply_markup, only the album's own reply parameters.
        let params = json!({ "reply_parameters": p.get("reply_parameters") });
        sent.push(store_message(state, chat_id, &params, content)?);
    }
    Ok(Value::Array(sent))
}

pub(super) fn copy_message(state: &mut State, p: &Value) -> Answer {
    let chat_id = known_chat(state, p)?;
    let from = chat_id_param(p, "from_chat_id").unwrap_or_default();
    let message_id = int_param(p, "message_id")
        .and_then(|id| i32::try_from(id).ok())
        .unwrap_or_default();
    let source = state.chats.get(&from).and_then(|c| {
        c.user_messages.get(&message_id).cloned().or_else(|| {
            c.bot_messages
                .get(&message_id)
                .filter(|m| !m.deleted)
                .map(|m| json::bot_message(state, m))
        })
    });
    let source = source.ok_or_else(|| Failure::bad_request("message to copy not found"))?;
    let text = |key: &str| source.get(key).and_then(Value::as_str).map(str::to_owned);
    let mut content = Content {
        text: text("text"),
        caption: text("caption"),
        photo: source
            .get("photo")
            .and_then(Value::as_array)
            .and_then(|sizes| sizes.last())
            .and_then(|s| s.get("file_id"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        document: source
            .pointer("/document/file_id")
            .and_then(Value::as_str)
            .map(str::to_owned),
        ..Content::default()
    };
    if let Some(raw) = str_param(p, "caption") {
        content.caption = Some(rendered(raw, str_param(p, "parse_mode"))?);
    }
    content.raw = content.text.clone().or(content.caption.clone());
    store_message(state, chat_id, p, content)
}

pub(super) fn get_file(state: &State, p: &Value) -> Answer {
    let id = str_param(p, "file_id").unwrap_or_default();
    state
        .files
        .get(id)
        .map(json::file)
        .ok_or_else(|| Failure::bad_request("invalid file_id"))
}
