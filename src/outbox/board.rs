//! The sender's board: everything waiting to go to Telegram, queued per chat
//! and lane, and the limits that say what may go now. Pure: the time is
//! passed in, so the rules are tested without a clock or a network.
//!
//! - Interactive before bulk: when both could go, the interactive one goes.
//! - Fair: the chats of a lane take turns (round robin), so one chat with
//!   hundreds of queued messages never delays the others.
//! - In order: one request per chat at a time; a retried one goes back to
//!   the head of its chat's queue.
//! - Within Telegram's limits: an even spacing under `global_per_second`
//!   (bulk at the paid rate of its own when paid broadcasts are allowed), one
//!   message per `per_chat_interval` to a chat, `group_per_minute` to a group.
//! - A 429 holds the chat and pauses its lane (an interactive 429 pauses
//!   every lane) until `retry_after` has passed.
//!
//! Requests that are not messages in a chat (callback answers, command
//! menus, a message's buttons changed) are "free": they skip the per-chat and overall message limits but
//! keep the lane order, the pauses and the retries.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use tokio::time::Instant;

use super::Lane;
use crate::config::Sending;

/// Telegram's rate for broadcasts sent with `allow_paid_broadcast`.
pub const PAID_PER_SECOND: u32 = 1000;

const SECOND: Duration = Duration::from_secs(1);

/// The limits the board keeps to.
#[derive(Debug, Clone)]
pub struct Limits {
    pub global_per_second: u32,
    pub per_chat_interval: Duration,
    pub group_per_minute: u32,
    /// Bulk messages go at the paid rate, beside the free budget.
    pub paid_bulk: bool,
}

impl Limits {
    pub fn new(cfg: &Sending) -> Self {
        Self {
            global_per_second: cfg.global_per_second,
            per_chat_interval: cfg.per_chat_interval,
            group_per_minute: cfg.group_per_minute,
            paid_bulk: cfg.allow_paid_broadcast,
        }
    }

    /// The least time between two messages to a chat (groups have ids below 0).
    fn interval(&self, chat: i64) -> Duration {
        if chat < 0 {
            let per_group = Duration::from_secs(60) / self.group_per_minute.max(1);
            per_group.max(self.per_chat_interval)
        } else {
            self.per_chat_interval
        }
    }
}

/// Where a request taken off the board came from, to be handed back with
/// [`Board::finish`], [`Board::retry`] or [`Board::hold`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket {
    pub lane: Lane,
    /// The chat of a message; `None` for a free request.
    pub chat: Option<i64>,
}

/// What may happen next.
#[derive(Debug)]
pub enum Next<T> {
    /// Send this now.
    Go(Ticket, T),
    /// Nothing may go before this moment (or before a request in flight ends).
    Wait(Instant),
    /// Nothing is waiting that time alone would release.
    Idle,
}

#[derive(Debug)]
struct Entry<T> {
    value: T,
    /// Not before this moment (a retry's backoff).
    ready: Option<Instant>,
}

/// One chat: its queue in each lane and its pacing.
#[derive(Debug)]
struct Line<T> {
    queues: [VecDeque<Entry<T>>; 2],
    in_ring: [bool; 2],
    /// A request to this chat is in flight.
    busy: bool,
    last: Option<Instant>,
    /// Telegram asked us to leave this chat alone until then.
    hold: Option<Instant>,
}

impl<T> Line<T> {
    fn new() -> Self {
        Self {
            queues: [VecDeque::new(), VecDeque::new()],
            in_ring: [false, false],
            busy: false,
            last: None,
            hold: None,
        }
    }

    fn is_idle(&self) -> bool {
        !self.busy && self.queues.iter().all(VecDeque::is_empty)
    }
}

/// An overall rate: even spacing, and at most `per_second` in any second.
#[derive(Debug)]
struct Rate {
    spacing: Duration,
    per_second: usize,
    recent: VecDeque<Instant>,
    last: Option<Instant>,
}

impl Rate {
    fn new(per_second: u32) -> Self {
        let per_second = per_second.max(1);
        Self {
            spacing: SECOND / per_second,
            per_second: per_second as usize,
            recent: VecDeque::new(),
            last: None,
        }
    }

