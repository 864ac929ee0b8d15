-- Bookings: a slot of a bookable thing (a visit type or a facility, keys of
-- the settings' `bookables`) held by a B- ticket. A slot takes at most the
-- bookable's capacity of bookings that are not cancelled; the check and the
-- insert are one BEGIN IMMEDIATE transaction.

CREATE TABLE bookings (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL UNIQUE REFERENCES tickets (id),
    bookable     TEXT    NOT NULL,
    starts_at    TEXT    NOT NULL,
    ends_at      TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'booked'
                 CHECK (status IN ('booked', 'cancelled', 'checked_in', 'checked_out', 'no_show')),
    resident_id  INTEGER REFERENCES users (id),
    -- a time staff proposed instead, waiting for the resident's answer
    proposed_at  TEXT,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
CREATE INDEX bookings_slot ON bookings (bookable, starts_at, status);
CREATE INDEX bookings_start ON bookings (starts_at);
