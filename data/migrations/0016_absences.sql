-- 0016: each absence from a service recorded with its date, excused or not
-- (issue 13): only unexcused ones count toward absence_limit.  The check's
-- own absences column stays the count of unexcused ones; excused counts
-- the others.  Older checks held a bare number: each becomes an unexcused
-- absence dated on its note's day.
ALTER TABLE monitoring_item ADD COLUMN excused INTEGER NOT NULL DEFAULT 0;
CREATE TABLE absence (
	id        INTEGER PRIMARY KEY,
	note_id   INTEGER NOT NULL REFERENCES monitoring_note(id) ON DELETE CASCADE,
	item_id   INTEGER NOT NULL REFERENCES plan_item(id),
	on_date   TEXT NOT NULL,
	excused   INTEGER NOT NULL DEFAULT 0 CHECK (excused IN (0, 1)),
	reason    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX absence_note ON absence(note_id);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT INTO absence(note_id, item_id, on_date)
	SELECT mi.note_id, mi.item_id, mn.held_on FROM monitoring_item mi
	JOIN monitoring_note mn ON mn.id = mi.note_id JOIN n ON n.i <= mi.absences;
