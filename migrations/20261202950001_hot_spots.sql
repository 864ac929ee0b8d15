-- Hot spots (熱點) as the desk follows them (issue 10): when enough tickets
-- of one category arrive at one place within the category's days, the
-- supervisors are alerted once; the cluster is remembered here with its
-- tickets, so a further ticket joins it instead of alerting again, and a
-- supervisor can mark it a hot spot.
CREATE TABLE hot_spots (
    id          INTEGER PRIMARY KEY,
    category    TEXT NOT NULL,
    place       TEXT NOT NULL,     -- building, or `area@building` for a shared place
    first_at    TEXT NOT NULL,     -- its first ticket
    last_at     TEXT NOT NULL,     -- its latest ticket
    alerted_at  TEXT NOT NULL,
    marked_by   INTEGER REFERENCES users (id),
    marked_at   TEXT
);
CREATE INDEX hot_spots_place ON hot_spots (category, place, last_at);

CREATE TABLE hot_spot_tickets (
    hot_spot_id INTEGER NOT NULL REFERENCES hot_spots (id),
    ticket_id   INTEGER NOT NULL UNIQUE REFERENCES tickets (id),
    PRIMARY KEY (hot_spot_id, ticket_id)
);

CREATE INDEX tickets_category_created ON tickets (category, created_at);
