//! The sender: the one task that talks to Telegram's send methods. It takes
//! the heads of the outbox queues from the database and the direct requests
//! from the [`Courier`], puts both on one [`Board`], and sends what the board
//! lets go, each in its own task; then it writes down what became of it.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use teloxide::prelude::*;
use tokio::sync::{Notify, mpsc};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::board::{Board, Limits, Next, Ticket};
use super::courier::{Call, Courier};
use super::deliver::{Verdict, classify, deliver};
use super::marks::Marks;
use super::{Lane, OutMessage};
use crate::app::Clock;
use crate::config::Sending;
use crate::store::{self, Db, outbox::OutboxRow};

/// Rows read at a time, and at most so many of each chat's queue in a lane.
const LOAD: i64 = 500;
const PER_QUEUE: i64 = 4;

/// The least time between two reads of the queue that finished rows call
/// for (a commit calls for one at once); the board holds a few rows per chat,
/// so this costs no chat its turn.
const RELOAD: Duration = Duration::from_millis(100);

/// How long a stopping sender goes on sending the direct requests it holds.
const GRACE: Duration = Duration::from_secs(10);

/// Something to send.
#[derive(Debug)]
enum Work {
    /// A queued outbox row.
    Row(OutboxRow),
    /// A direct request from a handler.
    Call(Call),
}

/// What became of one attempt.
#[derive(Debug)]
enum Landing {
    /// Over: delivered or given up (and recorded).
    Over,
    /// Try again no earlier than this.
    Retry(Instant, Work),
    /// Telegram asked to wait this long.
    Hold(Duration, Work),
}

/// A finished attempt, back from its task.
#[derive(Debug)]
struct Done {
    ticket: Ticket,
    /// The outbox row it was, if it was one.
    row: Option<i64>,
    landing: Landing,
}

/// The task that delivers everything the bot sends.
pub struct Sender {
    bot: Bot,
    db: Db,
    cfg: Sending,
    wake: Arc<Notify>,
    courier: Courier,
    clock: Clock,
    marks: Marks,
}

impl Sender {
    /// `wake` is notified by whoever commits new outbox rows, so they go out
    /// at once; `courier` brings the direct requests.
    pub fn new(bot: Bot, db: Db, cfg: Sending, wake: Arc<Notify>, courier: Courier) -> Self {
        let db_for_marks = db.clone();
        Self {
            bot,
            db,
            cfg,
            wake,
            courier,
            clock: Clock::system(),
            marks: Marks::start(db_for_marks),
        }
    }

    /// Reads the desk's clock to tell which rows are due (the clock the desk
    /// stamped them with), instead of the system's.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Delivers until `stop` is cancelled, then sends what handlers handed
    /// over directly (for at most [`GRACE`]); queued outbox rows stay queued
    /// for the next start. Cancel `stop` after the handlers have finished.
    pub async fn run(self, stop: CancellationToken) {
        let (done_tx, mut done_rx) = mpsc::unbounded_channel::<Done>();
        let mut board = Board::new(Limits::new(&self.cfg));
        // Outbox rows on the board or in flight.
        let mut rows = HashSet::new();
        // New rows were committed: read the queue at once.
        let mut load = true;
        // A row is over, so its chat's next rows may be read: soon.
        let mut landed = false;
        let mut loaded_at = Instant::now();
        let mut in_flight = 0_usize;
        // Direct requests on the board (they live nowhere else).
        let mut calls = 0_usize;
        let mut deadline: Option<Instant> = None;
        loop {
            while let Ok(done) = done_rx.try_recv() {
                in_flight -= 1;
                landed |= land(&mut board, &mut rows, &mut calls, done);
            }
            for call in self.courier.inbound.drain() {
                calls += 1;
                board.push(call.lane, call.chat, Work::Call(call));
            }
            let stopping = stop.is_cancelled();
            if stopping {
                let deadline = *deadline.get_or_insert_with(|| Instant::now() + GRACE);
                if (calls == 0 && in_flight == 0) || Instant::now() >= deadline {
                    break;
                }
            } else if load
                || loaded_at.elapsed() >= self.cfg.idle_poll
                || landed && loaded_at.elapsed() >= RELOAD
            {
                self.load(&mut board, &mut rows).await;
                (load, landed) = (false, false);
                loaded_at = Instant::now();
            }
            let now = Instant::now();
            let mut next_wake = match deadline {
                Some(deadline) => deadline,
                None if landed => loaded_at + RELOAD.min(self.cfg.idle_poll),
                None => loaded_at + self.cfg.idle_poll,
            };
            loop {
                match board.next(now) {
                    Next::Go(ticket, Work::Row(row)) if stopping => {
                        // It stays queued in the database.
                        board.finish(ticket);
                        rows.remove(&row.id);
                    }
                    Next::Go(ticket, work) => {
                        in_flight += 1;
                        if matches!(work, Work::Call(_)) {
                            calls -= 1;
                        }
                        self.launch(ticket, work, done_tx.clone());
                    }
                    Next::Wait(at) => {
                        next_wake = next_wake.min(at);
                        break;
                    }
                    Next::Idle => break,
                }
            }
            tokio::select! {
                () = stop.cancelled(), if !stopping => {}
                () = tokio::time::sleep_until(next_wake) => {}
                () = self.wake.notified() => load = true,
                () = self.courier.inbound.notify.notified() => {}
                Some(done) = done_rx.recv() => {
                    in_flight -= 1;
                    landed |= land(&mut board, &mut rows, &mut calls, done);
                }
            }
        }
        tracing::info!(in_flight, queued = board.len(), "sender stopped");
    }

