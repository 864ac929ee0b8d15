//! A ticket's life: its number, status, the moves between statuses, its
//! deadlines and who gets it. Pure rules, no I/O.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::{Calendar, Clock};
use super::request::Kind;

/// Where a ticket is in its life (DOMAIN.md, "A request's life").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Confirmed, nobody to assign it to yet.
    New,
    /// Given to a staff member who has not accepted it yet.
    Assigned,
    /// Accepted: someone is responsible.
    Accepted,
    /// Work has started.
    InProgress,
    /// The assignee says it is done; awaiting the resident's callback.
    Resolved,
    Closed,
    Cancelled,
}

impl Status {
    pub const ALL: [Self; 7] = [
        Self::New,
        Self::Assigned,
        Self::Accepted,
        Self::InProgress,
        Self::Resolved,
        Self::Closed,
        Self::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Assigned => "assigned",
            Self::Accepted => "accepted",
            Self::InProgress => "in_progress",
            Self::Resolved => "resolved",
            Self::Closed => "closed",
            Self::Cancelled => "cancelled",
        }
    }

    /// Still needs work from the desk.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Self::New | Self::Assigned | Self::Accepted | Self::InProgress
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("unknown status `{s}`"))
    }
}

/// Whether a complaint was justified (投訴成立), as a supervisor judges it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Validity {
    Valid,
    Partly,
    NotValid,
}

impl Validity {
    pub const ALL: [Self; 3] = [Self::Valid, Self::Partly, Self::NotValid];

    /// As stored (`tickets.validity`) and as prompts name it (`validity-<…>`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Partly => "partly",
            Self::NotValid => "not_valid",
        }
    }
}

impl FromStr for Validity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or_else(|| format!("unknown validity `{s}`"))
    }
}

/// Something done to a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Accept,
    Decline,
    Start,
    Resolve,
    Cancel,
    Reassign,
    /// A supervisor closes it, with a reason (done some other way, or
    /// resolved and not worth a callback).
    Close,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Accept => "accept",
            Self::Decline => "decline",
            Self::Start => "start",
            Self::Resolve => "resolve",
            Self::Cancel => "cancel",
            Self::Reassign => "reassign",
            Self::Close => "close",
        }
    }
}

/// An action that does not fit the ticket's status (a stale or repeated button).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cannot {action:?} a ticket that is {from}")]
pub struct NotNow {
    pub action: Action,
    pub from: Status,
}

/// The status after `action`; declining and reassigning give the ticket to
/// someone else, so they lead back to `Assigned` (or `New` if nobody is found,
/// which the caller decides).
pub fn next_status(from: Status, action: Action) -> Result<Status, NotNow> {
    use Action as A;
    use Status as S;
    let to = match (action, from) {
        (A::Accept, S::Assigned) => S::Accepted,
        (A::Decline, S::Assigned | S::Accepted) => S::Assigned,
        (A::Start, S::Assigned | S::Accepted) => S::InProgress,
        (A::Resolve, S::Accepted | S::InProgress) => S::Resolved,
        (A::Cancel, S::New | S::Assigned | S::Accepted | S::InProgress) => S::Cancelled,
        (A::Reassign, S::New | S::Assigned | S::Accepted | S::InProgress) => S::Assigned,
        (A::Close, S::New | S::Assigned | S::Accepted | S::InProgress | S::Resolved) => S::Closed,
        _ => return Err(NotNow { action, from }),
    };
    Ok(to)
}

/// The letter that starts a ticket number of this kind.
pub fn prefix(kind: Kind) -> char {
    match kind {
        Kind::Repair => 'R',
        Kind::Complaint => 'C',
        Kind::Booking => 'B',
        Kind::Inquiry | Kind::Unknown => 'Q',
        Kind::Suggestion => 'S',
        Kind::Praise => 'P',
    }
}

/// A readable ticket number: `R-0312`.
pub fn number(kind: Kind, seq: i64) -> String {
    format!("{}-{seq:04}", prefix(kind))
}

