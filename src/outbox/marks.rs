//! Sent marks, committed in groups. Every delivered outbox row is marked
//! sent as soon as Telegram has it; under a burst many are delivered at
//! once, and each mark in a write of its own took the writer turn once per
//! message. The marker takes the turn once for all the marks waiting when it
//! gets it, and answers each sender task after the commit, so a row is
//! still over only once its mark is stored.

use chrono::{DateTime, Utc};
use tokio::sync::{mpsc, oneshot};

use crate::store::{self, Db};

/// One row to mark sent.
#[derive(Debug)]
struct Mark {
    id: i64,
    message_id: Option<i32>,
    at: DateTime<Utc>,
    stored: oneshot::Sender<Result<(), String>>,
}

/// The way to the marker task (cloned into each sender task).
#[derive(Debug, Clone)]
pub struct Marks {
    queue: mpsc::UnboundedSender<Mark>,
}

impl Marks {
    /// Starts the marker task; it ends when the last `Marks` is dropped.
    pub fn start(db: Db) -> Self {
        let (queue, rows) = mpsc::unbounded_channel();
        tokio::spawn(run(db, rows));
        Self { queue }
    }

    /// Marks row `id` sent, returning once the mark is committed.
    pub async fn sent(
        &self,
        id: i64,
        message_id: Option<i32>,
        at: DateTime<Utc>,
    ) -> Result<(), String> {
        let (stored, answer) = oneshot::channel();
        let mark = Mark {
            id,
            message_id,
            at,
            stored,
        };
        self.queue
            .send(mark)
            .map_err(|_| "the marker has stopped".to_owned())?;
        answer
            .await
            .unwrap_or_else(|_| Err("the marker has stopped".to_owned()))
    }
}

async fn run(db: Db, mut rows: mpsc::UnboundedReceiver<Mark>) {
    while let Some(first) = rows.recv().await {
        let mut tx = match db.begin().await {
            Ok(tx) => tx,
            Err(error) => {
                let _ = first.stored.send(Err(error.to_string()));
                continue;
            }
        };
        // Everything that arrived while the turn was awaited goes along.
        let mut batch = vec![first];
        while let Ok(mark) = rows.try_recv() {
            batch.push(mark);
        }
        let mut result = Ok(());
        for mark in &batch {
            if let Err(error) =
                store::outbox::mark_sent_in(&mut tx, mark.id, mark.message_id, mark.at).await
            {
                result = Err(error.to_string());
                break;
            }
        }
        let result = match result {
            Ok(()) => tx.commit().await.map_err(|e| e.to_string()),
            Err(error) => {
                let _ = tx.rollback().await;
                Err(error)
            }
        };
        tracing::debug!(marks = batch.len(), "sent marks committed");
        for mark in batch {
            let _ = mark.stored.send(result.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Marks;
    use crate::outbox::{self, OutMessage};
    use crate::store::{self, testing};

    #[tokio::test]
    async fn many_marks_at_once_are_all_stored() {
        let (db, _dir) = testing::db().await;
        let now = chrono::Utc::now();
        let mut ids = Vec::new();
        let mut tx = db.begin().await.unwrap();
        for n in 0..50 {
            let id = outbox::enqueue(&mut tx, 1000 + n, &OutMessage::text("hi"), now)
                .await
                .unwrap();
            ids.push(id);
        }
        tx.commit().await.unwrap();
        let marks = Marks::start(db.clone());
        let tasks: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| {
                let (marks, id) = (marks.clone(), *id);
                tokio::spawn(async move { marks.sent(id, Some(n as i32 + 1), now).await })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().expect("stored");
        }
        let pending = store::outbox::heads(db.pool(), now, 10, 1000)
            .await
            .unwrap();
        assert!(pending.is_empty(), "{} still pending", pending.len());
    }
}
