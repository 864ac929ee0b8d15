-- The supervisor's numbers.
--
-- 1. A manager role (客服經理): `users.role` and `invites.role` allow
--    'manager'. SQLite cannot change a CHECK constraint, so both tables are
--    rebuilt. sqlx runs this in a transaction, where foreign_keys cannot be
--    switched off, so the foreign keys are deferred instead: the rows are
--    copied aside, the old table dropped (its children are orphans for a
--    moment, counted as deferred violations), the new table takes the name
--    `users` the children refer to, and the rows go back in, which settles
--    every count before the commit.
-- 2. Tickets remember when they were first accepted (`responded_at`: a
--    reopened ticket goes back to 'assigned' and loses `accepted_at`) and how
--    often they were reopened, so the monthly report reads one table.
-- 3. Complaint validity (投訴成立) and key complaints (重點投訴) on tickets.
-- 4. An index on created_at, which the monthly report ranges over.

PRAGMA defer_foreign_keys = ON;

CREATE TABLE users_new (
    id            INTEGER PRIMARY KEY,
    chat_id       INTEGER NOT NULL,
    first_name    TEXT    NOT NULL DEFAULT '',
    username      TEXT,
    lang          TEXT,
    role          TEXT CHECK (role IN ('resident', 'staff', 'supervisor', 'manager')),
    department    TEXT,
    on_duty       INTEGER NOT NULL DEFAULT 0,
    phone         TEXT,
    blocked_at    TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE TABLE users_copy AS SELECT * FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
INSERT INTO users (id, chat_id, first_name, username, lang, role, department, on_duty,
                   phone, blocked_at, created_at, updated_at)
    SELECT id, chat_id, first_name, username, lang, role, department, on_duty,
           phone, blocked_at, created_at, updated_at FROM users_copy;
DROP TABLE users_copy;
CREATE INDEX users_role ON users (role, department);

CREATE TABLE invites_new (
    code        TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('staff', 'supervisor', 'manager')),
    department  TEXT,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_by     INTEGER REFERENCES users (id),
    used_at     TEXT
);
INSERT INTO invites_new SELECT code, role, department, created_at, expires_at, used_by, used_at
    FROM invites;
DROP TABLE invites;
ALTER TABLE invites_new RENAME TO invites;

ALTER TABLE tickets ADD COLUMN responded_at TEXT;            -- first accepted
ALTER TABLE tickets ADD COLUMN reopen_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN validity TEXT
    CHECK (validity IN ('valid', 'partly', 'not_valid'));     -- complaints only
ALTER TABLE tickets ADD COLUMN validity_reason TEXT;           -- why, as the judge said it
ALTER TABLE tickets ADD COLUMN validity_by INTEGER REFERENCES users (id);
ALTER TABLE tickets ADD COLUMN validity_confirmed INTEGER NOT NULL DEFAULT 0;  -- by a supervisor
ALTER TABLE tickets ADD COLUMN key_complaint INTEGER NOT NULL DEFAULT 0;        -- 重點投訴
UPDATE tickets SET responded_at = accepted_at WHERE accepted_at IS NOT NULL;
UPDATE tickets SET reopen_count =
    (SELECT COUNT(*) FROM ticket_history h WHERE h.ticket_id = tickets.id AND h.action = 'reopened');
CREATE INDEX tickets_created ON tickets (created_at);
CREATE INDEX tickets_key ON tickets (key_complaint, status);
CREATE INDEX callbacks_resolved ON callbacks (resolved_at);
