-- 0021: the caseload kept as counts (issue 14: counting the open cases and
-- the running plans of every coordinator read every open request and every
-- plan each time, so the caseload grew with the centre's history).
--
-- plan.running: the plan has an approved version and no closing summary.
-- caseload_count: per coordinator (0: not assigned) the open requests and
-- the running plans of their requests.  Both are kept by the triggers below,
-- inside the statement (and so the transaction) that changes them; `cusdesk
-- check` recounts them.
ALTER TABLE plan ADD COLUMN running INTEGER NOT NULL DEFAULT 0;
UPDATE plan SET running = 1
	WHERE EXISTS (SELECT 1 FROM plan_version v WHERE v.plan_id = plan.id
	              AND v.status = 'approved')
	  AND NOT EXISTS (SELECT 1 FROM closure c WHERE c.plan_id = plan.id);

CREATE TABLE caseload_count (
	user_id        INTEGER PRIMARY KEY,
	open_cases     INTEGER NOT NULL DEFAULT 0,
	plans_running  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO caseload_count(user_id, open_cases)
	SELECT COALESCE(coordinator_id, 0), count(*) FROM request
	WHERE status IN ('filed', 'assessment', 'qualified', 'waiting') GROUP BY 1;
INSERT OR IGNORE INTO caseload_count(user_id)
	SELECT DISTINCT COALESCE(r.coordinator_id, 0) FROM plan p
	JOIN request r ON r.id = p.request_id WHERE p.running;
UPDATE caseload_count SET plans_running = (SELECT count(*) FROM plan p
	JOIN request r ON r.id = p.request_id
	WHERE p.running AND COALESCE(r.coordinator_id, 0) = caseload_count.user_id);

-- open requests
CREATE TRIGGER caseload_request_insert AFTER INSERT ON request
WHEN NEW.status IN ('filed', 'assessment', 'qualified', 'waiting')
BEGIN
	INSERT OR IGNORE INTO caseload_count(user_id) VALUES (COALESCE(NEW.coordinator_id, 0));
	UPDATE caseload_count SET open_cases = open_cases + 1
		WHERE user_id = COALESCE(NEW.coordinator_id, 0);
END;
CREATE TRIGGER caseload_request_delete AFTER DELETE ON request
WHEN OLD.status IN ('filed', 'assessment', 'qualified', 'waiting')
BEGIN
	UPDATE caseload_count SET open_cases = open_cases - 1
		WHERE user_id = COALESCE(OLD.coordinator_id, 0);
END;
CREATE TRIGGER caseload_request_update AFTER UPDATE OF status, coordinator_id ON request
WHEN OLD.status IS NOT NEW.status OR OLD.coordinator_id IS NOT NEW.coordinator_id
BEGIN
	UPDATE caseload_count SET open_cases = open_cases - 1
		WHERE user_id = COALESCE(OLD.coordinator_id, 0)
		  AND OLD.status IN ('filed', 'assessment', 'qualified', 'waiting');
	INSERT OR IGNORE INTO caseload_count(user_id) VALUES (COALESCE(NEW.coordinator_id, 0));
	UPDATE caseload_count SET open_cases = open_cases + 1
		WHERE user_id = COALESCE(NEW.coordinator_id, 0)
		  AND NEW.status IN ('filed', 'assessment', 'qualified', 'waiting');
	-- a case handed over takes its running plan along
	UPDATE caseload_count SET plans_running = plans_running - (SELECT count(*) FROM plan
		WHERE request_id = NEW.id AND running)
		WHERE user_id = COALESCE(OLD.coordinator_id, 0)
		  AND OLD.coordinator_id IS NOT NEW.coordinator_id;
	UPDATE caseload_count SET plans_running = plans_running + (SELECT count(*) FROM plan
		WHERE request_id = NEW.id AND running)
		WHERE user_id = COALESCE(NEW.coordinator_id, 0)
		  AND OLD.coordinator_id IS NOT NEW.coordinator_id;
END;

-- running plans: the plan's flag follows its versions and its closing ...
CREATE TRIGGER plan_running_version_insert AFTER INSERT ON plan_version
WHEN NEW.status = 'approved'
BEGIN
	UPDATE plan SET running = NOT EXISTS (SELECT 1 FROM closure WHERE plan_id = NEW.plan_id)
		WHERE id = NEW.plan_id;
END;
CREATE TRIGGER plan_running_version_update AFTER UPDATE OF status ON plan_version
WHEN (OLD.status = 'approved') <> (NEW.status = 'approved')
BEGIN
	UPDATE plan SET running = EXISTS (SELECT 1 FROM plan_version
		WHERE plan_id = NEW.plan_id AND status = 'approved')
		AND NOT EXISTS (SELECT 1 FROM closure WHERE plan_id = NEW.plan_id)
		WHERE id = NEW.plan_id;
END;
CREATE TRIGGER plan_running_version_delete AFTER DELETE ON plan_version
WHEN OLD.status = 'approved'
BEGIN
	UPDATE plan SET running = EXISTS (SELECT 1 FROM plan_version
		WHERE plan_id = OLD.plan_id AND status = 'approved')
		AND NOT EXISTS (SELECT 1 FROM closure WHERE plan_id = OLD.plan_id)
		WHERE id = OLD.plan_id;
END;
CREATE TRIGGER plan_running_closure_insert AFTER INSERT ON closure
BEGIN
	UPDATE plan SET running = 0 WHERE id = NEW.plan_id;
END;
CREATE TRIGGER plan_running_closure_delete AFTER DELETE ON closure
BEGIN
	UPDATE plan SET running = EXISTS (SELECT 1 FROM plan_version
		WHERE plan_id = OLD.plan_id AND status = 'approved')
		WHERE id = OLD.plan_id;
END;
-- ... and the count follows the flag
CREATE TRIGGER caseload_plan_running AFTER UPDATE OF running ON plan
WHEN OLD.running <> NEW.running
BEGIN
	INSERT OR IGNORE INTO caseload_count(user_id)
		SELECT COALESCE(coordinator_id, 0) FROM request WHERE id = NEW.request_id;
	UPDATE caseload_count SET plans_running = plans_running + NEW.running - OLD.running
		WHERE user_id = (SELECT COALESCE(coordinator_id, 0) FROM request
		                 WHERE id = NEW.request_id);
END;
CREATE TRIGGER caseload_plan_delete AFTER DELETE ON plan
WHEN OLD.running
BEGIN
	UPDATE caseload_count SET plans_running = plans_running - 1
		WHERE user_id = (SELECT COALESCE(coordinator_id, 0) FROM request
		                 WHERE id = OLD.request_id);
END;
