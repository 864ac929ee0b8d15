-- Outbox lanes: interactive messages (replies, cards, staff pings, emergency
-- alerts) go before bulk ones (survey and notice broadcasts, reports, reminders).
ALTER TABLE outbox ADD COLUMN lane TEXT NOT NULL DEFAULT 'interactive'
    CHECK (lane IN ('interactive', 'bulk'));
CREATE INDEX outbox_lane_pending ON outbox (status, lane, not_before, id);
