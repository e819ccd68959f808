-- 0005: the person's consents (RODO) and anonymisation after the
-- retention period.

-- A consent with its scope, given and perhaps withdrawn, both dated.
CREATE TABLE consent (
	id           INTEGER PRIMARY KEY,
	person_id    INTEGER NOT NULL REFERENCES person(id),
	scope        TEXT NOT NULL CHECK (scope IN ('processing', 'service_card', 'forwarding',
	                                            'provider')),
	given_on     TEXT NOT NULL,
	withdrawn_on TEXT,
	note         TEXT NOT NULL DEFAULT '',
	recorded_by  INTEGER REFERENCES app_user(id)
);
CREATE INDEX consent_person ON consent(person_id);

-- An anonymised person keeps the row (and so every statistic) without
-- anything that identifies them.
ALTER TABLE person ADD COLUMN anonymised_on TEXT;
