-- The daily digest reads yesterday's closings and escalations from the
-- history by time.
CREATE INDEX ticket_history_at ON ticket_history (at, action);
