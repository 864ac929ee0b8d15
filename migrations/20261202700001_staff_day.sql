-- The staff's working day: who declined a ticket and why (so the next pick
-- leaves them out), the cards sent about a ticket (so a card whose ticket has
-- moved on can be rewritten and lose its buttons), and to whom a history step
-- gave the ticket.

CREATE TABLE ticket_declines (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    reason     TEXT    NOT NULL,
    at         TEXT    NOT NULL
);
CREATE INDEX ticket_declines_ticket ON ticket_declines (ticket_id, id);

CREATE TABLE ticket_cards (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets (id),
    user_id     INTEGER NOT NULL REFERENCES users (id),
    outbox_id   INTEGER NOT NULL REFERENCES outbox (id),
    photo       INTEGER NOT NULL DEFAULT 0,            -- the card is a photo's caption
    retired_at  TEXT                                   -- rewritten as stale, buttons gone
);
CREATE INDEX ticket_cards_ticket ON ticket_cards (ticket_id, retired_at);

ALTER TABLE ticket_history ADD COLUMN target INTEGER REFERENCES users (id);

-- A duplicate merged into another ticket (it is closed; this names the one kept).
ALTER TABLE tickets ADD COLUMN merged_into INTEGER REFERENCES tickets (id);
