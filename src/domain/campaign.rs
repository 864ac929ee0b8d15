//! What surveys and notices share: who they go to ([`Audience`]), what kind
//! of campaign a row is, where it stands, and what a notice says.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::survey::Localized;

/// Whom a campaign is sent to. Only residents bound to a unit are ever in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Audience {
    /// Every resident.
    All,
    /// Residents of these buildings (as in the register: `3`, `B`).
    Buildings { buildings: Vec<String> },
    /// Residents whose tickets were closed in `[from, to)`: a post-service survey.
    ClosedTickets {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    /// Residents who were sent survey `survey` and have not finished it.
    NotAnswered { survey: i64 },
}

impl Audience {
    /// Buildings as written by a person: upper case, trimmed, no blanks, no repeats.
    pub fn buildings(names: impl IntoIterator<Item = impl AsRef<str>>) -> Self {
        let mut buildings: Vec<String> = names
            .into_iter()
            .map(|n| n.as_ref().trim().to_uppercase())
            .filter(|n| !n.is_empty())
            .collect();
        buildings.sort();
        buildings.dedup();
        Self::Buildings { buildings }
    }
}

/// A survey or a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum Kind {
    Survey,
    Notice,
}

/// Where a campaign stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum Status {
    /// Being put together; nothing sent.
    Draft,
    /// Sent for a later time; nothing sent yet.
    Scheduled,
    /// Its recipients are being queued.
    Sending,
    /// Everyone has been queued; answers (or 收到) are taken.
    Open,
    /// Past its closing time: late answers are thanked, not counted.
    Closed,
    /// Withdrawn before it was sent.
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Scheduled => "scheduled",
            Self::Sending => "sending",
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Cancelled => "cancelled",
        }
    }

    /// Whether residents may still answer.
    pub fn takes_answers(self) -> bool {
        matches!(self, Self::Sending | Self::Open)
    }
}

/// A notice (公告): a text, optionally with a photo or a document, and
/// optionally a "收到" button whose presses are counted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub text: Localized,
    /// A Telegram file id of a photo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// A Telegram file id of a document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Whether residents get an "I have read it / 收到" button.
    #[serde(default)]
    pub ack: bool,
}

/// Telegram's limit on a caption; a notice with a photo keeps its text within it.
pub const MAX_CAPTION: usize = 1_024;
/// Telegram's limit on a message; with its frame a notice stays within it.
pub const MAX_NOTICE: usize = 3_800;

/// A count of a campaign's recipients by what became of their message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Delivery {
    pub recipients: i64,
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    pub blocked: i64,
    pub started: i64,
    pub completed: i64,
}

impl Delivery {
    /// Completed ÷ sent, 0 when nothing was sent.
    pub fn response_rate(&self) -> f64 {
        if self.sent == 0 {
            0.0
        } else {
            self.completed as f64 / self.sent as f64
        }
    }

    /// How long the rest takes to go out at `per_second`, in whole seconds.
    pub fn seconds_to_finish(&self, still_to_queue: i64, per_second: u32) -> i64 {
        let left = self.queued + still_to_queue.max(0);
        let rate = i64::from(per_second.max(1));
        (left + rate - 1) / rate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buildings_are_tidied_as_the_register_writes_them() {
        assert_eq!(
            Audience::buildings([" b", "3", "", "B", "13 "]),
            Audience::Buildings {
                buildings: vec!["13".to_owned(), "3".to_owned(), "B".to_owned()]
            }
        );
    }

    #[test]
    fn the_response_rate_is_over_what_was_sent() {
        let d = Delivery {
            recipients: 10,
            sent: 8,
            completed: 2,
            ..Delivery::default()
        };
        assert!((d.response_rate() - 0.25).abs() < 1e-9);
        assert_eq!(Delivery::default().response_rate(), 0.0);
    }

    #[test]
    fn time_to_finish_counts_what_is_queued_and_still_to_queue() {
        let d = Delivery {
            queued: 29,
            ..Delivery::default()
        };
        assert_eq!(d.seconds_to_finish(31, 30), 2);
        assert_eq!(Delivery::default().seconds_to_finish(0, 30), 0);
    }

    #[test]
    fn an_audience_reads_back_as_written() {
        let a = Audience::NotAnswered { survey: 4 };
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"kind":"not_answered","survey":4}"#);
        assert_eq!(serde_json::from_str::<Audience>(&json).unwrap(), a);
    }
}
