-- The spine: people, units, invites, dialogue state, outbox, jobs, audit.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,            -- Telegram user id
    chat_id       INTEGER NOT NULL,               -- private chat with the bot
    first_name    TEXT    NOT NULL DEFAULT '',
    username      TEXT,
    lang          TEXT,                           -- chosen or detected language tag
    role          TEXT CHECK (role IN ('resident', 'staff', 'supervisor')),
    department    TEXT,                           -- staff only
    on_duty       INTEGER NOT NULL DEFAULT 0,
    phone         TEXT,                           -- normalised national digits
    blocked_at    TEXT,                           -- the bot was blocked (403)
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX users_role ON users (role, department);

CREATE TABLE units (
    id        INTEGER PRIMARY KEY,
    building  TEXT NOT NULL,
    flat      TEXT NOT NULL,
    UNIQUE (building, flat)
);

-- The unit register as imported: who lives where, by phone.
CREATE TABLE register (
    id       INTEGER PRIMARY KEY,
    unit_id  INTEGER NOT NULL REFERENCES units (id),
    name     TEXT    NOT NULL,
    phone    TEXT    NOT NULL,                    -- normalised national digits
    UNIQUE (unit_id, phone)
);
CREATE INDEX register_phone ON register (phone);

-- Residents bound to units.
CREATE TABLE residents (
    user_id  INTEGER NOT NULL REFERENCES users (id),
    unit_id  INTEGER NOT NULL REFERENCES units (id),
    bound_at TEXT    NOT NULL,
    bound_by TEXT    NOT NULL,                    -- 'phone' or 'staff:<id>'
    PRIMARY KEY (user_id, unit_id)
);

-- A resident whose phone is not in the register asks to be bound to a unit.
CREATE TABLE bind_requests (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    phone       TEXT,
    status      TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_at  TEXT    NOT NULL,
    decided_by  INTEGER REFERENCES users (id),
    decided_at  TEXT
);

CREATE TABLE invites (
    code        TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('staff', 'supervisor')),
    department  TEXT,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_by     INTEGER REFERENCES users (id),
    used_at     TEXT
);

-- Conversation state per chat (serialised bot::State).
CREATE TABLE dialogues (
    chat_id     INTEGER PRIMARY KEY,
    state       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Messages that matter, written in the same transaction as their cause.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    chat_id      INTEGER NOT NULL,
    payload      TEXT    NOT NULL,                -- JSON of outbox::OutMessage
    created_at   TEXT    NOT NULL,
    not_before   TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    sent_at      TEXT,
    message_id   INTEGER,                          -- Telegram's id of the sent message
    last_error   TEXT
);
CREATE INDEX outbox_pending ON outbox (status, not_before, id);

-- Timed jobs: run once when due.
CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL DEFAULT '{}',
    due_at      TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    done_at     TEXT,
    last_error  TEXT,
    dedupe_key  TEXT UNIQUE
);
CREATE INDEX jobs_due ON jobs (status, due_at);

-- Who did what.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,
    actor     INTEGER,                             -- user id; NULL for the system
    action    TEXT    NOT NULL,
    subject   TEXT,
    details   TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_subject ON audit (subject);