    /// The first moment another message may go.
    fn ready_at(&mut self, now: Instant) -> Instant {
        while self
            .recent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= SECOND)
        {
            self.recent.pop_front();
        }
        let mut at = now;
        if let Some(last) = self.last {
            at = at.max(last + self.spacing);
        }
        if self.recent.len() >= self.per_second
            && let Some(first) = self.recent.front()
        {
            at = at.max(*first + SECOND);
        }
        at
    }

    /// Counts a message going at `now`. A send a little late (the sender
    /// woke after its slot) keeps the slots' grid, so the lateness does not
    /// add up and the rate stays at the limit; the count over the last
    /// second still holds it there.
    fn take(&mut self, now: Instant) {
        self.recent.push_back(now);
        let slot = match self.last {
            Some(last) if now < last + self.spacing * 2 => last + self.spacing,
            _ => now,
        };
        self.last = Some(slot.min(now));
    }
}

/// Everything waiting to be sent, and the limits.
#[derive(Debug)]
pub struct Board<T> {
    limits: Limits,
    lines: HashMap<i64, Line<T>>,
    /// Per lane, the chats with something queued in it, in turn order.
    rings: [VecDeque<i64>; 2],
    free: [VecDeque<Entry<T>>; 2],
    global: Rate,
    paid: Rate,
    paused: [Option<Instant>; 2],
    queued: usize,
    last_sweep: Option<Instant>,
}

fn slot(lane: Lane) -> usize {
    match lane {
        Lane::Interactive => 0,
        Lane::Bulk => 1,
    }
}

const LANES: [Lane; 2] = [Lane::Interactive, Lane::Bulk];

fn earliest(a: Option<Instant>, b: Instant) -> Option<Instant> {
    Some(a.map_or(b, |a| a.min(b)))
}

impl<T> Board<T> {
    pub fn new(limits: Limits) -> Self {
        Self {
            global: Rate::new(limits.global_per_second),
            paid: Rate::new(PAID_PER_SECOND),
            limits,
            lines: HashMap::new(),
            rings: [VecDeque::new(), VecDeque::new()],
            free: [VecDeque::new(), VecDeque::new()],
            paused: [None, None],
            queued: 0,
            last_sweep: None,
        }
    }

    /// Requests waiting (not those in flight).
    pub fn len(&self) -> usize {
        self.queued
    }

    pub fn is_empty(&self) -> bool {
        self.queued == 0
    }

    /// Queues a request at the back of its chat's lane (or of the lane's
    /// free requests when `chat` is `None`).
    pub fn push(&mut self, lane: Lane, chat: Option<i64>, value: T) {
        self.put(lane, chat, Entry { value, ready: None }, false);
    }

    /// A request is over (delivered or given up): its chat is free again.
    pub fn finish(&mut self, ticket: Ticket) {
        if let Some(line) = ticket.chat.and_then(|c| self.lines.get_mut(&c)) {
            line.busy = false;
        }
    }

    /// Puts a request back at the head of its chat's lane, to go again no
    /// earlier than `at`; the chat's order is kept.
    pub fn retry(&mut self, ticket: Ticket, value: T, at: Instant) {
        self.finish(ticket);
        let entry = Entry {
            value,
            ready: Some(at),
        };
        self.put(ticket.lane, ticket.chat, entry, true);
    }

    /// Telegram answered 429: the request goes back to the head of its
    /// chat's lane, the chat is held and the lane paused until `until` (an
    /// interactive 429 pauses the bulk lane too).
    pub fn hold(&mut self, ticket: Ticket, value: T, until: Instant) {
        self.finish(ticket);
        if let Some(chat) = ticket.chat {
            let line = self.lines.entry(chat).or_insert_with(Line::new);
            line.hold = Some(line.hold.map_or(until, |h| h.max(until)));
        }
        let lanes: &[Lane] = match ticket.lane {
            Lane::Interactive => &LANES,
            Lane::Bulk => &[Lane::Bulk],
        };
        for lane in lanes {
            let paused = &mut self.paused[slot(*lane)];
            *paused = Some(paused.map_or(until, |p| p.max(until)));
        }
        self.put(ticket.lane, ticket.chat, Entry { value, ready: None }, true);
    }

