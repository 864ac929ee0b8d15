-- Files the bot uploads itself (report charts, workbooks, exports): the bytes
-- are kept here so that an outbox message can name them by id and the sender
-- can upload them, even after a restart.
CREATE TABLE files (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,                 -- file name shown to the user
    mime        TEXT    NOT NULL,
    data        BLOB    NOT NULL,
    created_at  TEXT    NOT NULL
);
