-- 0012: a saved monitoring note is corrected by a new note (issue 12): the
-- first stays as it was, readable, with who corrected it; its service
-- checks are superseded by the correction's and count no more (absences,
-- services delivered, satisfaction).
ALTER TABLE monitoring_note ADD COLUMN corrects_id INTEGER REFERENCES monitoring_note(id);
ALTER TABLE monitoring_item ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX monitoring_correction ON monitoring_note(corrects_id)
	WHERE corrects_id IS NOT NULL;