    fn put(&mut self, lane: Lane, chat: Option<i64>, entry: Entry<T>, front: bool) {
        self.queued += 1;
        let s = slot(lane);
        let Some(chat) = chat else {
            match front {
                true => self.free[s].push_front(entry),
                false => self.free[s].push_back(entry),
            }
            return;
        };
        let line = self.lines.entry(chat).or_insert_with(Line::new);
        match front {
            true => line.queues[s].push_front(entry),
            false => line.queues[s].push_back(entry),
        }
        if !line.in_ring[s] {
            line.in_ring[s] = true;
            // A chat coming back with a retry takes its turn first.
            match front {
                true => self.rings[s].push_front(chat),
                false => self.rings[s].push_back(chat),
            }
        }
    }

    /// The next request that may go at `now`, taken off the board.
    pub fn next(&mut self, now: Instant) -> Next<T> {
        self.sweep(now);
        let mut wake = None;
        for lane in LANES {
            let s = slot(lane);
            if let Some(until) = self.paused[s] {
                if until > now {
                    wake = earliest(wake, until);
                    continue;
                }
                self.paused[s] = None;
            }
            if let Some(value) = self.take_free(s, now, &mut wake) {
                let ticket = Ticket { lane, chat: None };
                return Next::Go(ticket, value);
            }
            if self.rings[s].is_empty() {
                continue;
            }
            let paid = lane == Lane::Bulk && self.limits.paid_bulk;
            let rate = if paid {
                &mut self.paid
            } else {
                &mut self.global
            };
            let ready = rate.ready_at(now);
            if ready > now {
                wake = earliest(wake, ready);
                continue;
            }
            if let Some((chat, value)) = self.take_chat(s, now, &mut wake) {
                let rate = if paid {
                    &mut self.paid
                } else {
                    &mut self.global
                };
                rate.take(now);
                let ticket = Ticket {
                    lane,
                    chat: Some(chat),
                };
                return Next::Go(ticket, value);
            }
        }
        wake.map_or(Next::Idle, Next::Wait)
    }

    fn take_free(&mut self, s: usize, now: Instant, wake: &mut Option<Instant>) -> Option<T> {
        let index = self.free[s].iter().position(|e| match e.ready {
            Some(at) if at > now => {
                *wake = earliest(*wake, at);
                false
            }
            _ => true,
        })?;
        self.queued -= 1;
        self.free[s].remove(index).map(|e| e.value)
    }

    /// The first chat in the lane's turn order that may receive now.
    fn take_chat(
        &mut self,
        s: usize,
        now: Instant,
        wake: &mut Option<Instant>,
    ) -> Option<(i64, T)> {
        for i in 0..self.rings[s].len() {
            let chat = self.rings[s][i];
            let interval = self.limits.interval(chat);
            let Some(line) = self.lines.get_mut(&chat) else {
                continue;
            };
            if line.busy {
                // Its answer will wake the sender.
                continue;
            }
            let Some(head) = line.queues[s].front() else {
                continue;
            };
            let mut at = now;
            if let Some(last) = line.last {
                at = at.max(last + interval);
            }
            if let Some(hold) = line.hold {
                at = at.max(hold);
            }
            if let Some(ready) = head.ready {
                at = at.max(ready);
            }
            if at > now {
                *wake = earliest(*wake, at);
                continue;
            }
            let entry = line.queues[s].pop_front()?;
            line.busy = true;
            line.last = Some(now);
            line.hold = None;
            self.rings[s].remove(i);
            if line.queues[s].is_empty() {
                line.in_ring[s] = false;
            } else {
                self.rings[s].push_back(chat);
            }
            self.queued -= 1;
            return Some((chat, entry.value));
        }
        None
    }