    /// Puts the due heads of the outbox queues on the board.
    async fn load(&self, board: &mut Board<Work>, rows: &mut HashSet<i64>) {
        let heads =
            match store::outbox::heads(self.db.pool(), self.clock.now(), PER_QUEUE, LOAD).await {
                Ok(heads) => heads,
                Err(e) => {
                    tracing::error!(error = %e, "outbox: cannot read queue");
                    return;
                }
            };
        for row in heads {
            if !rows.insert(row.id) {
                continue;
            }
            let lane = lane_of(&row.lane);
            // A command menu is no message in the chat.
            let chat = match serde_json::from_str::<OutMessage>(&row.payload) {
                Ok(OutMessage::Commands { .. }) => None,
                _ => Some(row.chat_id),
            };
            board.push(lane, chat, Work::Row(row));
        }
    }

    /// Sends one request in its own task, which records the outcome and
    /// reports back.
    fn launch(&self, ticket: Ticket, work: Work, done_tx: mpsc::UnboundedSender<Done>) {
        let bot = self.bot.clone();
        let db = self.db.clone();
        let cfg = self.cfg.clone();
        let clock = self.clock.clone();
        let marks = self.marks.clone();
        tokio::spawn(async move {
            let (row, landing) = match work {
                Work::Row(row) => (
                    Some(row.id),
                    send_row(&bot, &db, &marks, &cfg, &clock, row, ticket.lane).await,
                ),
                Work::Call(call) => (None, send_call(&db, &cfg, &clock, call).await),
            };
            let done = Done {
                ticket,
                row,
                landing,
            };
            // The receiver is gone only when the sender is stopping.
            let _ = done_tx.send(done);
        });
    }
}

fn lane_of(lane: &str) -> Lane {
    match lane {
        "bulk" => Lane::Bulk,
        _ => Lane::Interactive,
    }
}

/// Takes a finished attempt off the board (one to try again goes back on
/// it); says whether an outbox row is over, so its chat's next row may be read.
fn land(board: &mut Board<Work>, rows: &mut HashSet<i64>, calls: &mut usize, done: Done) -> bool {
    let Done {
        ticket,
        row,
        landing,
    } = done;
    match landing {
        Landing::Over => {
            board.finish(ticket);
            row.is_some_and(|id| rows.remove(&id))
        }
        Landing::Retry(at, work) => {
            *calls += usize::from(matches!(work, Work::Call(_)));
            board.retry(ticket, work, at);
            false
        }
        Landing::Hold(wait, work) => {
            *calls += usize::from(matches!(work, Work::Call(_)));
            board.hold(ticket, work, Instant::now() + wait);
            false
        }
    }
}

/// The wait before attempt number `attempts + 1` after a 5xx or a timeout.
fn backoff(cfg: &Sending, attempts: u32) -> Duration {
    let exp = attempts.saturating_sub(1).min(16);
    cfg.retry_initial
        .saturating_mul(1 << exp)
        .min(cfg.retry_max)
}

