-- 0022: assessments by the day they were held (issue 14: the register of
-- unmet needs is read a page at a time, oldest first, walking this index
-- and stopping after the page instead of sorting every unmet need).
CREATE INDEX IF NOT EXISTS assessment_held ON assessment(held_on);