    /// Forgets chats that have nothing queued and have been quiet longer than
    /// any interval (at most once a second).
    fn sweep(&mut self, now: Instant) {
        if self
            .last_sweep
            .is_some_and(|t| now.saturating_duration_since(t) < SECOND)
        {
            return;
        }
        self.last_sweep = Some(now);
        let keep = Duration::from_secs(60).max(self.limits.per_chat_interval);
        self.lines.retain(|_, line| {
            !line.is_idle()
                || line
                    .last
                    .is_some_and(|t| now.saturating_duration_since(t) < keep)
                || line.hold.is_some_and(|h| h > now)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(per_second: u32, interval_ms: u64) -> Limits {
        Limits {
            global_per_second: per_second,
            per_chat_interval: Duration::from_millis(interval_ms),
            group_per_minute: 20,
            paid_bulk: false,
        }
    }

    /// Runs the board for `span`, finishing each request at once; returns
    /// what went, with the moment it went.
    fn drain(
        board: &mut Board<u32>,
        start: Instant,
        span: Duration,
    ) -> Vec<(Instant, Ticket, u32)> {
        let mut now = start;
        let mut out = Vec::new();
        while now < start + span {
            match board.next(now) {
                Next::Go(ticket, value) => {
                    board.finish(ticket);
                    out.push((now, ticket, value));
                }
                Next::Wait(at) => now = at,
                Next::Idle => break,
            }
        }
        out
    }

    #[test]
    fn interactive_messages_go_before_bulk_ones() {
        let mut board = Board::new(limits(30, 0));
        for n in 0..10 {
            board.push(Lane::Bulk, Some(100 + i64::from(n)), n);
        }
        board.push(Lane::Interactive, Some(1), 99);
        let sent = drain(&mut board, Instant::now(), SECOND);
        assert_eq!(sent[0].2, 99);
        assert_eq!(sent.len(), 11);
    }

    #[test]
    fn one_chat_with_hundreds_queued_does_not_delay_the_others() {
        let mut board = Board::new(limits(30, 0));
        for n in 0..500 {
            board.push(Lane::Bulk, Some(1), n);
        }
        for chat in 2..12 {
            board.push(Lane::Bulk, Some(chat), 1000);
        }
        let sent = drain(&mut board, Instant::now(), SECOND);
        // Turns: chat 1 and each other chat alternate, so all ten others are
        // served among the first 20 sends.
        let others = sent[..20]
            .iter()
            .filter(|(_, t, _)| t.chat != Some(1))
            .count();
        assert_eq!(others, 10);
    }

    #[test]
    fn the_overall_rate_is_evenly_spaced_and_capped() {
        let mut board = Board::new(limits(30, 0));
        for chat in 0..100 {
            board.push(Lane::Interactive, Some(chat), 0);
        }
        let start = Instant::now();
        let sent = drain(&mut board, start, Duration::from_secs(2));
        for pair in sent.windows(2) {
            assert!(pair[1].0 - pair[0].0 >= SECOND / 30);
        }
        let first_second = sent.iter().filter(|(t, ..)| *t < start + SECOND).count();
        assert!(first_second <= 30, "{first_second} in the first second");
    }

    #[test]
    fn sending_a_little_late_does_not_lower_the_rate() {
        let mut board = Board::new(limits(30, 0));
        for chat in 0..300 {
            board.push(Lane::Bulk, Some(chat), 0);
        }
        let start = Instant::now();
        let mut now = start;
        let mut sent = 0;
        while now < start + Duration::from_secs(5) {
            match board.next(now) {
                Next::Go(ticket, _) => {
                    board.finish(ticket);
                    sent += 1;
                }
                // The sender wakes 3 ms after each slot.
                Next::Wait(at) => now = at + Duration::from_millis(3),
                Next::Idle => break,
            }
        }
        assert!((148..=150).contains(&sent), "{sent} in five seconds");
    }

    #[test]
    fn a_chat_gets_one_message_per_interval_and_in_order() {
        let mut board = Board::new(limits(30, 1000));
        for n in 0..3 {
            board.push(Lane::Interactive, Some(7), n);
        }
        let start = Instant::now();
        let sent = drain(&mut board, start, Duration::from_secs(5));
        let values: Vec<u32> = sent.iter().map(|s| s.2).collect();
        assert_eq!(values, [0, 1, 2]);
        assert_eq!(sent[1].0 - sent[0].0, SECOND);
        assert_eq!(sent[2].0 - sent[1].0, SECOND);
    }

    #[test]
    fn a_group_gets_its_per_minute_rate() {
        let mut board = Board::new(limits(30, 0));
        board.push(Lane::Interactive, Some(-5), 0);
        board.push(Lane::Interactive, Some(-5), 1);
        let sent = drain(&mut board, Instant::now(), Duration::from_secs(10));
        assert_eq!(sent[1].0 - sent[0].0, Duration::from_secs(3));
    }

    #[test]
    fn a_retried_message_keeps_its_chats_order() {
        let mut board = Board::new(limits(30, 0));
        board.push(Lane::Interactive, Some(7), 0);
        board.push(Lane::Interactive, Some(7), 1);
        let now = Instant::now();
        let Next::Go(ticket, first) = board.next(now) else {
            panic!("the first goes");
        };
        // While the first is in flight, the second waits.
        assert!(!matches!(board.next(now + SECOND), Next::Go(..)));
        board.retry(ticket, first, now + SECOND * 2);
        let sent = drain(&mut board, now + SECOND, Duration::from_secs(5));
        let values: Vec<u32> = sent.iter().map(|s| s.2).collect();
        assert_eq!(values, [0, 1]);
        assert!(sent[0].0 >= now + SECOND * 2);
    }

    #[test]
    fn a_429_holds_its_lane_and_an_interactive_one_pauses_bulk_too() {
        let mut board = Board::new(limits(30, 0));
        board.push(Lane::Interactive, Some(1), 0);
        board.push(Lane::Interactive, Some(2), 1);
        board.push(Lane::Bulk, Some(3), 2);
        let now = Instant::now();
        let Next::Go(ticket, value) = board.next(now) else {
            panic!("the first goes");
        };
        board.hold(ticket, value, now + SECOND * 2);
        let sent = drain(&mut board, now, Duration::from_secs(5));
        assert!(sent.iter().all(|(t, ..)| *t >= now + SECOND * 2));
        assert_eq!(sent.len(), 3);
        assert_eq!(sent[0].2, 0, "the held message goes first");
    }

    #[test]
    fn a_bulk_429_leaves_the_interactive_lane_alone() {
        let mut board = Board::new(limits(30, 0));
        board.push(Lane::Bulk, Some(3), 2);
        let now = Instant::now();
        let Next::Go(ticket, value) = board.next(now) else {
            panic!("the bulk message goes");
        };
        board.hold(ticket, value, now + SECOND * 5);
        board.push(Lane::Interactive, Some(1), 0);
        let Next::Go(ticket, value) = board.next(now + SECOND) else {
            panic!("the interactive message goes during the bulk pause");
        };
        assert_eq!((ticket.lane, value), (Lane::Interactive, 0));
    }

    #[test]
    fn paid_bulk_runs_beside_the_free_budget() {
        let mut board = Board::new(Limits {
            paid_bulk: true,
            ..limits(30, 0)
        });
        for chat in 0..300 {
            board.push(Lane::Bulk, Some(chat), 0);
        }
        for chat in 1000..1030 {
            board.push(Lane::Interactive, Some(chat), 1);
        }
        let start = Instant::now();
        let sent = drain(&mut board, start, SECOND);
        let bulk = sent.iter().filter(|(_, t, _)| t.lane == Lane::Bulk).count();
        let interactive = sent.len() - bulk;
        assert_eq!(bulk, 300);
        assert!(interactive >= 29, "{interactive} interactive in the second");
    }

    #[test]
    fn free_requests_skip_the_message_limits() {
        let mut board = Board::new(limits(1, 1000));
        board.push(Lane::Interactive, Some(1), 0);
        for n in 1..=5 {
            board.push(Lane::Interactive, None, n);
        }
        let now = Instant::now();
        let mut went = Vec::new();
        while let Next::Go(ticket, value) = board.next(now) {
            board.finish(ticket);
            went.push(value);
        }
        assert_eq!(went.len(), 6, "{went:?}");
    }
}