/// Sends an outbox row and records what became of it. Recorded at once (a
/// delivery with the others being marked, see [`Marks`]): the shorter the
/// time between Telegram's answer and the commit, the fewer messages a crash
/// can make go out twice.
async fn send_row(
    bot: &Bot,
    db: &Db,
    marks: &Marks,
    cfg: &Sending,
    clock: &Clock,
    mut row: OutboxRow,
    lane: Lane,
) -> Landing {
    let paid = lane == Lane::Bulk && cfg.allow_paid_broadcast;
    let verdict = match serde_json::from_str::<OutMessage>(&row.payload) {
        Ok(message) => {
            match deliver(bot, db, row.chat_id, &message, paid, cfg.request_timeout).await {
                Ok(message_id) => {
                    let recorded = marks.sent(row.id, message_id, clock.now()).await;
                    if let Err(e) = recorded {
                        tracing::error!(outbox_id = row.id, error = %e, "outbox: cannot record delivery");
                    }
                    return Landing::Over;
                }
                Err(verdict) => verdict,
            }
        }
        Err(e) => Verdict::Permanent(format!("unreadable payload: {e}")),
    };
    let (id, chat_id) = (row.id, row.chat_id);
    let pool = db.pool();
    let now = clock.now();
    let (landing, recorded) = match verdict {
        Verdict::RetryAfter(wait) => {
            // Not an error: the board pauses and the row goes again.
            tracing::debug!(outbox_id = id, chat_id, ?wait, "telegram asked to wait");
            return Landing::Hold(wait, Work::Row(row));
        }
        Verdict::Transient(error) => {
            row.attempts += 1;
            let attempts = u32::try_from(row.attempts).unwrap_or(u32::MAX);
            if attempts >= cfg.max_attempts {
                tracing::error!(outbox_id = id, chat_id, %error, attempts, "message given up");
                (
                    Landing::Over,
                    db.write(store::outbox::mark_failed(pool, id, &error)).await,
                )
            } else {
                let wait = backoff(cfg, attempts);
                tracing::warn!(outbox_id = id, chat_id, %error, ?wait, "send failed, will retry");
                let at = now + chrono::Duration::from_std(wait).unwrap_or_default();
                let recorded = db
                    .write(store::outbox::mark_retry(pool, id, at, true, &error))
                    .await;
                (
                    Landing::Retry(Instant::now() + wait, Work::Row(row)),
                    recorded,
                )
            }
        }
        Verdict::Blocked(error) => {
            tracing::info!(outbox_id = id, chat_id, %error, "chat unreachable, marking user blocked");
            let recorded = match db.write(store::outbox::mark_failed(pool, id, &error)).await {
                Ok(()) => {
                    db.write(store::users::mark_blocked_by_chat(pool, chat_id, now))
                        .await
                }
                Err(e) => Err(e),
            };
            (Landing::Over, recorded)
        }
        Verdict::Permanent(error) => {
            tracing::error!(outbox_id = id, chat_id, %error, "message refused by telegram");
            (
                Landing::Over,
                db.write(store::outbox::mark_failed(pool, id, &error)).await,
            )
        }
    };
    if let Err(e) = recorded {
        tracing::error!(outbox_id = id, error = %e, "outbox: cannot record delivery");
    }
    landing
}

/// Sends a direct request. A 429 or a retry hands it back to the board; a
/// final answer goes to whoever waits for it, and a request given up is
/// recorded in the outbox as failed (and logged when nobody waits for it).
async fn send_call(db: &Db, cfg: &Sending, clock: &Clock, mut call: Call) -> Landing {
    let answer = match tokio::time::timeout(cfg.request_timeout, call.attempt()).await {
        Ok(answer) => answer,
        Err(_) => Err(teloxide::RequestError::Io(
            std::io::Error::new(std::io::ErrorKind::TimedOut, "timed out").into(),
        )),
    };
    let error = match answer {
        Ok(output) => {
            call.answer(Ok(output));
            return Landing::Over;
        }
        Err(error) => error,
    };
    let verdict = classify(&error);
    let (chat, method) = (call.chat, call.method);
    let reason = match verdict {
        Verdict::RetryAfter(wait) => {
            tracing::debug!(chat_id = chat, method, ?wait, "telegram asked to wait");
            return Landing::Hold(wait, Work::Call(call));
        }
        Verdict::Transient(reason) => {
            call.attempts += 1;
            if call.attempts < cfg.max_attempts {
                let wait = backoff(cfg, call.attempts);
                tracing::warn!(chat_id = chat, method, error = %reason, ?wait, "send failed, will retry");
                return Landing::Retry(Instant::now() + wait, Work::Call(call));
            }
            reason
        }
        Verdict::Blocked(reason) => {
            if let Some(chat) = chat {
                let marked = db
                    .write(store::users::mark_blocked_by_chat(
                        db.pool(),
                        chat,
                        clock.now(),
                    ))
                    .await;
                if let Err(e) = marked {
                    tracing::error!(chat_id = chat, error = %e, "cannot mark a user blocked");
                }
            }
            reason
        }
        Verdict::Permanent(reason) => reason,
    };
    if call.awaited() {
        // Whoever waits for the answer decides what it means.
    } else if method.eq_ignore_ascii_case("answerCallbackQuery")
        || method.eq_ignore_ascii_case("editMessageReplyMarkup")
    {
        // A press handled again after a restart finds its query expired; a
        // card's buttons may already be gone. Both only tidy the chat.
        tracing::debug!(chat_id = chat, method, error = %reason, "tidying request given up");
    } else {
        tracing::error!(chat_id = chat, method, error = %reason, attempts = call.attempts + 1, "message given up");
    }
    let payload = serde_json::json!({ "type": "direct", "method": method }).to_string();
    let lane = call.lane.as_str();
    let recorded = db
        .write(store::outbox::record_failed(
            db.pool(),
            chat.unwrap_or_default(),
            &payload,
            lane,
            &reason,
            clock.now(),
        ))
        .await;
    if let Err(e) = recorded {
        tracing::error!(chat_id = chat, error = %e, "outbox: cannot record a failed request");
    }
    call.answer(Err(error));
    Landing::Over
}
