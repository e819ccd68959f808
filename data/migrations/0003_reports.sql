-- 0003: reporting. The ministry's categories (which change over time) live
-- in data/seed/report-categories.tsv and are copied here; a category of
-- social services counts the services of the statutory areas it lists, a
-- category of supporting activities the kinds it lists.
CREATE TABLE report_category (
	code     TEXT PRIMARY KEY,
	kind     TEXT NOT NULL CHECK (kind IN ('service', 'activity')),
	position INTEGER NOT NULL,
	name_pl  TEXT NOT NULL,
	name_en  TEXT NOT NULL
);
CREATE TABLE report_category_match (
	category TEXT NOT NULL REFERENCES report_category(code) ON DELETE CASCADE,
	area_code INTEGER,         -- service categories: a statutory area
	activity  TEXT,            -- activity categories: a kind of supporting activity
	CHECK ((area_code IS NULL) <> (activity IS NULL))
);
CREATE INDEX report_category_match_area ON report_category_match(area_code);

-- Coordinators' meetings, at least every 3 months (art. 46 ust. 2).
CREATE TABLE meeting (
	id         INTEGER PRIMARY KEY,
	held_on    TEXT NOT NULL,
	attendees  TEXT NOT NULL DEFAULT '',
	invited    TEXT NOT NULL DEFAULT '',   -- providers' representatives
	notes      TEXT NOT NULL DEFAULT '',
	decisions  TEXT NOT NULL DEFAULT '',
	created_by INTEGER REFERENCES app_user(id),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now'))
);
CREATE INDEX meeting_held ON meeting(held_on);
CREATE TABLE meeting_plan (
	meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	plan_id    INTEGER NOT NULL REFERENCES plan(id),
	PRIMARY KEY (meeting_id, plan_id)
);

-- The half-yearly summary to the director and the community organiser
-- (art. 46 ust. 1): the figures as generated, and the organiser's words.
CREATE TABLE summary (
	id          INTEGER PRIMARY KEY,
	period_from TEXT NOT NULL,
	period_to   TEXT NOT NULL,
	figures     TEXT NOT NULL,
	narrative   TEXT NOT NULL DEFAULT '',
	created_on  TEXT NOT NULL,
	created_by  INTEGER REFERENCES app_user(id)
);

-- Cases handed from one coordinator to another (someone leaves, falls ill,
-- the load is evened out): who, when, why.
CREATE TABLE case_reassignment (
	id          INTEGER PRIMARY KEY,
	request_id  INTEGER NOT NULL REFERENCES request(id),
	from_user   INTEGER REFERENCES app_user(id),
	to_user     INTEGER NOT NULL REFERENCES app_user(id),
	on_date     TEXT NOT NULL,
	reason      TEXT NOT NULL,
	by_user     INTEGER REFERENCES app_user(id)
);

-- More per-person entitlements of a programme service: a quarter's and a
-- year's amount, and "once in N years".
ALTER TABLE programme_service ADD COLUMN max_per_quarter REAL;
ALTER TABLE programme_service ADD COLUMN max_per_year REAL;
ALTER TABLE programme_service ADD COLUMN once_in_years INTEGER;

-- The six quality-standard headings of a service (seed 003), and the
-- partner sheet (fiszka partnera) of a provider.
ALTER TABLE service ADD COLUMN std_infrastructure TEXT NOT NULL DEFAULT '';
ALTER TABLE service ADD COLUMN std_staff TEXT NOT NULL DEFAULT '';
ALTER TABLE service ADD COLUMN std_quality TEXT NOT NULL DEFAULT '';
ALTER TABLE service ADD COLUMN std_conditions TEXT NOT NULL DEFAULT '';
ALTER TABLE service ADD COLUMN std_max_days INTEGER;   -- from the request to the start
ALTER TABLE service ADD COLUMN std_availability TEXT NOT NULL DEFAULT '';
ALTER TABLE service ADD COLUMN std_management TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN social_employment INTEGER NOT NULL DEFAULT 0;
ALTER TABLE provider ADD COLUMN resources TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN activity TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN affiliation TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN other_info TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN partner_role TEXT NOT NULL DEFAULT '';
