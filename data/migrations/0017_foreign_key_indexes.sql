-- 0017: the indexes the case and worklist reads need on their parent
-- columns (issue 14: without them, each read of a case's needs, service
-- checks, activities or shares scans the whole table, and the absences of
-- a service walk every check once per service).
CREATE INDEX IF NOT EXISTS need_assessment ON need(assessment_id);
CREATE INDEX IF NOT EXISTS monitoring_item_item ON monitoring_item(item_id);
CREATE INDEX IF NOT EXISTS absence_item ON absence(item_id);
CREATE INDEX IF NOT EXISTS supporting_activity_version ON supporting_activity(version_id);
CREATE INDEX IF NOT EXISTS plan_item_origin ON plan_item(origin_id) WHERE origin_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS plan_item_service ON plan_item(service_id);
CREATE INDEX IF NOT EXISTS plan_item_provider ON plan_item(provider_id);
CREATE INDEX IF NOT EXISTS resignation_plan ON resignation(plan_id);
CREATE INDEX IF NOT EXISTS waiting_entry_request ON waiting_entry(request_id);
CREATE INDEX IF NOT EXISTS case_share_user ON case_share(user_id);
CREATE INDEX IF NOT EXISTS request_coordinator ON request(coordinator_id);
CREATE INDEX IF NOT EXISTS group_member_request ON group_member(request_id);
CREATE INDEX IF NOT EXISTS meeting_plan_plan ON meeting_plan(plan_id);
CREATE INDEX IF NOT EXISTS case_reassignment_request ON case_reassignment(request_id);
CREATE INDEX IF NOT EXISTS programme_service_service ON programme_service(service_id);
CREATE INDEX IF NOT EXISTS provider_service_service ON provider_service(service_id);
CREATE INDEX IF NOT EXISTS authorisation_organiser ON authorisation(organiser_id);
CREATE INDEX IF NOT EXISTS monitoring_note_held ON monitoring_note(held_on);
