-- The place of a ticket that is in no flat (issue 7): a shared area the
-- lexicon names (`lobby`, `car_park` …) and the block it is in, when known.
-- Cards show it instead of "Unit: —".
ALTER TABLE tickets ADD COLUMN area TEXT;
ALTER TABLE tickets ADD COLUMN building TEXT;
