/* casefile.c - case access and practice settings. */
#include "casefile.h"
#include "codes.h"
#include "dbint.h"
#include "i18n.h"

#include <string.h>

int case_access(struct cd_db *db, const struct actor *a, int64_t request_id,
		bool write, struct fielderr *e)
{
	sqlite3_stmt *st;
	int64_t coordinator = 0;
	bool found = false, shared = false;

	if (!actor_can(a, PERM_CASE_CONTENT))
		return actor_require(a, PERM_CASE_CONTENT, e);
	if (db_cached(db, "SELECT r.coordinator_id, EXISTS (SELECT 1 FROM case_share s "
		      "WHERE s.request_id = r.id AND s.user_id = ?2) FROM request r "
		      "WHERE r.id = ?1", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, request_id);
	sqlite3_bind_int64(st, 2, a->user_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = true;
		coordinator = db_col_id(st, 0);
		shared = sqlite3_column_int(st, 1) != 0;
	}
	db_release(db, st);
	if (!found) {
		fielderr_set(e, -1, "%s", _("no such case"));
		return CD_ENOTFOUND;
	}
	/* the system actor (command line) and organisers work every case */
	if (a->user_id == 0 || (a->roles & ROLE_ORGANISER))
		return CD_OK;
	if ((a->roles & ROLE_COORDINATOR) && (coordinator == a->user_id || shared))
		return CD_OK;
	if (!write && (a->roles & ROLE_DIRECTOR))
		return CD_OK;
	fielderr_set(e, -1, "%s", _("this case is not assigned to you or shared with you"));
	return CD_EPERM;
}

int case_share(struct cd_db *db, const struct actor *a, int64_t request_id,
	       int64_t user_id, struct fielderr *e)
{
	sqlite3_stmt *st;
	struct user u;
	int rc;

	fielderr_clear(e);
	if ((rc = case_access(db, a, request_id, true, e)))
		return rc;
	if (user_get(db, user_id, &u) || u.disabled || !(u.roles & ROLE_COORDINATOR))
		return fielderr_set(e, -1, "%s", _("Share with: not an active coordinator"));
	if ((rc = db_begin(db)))
		return rc;
	if (db_prepare(db, "INSERT OR IGNORE INTO case_share(request_id, user_id, shared_by) "
		       "VALUES (?1, ?2, ?3)", &st))
		goto fail;
	sqlite3_bind_int64(st, 1, request_id);
	sqlite3_bind_int64(st, 2, user_id);
	db_bind_id_or_null(st, 3, a->user_id);
	if (db_step_done(db, st) ||
	    audit_add(db, a->user_id, "case.share", "request", request_id, u.login) ||
	    db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	return CD_EDB;
}

void practice_load(struct cd_db *db, struct practice *p)
{
	p->ipus_min_services = setting_get_int(db, "ipus_min_services", 2);
	p->provider_contact_days = setting_get_int(db, "provider_contact_days", 14);
	p->first_review_months = setting_get_int(db, "first_review_months", 3);
	p->absence_limit = setting_get_int(db, "absence_limit", 3);
	p->followup_months = setting_get_int(db, "followup_months", 6);
	p->assessment_income = setting_get_int(db, "assessment_income", 0) != 0;
}

int caseload(struct cd_db *db, const struct actor *a, struct caseload **out, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 8;

	*out = NULL;
	*n = 0;
	/* counts, no one's data: also for reception, who assigns cases */
	if (a->user_id != 0 && !actor_can(a, PERM_REPORTS) && !actor_can(a, PERM_REQUEST_MANAGE))
		return CD_EPERM;
	/* the counts are kept by the store's triggers (migration 21) in the
	 * transaction of every write that changes them: nothing is counted
	 * here, whatever the size of the history */
	if (db_prepare(db, "SELECT * FROM (SELECT u.id AS uid, u.full_name AS name, "
		       "COALESCE(k.open_cases, 0), COALESCE(k.plans_running, 0) FROM app_user u "
		       "LEFT JOIN caseload_count k ON k.user_id = u.id "
		       "WHERE u.disabled = 0 AND (u.roles & ?1) <> 0 "
		       "UNION ALL SELECT 0, '', COALESCE((SELECT open_cases FROM caseload_count "
		       "WHERE user_id = 0), 0), 0) "
		       "ORDER BY uid = 0, name COLLATE PL", &st))
		return CD_EDB;
	sqlite3_bind_int(st, 1, ROLE_COORDINATOR);
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct caseload *c = array_push((void **)out, n, &cap, sizeof(**out));
		c->user_id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, c->name, sizeof(c->name));
		if (!c->user_id)
			str_copy(c->name, sizeof(c->name), _("(not assigned)"));
		c->open_cases = sqlite3_column_int64(st, 2);
		c->plans_running = sqlite3_column_int64(st, 3);
	}
	return db_finish_list(st, (void **)out, n);
}

