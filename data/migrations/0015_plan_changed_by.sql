-- 0015: four eyes on approval (issue 13, art. 41): who last changed a plan
-- version, besides who created it; neither approves nor returns it.
ALTER TABLE plan_version ADD COLUMN changed_by INTEGER REFERENCES app_user(id);
UPDATE plan_version SET changed_by = created_by;
