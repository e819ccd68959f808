-- 0002: the coordinator's case path (art. 29, 35-45): needs assessment,
-- outcome, plans (IPUS) with versions and approval, orders, monitoring,
-- resignations, closing, drafts of long texts, case sharing.

-- Life domains of the needs assessment.  Data, not code: a centre may add
-- or rename domains here.  "optional" domains (income) are asked only when
-- the centre switches them on (setting assessment_income = 1).
CREATE TABLE life_domain (
	code     TEXT PRIMARY KEY,
	position INTEGER NOT NULL,
	name_pl  TEXT NOT NULL,
	name_en  TEXT NOT NULL,
	optional INTEGER NOT NULL DEFAULT 0
);
INSERT INTO life_domain(code, position, name_pl, name_en, optional) VALUES
	('health', 1, 'zdrowie', 'health', 0),
	('care', 2, 'samodzielność i potrzeby opiekuńcze', 'self-care and care needs', 0),
	('family', 3, 'rodzina i gospodarstwo domowe (w tym osoby zależne)', 'family and household (incl. dependants)', 0),
	('housing', 4, 'mieszkanie', 'housing', 0),
	('education', 5, 'edukacja', 'education', 0),
	('work', 6, 'praca', 'work', 0),
	('social', 7, 'więzi społeczne', 'social ties', 0),
	('culture', 8, 'kultura i czas wolny', 'culture and leisure', 0),
	('safety', 9, 'bezpieczeństwo', 'safety', 0),
	('income', 10, 'sytuacja finansowa', 'finances', 1);

-- A case may be shared with other coordinators besides the assigned one.
CREATE TABLE case_share (
	request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
	user_id    INTEGER NOT NULL REFERENCES app_user(id),
	shared_by  INTEGER REFERENCES app_user(id),
	shared_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	PRIMARY KEY (request_id, user_id)
);

CREATE TABLE assessment (
	id             INTEGER PRIMARY KEY,
	request_id     INTEGER NOT NULL UNIQUE REFERENCES request(id),
	held_on        TEXT NOT NULL,
	place          TEXT NOT NULL DEFAULT 'cus' CHECK (place IN ('cus', 'home', 'other')),
	place_note     TEXT NOT NULL DEFAULT '',
	with_person    INTEGER NOT NULL DEFAULT 1,
	with_legal_rep INTEGER NOT NULL DEFAULT 0,
	with_carer     INTEGER NOT NULL DEFAULT 0,
	others         TEXT NOT NULL DEFAULT '',
	status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
	finalised_at   TEXT,
	-- the outcome (art. 29, practice): qualified, forwarded, not qualified,
	-- waiting list
	outcome        TEXT CHECK (outcome IN ('qualified', 'forwarded', 'not_qualified', 'waiting')),
	outcome_note   TEXT NOT NULL DEFAULT '',
	forward_to     TEXT CHECK (forward_to IN ('social_assistance', 'other_team',
	                                          'gmina_office', 'gmina_unit')),
	forward_whole  INTEGER NOT NULL DEFAULT 1,
	consent_on     TEXT,
	coordination_months INTEGER,
	author_id      INTEGER REFERENCES app_user(id),
	created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);

-- What the person said, per life domain, in their own words.
CREATE TABLE assessment_domain (
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	domain_code   TEXT NOT NULL REFERENCES life_domain(code),
	situation     TEXT NOT NULL DEFAULT '',
	needs         TEXT NOT NULL DEFAULT '',
	strengths     TEXT NOT NULL DEFAULT '',
	wishes        TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (assessment_id, domain_code)
);

-- Needs found; linked to a catalogue service, or unmet (the register the
-- organiser sees; a later service may answer them).
CREATE TABLE need (
	id            INTEGER PRIMARY KEY,
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	domain_code   TEXT REFERENCES life_domain(code),
	description   TEXT NOT NULL,
	service_id    INTEGER REFERENCES service(id),
	unmet         INTEGER NOT NULL DEFAULT 0 CHECK (unmet IN (0, 1)),
	answered_on   TEXT
);
CREATE INDEX need_unmet ON need(unmet, service_id);

