-- 0009: imports in short steps (issue 10).  An import writes its rows in
-- steps of about 100 ms, each row marked with its run; an import that
-- fails, is interrupted or whose process died is taken back as a whole
-- (its rows deleted by run), so for the user it stays all or nothing.
CREATE TABLE import_run (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('persons', 'providers')),
	file       TEXT NOT NULL DEFAULT '',
	user_id    INTEGER NOT NULL DEFAULT 0,
	started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
	host       TEXT NOT NULL DEFAULT '',
	pid        INTEGER NOT NULL DEFAULT 0,
	state      TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'done', 'undone'))
);
ALTER TABLE person ADD COLUMN import_id INTEGER REFERENCES import_run(id);
ALTER TABLE provider ADD COLUMN import_id INTEGER REFERENCES import_run(id);
CREATE INDEX person_import ON person(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX provider_import ON provider(import_id) WHERE import_id IS NOT NULL;
