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