-- Programmes the person was qualified for.
CREATE TABLE qualification (
	assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
	programme_id  INTEGER NOT NULL REFERENCES programme(id),
	PRIMARY KEY (assessment_id, programme_id)
);

-- The waiting list: order = filing date of the request (art. 35).
CREATE TABLE waiting_entry (
	id             INTEGER PRIMARY KEY,
	request_id     INTEGER NOT NULL REFERENCES request(id),
	programme_id   INTEGER NOT NULL REFERENCES programme(id),
	service_id     INTEGER NOT NULL REFERENCES service(id),
	added_on       TEXT NOT NULL,
	removed_on     TEXT,
	removed_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX waiting_open ON waiting_entry(service_id, removed_on);

-- Per-person entitlement limits of a programme service (edited by the
-- organiser, issue 4); the plan warns when they are exceeded.
ALTER TABLE programme_service ADD COLUMN max_per_month REAL;
ALTER TABLE programme_service ADD COLUMN age_min INTEGER;
ALTER TABLE programme_service ADD COLUMN age_max INTEGER;
ALTER TABLE programme_service ADD COLUMN certificate_required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE person ADD COLUMN disability_certificate INTEGER NOT NULL DEFAULT 0;

CREATE TABLE plan (
	id             INTEGER PRIMARY KEY,
	request_id     INTEGER NOT NULL UNIQUE REFERENCES request(id),
	person_id      INTEGER NOT NULL REFERENCES person(id),
	coordinator_id INTEGER REFERENCES app_user(id),
	created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);

-- Every state of a plan: version 1 is the plan, later ones its updates
-- (art. 41 ust. 2).  Approved versions are never changed again.
CREATE TABLE plan_version (
	id             INTEGER PRIMARY KEY,
	plan_id        INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	version_no     INTEGER NOT NULL,
	status         TEXT NOT NULL DEFAULT 'draft'
	               CHECK (status IN ('draft', 'submitted', 'approved', 'returned', 'superseded')),
	period_from    TEXT NOT NULL,
	period_to      TEXT NOT NULL,
	goals          TEXT NOT NULL DEFAULT '',
	person_view    TEXT NOT NULL DEFAULT '',
	update_reason  TEXT CHECK (update_reason IN ('needs_changed', 'new_programme',
	                       'person_request', 'provider_change', 'other')),
	update_note    TEXT NOT NULL DEFAULT '',
	agreed_on      TEXT,
	signed_paper   INTEGER NOT NULL DEFAULT 0,
	late_note      TEXT NOT NULL DEFAULT '',
	submitted_at   TEXT,
	decided_by     INTEGER REFERENCES app_user(id),
	decided_at     TEXT,
	return_comment TEXT NOT NULL DEFAULT '',
	created_by     INTEGER REFERENCES app_user(id),
	created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	UNIQUE (plan_id, version_no)
);

CREATE TABLE plan_item (
	id              INTEGER PRIMARY KEY,
	version_id      INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,
	-- the same item in the previous version (for comparisons and orders)
	origin_id       INTEGER REFERENCES plan_item(id),
	programme_id    INTEGER NOT NULL REFERENCES programme(id),
	service_id      INTEGER NOT NULL REFERENCES service(id),
	provider_id     INTEGER NOT NULL REFERENCES provider(id),
	place_id        INTEGER REFERENCES place(id),
	starts_on       TEXT NOT NULL,
	ends_on         TEXT NOT NULL,
	amount          REAL NOT NULL CHECK (amount > 0),
	frequency       TEXT NOT NULL DEFAULT 'week'
	                CHECK (frequency IN ('once', 'day', 'week', 'month', 'quarter', 'year')),
	notes           TEXT NOT NULL DEFAULT '',
	override_reason TEXT NOT NULL DEFAULT '',
	ended_on        TEXT,
	end_reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_item_version ON plan_item(version_id);

CREATE TABLE supporting_activity (
	id          INTEGER PRIMARY KEY,
	version_id  INTEGER NOT NULL REFERENCES plan_version(id) ON DELETE CASCADE,
	kind        TEXT NOT NULL CHECK (kind IN ('volunteering', 'self_help', 'neighbour_help')),
	description TEXT NOT NULL,
	starts_on   TEXT,
	ends_on     TEXT
);

-- The order to the provider of an approved item (zlecenie).
CREATE TABLE service_order (
	id                  INTEGER PRIMARY KEY,
	item_id             INTEGER NOT NULL UNIQUE REFERENCES plan_item(id),
	sent_on             TEXT NOT NULL,
	provider_contact_on TEXT
);

CREATE TABLE monitoring_note (
	id              INTEGER PRIMARY KEY,
	plan_id         INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	held_on         TEXT NOT NULL,
	kind            TEXT NOT NULL CHECK (kind IN ('phone', 'home_visit', 'at_cus',
	                                      'provider_contact', 'specialist_opinion')),
	with_whom       TEXT NOT NULL DEFAULT '',
	text            TEXT NOT NULL DEFAULT '',
	next_contact_on TEXT,
	author_id       INTEGER REFERENCES app_user(id),
	created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);
CREATE INDEX monitoring_plan ON monitoring_note(plan_id, held_on);

-- Per plan item, what a monitoring note found.
CREATE TABLE monitoring_item (
	note_id      INTEGER NOT NULL REFERENCES monitoring_note(id) ON DELETE CASCADE,
	item_id      INTEGER NOT NULL REFERENCES plan_item(id),
	taking_place INTEGER,          -- 1 yes, 0 no, NULL not checked
	on_time      INTEGER,
	quality      INTEGER CHECK (quality BETWEEN 1 AND 5),
	absences     INTEGER NOT NULL DEFAULT 0 CHECK (absences >= 0),
	satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
	delivered    REAL,
	ordered      REAL,
	PRIMARY KEY (note_id, item_id)
);

CREATE TABLE resignation (
	id      INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	item_id INTEGER REFERENCES plan_item(id),   -- NULL: the whole plan
	on_date TEXT NOT NULL,
	reason  TEXT NOT NULL DEFAULT '',
	written INTEGER NOT NULL DEFAULT 1
);

-- Closing (art. 45 ust. 2-3) and the follow-up half a year later.
CREATE TABLE closure (
	plan_id          INTEGER PRIMARY KEY REFERENCES plan(id) ON DELETE CASCADE,
	conversation_on  TEXT NOT NULL,
	person_view      TEXT NOT NULL DEFAULT '',
	changes          TEXT NOT NULL DEFAULT '',
	goals_met        TEXT NOT NULL DEFAULT '',
	further_needs    TEXT NOT NULL DEFAULT '',
	description      TEXT NOT NULL DEFAULT '',
	reason           TEXT NOT NULL CHECK (reason IN ('completed', 'goals_achieved',
	                       'resignation', 'moved_away', 'death', 'transferred', 'other')),
	closed_on        TEXT NOT NULL,
	followup_due     TEXT,
	followup_on      TEXT,
	followup_note    TEXT NOT NULL DEFAULT '',
	author_id        INTEGER REFERENCES app_user(id)
);

-- Long texts being typed, saved every few seconds, so a crash or a
-- dropped ssh session loses at most a few seconds.
CREATE TABLE text_draft (
	user_id    INTEGER NOT NULL REFERENCES app_user(id),
	draft_key  TEXT NOT NULL,
	text       TEXT NOT NULL,
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	PRIMARY KEY (user_id, draft_key)
);

-- The director's authorisation of an organiser to approve plans (art. 41
-- ust. 1), for a period.  Approvals check it.
CREATE TABLE authorisation (
	id           INTEGER PRIMARY KEY,
	organiser_id INTEGER NOT NULL REFERENCES app_user(id),
	granted_by   INTEGER REFERENCES app_user(id),
	valid_from   TEXT NOT NULL,
	valid_to     TEXT,
	created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);