/// When someone must accept the ticket, and when it must be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    pub respond_by: DateTime<Utc>,
    pub resolve_by: DateTime<Utc>,
}

/// Deadlines counted from the moment the ticket is opened, on `clock`
/// (around the clock, or in the office hours of `calendar`).
pub fn deadlines(
    opened: DateTime<Utc>,
    respond: Duration,
    resolve: Duration,
    clock: Clock,
    calendar: &Calendar<'_>,
) -> Deadlines {
    Deadlines {
        respond_by: calendar.add(clock, opened, respond),
        resolve_by: calendar.add(clock, opened, resolve),
    }
}

/// A staff member who could take a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub user_id: i64,
    pub on_duty: bool,
    pub open_tickets: i64,
}

/// The on-duty candidate with the least open work (the lowest id on a tie),
/// never one of `excluding` (those who declined the ticket); `None` when
/// nobody else is on duty.
pub fn pick_assignee(candidates: &[Candidate], excluding: &[i64]) -> Option<i64> {
    candidates
        .iter()
        .filter(|c| c.on_duty && !excluding.contains(&c.user_id))
        .min_by_key(|c| (c.open_tickets, c.user_id))
        .map(|c| c.user_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repair_number_reads_r_and_four_digits() {
        assert_eq!(number(Kind::Repair, 312), "R-0312");
        assert_eq!(number(Kind::Complaint, 41), "C-0041");
        assert_eq!(number(Kind::Booking, 12345), "B-12345");
        assert_eq!(number(Kind::Praise, 1), "P-0001");
    }

    #[test]
    fn a_ticket_moves_accept_start_resolve() {
        let s = next_status(Status::Assigned, Action::Accept).unwrap();
        let s = next_status(s, Action::Start).unwrap();
        let s = next_status(s, Action::Resolve).unwrap();
        assert_eq!(s, Status::Resolved);
    }

    #[test]
    fn a_repeated_or_stale_action_is_refused() {
        assert!(next_status(Status::Accepted, Action::Accept).is_err());
        assert!(next_status(Status::Resolved, Action::Start).is_err());
        assert!(next_status(Status::Cancelled, Action::Cancel).is_err());
        assert!(next_status(Status::Closed, Action::Reassign).is_err());
        assert!(next_status(Status::Closed, Action::Close).is_err());
        assert!(next_status(Status::Cancelled, Action::Close).is_err());
        assert_eq!(
            next_status(Status::Resolved, Action::Close),
            Ok(Status::Closed)
        );
    }

    #[test]
    fn the_least_busy_on_duty_member_gets_the_ticket() {
        let c = |user_id, on_duty, open_tickets| Candidate {
            user_id,
            on_duty,
            open_tickets,
        };
        let team = [c(1, true, 3), c(2, false, 0), c(3, true, 1), c(4, true, 1)];
        assert_eq!(pick_assignee(&team, &[]), Some(3));
        assert_eq!(pick_assignee(&team, &[3]), Some(4));
        assert_eq!(pick_assignee(&team, &[3, 4]), Some(1));
        assert_eq!(
            pick_assignee(&team, &[1, 3, 4]),
            None,
            "everyone left declined"
        );
        assert_eq!(pick_assignee(&[c(2, false, 0)], &[]), None);
    }

    #[test]
    fn deadlines_add_the_limits_to_the_opening_time() {
        let t0 = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+08:00")
            .unwrap()
            .to_utc();
        let (week, holidays) = (super::super::calendar::Week::default(), Default::default());
        let calendar = Calendar {
            tz: chrono_tz::Asia::Hong_Kong,
            week: &week,
            holidays: &holidays,
        };
        let d = deadlines(
            t0,
            Duration::from_secs(3600),
            Duration::from_secs(86400),
            Clock::Always,
            &calendar,
        );
        assert_eq!(d.respond_by - t0, chrono::Duration::hours(1));
        assert_eq!(d.resolve_by - t0, chrono::Duration::days(1));
    }
}
