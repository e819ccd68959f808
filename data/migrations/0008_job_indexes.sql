-- 0008: the indexes anonymisation's candidate query needs (issue 10): who
-- represents or cares for a person, and a person's plans, found by index
-- instead of a scan of every row once per person.
CREATE INDEX person_representative ON person(legal_representative_id);
CREATE INDEX person_carer ON person(actual_carer_id);
CREATE INDEX plan_person ON plan(person_id);
