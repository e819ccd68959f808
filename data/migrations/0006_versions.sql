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


-- Any other change of such a row (a workflow step, a household, the RODO
-- blanking) bumps the version too, so an editor who read the row before
-- is told.  A save that bumps it itself does not fire these (recursive
-- triggers are off).
CREATE TRIGGER person_row_version AFTER UPDATE ON person
WHEN NEW.row_version = OLD.row_version
BEGIN
	UPDATE person SET row_version = OLD.row_version + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER request_row_version AFTER UPDATE ON request
WHEN NEW.row_version = OLD.row_version
BEGIN
	UPDATE request SET row_version = OLD.row_version + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER assessment_row_version AFTER UPDATE ON assessment
WHEN NEW.row_version = OLD.row_version
BEGIN
	UPDATE assessment SET row_version = OLD.row_version + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER plan_version_row_version AFTER UPDATE ON plan_version
WHEN NEW.row_version = OLD.row_version
BEGIN
	UPDATE plan_version SET row_version = OLD.row_version + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER programme_row_version AFTER UPDATE ON programme
WHEN NEW.row_version = OLD.row_version
BEGIN
	UPDATE programme SET row_version = OLD.row_version + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER service_row_version AFTER UPDATE ON service
WHEN NEW.row_version = OLD.row_version
BEGIN
	UPDATE service SET row_version = OLD.row_version + 1 WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER provider_row_version AFTER UPDATE ON provider
WHEN NEW.row_version = OLD.row_version
BEGIN
	UPDATE provider SET row_version = OLD.row_version + 1 WHERE rowid = NEW.rowid;
END;
