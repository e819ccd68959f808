/* journal.c - the audit log read back, and reads of a case recorded. */
#include "journal.h"
#include "casefile.h"
#include "dbint.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int case_opened(struct cd_db *db, const struct actor *a, int64_t request_id,
		const char *what, struct fielderr *e)
{
	int rc;

	fielderr_clear(e);
	if ((rc = case_access(db, a, request_id, false, e)))
		return rc;
	return audit_add(db, a->user_id, "case.read", "request", request_id, what);
}

/* The case reference of an entry about a request or a plan. */
#define ENTRY_CASE \
	"CASE a.entity WHEN 'request' THEN (SELECT case_ref FROM request WHERE id = a.entity_id) " \
	"WHEN 'plan' THEN (SELECT r.case_ref FROM plan p JOIN request r ON r.id = p.request_id " \
	"WHERE p.id = a.entity_id) END"

int audit_list(struct cd_db *db, const struct actor *a, const struct audit_filter *f,
	       struct audit_entry **out, size_t *n, struct fielderr *e)
{
	sqlite3_stmt *st;
	struct date d;
	int64_t uid = 0;
	size_t cap = 64;
	char detail[160];
	int rc;

	*out = NULL;
	*n = 0;
	fielderr_clear(e);
	if (!actor_can(a, PERM_AUDIT_READ)) {
		fielderr_set(e, -1, "%s", _("The audit log: only the director and the "
					    "administrator read it"));
		return CD_EPERM;
	}
	if (f->from && !date_parse(f->from, &d))
		return fielderr_set(e, AUDIT_F_FROM, "%s",
				    _("From: not a valid date (use YYYY-MM-DD)"));
	if (f->to && !date_parse(f->to, &d))
		return fielderr_set(e, AUDIT_F_TO, "%s", _("To: not a valid date (use YYYY-MM-DD)"));
	if (f->login) {
		if (db_prepare(db, "SELECT id FROM app_user WHERE login = ?1", &st))
			return CD_EDB;
		sqlite3_bind_text(st, 1, f->login, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			uid = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (!uid)
			return fielderr_set(e, AUDIT_F_USER, _("User: no account '%s'"), f->login);
	}
	if (db_prepare(db, "SELECT a.id, datetime(a.at, 'localtime'), COALESCE(u.login, ''), "
		       "a.os_account, a.action, a.entity, a.entity_id, COALESCE(" ENTRY_CASE
		       ", ''), a.detail FROM audit_log a LEFT JOIN app_user u ON u.id = a.user_id "
		       "WHERE (?1 = 0 OR (a.entity = 'person' AND a.entity_id = ?1) OR "
		       " (a.entity = 'request' AND a.entity_id IN "
		       "  (SELECT id FROM request WHERE person_id = ?1)) OR "
		       " (a.entity = 'plan' AND a.entity_id IN (SELECT p.id FROM plan p JOIN "
		       "  request r ON r.id = p.request_id WHERE r.person_id = ?1))) "
		       "AND (?2 = 0 OR a.user_id = ?2) "
		       "AND (?3 IS NULL OR datetime(a.at, 'localtime') >= ?3) "
		       "AND (?4 IS NULL OR datetime(a.at, 'localtime') < date(?4, '+1 day')) "
		       "ORDER BY a.id DESC LIMIT ?5", &st))
		return CD_EDB;
	sqlite3_bind_int64(st, 1, f->person_id);
	sqlite3_bind_int64(st, 2, uid);
	if (f->from)
		sqlite3_bind_text(st, 3, f->from, -1, SQLITE_STATIC);
	if (f->to)
		sqlite3_bind_text(st, 4, f->to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)(f->limit ? f->limit : AUDIT_LIST_DEFAULT_LIMIT));
	*out = xcalloc(cap, sizeof(**out));
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct audit_entry *x = array_push((void **)out, n, &cap, sizeof(**out));
		x->id = sqlite3_column_int64(st, 0);
		db_col_copy(st, 1, x->at, sizeof(x->at));
		db_col_copy(st, 2, x->login, sizeof(x->login));
		db_col_copy(st, 3, x->os_account, sizeof(x->os_account));
		db_col_copy(st, 4, x->action, sizeof(x->action));
		db_col_copy(st, 5, x->entity, sizeof(x->entity));
		x->entity_id = sqlite3_column_int64(st, 6);
		db_col_copy(st, 7, x->case_ref, sizeof(x->case_ref));
		db_col_copy(st, 8, x->detail, sizeof(x->detail));
	}
	if ((rc = db_finish_list(st, (void **)out, n)))
		return rc;
	/* who read the log, and what they asked for */
	snprintf(detail, sizeof(detail), "person %lld; user %s; %s..%s", (long long)f->person_id,
		 f->login ? f->login : "*", f->from ? f->from : "", f->to ? f->to : "");
	return audit_add(db, a->user_id, "audit.list", f->person_id ? "person" : "",
			 f->person_id, detail);
}
