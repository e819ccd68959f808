-- 0020: who a person represents or cares for, and a person's plans, each
-- found through an index (issue 14: the anonymisation candidates asked,
-- for every person, whether anyone names them, reading every person each
-- time).
CREATE INDEX IF NOT EXISTS person_legal_rep ON person(legal_representative_id)
	WHERE legal_representative_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS person_carer ON person(actual_carer_id)
	WHERE actual_carer_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS plan_person ON plan(person_id);
