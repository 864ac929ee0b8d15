-- Callbacks (回訪): one per resolution of a ticket, asked of the resident in
-- Telegram or phoned by customer service, with the answer. Monthly reports
-- count callback rate (answered ÷ all) and satisfaction (ratings) from here.

CREATE TABLE callbacks (
    id             INTEGER PRIMARY KEY,
    ticket_id      INTEGER NOT NULL REFERENCES tickets (id),
    resolved_at    TEXT    NOT NULL,                  -- the resolution this follows
    status         TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'asked', 'phone', 'answered')),
    asked_at       TEXT,                              -- the resident was asked in Telegram
    phone_task_at  TEXT,                              -- handed to customer service to phone
    answered_at    TEXT,
    answered_by    INTEGER REFERENCES users (id),     -- the resident, or the staff who phoned
    channel        TEXT    CHECK (channel IN ('telegram', 'phone')),
    rating         INTEGER CHECK (rating BETWEEN 1 AND 5),  -- stars, when given
    satisfied      INTEGER,                           -- 1: closed; 0: not fixed, reopened
    UNIQUE (ticket_id, resolved_at)
);
CREATE INDEX callbacks_ticket ON callbacks (ticket_id, id);
CREATE INDEX callbacks_answered ON callbacks (answered_at);
