-- 0019: the first one and two letters of every search term of a person,
-- kept beside the person's alphabetical key (issue 14).  A search for a
-- word that matches a large share of everyone ("k", "ma", "now") reads
-- the persons in alphabetical order straight from this table instead of
-- testing every person from A on: the first screen of results is the
-- first rows of one index range.  Kept by person_reindex in the same
-- transaction as the terms.
CREATE TABLE person_prefix (
	prefix    TEXT NOT NULL,
	sort_key  TEXT NOT NULL,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	PRIMARY KEY (prefix, sort_key, person_id)
) WITHOUT ROWID;
CREATE INDEX person_prefix_person ON person_prefix(person_id);
INSERT OR IGNORE INTO person_prefix(prefix, sort_key, person_id)
	SELECT substr(t.term, 1, n.k), p.sort_key, p.id FROM person_term t
	JOIN person p ON p.id = t.person_id, (SELECT 1 AS k UNION ALL SELECT 2) n;
