-- A hot spot (熱點) followed as one (issue 10): it stays open, and takes in
-- new tickets of its category at its place, until a supervisor closes it or
-- every one of its tickets is closed (or cancelled). `closed_by` is NULL
-- when it closed with its tickets.
ALTER TABLE hot_spots ADD COLUMN closed_at TEXT;
ALTER TABLE hot_spots ADD COLUMN closed_by INTEGER REFERENCES users (id);
CREATE INDEX hot_spots_closed ON hot_spots (closed_at, id);