int case_reassign_all(struct cd_db *db, const struct actor *a, int64_t from_user,
		      int64_t to_user, const char *reason, long *moved, struct fielderr *e)
{
	sqlite3_stmt *st;
	struct date today;
	char d[11];
	int rc;

	*moved = 0;
	fielderr_clear(e);
	if (a->user_id != 0 && !actor_can(a, PERM_REPORTS))
		return fielderr_set(e, -1, "%s",
				    _("cases are handed over by the services organiser or the "
				      "director"));
	if (from_user == to_user)
		return fielderr_set(e, -1, "%s", _("To: choose another coordinator"));
	if (!reason || !*reason)
		return fielderr_set(e, -1, "%s", _("Reason: say why the cases are handed over"));
	if (db_prepare(db, "SELECT 1 FROM app_user WHERE id = ?1 AND disabled = 0 AND "
		       "(roles & ?2) <> 0", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, to_user);
	sqlite3_bind_int(st, 2, ROLE_COORDINATOR);
	rc = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!rc)
		return fielderr_set(e, -1, "%s", _("To: not an active coordinator"));
	date_today(&today);
	date_format(&today, d);
	if ((rc = db_begin(db)))
		return rc;
	/* the record first, while the cases still show who had them */
	if (db_prepare(db, "INSERT INTO case_reassignment(request_id, from_user, to_user, on_date, "
		       "reason, by_user) SELECT id, coordinator_id, ?2, ?3, ?4, ?5 FROM request "
		       "WHERE coordinator_id IS ?1 AND status IN " REQUEST_OPEN_SQL, &st))
		goto fail;
	if (from_user)
		sqlite3_bind_int64(st, 1, from_user);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int64(st, 2, to_user);
	sqlite3_bind_text(st, 3, d, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 5, a->user_id);
	if (db_step_done(db, st))
		goto fail;
	*moved = sqlite3_changes(db->h);
	if (db_prepare(db, "UPDATE plan SET coordinator_id = ?2 WHERE request_id IN (SELECT id "
		       "FROM request WHERE coordinator_id IS ?1 AND status IN ('filed', "
		       "'assessment', 'qualified', 'waiting'))", &st))
		goto fail;
	if (from_user)
		sqlite3_bind_int64(st, 1, from_user);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int64(st, 2, to_user);
	if (db_step_done(db, st))
		goto fail;
	if (db_prepare(db, "UPDATE request SET coordinator_id = ?2 WHERE coordinator_id IS ?1 "
		       "AND status IN " REQUEST_OPEN_SQL, &st))
		goto fail;
	if (from_user)
		sqlite3_bind_int64(st, 1, from_user);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_int64(st, 2, to_user);
	if (db_step_done(db, st) || db_commit(db))
		goto fail;
	return CD_OK;
fail:
	db_rollback(db);
	*moved = 0;
	return CD_EDB;
}
