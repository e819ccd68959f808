-- 0004: the rest of the organiser's offer.

-- The fee rule of a service: free by default, a fixed co-payment per unit,
-- or dependent on income (the programme's table, described in the note).
ALTER TABLE service ADD COLUMN fee_rule TEXT NOT NULL DEFAULT 'free'
	CHECK (fee_rule IN ('free', 'fixed', 'income'));
ALTER TABLE service ADD COLUMN fee_amount REAL;          -- zł per unit, 'fixed'
ALTER TABLE service ADD COLUMN fee_note TEXT NOT NULL DEFAULT '';

-- The gminas a programme serves (an inter-gmina centre serves several);
-- none listed: every gmina of the centre.
CREATE TABLE programme_gmina (
	programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	gmina_id     INTEGER NOT NULL REFERENCES gmina(id),
	PRIMARY KEY (programme_id, gmina_id)
);
INSERT INTO programme_gmina(programme_id, gmina_id)
	SELECT id, gmina_id FROM programme WHERE gmina_id IS NOT NULL;

-- Supporting activities (volunteering, self-help, neighbour help) run by the
-- community organiser (OSL); reported separately from services.
CREATE TABLE activity (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL CHECK (kind IN ('volunteering', 'self_help', 'neighbour_help')),
	description TEXT NOT NULL DEFAULT '',
	place_id    INTEGER REFERENCES place(id) ON DELETE SET NULL,
	run_by      INTEGER REFERENCES app_user(id),
	starts_on   TEXT NOT NULL,
	ends_on     TEXT,
	status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived'))
);
-- A plan's supporting activity may name one of the list.
ALTER TABLE supporting_activity ADD COLUMN activity_id INTEGER REFERENCES activity(id);

-- Taking part in a group service (on a request, without an IPUS) or in a
-- supporting activity.
CREATE TABLE group_member (
	id           INTEGER PRIMARY KEY,
	person_id    INTEGER NOT NULL REFERENCES person(id),
	request_id   INTEGER REFERENCES request(id),
	programme_id INTEGER REFERENCES programme(id),
	service_id   INTEGER REFERENCES service(id),
	activity_id  INTEGER REFERENCES activity(id),
	joined_on    TEXT NOT NULL,
	left_on      TEXT,
	created_by   INTEGER REFERENCES app_user(id),
	CHECK ((service_id IS NULL) <> (activity_id IS NULL)),
	CHECK (service_id IS NULL OR (programme_id IS NOT NULL AND request_id IS NOT NULL))
);
CREATE INDEX group_member_service ON group_member(service_id, programme_id);
CREATE INDEX group_member_activity ON group_member(activity_id);
CREATE INDEX group_member_person ON group_member(person_id);

-- One meeting of a group service or a supporting activity, with the head count.
CREATE TABLE group_session (
	id           INTEGER PRIMARY KEY,
	programme_id INTEGER REFERENCES programme(id),
	service_id   INTEGER REFERENCES service(id),
	activity_id  INTEGER REFERENCES activity(id),
	held_on      TEXT NOT NULL,
	head_count   INTEGER NOT NULL CHECK (head_count >= 0),
	notes        TEXT NOT NULL DEFAULT '',
	created_by   INTEGER REFERENCES app_user(id),
	CHECK ((service_id IS NULL) <> (activity_id IS NULL))
);
CREATE INDEX group_session_held ON group_session(held_on);

-- An unmet need may name the statutory area it belongs to, so a new
-- service of that area can be matched to it; and when the organiser adds
-- such a service or raises a capacity the coordinators are told (worklist).
ALTER TABLE need ADD COLUMN area_code INTEGER REFERENCES area(code);
CREATE TABLE offer_change (
	id           INTEGER PRIMARY KEY,
	programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	service_id   INTEGER NOT NULL REFERENCES service(id),
	kind         TEXT NOT NULL CHECK (kind IN ('added', 'raised')),
	on_date      TEXT NOT NULL
);
CREATE INDEX offer_change_date ON offer_change(on_date);
