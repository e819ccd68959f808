-- 0014: a service's schedule as the days of the week and the hours
-- (issue 12), besides how often: "1,3,5" (ISO weekdays, Monday 1) and
-- "09:00-11:00"; both empty when the plan does not fix them.
ALTER TABLE plan_item ADD COLUMN days TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_item ADD COLUMN hours TEXT NOT NULL DEFAULT '';
