-- 0018: indexes for the reads that ask "what runs now" and "what waits"
-- (issue 14).  Partial indexes hold only the few rows their condition
-- names, so the planner picks them without statistics: the versions
-- waiting for approval or returned, and the services by the day they
-- really end (an early end, else the planned one).
CREATE INDEX IF NOT EXISTS plan_version_submitted ON plan_version(plan_id)
	WHERE status = 'submitted';
CREATE INDEX IF NOT EXISTS plan_version_returned ON plan_version(plan_id)
	WHERE status = 'returned';
CREATE INDEX IF NOT EXISTS plan_item_running ON plan_item(COALESCE(ended_on, ends_on));
