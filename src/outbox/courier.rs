//! The way in for requests that are not queued in the database: a handler's
//! direct replies, cards, edits, callback answers and menus. They go to the
//! same sender as the outbox, so they keep to the same limits, wait out a
//! 429 and are retried, but without a database round trip.
//!
//! Losing one of these in a crash is acceptable (the person asks again); a
//! message that confirms a state change is queued in the outbox instead, in
//! the transaction that makes the change.

use std::any::Any;
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};

use teloxide::RequestError;
use teloxide::payloads::{
    AnswerCallbackQuery, EditMessageCaption, EditMessageReplyMarkup, EditMessageText, SendDocument,
    SendMessage, SendPhoto, SetMyCommands,
};
use teloxide::requests::{Output, Request};
use teloxide::types::Recipient;
use tokio::sync::{Notify, oneshot};

use super::Lane;

/// A payload the bot sends: which chat it is a message in, if any.
/// Callback answers and command menus are no message in a chat, so they
/// skip the message limits.
pub trait Outgoing {
    fn chat(&self) -> Option<i64>;
}

fn recipient(r: &Recipient) -> Option<i64> {
    match r {
        Recipient::Id(chat) => Some(chat.0),
        Recipient::ChannelUsername(_) => None,
    }
}

macro_rules! in_chat {
    ($($payload:ty),*) => {$(
        impl Outgoing for $payload {
            fn chat(&self) -> Option<i64> {
                recipient(&self.chat_id)
            }
        }
    )*};
}

in_chat!(
    SendMessage,
    SendPhoto,
    SendDocument,
    EditMessageText,
    EditMessageCaption
);

/// Taking buttons off (or changing them under) a message already in the
/// chat adds nothing to it: it does not hold the chat's next message (the
/// ticket number after ✅) for a round trip.
impl Outgoing for EditMessageReplyMarkup {
    fn chat(&self) -> Option<i64> {
        None
    }
}

impl Outgoing for AnswerCallbackQuery {
    fn chat(&self) -> Option<i64> {
        None
    }
}

impl Outgoing for SetMyCommands {
    fn chat(&self) -> Option<i64> {
        None
    }
}

type Answer = Result<Box<dyn Any + Send>, RequestError>;
type Attempt = Pin<Box<dyn Future<Output = Answer> + Send>>;

/// A request handed to the sender: how to make one attempt, and who waits
/// for the answer.
pub struct Call {
    pub(super) lane: Lane,
    pub(super) chat: Option<i64>,
    pub(super) method: &'static str,
    pub(super) attempts: u32,
    attempt: Box<dyn Fn() -> Attempt + Send + Sync>,
    reply: Option<oneshot::Sender<Answer>>,
}

impl fmt::Debug for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("lane", &self.lane)
            .field("chat", &self.chat)
            .field("method", &self.method)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

impl Call {
    /// One attempt (the request is sent by reference, so it can be repeated).
    pub(super) fn attempt(&self) -> Attempt {
        (self.attempt)()
    }

    /// Whether someone waits for the answer (else the sender logs a failure).
    pub(super) fn awaited(&self) -> bool {
        self.reply.as_ref().is_some_and(|r| !r.is_closed())
    }

    /// Hands the final answer to whoever waits for it.
    pub(super) fn answer(mut self, answer: Answer) {
        if let Some(reply) = self.reply.take() {
            // Nobody waits any more: the answer is not needed.
            let _ = reply.send(answer);
        }
    }
}

/// Requests waiting to be picked up by the sender.
#[derive(Debug, Default)]
pub(super) struct Inbound {
    queue: Mutex<VecDeque<Call>>,
    pub(super) notify: Notify,
}

impl Inbound {
    pub(super) fn drain(&self) -> Vec<Call> {
        let mut queue = self.queue.lock().unwrap_or_else(PoisonError::into_inner);
        queue.drain(..).collect()
    }
}

/// The handle every part of the bot sends through. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Courier {
    pub(super) inbound: Arc<Inbound>,
}

impl Courier {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sends a request in the interactive lane and waits for Telegram's
    /// answer, after any pacing, 429 pauses and retries. A card kept for
    /// later edits gets its message this way.
    pub async fn call<R>(&self, request: R) -> Result<Output<R>, RequestError>
    where
        R: Request<Err = RequestError> + Send + Sync + 'static,
        R::Payload: Outgoing,
        R::SendRef: 'static,
        Output<R>: Send + 'static,
    {
        self.call_in(Lane::Interactive, request).await
    }

    /// [`Courier::call`] in a given lane.
    pub async fn call_in<R>(&self, lane: Lane, request: R) -> Result<Output<R>, RequestError>
    where
        R: Request<Err = RequestError> + Send + Sync + 'static,
        R::Payload: Outgoing,
        R::SendRef: 'static,
        Output<R>: Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        self.submit(lane, request, Some(tx));
        let answer = rx.await.map_err(|_| stopped())?;
        let output = answer?;
        output
            .downcast::<Output<R>>()
            .map(|o| *o)
            .map_err(|_| RequestError::Io(std::io::Error::other("unexpected answer type").into()))
    }

    /// Queues a request in the interactive lane and returns at once; the
    /// sender logs and records it if it is given up.
    pub fn post<R>(&self, request: R)
    where
        R: Request<Err = RequestError> + Send + Sync + 'static,
        R::Payload: Outgoing,
        R::SendRef: 'static,
        Output<R>: Send + 'static,
    {
        self.submit(Lane::Interactive, request, None);
    }

    fn submit<R>(&self, lane: Lane, request: R, reply: Option<oneshot::Sender<Answer>>)
    where
        R: Request<Err = RequestError> + Send + Sync + 'static,
        R::Payload: Outgoing,
        R::SendRef: 'static,
        Output<R>: Send + 'static,
    {
        let payload = request.payload_ref();
        let chat = payload.chat();
        let method = <R::Payload as teloxide::requests::Payload>::NAME;
        let attempt = move || -> Attempt {
            let sending = request.send_ref();
            Box::pin(async move {
                sending
                    .await
                    .map(|output| Box::new(output) as Box<dyn Any + Send>)
            })
        };
        let call = Call {
            lane,
            chat,
            method,
            attempts: 0,
            attempt: Box::new(attempt),
            reply,
        };
        self.inbound
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push_back(call);
        self.inbound.notify.notify_one();
    }
}

/// The error a caller gets when the sender stopped before answering.
fn stopped() -> RequestError {
    RequestError::Io(std::io::Error::other("the sender has stopped").into())
}
