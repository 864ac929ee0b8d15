//! Telegram's flood limits, enforced when a test turns them on: messages a
//! second over all chats, a second per chat and a minute per group. A
//! message past a limit is answered 429 with `retry_after` (the seconds
//! until it would be accepted), as Telegram does, and counted.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use super::Emulator;

/// The limits to enforce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimits {
    /// Messages a second over all chats.
    pub per_second: u32,
    /// Messages a second to one chat.
    pub per_chat_per_second: u32,
    /// Messages a minute to one group (a chat with an id below 0).
    pub group_per_minute: u32,
    /// Slack for the arrival jitter of a busy test machine: each window is
    /// this much shorter than its nominal length (Telegram itself lets short
    /// bursts through).
    pub tolerance: Duration,
}

impl Default for RateLimits {
    /// Telegram's published limits.
    fn default() -> Self {
        Self {
            per_second: 30,
            per_chat_per_second: 1,
            group_per_minute: 20,
            tolerance: Duration::from_millis(100),
        }
    }
}

/// Whether a method puts a message in a chat (or changes one), so that it
/// counts against the limits. Callback answers, menus and reads do not.
pub fn is_metered(method: &str) -> bool {
    method.starts_with("send") && method != "sendChatAction"
        || method.starts_with("edit")
        || matches!(
            method,
            "copyMessage" | "copyMessages" | "forwardMessage" | "forwardMessages"
        )
}

/// The messages accepted lately, and the 429s answered.
#[derive(Debug, Default)]
pub struct Flood {
    pub limits: Option<RateLimits>,
    all: VecDeque<Instant>,
    chats: HashMap<i64, VecDeque<Instant>>,
    pub refused: usize,
}

/// Drops the moments older than `window` and tells when the oldest of the
/// last `limit` leaves it, if `limit` are still in it.
fn full_until(
    times: &mut VecDeque<Instant>,
    window: Duration,
    limit: u32,
    now: Instant,
) -> Option<Instant> {
    while times
        .front()
        .is_some_and(|t| now.saturating_duration_since(*t) >= window)
    {
        times.pop_front();
    }
    let limit = usize::try_from(limit.max(1)).unwrap_or(usize::MAX);
    if times.len() < limit {
        return None;
    }
    times.get(times.len() - limit).map(|t| *t + window)
}

impl Flood {
    /// Checks a message to `chat` arriving at `now`: `Ok` records it, `Err`
    /// carries the `retry_after` seconds of a 429.
    pub fn admit(&mut self, chat: Option<i64>, now: Instant) -> Result<(), u32> {
        let Some(limits) = self.limits.clone() else {
            return Ok(());
        };
        let shorten = |window: Duration| window.saturating_sub(limits.tolerance);
        let mut until = full_until(
            &mut self.all,
            shorten(Duration::from_secs(1)),
            limits.per_second,
            now,
        );
        if let Some(chat) = chat {
            let times = self.chats.entry(chat).or_default();
            let (window, limit) = if chat < 0 {
                (Duration::from_secs(60), limits.group_per_minute)
            } else {
                (Duration::from_secs(1), limits.per_chat_per_second)
            };
            if let Some(at) = full_until(times, shorten(window), limit, now) {
                until = Some(until.map_or(at, |u| u.max(at)));
            }
        }
        if let Some(until) = until {
            self.refused += 1;
            let wait = until.saturating_duration_since(now).as_secs_f64().ceil();
            // Telegram never says 0.
            return Err((wait as u32).max(1));
        }
        self.all.push_back(now);
        if let Some(chat) = chat {
            self.chats.entry(chat).or_default().push_back(now);
        }
        Ok(())
    }
}

impl Emulator {
    /// From now on, messages past Telegram's flood limits get 429 with
    /// `retry_after`, and are counted ([`Emulator::rate_limited`]).
    pub fn enforce_limits(&self, limits: RateLimits) {
        self.shared.write(|s| s.flood.limits = Some(limits));
    }

    /// How many requests the flood limits refused with 429.
    pub fn rate_limited(&self) -> usize {
        self.shared.read().flood.refused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flood() -> Flood {
        Flood {
            limits: Some(RateLimits {
                tolerance: Duration::ZERO,
                ..RateLimits::default()
            }),
            ..Flood::default()
        }
    }

    #[test]
    fn a_second_message_to_a_chat_within_a_second_is_refused_for_a_second() {
        let mut f = flood();
        let t = Instant::now();
        assert_eq!(f.admit(Some(1), t), Ok(()));
        assert_eq!(f.admit(Some(1), t + Duration::from_millis(400)), Err(1));
        assert_eq!(f.admit(Some(2), t + Duration::from_millis(400)), Ok(()));
        assert_eq!(f.admit(Some(1), t + Duration::from_secs(1)), Ok(()));
        assert_eq!(f.refused, 1);
    }

    #[test]
    fn the_thirty_first_message_in_a_second_is_refused() {
        let mut f = flood();
        let t = Instant::now();
        for chat in 0..30 {
            assert_eq!(f.admit(Some(chat), t), Ok(()));
        }
        assert_eq!(f.admit(Some(99), t + Duration::from_millis(500)), Err(1));
        assert_eq!(f.admit(Some(99), t + Duration::from_secs(1)), Ok(()));
    }

    #[test]
    fn a_group_gets_twenty_a_minute() {
        let mut f = flood();
        let t = Instant::now();
        for n in 0..20 {
            assert_eq!(f.admit(Some(-5), t + Duration::from_secs(n)), Ok(()));
        }
        assert_eq!(f.admit(Some(-5), t + Duration::from_secs(21)), Err(39));
    }

    #[test]
    fn without_limits_everything_goes() {
        let mut f = Flood::default();
        let t = Instant::now();
        for _ in 0..100 {
            assert_eq!(f.admit(Some(1), t), Ok(()));
        }
        assert_eq!(f.refused, 0);
    }

    #[test]
    fn callback_answers_and_menus_are_not_messages() {
        assert!(is_metered("sendMessage") && is_metered("editMessageText"));
        assert!(is_metered("copyMessage") && is_metered("sendPhoto"));
        assert!(!is_metered("answerCallbackQuery") && !is_metered("setMyCommands"));
        assert!(!is_metered("sendChatAction") && !is_metered("getUpdates"));
    }
}
