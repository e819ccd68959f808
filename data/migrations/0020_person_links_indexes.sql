-- 0020: who a person represents or cares for, and a person's plans, each
-- found through an index (issue 14: the anonymisation candidates asked,
-- for every person, whether anyone names them, reading every person each
-- time).
CREATE INDEX IF NOT EXISTS person_legal_rep ON person(legal_representative_id)
	WHERE legal_representative_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS person_carer ON person(actual_carer_id)
	WHERE actual_carer_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS plan_person ON plan(person_id);
-- The absences of a service over its checks, read from the index alone
-- (the worklist sums them for every running service of a coordinator).
CREATE INDEX IF NOT EXISTS monitoring_item_absences
	ON monitoring_item(item_id, superseded, absences);
DROP INDEX IF EXISTS monitoring_item_item;
