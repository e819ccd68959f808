-- 0006: every record a user edits carries a version, so that a save that
-- started from an older one is refused instead of overwriting what another
-- desk saved in between (issue 10).  A save states the version it read and
-- bumps it; the audit log says who changed the record and when.
ALTER TABLE person ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE request ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assessment ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan_version ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE programme ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE service ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE provider ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;

