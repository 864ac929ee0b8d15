-- The durable inbox: every update from Telegram, stored before its offset is
-- acknowledged, and marked done in the transaction of the changes it causes.
CREATE TABLE inbox (
    update_id    INTEGER PRIMARY KEY,             -- Telegram's update id
    chat_id      INTEGER,                          -- whose order it keeps (chat, else sender)
    payload      TEXT    NOT NULL,                 -- the update as JSON
    received_at  TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    done_at      TEXT,
    last_error   TEXT
);
CREATE INDEX inbox_pending ON inbox (status, update_id);

-- Which ticket a resident's draft became, so a confirmation handled again (a
-- second press, a replay) answers with the same ticket and never files another.
CREATE TABLE draft_tickets (
    chat_id    INTEGER NOT NULL,
    nonce      INTEGER NOT NULL,                   -- the draft card's nonce at confirmation
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    PRIMARY KEY (chat_id, nonce)
);
