-- Tickets: requests confirmed by residents or logged by staff, with their
-- photos and their whole history.

CREATE TABLE tickets (
    id              INTEGER PRIMARY KEY,
    number          TEXT    NOT NULL UNIQUE,           -- R-0312, C-0041 …
    kind            TEXT    NOT NULL,
    category        TEXT    NOT NULL,
    urgency         TEXT    NOT NULL,
    unit_id         INTEGER REFERENCES units (id),
    resident_id     INTEGER REFERENCES users (id),     -- who reported it (to keep informed)
    source          TEXT    NOT NULL DEFAULT 'telegram' CHECK (source IN ('telegram', 'phone', 'visit')),
    logged_by       INTEGER REFERENCES users (id),     -- staff who registered a call or visit
    description     TEXT    NOT NULL,
    preferred_start TEXT,
    preferred_end   TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('new', 'assigned', 'accepted', 'in_progress', 'resolved', 'closed', 'cancelled')),
    department      TEXT    NOT NULL,
    assignee_id     INTEGER REFERENCES users (id),
    escalated       INTEGER NOT NULL DEFAULT 0,
    respond_by      TEXT    NOT NULL,
    resolve_by      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    accepted_at     TEXT,
    resolved_at     TEXT,
    closed_at       TEXT,
    resolution_note TEXT
);
CREATE INDEX tickets_unit ON tickets (unit_id, created_at);
CREATE INDEX tickets_assignee ON tickets (assignee_id, status);
CREATE INDEX tickets_status ON tickets (status, department);

CREATE TABLE ticket_photos (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    file_id    TEXT    NOT NULL,
    added_by   INTEGER REFERENCES users (id),
    added_at   TEXT    NOT NULL
);
CREATE INDEX ticket_photos_ticket ON ticket_photos (ticket_id);

CREATE TABLE ticket_history (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id),
    at           TEXT    NOT NULL,
    actor        INTEGER REFERENCES users (id),        -- NULL: the system
    action       TEXT    NOT NULL,                     -- created, assigned, accepted, declined, started, resolved, note, photo, cancelled, reassigned, escalated …
    from_status  TEXT,
    to_status    TEXT,
    note         TEXT
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id);

-- Running numbers per ticket prefix.
CREATE TABLE counters (
    name   TEXT PRIMARY KEY,
    value  INTEGER NOT NULL
);
