//! Jobs as data: what is to happen at a set time, stored in SQLite by the
//! work that causes it (in that work's transaction) and run by the
//! scheduler when it falls due. The desk schedules jobs and the scheduler
//! calls the desk to run them; both use this module and neither imports
//! the other's, so there is no desk ↔ scheduler loop.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::outbox::OutMessage;
use crate::store::{self, Tx};

/// Which limit of a ticket a deadline check is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaLimit {
    Respond,
    Resolve,
}

/// A deadline check: a reminder before the limit, or the escalation at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaStage {
    Reminder,
    Overdue,
}

/// A callback's (回訪) timed steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallbackStep {
    /// Ask the resident (or, if they cannot be asked, customer service).
    Ask,
    /// The resident has not answered: customer service phones them.
    Timeout,
}

/// A booking's reminders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStage {
    /// The day before the slot.
    DayBefore,
    /// Shortly before it (`tickets.visit_reminder_lead`).
    Soon,
}

/// A survey's or notice's timed steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum CampaignStep {
    /// Queue the next recipients (user ids after `after`).
    Deliver { after: i64 },
    /// Remind those who have not finished.
    Remind,
    /// Close the survey.
    Close,
}

/// What a job does when it falls due.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    /// Deliver a message at a set time (notices, reminders).
    Deliver { chat_id: i64, message: OutMessage },
    /// A ticket's deadline check (reminder or escalation).
    Sla {
        ticket_id: i64,
        limit: SlaLimit,
        stage: SlaStage,
    },
    /// A callback (回訪) step after resolution.
    Callback {
        callback_id: i64,
        step: CallbackStep,
    },
    /// Remind the resident of a booked visit.
    VisitReminder { ticket_id: i64 },
    /// Remind the resident of a booking, if it still holds the slot that
    /// starts at `start` (Unix seconds).
    BookingReminder {
        booking_id: i64,
        stage: BookingStage,
        start: i64,
    },
    /// The monthly report of `month` (`YYYY-MM`) to supervisors and managers.
    MonthlyReport { month: String },
    /// The daily follow-up of a key complaint (重點投訴); it plans the next
    /// day's itself while the complaint is open.
    KeyFollowUp { ticket_id: i64 },
    /// The daily digest to supervisors of the estate day `day` (`YYYY-MM-DD`),
    /// about the day before.
    DailyDigest { day: String },
    /// A survey's or notice's step: queue recipients, remind, close.
    Campaign {
        campaign_id: i64,
        step: CampaignStep,
    },
}

impl Job {
    /// The job's kind as stored beside it (for reading the table by eye).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Deliver { .. } => "deliver",
            Self::Sla { .. } => "sla",
            Self::Callback { .. } => "callback",
            Self::VisitReminder { .. } => "visit_reminder",
            Self::BookingReminder { .. } => "booking_reminder",
            Self::MonthlyReport { .. } => "monthly_report",
            Self::Campaign { .. } => "campaign",
            Self::KeyFollowUp { .. } => "key_follow_up",
            Self::DailyDigest { .. } => "daily_digest",
        }
    }
}

/// Stores a job inside the caller's transaction. With a `dedupe_key`, a job
/// already scheduled under that key is kept and this one is dropped.
pub async fn schedule(
    tx: &mut Tx,
    job: &Job,
    due_at: DateTime<Utc>,
    dedupe_key: Option<&str>,
) -> Result<bool, Error> {
    let payload = serde_json::to_string(job).map_err(|e| Error::Other(e.to_string()))?;
    Ok(store::jobs::schedule(tx, job.kind(), &payload, due_at, dedupe_key).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_job_reads_as_it_did_before_jobs_were_their_own_module() {
        // Rows written by earlier versions must still run.
        let sla: Job = serde_json::from_str(
            r#"{"kind":"sla","ticket_id":7,"limit":"respond","stage":"overdue"}"#,
        )
        .unwrap();
        assert_eq!(
            sla,
            Job::Sla {
                ticket_id: 7,
                limit: SlaLimit::Respond,
                stage: SlaStage::Overdue
            }
        );
        let campaign: Job = serde_json::from_str(
            r#"{"kind":"campaign","campaign_id":3,"step":{"step":"deliver","after":40}}"#,
        )
        .unwrap();
        assert_eq!(
            campaign,
            Job::Campaign {
                campaign_id: 3,
                step: CampaignStep::Deliver { after: 40 }
            }
        );
        let callback: Job =
            serde_json::from_str(r#"{"kind":"callback","callback_id":1,"step":"timeout"}"#)
                .unwrap();
        assert_eq!(callback.kind(), "callback");
    }
}
