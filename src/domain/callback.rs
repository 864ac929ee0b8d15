//! Callbacks (回訪) after a ticket is resolved, and reminders before a booked
//! visit: what an answer means and when each falls due. Pure rules, no I/O.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::ticket::Status;

/// What the resident (or customer service, from a phone call) says about a
/// resolved ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Satisfied, from 1 (poor) to 5 (very good) stars.
    Stars(u8),
    /// The problem is still there.
    NotFixed,
    /// Customer service heard on the phone that the resident is satisfied
    /// (no stars given).
    Satisfied,
}

/// What an answer does to the ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The ticket is closed.
    Close,
    /// The ticket goes back to work, escalated.
    Reopen,
}

/// The lowest rating that closes a ticket; anything lower reopens it.
pub const SATISFIED_FROM: u8 = 3;

impl Answer {
    /// A star rating, when it is one of 1–5.
    pub fn stars(stars: u8) -> Option<Self> {
        (1..=5).contains(&stars).then_some(Self::Stars(stars))
    }

    /// Closing for 3 stars and up (or a plain "satisfied"), reopening for 2
    /// and below or "not fixed".
    pub fn outcome(self) -> Outcome {
        match self {
            Self::Stars(stars) if stars >= SATISFIED_FROM => Outcome::Close,
            Self::Satisfied => Outcome::Close,
            Self::Stars(_) | Self::NotFixed => Outcome::Reopen,
        }
    }

    /// The rating to store, if stars were given.
    pub fn rating(self) -> Option<u8> {
        match self {
            Self::Stars(stars) => Some(stars),
            Self::NotFixed | Self::Satisfied => None,
        }
    }
}

/// Where a callback stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for its moment.
    Pending,
    /// The resident was asked in Telegram.
    Asked,
    /// Customer service is to phone the resident.
    Phone,
    /// An answer is recorded.
    Answered,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Asked => "asked",
            Self::Phone => "phone",
            Self::Answered => "answered",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Pending, Self::Asked, Self::Phone, Self::Answered]
            .into_iter()
            .find(|st| st.as_str() == s)
    }

    /// Whether an answer may still be recorded. The first answer wins: the
    /// resident may still press after the phone task went out, and customer
    /// service's buttons then say it is already recorded.
    pub fn open(self) -> bool {
        matches!(self, Self::Asked | Self::Phone)
    }
}

/// A moment plus a configured duration (saturating far in the future).
pub fn after(at: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    at + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX / 4)
}

/// When to remind the resident of a visit starting at `start`: `lead` before
/// it, or not at all when that moment has already passed.
pub fn visit_reminder_at(
    start: DateTime<Utc>,
    lead: Duration,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let lead = chrono::Duration::from_std(lead).ok()?;
    let at = start.checked_sub_signed(lead)?;
    (at > now).then_some(at)
}

/// Whether a visit reminder still makes sense: someone has taken the ticket
/// and the work is not over (nor cancelled, nor handed back to nobody yet).
pub fn visit_still_on(status: Status) -> bool {
    matches!(status, Status::Accepted | Status::InProgress)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn three_stars_and_up_close_and_two_or_less_reopen() {
        for stars in 1..=5 {
            let expected = if stars >= 3 {
                Outcome::Close
            } else {
                Outcome::Reopen
            };
            assert_eq!(Answer::stars(stars).unwrap().outcome(), expected, "{stars}");
        }
    }

    #[test]
    fn not_fixed_reopens_and_a_phone_satisfied_closes_without_stars() {
        assert_eq!(Answer::NotFixed.outcome(), Outcome::Reopen);
        assert_eq!(Answer::NotFixed.rating(), None);
        assert_eq!(Answer::Satisfied.outcome(), Outcome::Close);
        assert_eq!(Answer::Satisfied.rating(), None);
        assert_eq!(Answer::Stars(4).rating(), Some(4));
    }

    #[test]
    fn zero_or_six_stars_are_not_a_rating() {
        assert_eq!(Answer::stars(0), None);
        assert_eq!(Answer::stars(6), None);
    }

    #[test]
    fn an_answer_is_taken_while_asked_or_on_the_phone_list_only() {
        assert!(Stage::Asked.open());
        assert!(Stage::Phone.open());
        assert!(!Stage::Pending.open());
        assert!(!Stage::Answered.open());
        for stage in [Stage::Pending, Stage::Asked, Stage::Phone, Stage::Answered] {
            assert_eq!(Stage::parse(stage.as_str()), Some(stage));
        }
        assert_eq!(Stage::parse("lost"), None);
    }

    #[test]
    fn a_visit_at_three_is_reminded_at_two_with_an_hour_of_lead() {
        let now = at("2026-11-28T09:00:00+08:00");
        let start = at("2026-11-28T15:00:00+08:00");
        assert_eq!(
            visit_reminder_at(start, Duration::from_secs(3600), now),
            Some(at("2026-11-28T14:00:00+08:00"))
        );
    }

    #[test]
    fn a_visit_too_close_to_remind_gets_no_reminder() {
        let now = at("2026-11-28T14:30:00+08:00");
        let start = at("2026-11-28T15:00:00+08:00");
        assert_eq!(
            visit_reminder_at(start, Duration::from_secs(3600), now),
            None
        );
        assert_eq!(visit_reminder_at(now, Duration::ZERO, now), None);
    }

    #[test]
    fn only_a_taken_and_unfinished_ticket_is_reminded_of_its_visit() {
        assert!(visit_still_on(Status::Accepted));
        assert!(visit_still_on(Status::InProgress));
        for status in [
            Status::New,
            Status::Assigned,
            Status::Resolved,
            Status::Closed,
            Status::Cancelled,
        ] {
            assert!(!visit_still_on(status), "{status}");
        }
    }

    #[test]
    fn a_day_after_resolution_is_a_day_later() {
        let t0 = at("2026-11-28T09:00:00+08:00");
        assert_eq!(
            after(t0, Duration::from_secs(86_400)),
            at("2026-11-29T09:00:00+08:00")
        );
    }
}
