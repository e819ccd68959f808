/* casefile.c - case access and practice settings. */
#include "casefile.h"
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
	if (db_prepare(db, "SELECT r.coordinator_id, EXISTS (SELECT 1 FROM case_share s "
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
	sqlite3_finalize(st);
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
	if (db_begin(db))
		return CD_EDB;
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
