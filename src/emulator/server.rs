//! The HTTP side: one axum fallback handler that parses
//! `/bot<token>/<method>` and `/file/bot<token>/<path>` requests, records them,
//! applies injected faults and answers in the Bot API's envelope.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Multipart, Request, State as AxumState};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use tokio::sync::watch;
use tokio_util::sync::CancellationToken;

use super::limits;
use super::methods::{self, Answer, Failure, Upload};
use super::state::State;
use super::types::{Fault, RecordedRequest, UploadedPart};

/// Largest request body accepted (Telegram's upload limit is 50 MB).
const BODY_LIMIT: usize = 50 * 1024 * 1024;

/// Multipart text fields that carry numbers.
const INT_FIELDS: &[&str] = &[
    "chat_id",
    "from_chat_id",
    "message_id",
    "message_thread_id",
    "reply_to_message_id",
    "duration",
    "width",
    "height",
];

/// Multipart text fields that carry booleans.
const BOOL_FIELDS: &[&str] = &[
    "disable_notification",
    "protect_content",
    "has_spoiler",
    "show_caption_above_media",
    "disable_content_type_detection",
    "allow_sending_without_reply",
];

/// State shared by the server and every `Emulator` handle.
#[derive(Debug)]
pub struct Shared {
    state: Mutex<State>,
    changed: watch::Sender<u64>,
    pub shutdown: CancellationToken,
    /// The network round trip every call takes, in microseconds (0: none).
    latency_us: std::sync::atomic::AtomicU64,
}

