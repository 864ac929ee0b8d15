-- Campaigns: surveys (業戶意見征詢) and notices (公告) sent to many residents.
-- A campaign is a draft until a supervisor sends it; a job then adds its
-- recipients in batches, each recipient row in the transaction that queues
-- its outbox message, so a resident is sent a campaign at most once.

CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('survey', 'notice')),
    status       TEXT    NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'scheduled', 'sending', 'open', 'closed', 'cancelled')),
    content      TEXT    NOT NULL,                 -- JSON: domain::survey::Survey or domain::notice::Notice
    audience     TEXT    NOT NULL,                 -- JSON: domain::audience::Audience
    anonymous    INTEGER NOT NULL DEFAULT 0,
    urgent       INTEGER NOT NULL DEFAULT 0,       -- notices: the interactive lane
    created_by   INTEGER REFERENCES users (id),    -- NULL: imported from a file
    created_at   TEXT    NOT NULL,
    send_at      TEXT,                             -- when sending starts (now or scheduled)
    sent_at      TEXT,                             -- sending started
    queued_at    TEXT,                             -- the last recipient was queued
    closes_at    TEXT,
    remind_at    TEXT,
    reminded_at  TEXT,
    closed_at    TEXT
);
CREATE INDEX campaigns_status ON campaigns (kind, status, id);

-- Who a campaign was sent to. For an anonymous survey this row only says that
-- the resident started or finished it (so they cannot answer twice and are
-- not reminded); it never says what they answered.
CREATE TABLE campaign_recipients (
    campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
    user_id       INTEGER NOT NULL REFERENCES users (id),
    outbox_id     INTEGER,                         -- NULL: not sent (blocked beforehand)
    queued_at     TEXT    NOT NULL,
    started_at    TEXT,                            -- surveys: pressed Start
    completed_at  TEXT,                            -- surveys: answered all; notices: 收到
    reminded_at   TEXT,
    PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX campaign_recipients_outbox ON campaign_recipients (outbox_id);

-- One resident's answers to a survey. `id` is random: it is the token in the
-- resident's answer buttons, so rows carry no order that could be matched to
-- the recipients' times. `user_id` is NULL for an anonymous survey.
CREATE TABLE survey_responses (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
    user_id      INTEGER REFERENCES users (id),
    building     TEXT,                             -- for results per building
    unit         TEXT,                             -- named surveys only
    completed    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX survey_responses_campaign ON survey_responses (campaign_id);
CREATE UNIQUE INDEX survey_responses_named ON survey_responses (campaign_id, user_id)
    WHERE user_id IS NOT NULL;

CREATE TABLE survey_answers (
    response_id  INTEGER NOT NULL REFERENCES survey_responses (id),
    question     INTEGER NOT NULL,                 -- 0-based
    value        TEXT    NOT NULL,                 -- JSON: domain::survey::Answer
    PRIMARY KEY (response_id, question)
);
