-- 0013: the needs assessment is often held over several sittings (issue
-- 12); each is kept with its date.  The assessment's own held_on is the
-- first sitting (the day the assessment began).
CREATE TABLE assessment_sitting (
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	held_on       TEXT NOT NULL,
	recorded_by   INTEGER REFERENCES app_user(id),
	recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	PRIMARY KEY (assessment_id, held_on)
);
INSERT INTO assessment_sitting(assessment_id, held_on, recorded_by)
	SELECT id, held_on, author_id FROM assessment;