impl Shared {
    pub fn new(state: State) -> Self {
        Self {
            state: Mutex::new(state),
            changed: watch::Sender::new(0),
            shutdown: CancellationToken::new(),
            latency_us: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// Sets the network round trip every call takes from now on.
    pub fn set_latency(&self, latency: Duration) {
        let us = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
        self.latency_us
            .store(us, std::sync::atomic::Ordering::Relaxed);
    }

    /// Half the round trip: the way there, or the way back.
    async fn travel(&self) {
        let us = self.latency_us.load(std::sync::atomic::Ordering::Relaxed);
        if us > 0 {
            tokio::time::sleep(Duration::from_micros(us / 2)).await;
        }
    }

    /// Locks the state for reading; a panic in another holder does not poison it for us.
    pub fn read(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Changes the state and wakes every waiter.
    pub fn write<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        let (result, version) = {
            let mut state = self.read();
            let result = f(&mut state);
            (result, state.version)
        };
        self.changed.send_replace(version);
        result
    }

    /// A receiver woken by every later `write`.
    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.changed.subscribe()
    }
}

/// The axum router: everything goes to one handler.
pub fn router(shared: std::sync::Arc<Shared>) -> axum::Router {
    axum::Router::new().fallback(handle).with_state(shared)
}

type SharedState = AxumState<std::sync::Arc<Shared>>;

async fn handle(AxumState(shared): SharedState, request: Request) -> Response {
    let path = percent_decode(request.uri().path());
    let mut segments = path.trim_start_matches('/').splitn(3, '/');
    let first = segments.next().unwrap_or_default();
    if first == "file" {
        let token_ok = segments.next().is_some_and(|s| s.starts_with("bot"));
        let file_path = segments.next().unwrap_or_default();
        return download(&shared, token_ok, file_path);
    }
    let (Some(token), Some(method)) = (first.strip_prefix("bot"), segments.next()) else {
        return envelope(Err(Failure::new(404, "Not Found")));
    };
    let (token, method) = (token.to_owned(), methods::canonical_method(method));
    shared.travel().await;
    let (params, uploads) = match parse_body(request).await {
        Ok(parsed) => parsed,
        Err(failure) => return envelope(Err(failure)),
    };
    tracing::debug!(%method, %params, "emulator request");
    let index = shared.write(|s| {
        s.requests.push(RecordedRequest {
            method: method.clone(),
            token,
            params: params.clone(),
            uploads: uploads
                .iter()
                .map(|(name, u)| UploadedPart {
                    name: name.clone(),
                    file_name: u.file_name.clone(),
                    len: u.bytes.len(),
                })
                .collect(),
            at: Instant::now(),
            at_system: SystemTime::now(),
            status: None,
            fault: None,
        });
        s.requests.len() - 1
    });
    let answer = answer(&shared, index, &method, &params, &uploads).await;
    let status = answer.as_ref().map_or_else(|f| f.status, |_| 200);
    shared.write(|s| {
        if let Some(r) = s.requests.get_mut(index) {
            r.status = Some(status);
        }
    });
    shared.travel().await;
    envelope(answer)
}

async fn answer(
    shared: &Shared,
    index: usize,
    method: &str,
    params: &Value,
    uploads: &HashMap<String, Upload>,
) -> Answer {
    let fault = shared.write(|s| {
        let fault = s.take_fault(method);
        if let Some(r) = s.requests.get_mut(index) {
            r.fault = fault.clone();
        }
        fault
    });
    match fault {
        Some(Fault::RetryAfter(seconds)) => {
            return Err(Failure {
                status: 429,
                description: format!("Too Many Requests: retry after {seconds}"),
                retry_after: Some(seconds),
            });
        }
        Some(Fault::ServerError(code)) => {
            let reason = StatusCode::from_u16(code)
                .ok()
                .and_then(|c| c.canonical_reason())
                .unwrap_or("Server Error");
            return Err(Failure::new(code, reason));
        }
        Some(Fault::Slow(delay)) => {
            tokio::select! {
                () = tokio::time::sleep(delay) => {}
                () = shared.shutdown.cancelled() => return Err(Failure::new(503, "Service Unavailable")),
            }
        }
        Some(Fault::Timeout) => {
            shared.shutdown.cancelled().await;
            return Err(Failure::new(503, "Service Unavailable"));
        }
        None => {}
    }
    if method == "getUpdates" {
        return get_updates(shared, params).await;
    }
    if limits::is_metered(method) {
        let chat = methods::chat_id_param(params, "chat_id");
        let admitted = shared.write(|s| s.flood.admit(chat, Instant::now()));
        if let Err(seconds) = admitted {
            return Err(Failure {
                status: 429,
                description: format!("Too Many Requests: retry after {seconds}"),
                retry_after: Some(seconds),
            });
        }
    }
    let answer = shared.write(|s| methods::call(s, method, params, uploads));
    answer.unwrap_or_else(|| {
        tracing::warn!(%method, "emulator: unknown Bot API method");
        Err(Failure::new(404, "Not Found"))
    })
}

/// Long polling: answers at once if updates are pending, otherwise when one
/// arrives or `timeout` seconds pass. A newer `getUpdates` ends an older one
/// with 409 Conflict, as Telegram does.
async fn get_updates(shared: &Shared, p: &Value) -> Answer {
    let offset = methods::chat_id_param(p, "offset").unwrap_or(0);
    let limit = methods::chat_id_param(p, "limit")
        .unwrap_or(100)
        .clamp(1, 100);
    let timeout = methods::chat_id_param(p, "timeout").unwrap_or(0).max(0);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(timeout.unsigned_abs());
    let mut changes = shared.subscribe();
    let generation = shared.write(|s| {
        s.poll_generation += 1;
        if offset > 0 {
            s.updates.retain(|(id, _)| *id >= offset);
        } else if offset < 0 {
            let keep = usize::try_from(offset.unsigned_abs()).unwrap_or(usize::MAX);
            while s.updates.len() > keep {
                s.updates.pop_front();
            }
        }
        if let Some(list) = p.get("allowed_updates").and_then(Value::as_array) {
            let kinds = list.iter().filter_map(Value::as_str).map(str::to_owned);
            s.allowed_updates = Some(kinds.collect()).filter(|k: &Vec<String>| !k.is_empty());
        }
        // Telegram drops the updates the bot did not ask for.
        if let Some(allowed) = s.allowed_updates.clone() {
            s.updates
                .retain(|(_, u)| allowed.iter().any(|k| u.get(k).is_some()));
        }
        s.poll_generation
    });
    let limit = usize::try_from(limit).unwrap_or(100);
    loop {
        let batch = {
            let s = shared.read();
            if s.poll_generation != generation {
                return Err(Failure::new(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                ));
            }
            let allowed = |u: &Value| match &s.allowed_updates {
                Some(kinds) => kinds.iter().any(|k| u.get(k).is_some()),
                None => true,
            };
            s.updates
                .iter()
                .map(|(_, u)| u)
                .filter(|u| allowed(u))
                .take(limit)
                .cloned()
                .collect::<Vec<_>>()
        };
        if !batch.is_empty() || tokio::time::Instant::now() >= deadline {
            return Ok(Value::Array(batch));
        }
        tokio::select! {
            _ = changes.changed() => {}
            () = tokio::time::sleep_until(deadline) => {}
            () = shared.shutdown.cancelled() => return Ok(json!([])),
        }
    }
}

/// The file download route.
fn download(shared: &Shared, token_ok: bool, file_path: &str) -> Response {
    let bytes = token_ok
        .then(|| {
            let state = shared.read();
            let file = state.files.values().find(|f| f.file_path == file_path)?;
            Some(file.bytes.clone())
        })
        .flatten();
    match bytes {
        Some(bytes) => (
            [(header::CONTENT_TYPE, "application/octet-stream")],
            Body::from(bytes),
        )
            .into_response(),
        None => envelope(Err(Failure::new(404, "Not Found"))),
    }
}

/// Wraps an answer in `{"ok":…}`, with `error_code` and `parameters` on errors.
fn envelope(answer: Answer) -> Response {
    match answer {
        Ok(result) => axum::Json(json!({ "ok": true, "result": result })).into_response(),
        Err(f) => {
            let mut body =
                json!({ "ok": false, "error_code": f.status, "description": f.description });
            if let (Some(seconds), Some(map)) = (f.retry_after, body.as_object_mut()) {
                map.insert("parameters".into(), json!({ "retry_after": seconds }));
            }
            let status = StatusCode::from_u16(f.status).unwrap_or(StatusCode::BAD_REQUEST);
            (status, axum::Json(body)).into_response()
        }
    }
}

/// Parses a JSON, form or multipart body (plus the query string) into parameters.
async fn parse_body(request: Request) -> Result<(Value, HashMap<String, Upload>), Failure> {
    let mut params = Map::new();
    if let Some(query) = request.uri().query() {
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            params.insert(k.to_string(), text_field(&k, &v));
        }
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let mut uploads = HashMap::new();
    if content_type.starts_with("multipart/form-data") {
        let bad = |e: axum::extract::multipart::MultipartError| {
            Failure::new(400, format!("Bad Request: invalid multipart body: {e}"))
        };
        let mut multipart = Multipart::from_request(request, &())
            .await
            .map_err(|e| Failure::new(400, format!("Bad Request: {e}")))?;
        while let Some(field) = multipart.next_field().await.map_err(bad)? {
            let name = field.name().unwrap_or_default().to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let field_type = field.content_type().map(str::to_owned);
            let bytes = field.bytes().await.map_err(bad)?;
            match file_name {
                Some(file_name) => {
                    let upload = Upload {
                        file_name: Some(file_name),
                        content_type: field_type,
                        bytes: bytes.to_vec(),
                    };
                    uploads.insert(name, upload);
                }
                None => {
                    let text = String::from_utf8_lossy(&bytes);
                    params.insert(name.clone(), text_field(&name, &text));
                }
            }
        }
        return Ok((Value::Object(params), uploads));
    }
    let body: Bytes = axum::body::to_bytes(request.into_body(), BODY_LIMIT)
        .await
        .map_err(|e| Failure::new(400, format!("Bad Request: {e}")))?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok((Value::Object(params), uploads));
    }
    if content_type.starts_with("application/x-www-form-urlencoded") {
        for (k, v) in url::form_urlencoded::parse(&body) {
            params.insert(k.to_string(), text_field(&k, &v));
        }
        return Ok((Value::Object(params), uploads));
    }
    match serde_json::from_slice::<Value>(&body) {
        Ok(Value::Object(map)) => {
            params.extend(map);
            Ok((Value::Object(params), uploads))
        }
        _ => Err(Failure::new(
            400,
            "Bad Request: request body is not a JSON object",
        )),
    }
}

/// Converts a text field (multipart, form or query) to the JSON value it stands for.
fn text_field(name: &str, text: &str) -> Value {
    let trimmed = text.trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Ok(v) = serde_json::from_str(text)
    {
        return v;
    }
    if INT_FIELDS.contains(&name)
        && let Ok(n) = text.parse::<i64>()
    {
        return json!(n);
    }
    if BOOL_FIELDS.contains(&name)
        && let Ok(b) = text.parse::<bool>()
    {
        return json!(b);
    }
    json!(text)
}

/// Decodes `%XX` escapes (teloxide escapes the `/` of file paths).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_escaped_slash_in_a_file_path_is_decoded() {
        assert_eq!(
            percent_decode("/file/bot1:A/photos%2Ffile_1.png"),
            "/file/bot1:A/photos/file_1.png"
        );
    }

    #[test]
    fn multipart_fields_become_json_values() {
        assert_eq!(text_field("chat_id", "42"), json!(42));
        assert_eq!(text_field("caption", "42"), json!("42"));
        assert_eq!(
            text_field("reply_markup", "{\"inline_keyboard\":[]}"),
            json!({"inline_keyboard": []})
        );
        assert_eq!(text_field("has_spoiler", "true"), json!(true));
    }
}
