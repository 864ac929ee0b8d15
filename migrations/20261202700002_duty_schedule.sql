-- The on-duty schedule (`duty.shifts`): the state each department was last
-- put in, so staff are switched only when a shift starts or ends and a
-- `/duty` in between stands.
CREATE TABLE duty_schedule (
    department  TEXT PRIMARY KEY,
    on_duty     INTEGER NOT NULL,
    changed_at  TEXT    NOT NULL
);
