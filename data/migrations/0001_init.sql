-- 0001: the foundation.  Never edit a migration that has shipped: add a new
-- numbered file instead.  Each file runs in one transaction and sets
-- PRAGMA user_version to its number.

CREATE TABLE setting (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE app_user (
	id         INTEGER PRIMARY KEY,
	login      TEXT NOT NULL UNIQUE,
	full_name  TEXT NOT NULL DEFAULT '',
	pw_hash    TEXT NOT NULL,
	roles      INTEGER NOT NULL CHECK (roles > 0),
	disabled   INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);

CREATE TABLE gmina (
	id    INTEGER PRIMARY KEY,
	name  TEXT NOT NULL UNIQUE,
	teryt TEXT
);

CREATE TABLE household (
	id   INTEGER PRIMARY KEY,
	note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE person (
	id                      INTEGER PRIMARY KEY,
	first_names             TEXT NOT NULL,
	surname                 TEXT NOT NULL,
	pesel                   TEXT UNIQUE,
	birth_date              TEXT,
	sex                     TEXT CHECK (sex IN ('K', 'M')),
	street                  TEXT NOT NULL DEFAULT '',
	house_no                TEXT NOT NULL DEFAULT '',
	flat_no                 TEXT NOT NULL DEFAULT '',
	postcode                TEXT NOT NULL DEFAULT '',
	town                    TEXT NOT NULL DEFAULT '',
	gmina_id                INTEGER REFERENCES gmina(id),
	phone                   TEXT NOT NULL DEFAULT '',
	email                   TEXT NOT NULL DEFAULT '',
	notes                   TEXT NOT NULL DEFAULT '',
	household_id            INTEGER REFERENCES household(id) ON DELETE SET NULL,
	legal_representative_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
	actual_carer_id         INTEGER REFERENCES person(id) ON DELETE SET NULL,
	-- Polish alphabetical order of "surname first names" (see src/text.c)
	sort_key                TEXT NOT NULL,
	-- folded "surname|first names|birth date" for duplicate warnings
	dup_key                 TEXT NOT NULL,
	created_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	updated_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);
CREATE INDEX person_sort ON person(sort_key);
CREATE INDEX person_dup ON person(dup_key);
CREATE INDEX person_household ON person(household_id);

-- Search terms: folded words of names, PESEL and case references, searched
-- by prefix through the primary key (no scan per keystroke).
CREATE TABLE person_term (
	term      TEXT NOT NULL,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	PRIMARY KEY (term, person_id)
) WITHOUT ROWID;
CREATE INDEX person_term_person ON person_term(person_id);

-- The 14 statutory areas of art. 2 ust. 1.
CREATE TABLE area (
	code    INTEGER PRIMARY KEY,
	name_pl TEXT NOT NULL,
	name_en TEXT NOT NULL
);

CREATE TABLE programme (
	id               INTEGER PRIMARY KEY,
	name             TEXT NOT NULL,
	resolution_no    TEXT NOT NULL DEFAULT '',
	resolution_date  TEXT,
	valid_from       TEXT NOT NULL,
	valid_to         TEXT,
	target_group     TEXT NOT NULL DEFAULT '',
	expected_persons INTEGER,
	qualification    TEXT NOT NULL DEFAULT '',
	fees             TEXT NOT NULL DEFAULT '',
	status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
	gmina_id         INTEGER REFERENCES gmina(id)
);

CREATE TABLE service (
	id               INTEGER PRIMARY KEY,
	name             TEXT NOT NULL UNIQUE,
	area_code        INTEGER REFERENCES area(code),
	summary          TEXT NOT NULL DEFAULT '',
	unit             TEXT NOT NULL DEFAULT 'hour'
	                 CHECK (unit IN ('hour', 'session', 'ride', 'visit', 'day', 'meal', 'other')),
	qualifications   TEXT NOT NULL DEFAULT '',
	occupation_codes TEXT NOT NULL DEFAULT '',
	is_group         INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1)),
	note             TEXT NOT NULL DEFAULT ''
);

-- A service offered within a programme, with its monthly volume.
CREATE TABLE programme_service (
	programme_id     INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
	service_id       INTEGER NOT NULL REFERENCES service(id),
	monthly_capacity REAL,
	expected_persons INTEGER,
	limit_text       TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (programme_id, service_id)
);

CREATE TABLE provider (
	id             INTEGER PRIMARY KEY,
	name           TEXT NOT NULL,
	kind           TEXT NOT NULL
	               CHECK (kind IN ('gmina_office', 'gmina_unit', 'ngo', 'procurement', 'health')),
	address        TEXT NOT NULL DEFAULT '',
	contact_person TEXT NOT NULL DEFAULT '',
	phone          TEXT NOT NULL DEFAULT '',
	email          TEXT NOT NULL DEFAULT '',
	contract_no    TEXT NOT NULL DEFAULT '',
	contract_from  TEXT,
	contract_to    TEXT,
	hour_pool      REAL
);

CREATE TABLE provider_service (
	provider_id      INTEGER NOT NULL REFERENCES provider(id) ON DELETE CASCADE,
	service_id       INTEGER NOT NULL REFERENCES service(id),
	monthly_capacity REAL,
	PRIMARY KEY (provider_id, service_id)
);

CREATE TABLE place (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	address     TEXT NOT NULL DEFAULT '',
	provider_id INTEGER REFERENCES provider(id) ON DELETE SET NULL
);

CREATE TABLE case_counter (
	year    INTEGER PRIMARY KEY,
	last_no INTEGER NOT NULL
);

CREATE TABLE request (
	id               INTEGER PRIMARY KEY,
	case_ref         TEXT NOT NULL UNIQUE,
	case_year        INTEGER NOT NULL,
	case_no          INTEGER NOT NULL,
	person_id        INTEGER NOT NULL REFERENCES person(id),
	filed_on         TEXT NOT NULL,
	channel          TEXT NOT NULL
	                 CHECK (channel IN ('in_person', 'writing', 'phone', 'email', 'epuap')),
	filed_by         TEXT NOT NULL DEFAULT 'person'
	                 CHECK (filed_by IN ('person', 'legal_representative', 'actual_carer')),
	filer_person_id  INTEGER REFERENCES person(id),
	referral_source  TEXT NOT NULL DEFAULT 'self'
	                 CHECK (referral_source IN ('self', 'social_worker', 'family_assistant',
	                        'soltys', 'provider', 'anonymous', 'campaign', 'other')),
	asked            TEXT NOT NULL,
	coordinator_id   INTEGER REFERENCES app_user(id),
	status           TEXT NOT NULL DEFAULT 'filed'
	                 CHECK (status IN ('filed', 'assessment', 'qualified', 'waiting',
	                        'forwarded', 'not_qualified', 'withdrawn', 'closed')),
	created_by       INTEGER REFERENCES app_user(id),
	created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	UNIQUE (case_year, case_no)
);
CREATE INDEX request_person ON request(person_id);
CREATE INDEX request_status ON request(status, coordinator_id, filed_on);

CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')),
	user_id   INTEGER REFERENCES app_user(id),
	action    TEXT NOT NULL,
	entity    TEXT NOT NULL DEFAULT '',
	entity_id INTEGER,
	detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
