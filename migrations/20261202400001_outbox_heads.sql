-- The sender reads the head of each chat's queue in each lane; rows of
-- direct requests that were given up are recorded with the payload
-- {"type":"direct","method":…} and status 'failed'.
CREATE INDEX outbox_pending_heads ON outbox (status, chat_id, lane, id);
